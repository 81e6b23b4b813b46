// Pictures compared pixel by pixel: what the golden-image tests need
// beyond drawing (render_png_pages) — reading and writing PNG files,
// cropping a page to what is drawn on it, comparing two pictures at a
// per-pixel tolerance and drawing where they differ.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <string>

namespace vigie::golden {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
// An RGB image surface.
using Image = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

// Throws std::runtime_error naming the file when it cannot be read as a
// PNG.
Image read_png(const std::filesystem::path& path);
void write_png(const Image& image, const std::filesystem::path& path);

// The part of `page` that is not white within the rows [top, bottom),
// widened by `margin` pixels: a chart without the page's margins, the
// section title above `top` and the footer below `bottom`.
Image crop_to_content(const Image& page, int top, int bottom, int margin);

struct Comparison {
  bool same_size = false;
  long pixels = 0;     // compared
  long different = 0;  // off by more than the tolerance
  int largest = 0;     // the largest difference of a channel, 0..255
};

// Two pictures pixel by pixel: a pixel differs when one of its channels
// differs by more than `tolerance` (0..255). Pictures of different sizes
// differ.
Comparison compare(const Image& expected, const Image& actual, int tolerance);

// Where two pictures differ: the expected one faded to grey, the pixels
// off by more than `tolerance` in red (and, past a size difference, the
// area only one picture has in blue).
Image difference_image(const Image& expected, const Image& actual,
                       int tolerance);

}  // namespace vigie::golden
