#include "pdf_tools.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

namespace vigie::render::testing {

namespace {

std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

void replace_all(std::string& s, const std::string& from,
                 const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos;
       at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << command;
  if (pipe == nullptr) return "";
  std::string out;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    out.append(buffer.data(), n);
  }
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

std::string pdf_info(const std::filesystem::path& pdf) {
  return run("pdfinfo " + quoted(pdf));
}

int pdf_page_count(const std::filesystem::path& pdf) {
  const std::string info = pdf_info(pdf);
  std::smatch match;
  if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) {
    ADD_FAILURE() << "no page count in pdfinfo output:\n" << info;
    return -1;
  }
  return std::stoi(match[1]);
}

std::string pdf_text(const std::filesystem::path& pdf, int first, int last) {
  std::string text = run(fmt::format("pdftotext -enc UTF-8 -f {} -l {} {} -",
                                     first, last, quoted(pdf)));
  replace_all(text, "\u202f", " ");
  replace_all(text, "\u00a0", " ");
  return text;
}

std::string pdf_fonts(const std::filesystem::path& pdf) {
  return run("pdffonts " + quoted(pdf));
}

std::vector<StructElement> pdf_structure(const std::filesystem::path& pdf) {
  std::vector<StructElement> elements;
  std::vector<size_t> open;  // indexes into elements, outermost first
  std::istringstream lines(run("pdfinfo -struct-text " + quoted(pdf)));
  std::string line;
  while (std::getline(lines, line)) {
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    const int depth = static_cast<int>(indent / 2);
    while (!open.empty() && elements[open.back()].depth >= depth)
      open.pop_back();
    const std::string rest = line.substr(indent);
    if (rest.front() == '"') {
      if (open.empty()) continue;
      elements[open.back()].text +=
          rest.substr(1, rest.size() >= 2 ? rest.size() - 2 : 0);
      continue;
    }
    StructElement e;
    e.type = rest.substr(0, rest.find(' '));
    e.depth = depth;
    for (size_t i : open) e.in.push_back(elements[i].type);
    open.push_back(elements.size());
    elements.push_back(std::move(e));
  }
  return elements;
}

std::vector<std::string> texts_of(const std::vector<StructElement>& elements,
                                  const std::string& type) {
  std::vector<std::string> out;
  for (const StructElement& e : elements)
    if (e.type == type) out.push_back(e.text);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::filesystem::path fresh_directory(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      fmt::format("vigie-render-{}-{}", name, getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace vigie::render::testing
