// Reading rendered files back with the real tools (poppler-utils), as a
// reader's viewer would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vigie::render::testing {

// Standard output of a shell command; fails the test when it fails.
std::string run(const std::string& command);

int pdf_page_count(const std::filesystem::path& pdf);
std::string pdf_info(const std::filesystem::path& pdf);
// Text of pages [first, last], the no-break spaces turned into spaces.
std::string pdf_text(const std::filesystem::path& pdf, int first, int last);
std::string pdf_fonts(const std::filesystem::path& pdf);

// An element of a tagged PDF's structure, as `pdfinfo -struct-text`
// prints it: its type on a line of its own, indented two spaces a level,
// then the text of its marked content, quoted, a level deeper (in the
// order it is drawn, not the order of the page's layout).
struct StructElement {
  std::string type;
  int depth = 0;
  std::string text;             // its own text, its quoted lines joined
  std::vector<std::string> in;  // the types of the elements it is in
};
// Every element of the structure, in the tree's order.
std::vector<StructElement> pdf_structure(const std::filesystem::path& pdf);
// The text of each element of `type`, in order.
std::vector<std::string> texts_of(const std::vector<StructElement>& elements,
                                  const std::string& type);

std::string read_file(const std::filesystem::path& path);

// A fresh directory under the system's temporary directory.
std::filesystem::path fresh_directory(const std::string& name);

}  // namespace vigie::render::testing
