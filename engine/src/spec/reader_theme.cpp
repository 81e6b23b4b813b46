// The report's look: report.template names a template file
// (templates/report/*.yaml, found by name or given as a path), and
// report.theme overrides any of its values. A template and report.theme
// have the same keys; a template's mistakes are reported at its own
// file:line:column. docs/templates.md describes them.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <string_view>

#include "io/install_layout.hpp"
#include "spec/quantity.hpp"
#include "spec/spec_reader.hpp"
#include "spec/suggest.hpp"
#include "spec/yaml_load.hpp"

namespace vigie::spec {
namespace {

namespace fs = std::filesystem;

// The smallest box a page's margins may leave for the content: a tile, a
// chart's plot and a table's columns need about this much.
constexpr double kMinContent = 200;
constexpr int kMaxTilesPerRow = 8;

struct PaperSize {
  const char* name;
  double width, height;  // portrait, points
};
constexpr std::array kPaperSizes{
    PaperSize{"A3", 841.89, 1190.551}, PaperSize{"A4", 595.276, 841.89},
    PaperSize{"A5", 419.528, 595.276}, PaperSize{"letter", 612, 792},
    PaperSize{"legal", 612, 1008}};

// What a header or footer text may name; Band in render/theme.hpp.
const std::vector<std::string> kBandVariables{
    "title", "period", "author", "generated", "page", "confidentiality"};

const std::vector<std::string> kThemeKeys{"page",
                                          "grid",
                                          "font",
                                          "colours",
                                          "logo",
                                          "cover",
                                          "summary",
                                          "sections_new_page",
                                          "confidentiality",
                                          "header",
                                          "footer"};

std::vector<std::string> template_keys() {
  std::vector<std::string> keys{"name", "description"};
  keys.insert(keys.end(), kThemeKeys.begin(), kThemeKeys.end());
  return keys;
}

// Reads the keys of a template or of report.theme over a Theme. Files it
// names (the logo) are relative to `base`, the folder of the file that
// names them.
class ThemeReader {
 public:
  ThemeReader(Document& doc, fs::path base)
      : doc_(doc), base_(std::move(base)) {}

  void read(const Fields& f, render::Theme& theme) {
    if (auto at = f.optional("page")) read_page(*at, theme.page);
    if (auto at = f.optional("grid")) read_grid(*at, theme);
    if (auto at = f.optional("font")) read_font(*at, theme);
    if (auto at = f.optional("colours")) read_colours(*at, theme.colours);
    if (auto at = f.optional("logo")) read_logo(*at, theme.logo);
    doc_.assign(theme.cover, f.optional("cover"));
    doc_.assign(theme.summary, f.optional("summary"));
    doc_.assign(theme.sections_new_page, f.optional("sections_new_page"));
    doc_.assign(theme.confidentiality, f.optional("confidentiality"));
    if (auto at = f.optional("header")) read_band(*at, theme.header);
    if (auto at = f.optional("footer")) read_band(*at, theme.footer);
  }

 private:
  void read_page(const Cursor& at, render::PageSetup& page) {
    if (!doc_.expect_map(at, "a map with size, orientation and margins"))
      return;
    Fields f(doc_, at, {"size", "orientation", "margins"});
    if (auto size = f.optional("size")) {
      std::vector<std::string> names;
      for (const auto& p : kPaperSizes) names.emplace_back(p.name);
      if (auto i = doc_.choice(*size, names)) {
        // Portrait until the orientation says otherwise.
        page.width = kPaperSizes[*i].width;
        page.height = kPaperSizes[*i].height;
      }
    }
    if (auto o = f.optional("orientation")) {
      if (auto i = doc_.choice(*o, {"portrait", "landscape"})) {
        const double shorter = std::min(page.width, page.height);
        const double longer = std::max(page.width, page.height);
        page.width = *i == 0 ? shorter : longer;
        page.height = *i == 0 ? longer : shorter;
      }
    }
    if (auto m = f.optional("margins")) read_margins(*m, page);
    const double width = page.content_width();
    const double height = page.content_bottom() - page.margin_top;
    if (width < kMinContent || height < kMinContent)
      doc_.error(at, fmt::format("the margins leave {:.0f} x {:.0f} pt for "
                                 "the content; at least {:.0f} x {:.0f} "
                                 "are needed",
                                 width, height, kMinContent, kMinContent));
  }

  // One length for all four sides, or a map of those that change.
  void read_margins(const Cursor& at, render::PageSetup& page) {
    if (!at.node.IsMap()) {
      if (auto all = length(at))
        page.margin_top = page.margin_right = page.margin_bottom =
            page.margin_left = *all;
      return;
    }
    Fields f(doc_, at, {"top", "right", "bottom", "left"});
    const std::pair<const char*, double*> sides[] = {
        {"top", &page.margin_top},
        {"right", &page.margin_right},
        {"bottom", &page.margin_bottom},
        {"left", &page.margin_left}};
    for (auto [name, side] : sides)
      if (auto s = f.optional(name))
        if (auto v = length(*s)) *side = *v;
  }

  // Points, or a text with its unit ("15mm").
  std::optional<double> length(const Cursor& at) {
    const char* expected =
        "expected a length: points (36) or with a unit (15mm, 1.5cm, "
        "0.5in, 36pt)";
    auto t = doc_.text(at);
    if (!t) return std::nullopt;
    if (auto points = parse_length(t->value)) return points;
    if (auto bare = parse_length(t->value + "pt")) return bare;
    doc_.error(at, expected);
    return std::nullopt;
  }

  void read_grid(const Cursor& at, render::Theme& theme) {
    if (!doc_.expect_map(at, "a map with tiles_per_row and gutter")) return;
    Fields f(doc_, at, {"tiles_per_row", "gutter"});
    if (auto t = f.optional("tiles_per_row")) {
      doc_.assign(theme.tiles_per_row, t);
      if (theme.tiles_per_row < 1 || theme.tiles_per_row > kMaxTilesPerRow)
        doc_.error(*t, fmt::format("expected between 1 and {} tiles a row",
                                   kMaxTilesPerRow));
    }
    if (auto g = f.optional("gutter"))
      if (auto v = length(*g)) theme.gutter = *v;
  }

  void read_font(const Cursor& at, render::Theme& theme) {
    if (!doc_.expect_map(at, "a map with family")) return;
    Fields f(doc_, at, {"family"});
    if (auto family = f.optional("family")) {
      doc_.assign(theme.font_family, family);
      if (theme.font_family.empty())
        doc_.error(*family,
                   "expected a font family, e.g. \"DejaVu Sans\" or a list "
                   "such as \"Carlito, DejaVu Sans\"");
    }
  }

  void read_colours(const Cursor& at, render::Palette& palette) {
    if (!doc_.expect_map(at, "a map of colours, e.g. primary: \"#0072B2\""))
      return;
    const std::pair<const char*, render::Color*> named[] = {
        {"ink", &palette.ink},
        {"muted", &palette.muted},
        {"rule", &palette.rule},
        {"grid", &palette.grid},
        {"zebra", &palette.zebra},
        {"tile_background", &palette.tile_background},
        {"primary", &palette.primary},
        {"primary_light", &palette.primary_light},
        {"good", &palette.good},
        {"bad", &palette.bad},
        {"flat", &palette.flat},
        {"warning", &palette.warning},
        {"target", &palette.target},
        {"note_background", &palette.note_background},
        {"note_accent", &palette.note_accent},
        {"others", &palette.others},
        {"heat_low", &palette.heat_low},
        {"heat_high", &palette.heat_high},
    };
    std::vector<std::string> keys{"series"};
    for (const auto& [name, colour] : named) keys.emplace_back(name);
    Fields f(doc_, at, keys);
    for (const auto& [name, colour] : named)
      if (auto c = f.optional(name)) read_colour(*c, *colour);
    if (auto s = f.optional("series")) {
      if (!doc_.expect_list(*s, "a list of colours, at least two")) return;
      std::vector<render::Color> series;
      for (const auto& item : doc_.items(*s)) {
        render::Color c;
        if (read_colour(item, c)) series.push_back(c);
      }
      if (doc_.items(*s).size() < 2)
        doc_.error(*s,
                   "expected at least two colours: a chart's series "
                   "must differ from one another");
      else if (series.size() == doc_.items(*s).size())
        palette.series = std::move(series);
    }
  }

  bool read_colour(const Cursor& at, render::Color& out) {
    auto t = doc_.text(at);
    if (!t) return false;
    const std::string& v = t->value;
    const bool ok = v.size() == 7 && v[0] == '#' &&
                    std::all_of(v.begin() + 1, v.end(), [](char c) {
                      return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                    });
    if (!ok) {
      doc_.error(at, fmt::format("expected a colour as \"#RRGGBB\" (e.g. "
                                 "\"#0072B2\"), not {}",
                                 doc_.quote(at, *t)));
      return false;
    }
    const auto channel = [&](size_t i) {
      return static_cast<double>(std::stoi(v.substr(i, 2), nullptr, 16)) / 255;
    };
    out = render::Color{channel(1), channel(3), channel(5)};
    return true;
  }

  // A path, or {path, width}.
  void read_logo(const Cursor& at, render::Logo& logo) {
    std::optional<Cursor> path_at = at;
    if (at.node.IsMap()) {
      Fields f(doc_, at, {"path", "width"});
      path_at = f.required("path", "a PNG file, relative to this file");
      if (auto w = f.optional("width"))
        if (auto v = length(*w)) {
          if (*v < 10 || *v > 400)
            doc_.error(*w, "expected a width between 10 and 400 pt");
          else
            logo.width = *v;
        }
    }
    if (!path_at) return;
    auto t = doc_.text(*path_at);
    if (!t) return;
    if (t->value.empty()) {  // no logo (a template's, switched off)
      logo.path.clear();
      return;
    }
    const fs::path path = fs::path(t->value).is_absolute() ? fs::path(t->value)
                                                           : base_ / t->value;
    // Checked now rather than when the PDF is drawn: a run must not fail
    // at its last step for a file named wrongly.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      doc_.error(*path_at, fmt::format("cannot read the logo {}: {}",
                                       path.string(), std::strerror(errno)));
      return;
    }
    constexpr unsigned char kPngSignature[8] = {0x89, 'P',  'N',  'G',
                                                '\r', '\n', 0x1a, '\n'};
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    if (in.gcount() != sizeof head ||
        std::memcmp(head, kPngSignature, sizeof head) != 0) {
      doc_.error(*path_at,
                 fmt::format("the logo {} is not a PNG image", path.string()));
      return;
    }
    logo.path = path.string();
  }

  void read_band(const Cursor& at, render::Band& band) {
    if (!doc_.expect_map(at, "a map with left, centre and right texts")) return;
    Fields f(doc_, at, {"left", "centre", "right"});
    const std::pair<const char*, std::string*> parts[] = {
        {"left", &band.left}, {"centre", &band.centre}, {"right", &band.right}};
    for (auto [name, text] : parts)
      if (auto p = f.optional(name)) {
        doc_.assign(*text, p);
        check_variables(*p, *text);
      }
  }

  // Every {{name}} is one the renderer fills: a misspelt one would be
  // printed empty on every page of every report.
  void check_variables(const Cursor& at, const std::string& text) {
    for (size_t open = text.find("{{"); open != std::string::npos;
         open = text.find("{{", open + 2)) {
      const size_t close = text.find("}}", open + 2);
      if (close == std::string::npos) {
        doc_.error(at, "a {{ is not closed by }}");
        return;
      }
      std::string name = text.substr(open + 2, close - open - 2);
      name.erase(0, name.find_first_not_of("{ "));
      name.erase(name.find_last_not_of("} ") + 1);
      if (std::find(kBandVariables.begin(), kBandVariables.end(), name) ==
          kBandVariables.end())
        doc_.error(at, fmt::format("unknown variable {{{{{}}}}};{} "
                                   "available: {}",
                                   name, did_you_mean(name, kBandVariables),
                                   join(kBandVariables)));
      open = close;
    }
  }

  Document& doc_;
  fs::path base_;
};

// The folders a template name is looked for in: VIGIE_TEMPLATE_PATH's,
// then the installation's.
std::vector<fs::path> template_directories(const Environment& env) {
  std::vector<fs::path> dirs;
  if (auto path = env("VIGIE_TEMPLATE_PATH")) {
    std::string_view rest = *path;
    while (!rest.empty()) {
      const size_t colon = rest.find(':');
      if (const auto one = rest.substr(0, colon); !one.empty())
        dirs.emplace_back(one);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  dirs.push_back(io::data_directory() / "templates" / "report");
  return dirs;
}

std::vector<std::string> template_names(const std::vector<fs::path>& dirs) {
  std::set<std::string> names;
  for (const auto& dir : dirs) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".yaml")
        names.insert(entry.path().stem().string());
  }
  return {names.begin(), names.end()};
}

bool is_path(const std::string& name) {
  return name.find('/') != std::string::npos || name.ends_with(".yaml") ||
         name.ends_with(".yml");
}

}  // namespace

void SpecReader::read_look(const std::optional<Cursor>& template_at,
                           const std::optional<Cursor>& theme_at,
                           Report& report) {
  const fs::path spec_dir = fs::path(doc_.file()).parent_path();
  if (template_at) {
    doc_.assign(report.template_name, template_at);
    if (auto file = find_template(*template_at, report.template_name))
      read_template_file(*template_at, *file, report.theme);
  }
  if (theme_at && doc_.expect_map(*theme_at, "a map of template values")) {
    Fields f(doc_, *theme_at, kThemeKeys);
    ThemeReader(doc_, spec_dir).read(f, report.theme);
  }
}

std::optional<std::filesystem::path> SpecReader::find_template(
    const Cursor& at, const std::string& name) {
  if (name.empty()) {
    doc_.error(at,
               "expected a template's name (management, operational) "
               "or the path of a template file");
    return std::nullopt;
  }
  if (is_path(name)) {
    const fs::path path = fs::path(name).is_absolute()
                              ? fs::path(name)
                              : fs::path(doc_.file()).parent_path() / name;
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return path;
    doc_.error(at, fmt::format("no template file {}", path.string()));
    return std::nullopt;
  }
  const auto dirs = template_directories(doc_.environment());
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::is_regular_file(dir / (name + ".yaml"), ec))
      return dir / (name + ".yaml");
  }
  const auto names = template_names(dirs);
  std::vector<std::string> searched;
  for (const auto& d : dirs) searched.push_back(d.string());
  doc_.error(at,
             fmt::format("unknown template '{}';{} available: {} "
                         "(looked in {})",
                         name, did_you_mean(name, names),
                         names.empty() ? "none" : join(names), join(searched)));
  return std::nullopt;
}

void SpecReader::read_template_file(const Cursor& at,
                                    const std::filesystem::path& file,
                                    render::Theme& theme) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) {
    text.assign(YamlLimits::kMaxBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (!in && !in.eof()) {
    doc_.error(at, fmt::format("cannot read the template {}: {}", file.string(),
                               std::strerror(errno)));
    return;
  }
  LoadedYaml loaded = load_yaml(text, file.string());
  if (loaded.error) {
    doc_.add(std::move(*loaded.error));
    return;
  }
  Document tdoc(file.string(), doc_.environment());
  const Cursor root = Document::root(loaded.root);
  if (tdoc.expect_map(root,
                      "a report template: a map with page, colours, "
                      "header, footer, ...")) {
    Fields f(tdoc, root, template_keys());
    std::string name;
    tdoc.assign(name, f.optional("name"));
    std::string description;
    tdoc.assign(description, f.optional("description"));
    theme.name = name.empty() ? file.stem().string() : name;
    ThemeReader(tdoc, file.parent_path()).read(f, theme);
  }
  for (Diagnostic& d : tdoc.take_errors()) doc_.add(std::move(d));
}

}  // namespace vigie::spec
