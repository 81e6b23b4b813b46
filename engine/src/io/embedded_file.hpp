// A file of the source tree compiled into the binary at build time by
// cmake/embed_files.cmake (the e-mail templates, the plugin project
// templates), so that an installed `vigie` needs no data folder.
#pragma once

#include <string_view>

namespace vigie::io {

struct EmbeddedFile {
  std::string_view path;  // relative to the folder it was embedded from
  std::string_view text;  // its bytes
};

}  // namespace vigie::io
