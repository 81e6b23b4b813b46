// Options declared once and bound to a typed parameters struct (after
// Fluent Bit's config map): each declaration gives the key, the type, the
// default, the accepted values and the struct field it fills. From the
// table the SDK makes the descriptor's options (vigie_option, whose range
// and choices the engine checks when it reads the spec) and fills the
// struct when the plugin is bound, so no plugin re-parses strings.
//
//   struct Parameters {
//     int64_t window_days = 0;
//     std::vector<std::string> names = {"a", "b"};  // a list's default
//   };
//   constexpr vigie::sdk::Option<Parameters> kOptions[] = {
//       vigie::sdk::field<&Parameters::window_days>("window_days", "90",
//                                                   "window in days")
//           .at_least(1),
//       vigie::sdk::field<&Parameters::names>("names", nullptr, "names")};
//   Parameters p = vigie::sdk::bind_options(kOptions, config);
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "vigie/plugin.h"
#include "vigie/sdk/column.hpp"
#include "vigie/sdk/config.hpp"
#include "vigie/sdk/option_limits.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::sdk {

template <class P>
struct Option;

// Fills the option's field of `p` from `config` (defaults applied); the
// engine and bind_options have checked presence, type and limits.
template <class P>
using OptionBinder = void (*)(P& p, const Config& config,
                              const vigie_option& option);

template <class P>
struct Option {
  vigie_option entry;
  OptionBinder<P> bind = nullptr;

  constexpr Option required() const {
    Option o = *this;
    o.entry.required = 1;
    return o;
  }
  constexpr Option secret() const {
    Option o = *this;
    o.entry.secret = 1;
    return o;
  }
  constexpr Option at_least(double minimum) const {
    return with_minimum(minimum, 0);
  }
  constexpr Option above(double minimum) const {
    return with_minimum(minimum, VIGIE_RANGE_MINIMUM_EXCLUSIVE);
  }
  constexpr Option at_most(double maximum) const {
    Option o = *this;
    o.entry.range_flags |= VIGIE_RANGE_MAXIMUM;
    o.entry.maximum = maximum;
    return o;
  }
  // `choices` must outlive the plugin (a namespace-scope array).
  constexpr Option one_of(std::span<const char* const> choices) const {
    Option o = *this;
    o.entry.choice_count = static_cast<uint32_t>(choices.size());
    o.entry.choices = choices.data();
    return o;
  }

 private:
  constexpr Option with_minimum(double minimum, uint32_t exclusive) const {
    Option o = *this;
    o.entry.range_flags |= VIGIE_RANGE_MINIMUM | exclusive;
    o.entry.minimum = minimum;
    return o;
  }
};

// ---- the text of one option ---------------------------------------------

// A single value's text, its default when the spec gives none or an empty
// one; nothing when there is neither.
inline std::optional<std::string> option_text(const Config& config,
                                              const vigie_option& option) {
  if (auto v = config.get(option.key); v && !v->empty()) return v;
  if (option.default_value != nullptr) return std::string(option.default_value);
  return std::nullopt;
}

// A text of the option read as an integer or a number, for a custom
// binder; throws std::runtime_error naming the option otherwise.
inline int64_t integer_value(const vigie_option& option,
                             const std::string& text) {
  return Config(std::map<std::string, std::string>{{option.key, text}})
      .integer(option.key, 0);
}
inline double number_value(const vigie_option& option,
                           const std::string& text) {
  return Config::parse_number(option.key, text);
}

// An amount of money of a map option's entry `key` ("action_costs.x"), as
// int64 scaled by 10^4 like the Decimal columns, so that sums of products
// stay exact (more than 4 decimals are rounded); the engine has checked
// its range. Throws naming the entry when it is no number or past int64.
inline int64_t money_value(const std::string& key, const std::string& text) {
  const double value = Config::parse_number(key, text);
  if (!std::isfinite(value))
    throw std::runtime_error("option '" + key + "' must be a cost >= 0, got '" +
                             text + "'");
  const double scaled = value * static_cast<double>(kDecimalScale);
  // llround of a value past int64 is unspecified: refuse it by name.
  if (scaled >= 0x1p63)
    throw std::runtime_error("option '" + key + "' is too large: '" + text +
                             "' (a cost must be below 922,337,203,685,477)");
  return std::llround(scaled);
}

namespace detail {

template <class M>
struct member_of;
template <class C, class T>
struct member_of<T C::*> {
  using owner = C;
  using type = T;
};

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {
  using value_type = T;
};

template <class T>
constexpr vigie_option_type option_type_of() {
  if constexpr (is_optional<T>::value)
    return option_type_of<typename is_optional<T>::value_type>();
  else if constexpr (std::is_same_v<T, bool>)
    return VIGIE_OPTION_BOOL;
  else if constexpr (std::is_integral_v<T>)
    return VIGIE_OPTION_INT;
  else if constexpr (std::is_floating_point_v<T>)
    return VIGIE_OPTION_NUMBER;
  else if constexpr (std::is_same_v<T, std::string>)
    return VIGIE_OPTION_STRING;
  else if constexpr (std::is_same_v<T, std::vector<std::string>>)
    return VIGIE_OPTION_LIST;
  else if constexpr (std::is_same_v<T, std::map<std::string, std::string>>)
    return VIGIE_OPTION_MAP;
  else
    static_assert(sizeof(T) == 0, "no option type for this field type");
}

template <class T>
T parse_scalar(const Config& config, const char* key) {
  if constexpr (std::is_same_v<T, bool>)
    return config.boolean(key, false);
  else if constexpr (std::is_integral_v<T>)
    return static_cast<T>(config.integer(key, 0));
  else if constexpr (std::is_floating_point_v<T>)
    return static_cast<T>(config.number(key, 0));
  else
    return config.string(key);
}

template <auto Member>
void bind_member(typename member_of<decltype(Member)>::owner& p,
                 const Config& config, const vigie_option& option) {
  using T = typename member_of<decltype(Member)>::type;
  auto& field = p.*Member;
  if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    // A list or map's default is the field's initial value: it has no
    // agreed text form in the descriptor.
    if (auto items = config.list(option.key); !items.empty())
      field = std::move(items);
  } else if constexpr (std::is_same_v<T, std::map<std::string, std::string>>) {
    if (auto entries = config.map(option.key); !entries.empty())
      field = T(entries.begin(), entries.end());
  } else {
    auto text = option_text(config, option);
    if (!text) return;  // keeps the initial value (an optional: none)
    Config one(std::map<std::string, std::string>{{option.key, *text}});
    if constexpr (is_optional<T>::value)
      field =
          parse_scalar<typename is_optional<T>::value_type>(one, option.key);
    else
      field = parse_scalar<T>(one, option.key);
  }
}

[[noreturn]] inline void refuse_value(const vigie_option& option,
                                      const std::string& key,
                                      const std::string& value) {
  throw std::runtime_error("option '" + key + "' must be " +
                           limits_text(option) + ", got '" + value + "'");
}

// What the engine checks when it reads the spec, for a plugin used
// without it (tests, another host): presence and limits.
inline void check_option(const Config& config, const vigie_option& option) {
  const bool container =
      option.type == VIGIE_OPTION_MAP || option.type == VIGIE_OPTION_LIST;
  if (container) {
    auto entries = config.map(option.key);
    if (entries.empty() && option.required)
      throw std::runtime_error("missing required option '" +
                               std::string(option.key) + "'");
    if (has_limits(option))
      for (const auto& [sub, value] : entries)
        if (!within_limits(option, value))
          refuse_value(option, std::string(option.key) + "." + sub, value);
    return;
  }
  auto text = option_text(config, option);
  if (!text) {
    if (option.required)
      throw std::runtime_error("missing required option '" +
                               std::string(option.key) + "'");
    return;
  }
  if (has_limits(option) && !within_limits(option, *text))
    refuse_value(option, option.key, *text);
}

}  // namespace detail

// An option filling the field `Member` (a pointer to a data member of the
// parameters struct); its type follows the field's: bool, an integer, a
// floating point number, std::string, std::optional of one of these (none
// when there is no value and no default), std::vector<std::string> (a
// list), std::map<std::string, std::string> (a map).
template <auto Member>
constexpr Option<typename detail::member_of<decltype(Member)>::owner> field(
    const char* key, const char* default_value, const char* description) {
  using T = typename detail::member_of<decltype(Member)>::type;
  return {option(detail::option_type_of<T>(), key, default_value, false,
                 description),
          &detail::bind_member<Member>};
}

// An option with a conversion of its own (a value that is a number or a
// word, a map turned into records): `bind` reads it with option_text() or
// Config::map() and fills the struct.
template <class P>
constexpr Option<P> custom(vigie_option_type type, const char* key,
                           const char* default_value, const char* description,
                           OptionBinder<P> bind) {
  return {option(type, key, default_value, false, description), bind};
}

// The descriptor's entries of a table of options.
template <class P, std::size_t N>
constexpr std::array<vigie_option, N> option_entries(
    const Option<P> (&options)[N]) {
  std::array<vigie_option, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = options[i].entry;
  return out;
}

// Fills a P from `config`: each option checked (required, range, choices)
// and bound in the order of the table; then P::check(), when P has one,
// for rules between options. Throws std::runtime_error naming the option.
template <class P, std::size_t N>
P bind_options(const Option<P> (&options)[N], const Config& config) {
  P p{};
  for (const auto& o : options) {
    detail::check_option(config, o.entry);
    o.bind(p, config, o.entry);
  }
  if constexpr (requires { p.check(); }) p.check();
  return p;
}

}  // namespace vigie::sdk
