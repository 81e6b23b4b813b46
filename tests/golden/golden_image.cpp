#include "golden_image.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>

namespace vigie::golden {

namespace {

struct Pixels {
  const unsigned char* data;
  int width, height, stride;

  explicit Pixels(const Image& image)
      : data(cairo_image_surface_get_data(image.get())),
        width(cairo_image_surface_get_width(image.get())),
        height(cairo_image_surface_get_height(image.get())),
        stride(cairo_image_surface_get_stride(image.get())) {}

  // 0xXXRRGGBB, as Cairo stores RGB24 and ARGB32 in native endianness.
  uint32_t at(int x, int y) const {
    return *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
  }
};

int channel(uint32_t pixel, int shift) {
  return static_cast<int>((pixel >> shift) & 0xff);
}

int largest_difference(uint32_t a, uint32_t b) {
  int most = 0;
  for (int shift : {0, 8, 16}) {
    most = std::max(most, std::abs(channel(a, shift) - channel(b, shift)));
  }
  return most;
}

bool is_white(uint32_t pixel) { return (pixel & 0xffffff) == 0xffffff; }

Image new_image(int width, int height) {
  Image image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot make an image of " +
                             std::to_string(width) + " x " +
                             std::to_string(height) + " pixels");
  return image;
}

void put(const Image& image, int x, int y, uint32_t pixel) {
  unsigned char* data = cairo_image_surface_get_data(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  *reinterpret_cast<uint32_t*>(data + y * stride + x * 4) = pixel;
}

}  // namespace

Image read_png(const std::filesystem::path& path) {
  Image png(cairo_image_surface_create_from_png(path.c_str()));
  if (cairo_surface_status(png.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(
        "cannot read " + path.string() + " as a PNG: " +
        cairo_status_to_string(cairo_surface_status(png.get())));
  // Whatever format the file had, compared as RGB on white.
  const int width = cairo_image_surface_get_width(png.get());
  const int height = cairo_image_surface_get_height(png.get());
  Image image = new_image(width, height);
  cairo_t* cr = cairo_create(image.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_surface(cr, png.get(), 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(image.get());
  return image;
}

void write_png(const Image& image, const std::filesystem::path& path) {
  std::filesystem::create_directories(path.parent_path());
  const cairo_status_t status =
      cairo_surface_write_to_png(image.get(), path.c_str());
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("cannot write " + path.string() + ": " +
                             cairo_status_to_string(status));
}

Image crop_to_content(const Image& page, int from, int bottom, int margin) {
  const Pixels p(page);
  bottom = std::clamp(bottom, 0, p.height);
  from = std::clamp(from, 0, bottom);
  int left = p.width, right = -1, top = bottom, low = -1;
  for (int y = from; y < bottom; ++y) {
    for (int x = 0; x < p.width; ++x) {
      if (is_white(p.at(x, y))) continue;
      left = std::min(left, x);
      right = std::max(right, x);
      top = std::min(top, y);
      low = std::max(low, y);
    }
  }
  if (right < 0) return new_image(1, 1);
  left = std::max(0, left - margin);
  top = std::max(from, top - margin);
  right = std::min(p.width - 1, right + margin);
  low = std::min(p.height - 1, low + margin);
  Image out = new_image(right - left + 1, low - top + 1);
  cairo_t* cr = cairo_create(out.get());
  cairo_set_source_surface(cr, page.get(), -left, -top);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(out.get());
  return out;
}

Comparison compare(const Image& expected, const Image& actual, int tolerance) {
  const Pixels a(expected);
  const Pixels b(actual);
  Comparison c;
  c.same_size = a.width == b.width && a.height == b.height;
  if (!c.same_size) {
    c.different = static_cast<long>(std::max(a.width, b.width)) *
                  std::max(a.height, b.height);
    return c;
  }
  for (int y = 0; y < a.height; ++y) {
    for (int x = 0; x < a.width; ++x) {
      const int d = largest_difference(a.at(x, y), b.at(x, y));
      ++c.pixels;
      c.largest = std::max(c.largest, d);
      if (d > tolerance) ++c.different;
    }
  }
  return c;
}

Image difference_image(const Image& expected, const Image& actual,
                       int tolerance) {
  const Pixels a(expected);
  const Pixels b(actual);
  const int width = std::max(a.width, b.width);
  const int height = std::max(a.height, b.height);
  Image out = new_image(width, height);
  cairo_surface_flush(out.get());
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const bool in_a = x < a.width && y < a.height;
      const bool in_b = x < b.width && y < b.height;
      uint32_t pixel = 0x0000ff;  // only one picture has it: blue
      if (in_a && in_b) {
        if (largest_difference(a.at(x, y), b.at(x, y)) > tolerance) {
          pixel = 0xff0000;
        } else {
          // The expected picture, faded: grey levels towards white.
          const uint32_t e = a.at(x, y);
          const int grey =
              (channel(e, 16) * 3 + channel(e, 8) * 6 + channel(e, 0)) / 10;
          const auto faded = static_cast<uint32_t>(255 - (255 - grey) / 4);
          pixel = faded << 16 | faded << 8 | faded;
        }
      }
      put(out, x, y, pixel);
    }
  }
  cairo_surface_mark_dirty(out.get());
  return out;
}

}  // namespace vigie::golden
