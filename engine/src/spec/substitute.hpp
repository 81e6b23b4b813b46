// `${NAME}` in a spec value: replaced by the environment variable NAME.
// This is how secrets (passwords, keys) and machine-specific paths reach a
// spec without being written in it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "spec/reader.hpp"

namespace vigie::spec {

struct Substitution {
  std::string value;                 // missing variables are replaced by ""
  bool used_environment = false;     // some part came from a variable
  std::vector<std::string> missing;  // names of unset variables
  // Each variable used, as {name, value}: the value is a secret.
  std::vector<std::pair<std::string, std::string>> variables;
  bool malformed = false;  // a "${" without a valid "NAME}" after it
};

// A letter or '_' followed by letters, digits or '_'.
bool is_variable_name(std::string_view name);

// NAME is a letter or '_' followed by letters, digits or '_'. Text without
// "${" comes back unchanged.
Substitution substitute(std::string_view text, const Environment& env);

}  // namespace vigie::spec
