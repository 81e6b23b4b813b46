// The templates of a plugin project (templates/plugin/), compiled into
// `vigie` at build time by cmake/embed_files.cmake, so that an installed
// `vigie` writes a project without any data folder, as the e-mail
// templates are (engine/src/deliver/default_templates.hpp).
#pragma once

#include <span>

#include "io/embedded_file.hpp"

namespace vigie::cli {

// Every file of templates/plugin/{common,connector,indicator}/, by path
// relative to templates/plugin ("connector/...").
std::span<const io::EmbeddedFile> plugin_template_files();

}  // namespace vigie::cli
