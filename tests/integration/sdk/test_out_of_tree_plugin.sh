#!/usr/bin/env bash
# Installs the SDK from the build tree into a temporary prefix, builds a
# connector in a project of its own with find_package(Vigie), and checks
# that `vigie plugins list` finds it through VIGIE_PLUGIN_PATH.
# usage: test_out_of_tree_plugin.sh BUILD_DIR SOURCE_DIR VIGIE
set -euo pipefail
build=$1 source=$2 vigie=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/vigie/plugin.h"
test -f "$work/prefix/lib/cmake/Vigie/VigieConfig.cmake"
cmake -S "$source/tests/integration/sdk/hello_plugin" -B "$work/build" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
test -f "$work/build/plugins/vigie_hello.so"
listing=$(VIGIE_PLUGIN_PATH="$work/build/plugins" "$vigie" plugins list)
echo "$listing"
grep -E "^connector +hello +0\.1\.0 +ABI 1\.2 +$work/build/plugins/vigie_hello.so" <<<"$listing"
info=$(VIGIE_PLUGIN_PATH="$work/build/plugins" "$vigie" plugins info hello)
grep -q "count .*int .*optional, default 3" <<<"$info"
echo "out-of-tree plugin found and described"
