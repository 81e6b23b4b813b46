// The report's look: page geometry, colours, type sizes and the fixed
// heights the layout uses. Every dimension is in PDF points (1/72 inch).
#pragma once

#include "render/canvas.hpp"

namespace vigie::render::theme {

inline constexpr const char* kFontFamily = "DejaVu Sans";

// A4 portrait.
inline constexpr double kPageWidth = 595.276;
inline constexpr double kPageHeight = 841.89;
inline constexpr double kMarginLeft = 48;
inline constexpr double kMarginRight = 48;
inline constexpr double kMarginTop = 48;
inline constexpr double kMarginBottom = 60;  // leaves room for the footer
inline constexpr double kContentWidth = kPageWidth - kMarginLeft - kMarginRight;
inline constexpr double kContentBottom = kPageHeight - kMarginBottom;
inline constexpr double kFooterBaseline = kPageHeight - 30;

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
inline constexpr int kTilesPerRow = 4;
inline constexpr double kTileGap = 10;
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

// Colours.
inline constexpr Color kInk{0.122, 0.161, 0.200};             // #1F2933
inline constexpr Color kMuted{0.380, 0.431, 0.486};           // #616E7C
inline constexpr Color kRule{0.851, 0.871, 0.894};            // #D9DEE4
inline constexpr Color kGrid{0.910, 0.922, 0.937};            // #E8EBEF
inline constexpr Color kZebra{0.953, 0.961, 0.973};           // #F3F5F8
inline constexpr Color kTileBackground{0.976, 0.980, 0.984};  // #F9FAFB
inline constexpr Color kPrimary{0.114, 0.306, 0.537};         // #1D4E89
inline constexpr Color kPrimaryLight{0.847, 0.894, 0.949};    // #D8E4F2
inline constexpr Color kWhite{1, 1, 1};
inline constexpr Color kGood{0.118, 0.557, 0.243};          // #1E8E3E
inline constexpr Color kBad{0.776, 0.157, 0.157};           // #C62828
inline constexpr Color kFlat{0.482, 0.529, 0.580};          // #7B8794
inline constexpr Color kWarning{0.863, 0.522, 0.039};       // #DC850A
inline constexpr Color kTarget{0.776, 0.157, 0.157};        // #C62828
inline constexpr Color kNoteBackground{1.0, 0.973, 0.882};  // #FFF8E1
inline constexpr Color kNoteAccent{0.863, 0.522, 0.039};    // #DC850A
// The series of one chart, in this order: apart in hue and in lightness,
// so that they stay apart printed in grey. Past the last, they repeat.
inline constexpr Color kSeries[] = {
    {0.114, 0.306, 0.537},  // #1D4E89 (kPrimary)
    {0.902, 0.553, 0.165},  // #E68D2A
    {0.204, 0.624, 0.490},  // #349F7D
    {0.494, 0.333, 0.659},  // #7E55A8
    {0.439, 0.702, 0.878},  // #70B3E0
    {0.753, 0.251, 0.329},  // #C04054
    {0.667, 0.600, 0.200},  // #AA9933
    {0.400, 0.400, 0.400},  // #666666
};
inline constexpr Color kOthers{0.690, 0.718, 0.749};  // #B0B7BF, "others"
// How far a table cell's status colour is lightened behind its text, and
// a negative figure's bar (lighten() of chart_frame.hpp: 0 the colour, 1
// white); a positive figure's bar is kPrimaryLight.
inline constexpr double kStatusTint = 0.78;
inline constexpr double kNegativeBarTint = 0.7;
// A heatmap's colour scale, from its lowest value to its highest.
inline constexpr Color kHeatLow{0.937, 0.957, 0.980};   // #EFF4FA
inline constexpr Color kHeatHigh{0.078, 0.220, 0.408};  // #143868
// A bullet chart's zones, from the alert zone to the good one.
inline constexpr Color kZoneAlert{0.812, 0.827, 0.847};    // #CFD3D8
inline constexpr Color kZoneWarning{0.878, 0.890, 0.906};  // #E0E3E7
inline constexpr Color kZoneGood{0.941, 0.949, 0.957};     // #F0F2F4

}  // namespace vigie::render::theme
