// The comparison of the golden-image tests can fail: a changed value, a
// picture moved by one pixel, another size and a changed reference are
// all caught, and the difference image shows where.
#include "golden_image.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "golden_cases.hpp"

namespace vigie::golden {
namespace {

namespace fs = std::filesystem;
using render::testing::ChartCase;

class GoldenImage : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("vigie-golden-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  ChartCase bars() const {
    for (auto& c : render::testing::chart_types())
      if (c.name == "bar_chart_vertical") return c;
    throw std::logic_error("no bar_chart_vertical case");
  }

  Image draw(const ChartCase& c) const { return render_case(c, kDpi, dir_); }

  fs::path dir_;
};

// Red: where the difference image marks a pixel as differing.
long red_pixels(const Image& image) {
  const unsigned char* data = cairo_image_surface_get_data(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  long n = 0;
  for (int y = 0; y < cairo_image_surface_get_height(image.get()); ++y) {
    for (int x = 0; x < cairo_image_surface_get_width(image.get()); ++x) {
      const uint32_t p =
          *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
      n += (p & 0xffffff) == 0xff0000 ? 1 : 0;
    }
  }
  return n;
}

TEST_F(GoldenImage, TheSameChartDrawnTwiceIsTheSamePicture) {
  const auto result = compare(draw(bars()), draw(bars()), 0);
  EXPECT_TRUE(result.same_size);
  EXPECT_GT(result.pixels, 10000);
  EXPECT_EQ(result.different, 0);
}

TEST_F(GoldenImage, ABarThreePercentHigherIsCaught) {
  ChartCase changed = bars();
  auto& chart = std::get<render::BarChart>(changed.block);
  chart.values[1] *= 1.03;
  const Image expected = draw(bars());
  const Image actual = draw(changed);
  const auto result = compare(expected, actual, 24);
  ASSERT_TRUE(result.same_size);
  EXPECT_GT(result.different, 20);
  EXPECT_EQ(red_pixels(difference_image(expected, actual, 24)),
            result.different);
}

TEST_F(GoldenImage, APictureMovedByOnePixelIsCaught) {
  const Image expected = draw(bars());
  const int w = cairo_image_surface_get_width(expected.get());
  const int h = cairo_image_surface_get_height(expected.get());
  Image moved(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_t* cr = cairo_create(moved.get());
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_surface(cr, expected.get(), 1, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(moved.get());
  const auto result = compare(expected, moved, 24);
  ASSERT_TRUE(result.same_size);
  EXPECT_GT(result.different, 100);
}

TEST_F(GoldenImage, AnotherSizeIsCaught) {
  ChartCase longer = bars();
  std::get<render::BarChart>(longer.block).orientation =
      render::BarOrientation::Horizontal;
  const auto result = compare(draw(bars()), draw(longer), 255);
  EXPECT_FALSE(result.same_size);
  EXPECT_GT(result.different, 0);
}

TEST_F(GoldenImage, APngWrittenAndReadBackIsTheSame) {
  const Image drawn = draw(bars());
  write_png(drawn, dir_ / "bars.png");
  EXPECT_EQ(compare(drawn, read_png(dir_ / "bars.png"), 0).different, 0);
  EXPECT_THROW(read_png(dir_ / "none.png"), std::runtime_error);
}

// The tool itself: the stored reference passes; the same reference with
// one bar's value changed fails, and the difference image is written.
TEST_F(GoldenImage, TheCheckFailsOnAChangedReference) {
  const std::string tool = VIGIE_GOLDEN_EXE;
  const fs::path refs = dir_ / "refs";
  const fs::path out = dir_ / "out";
  fs::create_directories(refs);
  fs::copy_file(fs::path(VIGIE_GOLDEN_REFS) / "bar_chart_vertical.png",
                refs / "bar_chart_vertical.png");
  const std::string check = tool + " check --only bar_chart_vertical --refs " +
                            refs.string() + " --out " + out.string() + " > " +
                            (dir_ / "log").string();
  EXPECT_EQ(std::system(check.c_str()), 0);
  EXPECT_FALSE(fs::exists(out / "bar_chart_vertical.diff.png"));

  ChartCase changed = bars();
  std::get<render::BarChart>(changed.block).values[0] *= 0.9;
  write_png(draw(changed), refs / "bar_chart_vertical.png");
  EXPECT_NE(std::system(check.c_str()), 0);
  ASSERT_TRUE(fs::exists(out / "bar_chart_vertical.diff.png"));
  EXPECT_GT(red_pixels(read_png(out / "bar_chart_vertical.diff.png")), 20);
}

}  // namespace
}  // namespace vigie::golden
