// The few words the renderer writes itself, taken from the locale's
// catalog once a document.
#pragma once

#include <string>

#include "locale/catalog.hpp"

namespace vigie::render {

struct Wording {
  std::string continued;  // appended to a table title on later pages
  std::string page;       // footer: "page 3 / 7"
  std::string previous;   // tile: the comparison period's value
  std::string target;     // tile and chart legend
  std::string generated;  // cover: generation time
  std::string notes;      // cover: data-quality notes heading
  std::string status_ok;
  std::string status_warning;
  std::string status_alert;
  std::string colon;     // "Objectif : " in French, "Target: " in English
  std::string actual;    // chart legend: the series, against its target
  std::string contents;  // cover: the sections and their pages
  std::string no_data;   // a chart with nothing to draw
  std::string total;     // a waterfall's last bar
  std::string increase;  // a waterfall's legend: the steps that add
  std::string decrease;  // and those that take away
};

inline Wording wording_for(const locale::Locale& l) {
  using locale::text;
  return {text(l, "table.continued"), text(l, "footer.page"),
          text(l, "tile.previous"),   text(l, "tile.target"),
          text(l, "cover.generated"), text(l, "cover.notes"),
          text(l, "status.ok"),       text(l, "status.warning"),
          text(l, "status.alert"),    text(l, "punctuation.colon"),
          text(l, "chart.actual"),    text(l, "cover.contents"),
          text(l, "chart.no_data"),   text(l, "chart.total"),
          text(l, "chart.increase"),  text(l, "chart.decrease")};
}

}  // namespace vigie::render
