// The golden-image tests of the charts, and the tool that keeps their
// references (tests/golden/README.md):
//
//   vigie_golden check  --refs DIR [--out DIR] [--tolerance N] [--only NAME]
//   vigie_golden update --refs DIR [--only NAME]
//   vigie_golden list
//   vigie_golden crop IN.png OUT.png [--dpi D] [--with-title] [--bottom PT]
//
// `check` draws every case and compares it with DIR/<case>.png: a pixel
// differs when one of its channels is off by more than the tolerance
// (0..255, default kTolerance); a case whose picture has a differing pixel,
// another size, or no reference fails, and its picture and a difference
// image (<case>.png, <case>.diff.png) go into --out. `update` writes the
// references, saying which changed. `crop` cuts a report page (a PNG of
// pdftoppm or render_png_pages) to its chart, for the documentation's
// pictures.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "golden_cases.hpp"

namespace {

namespace fs = std::filesystem;
using vigie::golden::Image;

// Antialiased edges of a line moved by a pixel differ by far more;
// rounding in a rasteriser of another build by less.
constexpr int kTolerance = 24;

struct Options {
  std::string command;
  std::vector<std::string> arguments;
  fs::path refs;
  fs::path out;
  int tolerance = kTolerance;
  std::set<std::string> only;
  double dpi = vigie::golden::kDpi;
  bool with_title = false;
  double bottom = 0;
};

int usage() {
  std::cerr << "usage: vigie_golden check --refs DIR [--out DIR] "
               "[--tolerance N] [--only NAME]...\n"
               "       vigie_golden update --refs DIR [--only NAME]...\n"
               "       vigie_golden list\n"
               "       vigie_golden crop IN.png OUT.png [--dpi D] "
               "[--with-title] [--bottom PT]\n";
  return 2;
}

bool parse(int argc, char** argv, Options& o) {
  if (argc < 2) return false;
  o.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--refs") {
      o.refs = value();
    } else if (a == "--out") {
      o.out = value();
    } else if (a == "--tolerance") {
      o.tolerance = std::stoi(value());
    } else if (a == "--only") {
      o.only.insert(value());
    } else if (a == "--dpi") {
      o.dpi = std::stod(value());
    } else if (a == "--bottom") {
      o.bottom = std::stod(value());
    } else if (a == "--with-title") {
      o.with_title = true;
    } else if (a.starts_with("--")) {
      throw std::invalid_argument("unknown option " + a);
    } else {
      o.arguments.push_back(a);
    }
  }
  return true;
}

std::vector<vigie::render::testing::ChartCase> selected(const Options& o) {
  std::vector<vigie::render::testing::ChartCase> out;
  std::set<std::string> found;
  for (auto& c : vigie::render::testing::chart_cases()) {
    if (!o.only.empty() && !o.only.contains(c.name)) continue;
    found.insert(c.name);
    out.push_back(std::move(c));
  }
  for (const std::string& name : o.only)
    if (!found.contains(name))
      throw std::invalid_argument("no case named " + name +
                                  " (vigie_golden list names them)");
  return out;
}

fs::path scratch_dir() {
  return fs::temp_directory_path() /
         ("vigie-golden-" + std::to_string(::getpid()));
}

int check(const Options& o) {
  if (o.refs.empty()) return usage();
  const fs::path out = o.out.empty() ? fs::path("golden-out") : o.out;
  const fs::path scratch = scratch_dir();
  int failed = 0;
  std::set<std::string> names;
  for (const auto& c : selected(o)) {
    names.insert(c.name);
    const Image actual = vigie::golden::render_case(c, o.dpi, scratch);
    const fs::path ref = o.refs / (c.name + ".png");
    if (!fs::exists(ref)) {
      vigie::golden::write_png(actual, out / (c.name + ".png"));
      std::cout << "FAIL " << c.name << ": no reference " << ref.string()
                << " (tests/golden/update writes it)\n";
      ++failed;
      continue;
    }
    const Image expected = vigie::golden::read_png(ref);
    const auto result = vigie::golden::compare(expected, actual, o.tolerance);
    if (result.same_size && result.different == 0) {
      std::cout << "ok   " << c.name << " (largest difference "
                << result.largest << ")\n";
      continue;
    }
    ++failed;
    vigie::golden::write_png(actual, out / (c.name + ".png"));
    vigie::golden::write_png(
        vigie::golden::difference_image(expected, actual, o.tolerance),
        out / (c.name + ".diff.png"));
    std::cout << "FAIL " << c.name << ": ";
    if (!result.same_size) {
      std::cout << "the picture is "
                << cairo_image_surface_get_width(actual.get()) << " x "
                << cairo_image_surface_get_height(actual.get())
                << " pixels, the reference "
                << cairo_image_surface_get_width(expected.get()) << " x "
                << cairo_image_surface_get_height(expected.get());
    } else {
      std::cout << result.different << " of " << result.pixels
                << " pixels differ by more than " << o.tolerance << " (largest "
                << result.largest << ")";
    }
    std::cout << "; see " << (out / (c.name + ".diff.png")).string() << "\n";
  }
  fs::remove_all(scratch);
  // A reference no case draws any more is a test that no longer runs.
  if (o.only.empty() && fs::exists(o.refs)) {
    for (const auto& entry : fs::directory_iterator(o.refs)) {
      if (entry.path().extension() != ".png") continue;
      if (names.contains(entry.path().stem().string())) continue;
      std::cout << "FAIL " << entry.path().filename().string()
                << ": a reference of no case (remove it)\n";
      ++failed;
    }
  }
  if (failed == 0) {
    std::cout << "all " << names.size() << " pictures match\n";
  } else {
    std::cout << failed << " picture(s) differ\n";
  }
  return failed == 0 ? 0 : 1;
}

int update(const Options& o) {
  if (o.refs.empty()) return usage();
  const fs::path scratch = scratch_dir();
  for (const auto& c : selected(o)) {
    const Image actual = vigie::golden::render_case(c, o.dpi, scratch);
    const fs::path ref = o.refs / (c.name + ".png");
    std::string what = "new";
    if (fs::exists(ref)) {
      const auto result = vigie::golden::compare(vigie::golden::read_png(ref),
                                                 actual, o.tolerance);
      what = result.same_size && result.different == 0 ? "same" : "changed";
    }
    if (what != "same") vigie::golden::write_png(actual, ref);
    std::cout << what << " " << ref.string() << "\n";
  }
  fs::remove_all(scratch);
  return 0;
}

int crop(const Options& o) {
  if (o.arguments.size() != 2) return usage();
  const Image page = vigie::golden::read_png(o.arguments[0]);
  vigie::golden::write_png(
      vigie::golden::crop_page(page, o.dpi, o.with_title, o.bottom),
      o.arguments[1]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    Options o;
    if (!parse(argc, argv, o)) return usage();
    if (o.command == "check") return check(o);
    if (o.command == "update") return update(o);
    if (o.command == "crop") return crop(o);
    if (o.command == "list") {
      for (const auto& c : vigie::render::testing::chart_cases())
        std::cout << c.name << "\n";
      return 0;
    }
    return usage();
  } catch (const std::exception& e) {
    std::cerr << "vigie_golden: " << e.what() << "\n";
    return 2;
  }
}
