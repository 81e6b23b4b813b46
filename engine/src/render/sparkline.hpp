// A KPI's recent values as a small line without axes, in a tile: its
// shape, its lowest and highest points and where it ends.
#pragma once

#include <optional>
#include <vector>

#include "render/canvas.hpp"

namespace vigie::render {

// The line fills [left, left + width] x [top, top + height], from its
// lowest value at the bottom to its highest at the top; the last value
// has a dot. Nothing when no value is a number.
void draw_sparkline(Page& page,
                    const std::vector<std::optional<double>>& values,
                    double left, double top, double width, double height,
                    Color color);

}  // namespace vigie::render
