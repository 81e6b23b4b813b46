// The style sheet and the script of report.html, templates/html/, compiled
// into the library at build time (cmake/embed_files.cmake writes
// html_asset_files()), so that an installed `vigie` needs no data folder
// and the page needs no file beside it.
#pragma once

#include <span>
#include <string_view>

#include "io/embedded_file.hpp"

namespace vigie::render {

// Every file of templates/html/ but its README, by name.
std::span<const io::EmbeddedFile> html_asset_files();

// The bytes of templates/html/<name> ("report.css", "report.js"); throws
// std::logic_error for a name the build did not embed.
std::string_view html_asset(std::string_view name);

}  // namespace vigie::render
