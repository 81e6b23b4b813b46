// Reading rendered files back with the real tools (poppler-utils), as a
// reader's viewer would.
#pragma once

#include <filesystem>
#include <string>

namespace vigie::render::testing {

// Standard output of a shell command; fails the test when it fails.
std::string run(const std::string& command);

int pdf_page_count(const std::filesystem::path& pdf);
std::string pdf_info(const std::filesystem::path& pdf);
// Text of pages [first, last], the no-break spaces turned into spaces.
std::string pdf_text(const std::filesystem::path& pdf, int first, int last);
std::string pdf_fonts(const std::filesystem::path& pdf);

std::string read_file(const std::filesystem::path& path);

// A fresh directory under the system's temporary directory.
std::filesystem::path fresh_directory(const std::string& name);

}  // namespace vigie::render::testing
