// The few words the renderer writes itself, in the document's language.
#pragma once

#include <string>

namespace vigie::render {

struct Wording {
  const char* continued;  // appended to a table title on later pages
  const char* page;       // footer: "page 3 / 7"
  const char* previous;   // tile: the comparison period's value
  const char* target;     // tile and chart legend
  const char* generated;  // cover: generation time
  const char* notes;      // cover: data-quality notes heading
  const char* status_ok;
  const char* status_warning;
  const char* status_alert;
  const char* colon;
  const char* actual;    // chart legend: the series, against its target
  const char* contents;  // cover: the sections and their pages  //
                         // "Objectif : " in French, "Target: " in English
};

inline const Wording& wording_for(const std::string& language) {
  static const Wording kFrench{"(suite)",  "page",      "Précédent",
                               "Objectif", "Généré le", "Qualité des données",
                               "OK",       "Attention", "Alerte",
                               "\u00a0: ", "Réalisé",   "Sommaire"};
  static const Wording kEnglish{"(continued)", "page",         "Previous",
                                "Target",      "Generated on", "Data quality",
                                "OK",          "Warning",      "Alert",
                                ": ",          "Actual",       "Contents"};
  return language == "en" ? kEnglish : kFrench;
}

}  // namespace vigie::render
