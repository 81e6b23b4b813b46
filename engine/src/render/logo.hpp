// The template's logo: a PNG file read once a document, drawn on the
// cover (and beside the HTML report's title).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "render/canvas.hpp"
#include "render/theme.hpp"

namespace vigie::render {

struct LogoImage {
  std::shared_ptr<const std::string> png;  // the file's bytes
  double width = 0;                        // points, as the theme says
  double height = 0;                       // in the image's proportions
};

// Nothing when the theme has no logo. Throws std::runtime_error naming
// the file when it cannot be read or is not a PNG image.
std::optional<LogoImage> load_logo(const Logo& logo);

// The PNG as a data: URI, for an SVG or HTML page that must stay one file.
std::string png_data_uri(const std::string& png);

}  // namespace vigie::render
