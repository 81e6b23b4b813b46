#!/usr/bin/env bash
# Installs the SDK from the build tree into a temporary prefix and checks
# what an IT team gets there:
#  - the public headers, exactly engine/include/vigie/**, each of which
#    compiles on its own against the prefix (nothing of engine/src needed);
#  - a connector built in a project of its own with find_package(Vigie),
#    which `vigie plugins list` finds through VIGIE_PLUGIN_PATH;
#  - the same connector built with plain g++ and `pkg-config --cflags
#    vigie-sdk` (lib/pkgconfig/vigie-sdk.pc), which `vigie plugins info`
#    loads from --plugin-path.
# usage: test_out_of_tree_plugin.sh BUILD_DIR SOURCE_DIR VIGIE CXX
set -euo pipefail
build=$1 source=$2 vigie=$3 cxx=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
test -f "$prefix/include/vigie/plugin.h"
test -f "$prefix/lib/cmake/Vigie/VigieConfig.cmake"

# The headers installed are the public ones, no more, no fewer.
(cd "$source/engine/include" && find . -type f | sort) >"$work/public"
(cd "$prefix/include" && find . -type f | sort) >"$work/installed"
diff -u "$work/public" "$work/installed"
# ... and each stands alone on the prefix (the system's headers aside).
while read -r header; do
  echo "#include \"${header#./}\"" |
    "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Werror \
      -I"$prefix/include" -x c++ - ||
    { echo "installed header ${header#./} does not compile alone"; exit 1; }
done < <(grep -E '\.(h|hpp)$' "$work/installed")
echo "$(wc -l <"$work/installed") public headers installed, each self-contained"

cmake -S "$source/tests/integration/sdk/hello_plugin" -B "$work/build" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/build" >/dev/null
test -f "$work/build/plugins/vigie_hello.so"
listing=$(VIGIE_PLUGIN_PATH="$work/build/plugins" "$vigie" plugins list)
echo "$listing"
grep -E "^connector +hello +0\.1\.0 +ABI 1\.2 +$work/build/plugins/vigie_hello.so" <<<"$listing"
info=$(VIGIE_PLUGIN_PATH="$work/build/plugins" "$vigie" plugins info hello)
grep -q "count .*int .*optional, default 3" <<<"$info"
echo "out-of-tree plugin found and described"

# Without CMake: the flags from pkg-config only (PKG_CONFIG_LIBDIR: the
# prefix's .pc and nothing of the system's), C++20 as the .pc says.
export PKG_CONFIG_LIBDIR=$prefix/lib/pkgconfig
test "$(pkg-config --modversion vigie-sdk)" = \
  "$(sed -n 's/^project(Vigie VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")"
test "$(pkg-config --variable=cxx_standard vigie-sdk)" = c++20
read -r -a cflags <<<"$(pkg-config --cflags vigie-sdk)"
test "${cflags[*]}" = "-I$prefix/include"
mkdir "$work/pc-plugins"
"$cxx" -std="$(pkg-config --variable=cxx_standard vigie-sdk)" "${cflags[@]}" \
  -Wall -Wextra -Werror -fPIC -shared -fvisibility=hidden -Wl,--no-undefined \
  "$source/tests/integration/sdk/hello_plugin/hello_connector.cpp" \
  -o "$work/pc-plugins/vigie_hello.so"
chmod go-w "$work/pc-plugins" "$work/pc-plugins/vigie_hello.so"
info=$(env -u VIGIE_PLUGIN_PATH "$vigie" plugins info hello \
  --plugin-path "$work/pc-plugins")
echo "$info"
grep -E "^connector +hello +0\.1\.0 +ABI 1\.2 +$work/pc-plugins/vigie_hello.so" <<<"$info"
grep -q "count .*int .*optional, default 3" <<<"$info"
echo "plugin built with pkg-config and g++ loads"
