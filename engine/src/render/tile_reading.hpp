// How a tile reads, whatever draws it (the PDF's tile, the HTML report's):
// the arrow of its change, whether the change is good news, its status in
// words.
#pragma once

#include <string>

#include "render/document.hpp"
#include "render/wording.hpp"

namespace vigie::render {

// Good when the KPI moves the way it should, bad when it moves the other
// way, flat when it does not move or the good direction is unknown.
enum class Move { Good, Bad, Flat };

inline Move change_move(const Tile& tile) {
  if (tile.direction == 0 || tile.good_direction == 0) return Move::Flat;
  return tile.direction == tile.good_direction ? Move::Good : Move::Bad;
}

inline const char* change_arrow(int direction) {
  if (direction > 0) return "▲";
  if (direction < 0) return "▼";
  return "►";
}

// The badge's word; empty for a KPI without a target.
inline std::string status_text(Status status, const Wording& words) {
  switch (status) {
    case Status::Ok:
      return words.status_ok;
    case Status::Warning:
      return words.status_warning;
    case Status::Alert:
      return words.status_alert;
    case Status::None:
      break;
  }
  return "";
}

}  // namespace vigie::render
