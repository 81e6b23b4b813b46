// Text in scripts the theme's font (DejaVu Sans) has, and in scripts it
// lacks: Pango falls back, through fontconfig, to an installed font that
// has them (Noto, from fonts-noto-core: .ci/setup). Whatever the font,
// it is embedded in the PDF, and the text comes back out of it. No CJK:
// fonts-noto-core has no Chinese, Japanese nor Korean font.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pdf_tools.hpp"
#include "render/renderer.hpp"

namespace vigie::render {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

// A script's sample: a section's title, a note and a table cell.
struct Sample {
  const char* script;
  std::string title;
  std::string note;
  std::string cell;
};

const std::vector<Sample>& samples() {
  static const std::vector<Sample> all = {
      {"Greek", "Πωλήσεις ανά περιοχή", "Τα στοιχεία είναι προσωρινά.",
       "Αθήνα"},
      {"Cyrillic", "Продажи по регионам", "Данные предварительные.", "Москва"},
      {"Arabic", "المبيعات حسب المنطقة", "البيانات أولية.", "القاهرة"},
      {"Hebrew", "מכירות לפי אזור", "הנתונים זמניים.", "ירושלים"},
      {"Devanagari", "क्षेत्र के अनुसार बिक्री", "आंकड़े अस्थायी हैं।", "दिल्ली"},
      {"Thai", "ยอดขายตามภูมิภาค", "ข้อมูลเบื้องต้น", "กรุงเทพ"},
  };
  return all;
}

Document scripts_document() {
  Document doc;
  doc.title = "Écritures";
  doc.period = "Octobre 2026";
  TableBlock table;
  table.title = "Villes";
  table.header = {"Écriture", "Ville"};
  table.numeric = {false, false};
  for (const Sample& s : samples()) {
    doc.sections.push_back(Section{s.title, {Note{s.note}}});
    table.rows.push_back({s.script, s.cell});
  }
  doc.sections.push_back(Section{"Tableau", {table}});
  return doc;
}

class PdfScripts : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::fresh_directory(
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    pdf_ = dir_ / "report.pdf";
    pages_ = render_pdf(scripts_document(), pdf_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::filesystem::path pdf_;
  int pages_ = 0;
};

TEST_F(PdfScripts, EveryFontIsEmbedded) {
  std::istringstream lines(testing::pdf_fonts(pdf_));
  std::string line;
  std::getline(lines, line);  // name type encoding emb sub uni object ID
  const size_t emb_column = line.find("emb");
  ASSERT_NE(emb_column, std::string::npos);
  std::getline(lines, line);  // ----- rule
  std::string names;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ASSERT_GT(line.size(), emb_column + 3);
    EXPECT_EQ(line.substr(emb_column, 3), "yes") << line;
    names += line.substr(0, line.find(' ')) + "\n";
  }
  // DejaVu Sans draws the Greek, Cyrillic, Arabic and Hebrew; it has no
  // Devanagari nor Thai, which Noto's fonts draw (fonts-noto-core).
  EXPECT_THAT(names, HasSubstr("+DejaVuSans\n"));
  EXPECT_THAT(names, HasSubstr("+DejaVuSans-Bold\n"));
  EXPECT_THAT(names, HasSubstr("+NotoSansDevanagari-Regular\n"));
  EXPECT_THAT(names, HasSubstr("+NotoSansDevanagari-Bold\n"));
  EXPECT_THAT(names, HasSubstr("+NotoSansThai-Regular\n"));
  EXPECT_THAT(names, HasSubstr("+NotoSansThai-Bold\n"));
}

std::string without(std::string text, const std::vector<std::string>& parts) {
  for (const std::string& part : parts) {
    for (size_t at = text.find(part); at != std::string::npos;
         at = text.find(part, at))
      text.erase(at, part.size());
  }
  return text;
}

// U+202B RIGHT-TO-LEFT EMBEDDING ... U+202C POP DIRECTIONAL FORMATTING:
// how pdftotext hands over a right-to-left line, in logical order.
std::string rtl(const std::string& text) { return "\u202b" + text + "\u202c"; }

// pdftotext's text, as a search or a copy in a viewer finds it: its
// layout analysis puts the glyphs back in lines, in reading order.
TEST_F(PdfScripts, PdftotextReadsEachScript) {
  const std::string text = testing::pdf_text(pdf_, 1, pages_);
  for (const Sample& s : samples()) {
    const std::string script = s.script;
    if (script == "Arabic" || script == "Hebrew") {
      EXPECT_THAT(text, HasSubstr(rtl(s.title))) << script;
      continue;
    }
    EXPECT_THAT(text, HasSubstr(s.note)) << script;
    EXPECT_THAT(text, HasSubstr(s.cell)) << script;
    // Thai's 15 pt title: Poppler 22.12 moves the vowel sign above ม
    // (U+0E34) to a line of its own ("ยอดขายตามภูมภ\nิ าค"); the
    // structure's text has it whole (below), the page draws it whole.
    if (script != "Thai") {
      EXPECT_THAT(text, HasSubstr(s.title)) << script;
    }
  }
  // The full stop, at the left end of a right-to-left line, comes first.
  const Sample& hebrew = samples()[3];
  EXPECT_THAT(text, HasSubstr("." + rtl("הנתונים זמניים")));
  EXPECT_THAT(text, HasSubstr(rtl(hebrew.cell)));
  // Arabic at the note's and the cells' sizes: the letters come back in
  // their order, but Poppler 22.12 cuts a word after a letter that does
  // not join the next ("ا لب يانا ت أو لية"): compared without spaces.
  const std::string joined = without(text, {" "});
  EXPECT_THAT(joined, HasSubstr("." + rtl("البياناتأولية")));
  EXPECT_THAT(joined, HasSubstr(rtl("القاهرة")));
}

// The structure's text (pdfinfo -struct-text): each element's marked
// content in the order it is drawn, as a screen reader takes it, with no
// layout analysis: right-to-left and Thai text whole, in logical order.
// (Not Devanagari: Cairo writes a reordered vowel sign as an
// /ActualText span, where Poppler 22.12 stops an element's text.)
TEST_F(PdfScripts, StructureHasEachScriptsTextInOrder) {
  const auto elements = testing::pdf_structure(pdf_);
  const std::vector<std::string> h1 = testing::texts_of(elements, "H1");
  const std::vector<std::string> p = testing::texts_of(elements, "P");
  std::string table;
  for (const std::string& t : testing::texts_of(elements, "Table")) table += t;
  for (const Sample& s : samples()) {
    if (std::string(s.script) == "Devanagari") continue;
    EXPECT_THAT(h1, Contains(s.title)) << s.script;
    EXPECT_THAT(p, Contains(s.note)) << s.script;
    EXPECT_THAT(table, HasSubstr(std::string(s.script) + s.cell));
  }
}

}  // namespace
}  // namespace vigie::render
