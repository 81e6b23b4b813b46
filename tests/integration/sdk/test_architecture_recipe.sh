#!/usr/bin/env bash
# The newcomer's recipe for an indicator in docs/architecture.md ("An
# indicator") is code that builds and loads: the first C++ block of that
# section is compiled as a plugin against the SDK headers, and `vigie
# plugins info` must describe it. A recipe that drifts from the SDK fails.
# usage: test_architecture_recipe.sh SOURCE_DIR VIGIE CXX
set -euo pipefail
source=$1 vigie=$2 cxx=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo '#include "vigie/sdk.hpp"'
  echo '#include "vigie/sdk/kernels/all.hpp"'
  echo 'namespace sdk = vigie::sdk;'
  sed -n '/^### An indicator$/,/^### /p' "$source/docs/architecture.md" |
    sed -n '/^```cpp$/,/^```$/p' | sed '1d;/^```$/,$d'
} >"$work/recipe.cpp"
grep -q VIGIE_KPI_INDICATOR_PLUGIN "$work/recipe.cpp"
mkdir "$work/plugins"
"$cxx" -std=c++20 -Wall -Wextra -Werror -fPIC -shared \
  -I"$source/engine/include" "$work/recipe.cpp" -o "$work/plugins/vigie_calls.so"
info=$(VIGIE_PLUGIN_PATH="$work/plugins" "$vigie" plugins info calls)
echo "$info"
grep -qE "^indicator +calls +1\.0\.0 +ABI 1\.2" <<<"$info"
grep -q "window_days .*int .*optional, default 30" <<<"$info"
grep -qE "^ +calls +required" <<<"$info"
echo "the recipe of docs/architecture.md builds and loads"
