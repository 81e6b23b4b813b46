#include "output/burst_folder.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>

namespace vigie::output {
namespace {

// FNV-1a, 32 bits: stable from build to build and machine to machine
// (std::hash is neither promised), and a folder name must stay the same
// for the scheduler that sends what a run wrote.
std::uint32_t fnv1a(const std::string& text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::filesystem::path burst_folder(const std::filesystem::path& out,
                                   const std::string& value) {
  std::string name;
  bool changed = false;
  for (unsigned char c : value) {
    const bool safe = std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
    name += safe ? static_cast<char>(c) : '_';
    changed |= !safe;
  }
  if (name.empty() || name == "." || name == ".." || changed)
    name += fmt::format("-{:08x}", fnv1a(value));
  return out / name;
}

}  // namespace vigie::output
