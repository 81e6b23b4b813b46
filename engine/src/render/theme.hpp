// The report's look. What a template (templates/report/*.yaml, read by
// spec/reader_template.cpp) sets is the Theme: page geometry, grid, fonts,
// colours, cover, header and footer. What stays compiled in is the
// typography's proportions: type sizes and the heights of blocks, which
// the layout's fitting rules are tested against. Every dimension is in PDF
// points (1/72 inch).
#pragma once

#include <string>
#include <vector>

#include "render/canvas.hpp"

namespace vigie::render::theme {

// Space between two blocks, and under a section title.
inline constexpr double kBlockGap = 18;
inline constexpr double kSectionTitleHeight = 34;  // text, rule and space

// Type sizes.
inline constexpr double kCoverTitleSize = 26;
inline constexpr double kCoverSubtitleSize = 13;
inline constexpr double kSectionTitleSize = 15;
inline constexpr double kBlockTitleSize = 10.5;
inline constexpr double kBodySize = 9;
inline constexpr double kSmallSize = 7.5;
inline constexpr double kTileValueSize = 19;
inline constexpr double kTableSize = 8;
inline constexpr double kFooterSize = 7.5;

// Blocks.
inline constexpr double kBlockTitleHeight = 20;  // a chart or table title
inline constexpr double kTileHeight = 108;
inline constexpr double kLineChartHeight = 210;  // plot, axes and legend
inline constexpr double kBarThickness = 16;      // a horizontal bar's line
inline constexpr double kBarLineHeight = 22;
inline constexpr double kVerticalBarChartHeight = 190;
inline constexpr double kTableHeaderHeight = 20;
inline constexpr double kTableRowHeight = 16;
inline constexpr double kTableCellPadding = 6;
inline constexpr double kStackedBarChartHeight = 210;
inline constexpr double kDonutChartHeight = 190;
inline constexpr double kFunnelStepHeight = 34;  // a bar and its conversion
inline constexpr double kHeatmapCellHeight = 18;
inline constexpr double kWaterfallChartHeight = 210;
inline constexpr double kBulletHeight = 34;  // a KPI's line
inline constexpr double kSmallMultipleHeight = 120;
inline constexpr int kSmallMultiplesPerRow = 3;
inline constexpr double kSparklineHeight = 22;  // added to a tile

inline constexpr Color kWhite{1, 1, 1};

}  // namespace vigie::render::theme

namespace vigie::render {

// A page and the margins its content keeps to. The header sits in the top
// margin, the footer in the bottom one.
struct PageSetup {
  double width = 595.276;  // A4 portrait
  double height = 841.89;
  double margin_top = 48;
  double margin_right = 48;
  double margin_bottom = 60;
  double margin_left = 48;

  constexpr double content_width() const {
    return width - margin_left - margin_right;
  }
  constexpr double content_bottom() const { return height - margin_bottom; }
  constexpr double footer_baseline() const {
    return height - margin_bottom / 2;
  }
  constexpr double header_baseline() const { return margin_top / 2 + 3; }
};

// Named colours of the report. The default series are Okabe and Ito's
// palette (chosen to stay apart for the common colour-vision deficiencies),
// led by its blue, ordered so that neighbours also differ in lightness.
struct Palette {
  Color ink{0.122, 0.161, 0.200};              // #1F2933 text
  Color muted{0.380, 0.431, 0.486};            // #616E7C secondary text
  Color rule{0.851, 0.871, 0.894};             // #D9DEE4 separators
  Color grid{0.910, 0.922, 0.937};             // #E8EBEF chart grid
  Color zebra{0.953, 0.961, 0.973};            // #F3F5F8 table stripes
  Color tile_background{0.976, 0.980, 0.984};  // #F9FAFB
  Color primary{0.0, 0.447, 0.698};            // #0072B2 titles, bars
  Color primary_light{0.831, 0.898, 0.945};    // #D4E5F1
  Color good{0.0, 0.620, 0.451};               // #009E73
  Color bad{0.835, 0.369, 0.0};                // #D55E00
  Color flat{0.482, 0.529, 0.580};             // #7B8794
  Color warning{0.902, 0.624, 0.0};            // #E69F00
  Color target{0.835, 0.369, 0.0};             // #D55E00
  Color note_background{1.0, 0.973, 0.882};    // #FFF8E1
  Color note_accent{0.902, 0.624, 0.0};        // #E69F00
  // The series of one chart, in this order; past the last, they repeat.
  std::vector<Color> series{
      {0.0, 0.447, 0.698},    // #0072B2 blue
      {0.902, 0.624, 0.0},    // #E69F00 orange
      {0.0, 0.620, 0.451},    // #009E73 bluish green
      {0.800, 0.475, 0.655},  // #CC79A7 reddish purple
      {0.337, 0.706, 0.914},  // #56B4E9 sky blue
      {0.835, 0.369, 0.0},    // #D55E00 vermillion
      {0.941, 0.894, 0.259},  // #F0E442 yellow
      {0.400, 0.400, 0.400},  // #666666
  };
  Color others{0.690, 0.718, 0.749};  // #B0B7BF, "others"
  // A heatmap's colour scale, from its lowest value to its highest.
  Color heat_low{0.937, 0.957, 0.980};   // #EFF4FA
  Color heat_high{0.039, 0.235, 0.416};  // #0A3C6A
  // A bullet chart's zones, from the alert zone to the good one.
  Color zone_alert{0.812, 0.827, 0.847};    // #CFD3D8
  Color zone_warning{0.878, 0.890, 0.906};  // #E0E3E7
  Color zone_good{0.941, 0.949, 0.957};     // #F0F2F4
  // How far a table cell's status colour is lightened behind its text,
  // and a negative figure's bar (lighten() of chart_frame.hpp: 0 the
  // colour, 1 white); a positive figure's bar is primary_light.
  double status_tint = 0.78;
  double negative_bar_tint = 0.7;

  const Color& series_colour(size_t i) const {
    return series[i % series.size()];
  }
};

// A line of the header or footer: three texts, mustache templates over
// {{title}}, {{period}}, {{author}}, {{generated}}, {{page}} ("page 3 / 12"
// in the report's language) and {{confidentiality}}; empty: nothing.
struct Band {
  std::string left;
  std::string centre;
  std::string right;

  bool empty() const { return left.empty() && centre.empty() && right.empty(); }
};

// An image drawn on the cover and in the header: a PNG file.
struct Logo {
  std::string path;   // empty: none
  double width = 90;  // points; the height follows the image's proportions
};

struct Theme {
  std::string name = "default";  // the template's name, for messages
  PageSetup page;
  // Pango's family list: the first that has a character draws it (fontconfig
  // falls back to any installed font for a script none of them covers).
  std::string font_family = "DejaVu Sans";
  int tiles_per_row = 4;  // the grid of KPI tiles
  double gutter = 10;     // between tiles and panels
  Palette colours;
  Logo logo;
  bool cover = true;               // page 1: title band, notes, contents
  bool summary = false;            // an executive summary page after the cover
  bool sections_new_page = false;  // each section starts a page
  std::string confidentiality;     // e.g. "Confidentiel - usage interne"
  Band header;
  Band footer{"{{confidentiality}}", "", "{{title}} — {{page}}"};
};

}  // namespace vigie::render
