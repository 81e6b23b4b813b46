#include "spec/quantity.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <utility>

namespace vigie::spec {
namespace {

// The number and the unit after it (spaces between them allowed).
std::optional<std::pair<unsigned long long, std::string_view>> split(
    std::string_view text) {
  unsigned long long number = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  std::string_view unit(
      end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  return std::pair{number, unit};
}

std::optional<unsigned long long> times(unsigned long long n,
                                        unsigned long long unit,
                                        unsigned long long max) {
  if (n > max / unit) return std::nullopt;
  return n * unit;
}

}  // namespace

std::optional<long long> parse_duration(std::string_view text) {
  auto parts = split(text);
  if (!parts) return std::nullopt;
  constexpr std::pair<std::string_view, unsigned long long> kUnits[] = {
      {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"w", 7 * 86400}};
  for (auto [name, seconds] : kUnits)
    if (parts->second == name)
      // Ten years at most: enough for any wait, far from overflowing.
      if (auto v = times(parts->first, seconds, 10ULL * 366 * 86400))
        return static_cast<long long>(*v);
  return std::nullopt;
}

std::optional<unsigned long long> parse_size(std::string_view text) {
  auto parts = split(text);
  if (!parts) return std::nullopt;
  constexpr std::pair<std::string_view, unsigned long long> kUnits[] = {
      {"B", 1},           {"KB", 1000},        {"MB", 1000 * 1000},
      {"GB", 1000000000}, {"KiB", 1ULL << 10}, {"MiB", 1ULL << 20},
      {"GiB", 1ULL << 30}};
  for (auto [name, bytes] : kUnits)
    if (parts->second == name)
      return times(parts->first, bytes,
                   std::numeric_limits<std::int64_t>::max());
  return std::nullopt;
}

std::optional<double> parse_length(std::string_view text) {
  double number = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end == text.data() || !(number >= 0) || number > 1e4)
    return std::nullopt;
  std::string_view unit(
      end, static_cast<std::size_t>(text.data() + text.size() - end));
  while (!unit.empty() && unit.front() == ' ') unit.remove_prefix(1);
  constexpr std::pair<std::string_view, double> kUnits[] = {
      {"pt", 1}, {"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72}};
  for (auto [name, points] : kUnits)
    if (unit == name) return number * points;
  return std::nullopt;
}

}  // namespace vigie::spec
