#include "render/logo.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace vigie::render {
namespace {

// The pixel size, from the IHDR chunk every PNG starts with (signature,
// chunk length and type, then width and height as big-endian 32-bit
// numbers): two fields at fixed offsets, not worth decoding the image for.
// The canvases decode it when they draw it.
std::optional<std::pair<uint32_t, uint32_t>> png_size(const std::string& b) {
  constexpr unsigned char kSignature[8] = {0x89, 'P',  'N',  'G',
                                           '\r', '\n', 0x1a, '\n'};
  if (b.size() < 24 || std::memcmp(b.data(), kSignature, 8) != 0 ||
      b.compare(12, 4, "IHDR") != 0)
    return std::nullopt;
  const auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i)
      v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    return v;
  };
  const uint32_t width = be32(16);
  const uint32_t height = be32(20);
  if (width == 0 || height == 0) return std::nullopt;
  return std::pair{width, height};
}

}  // namespace

std::optional<LogoImage> load_logo(const Logo& logo) {
  if (logo.path.empty()) return std::nullopt;
  std::ifstream in(logo.path, std::ios::binary);
  if (!in)
    throw std::runtime_error(fmt::format("cannot read the logo {}: {}",
                                         logo.path, std::strerror(errno)));
  auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in),
                                             std::istreambuf_iterator<char>());
  const auto size = png_size(*bytes);
  if (!size)
    throw std::runtime_error(
        fmt::format("the logo {} is not a PNG image", logo.path));
  LogoImage image;
  image.width = logo.width;
  image.height = logo.width * static_cast<double>(size->second) /
                 static_cast<double>(size->first);
  image.png = std::move(bytes);
  return image;
}

std::string png_data_uri(const std::string& png) {
  // Base64 by GLib, which Pango already brings.
  gchar* base64 =
      g_base64_encode(reinterpret_cast<const guchar*>(png.data()), png.size());
  std::string uri = std::string("data:image/png;base64,") + base64;
  g_free(base64);
  return uri;
}

}  // namespace vigie::render
