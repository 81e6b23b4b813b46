#include "compute/metric_references.hpp"

#include <muParser.h>

#include <cmath>
#include <stdexcept>

namespace vigie::compute {
namespace {

std::optional<double> at(const PeriodValues& v, std::size_t i) {
  return i < v.size() ? v[i] : std::nullopt;
}

}  // namespace

PeriodValues ratio_values(const PeriodValues& numerator,
                          const PeriodValues& denominator,
                          std::size_t periods) {
  PeriodValues out(periods);
  for (std::size_t i = 0; i < periods; ++i) {
    const auto n = at(numerator, i);
    const auto d = at(denominator, i);
    // "A rate whose denominator is 0 has no value" (KPI catalog).
    if (n && d && *d != 0) out[i] = *n / *d;
  }
  return out;
}

PeriodValues expression_values(
    const std::string& expression,
    const std::map<std::string, const PeriodValues*>& variables,
    std::size_t periods) {
  PeriodValues out(periods);
  mu::Parser parser;
  std::map<std::string, double> slots;
  try {
    for (const auto& [name, values] : variables)
      parser.DefineVar(name, &slots[name]);
    parser.SetExpr(expression);
    for (std::size_t i = 0; i < periods; ++i) {
      bool complete = true;
      for (const auto& [name, values] : variables) {
        const auto v = at(*values, i);
        complete &= v.has_value();
        slots[name] = v.value_or(0);
      }
      if (!complete) continue;
      const double result = parser.Eval();
      if (std::isfinite(result)) out[i] = result;
    }
  } catch (const mu::Parser::exception_type& e) {
    throw std::invalid_argument("expression '" + expression +
                                "': " + e.GetMsg());
  }
  return out;
}

PeriodValues cumulative_values(const PeriodValues& values,
                               std::span<const Period> periods,
                               std::size_t current, std::size_t from) {
  PeriodValues out(periods.size());
  if (current >= periods.size()) return out;
  std::size_t first = current;
  while (first > from && periods[first - 1].end_us == periods[first].start_us)
    --first;
  std::optional<double> total;
  for (std::size_t i = first; i <= current; ++i) {
    if (const auto v = at(values, i)) total = total.value_or(0) + *v;
    out[i] = total;
  }
  return out;
}

}  // namespace vigie::compute
