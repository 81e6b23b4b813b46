#include "render/html_assets.hpp"

#include <stdexcept>
#include <string>

namespace vigie::render {

std::string_view html_asset(std::string_view name) {
  for (const io::EmbeddedFile& f : html_asset_files())
    if (f.path == name) return f.text;
  throw std::logic_error("templates/html/" + std::string(name) +
                         " was not embedded at build time");
}

}  // namespace vigie::render
