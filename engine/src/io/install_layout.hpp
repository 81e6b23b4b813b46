// Where this vigie runs from, and the folders of its installation:
// <prefix>/bin/vigie beside <prefix>/lib/vigie/plugins and
// <prefix>/share/vigie (the build tree has the same layout under build/*/).
#pragma once

#include <filesystem>

namespace vigie::io {

// The folder of the running executable (the current folder when the
// system does not say).
std::filesystem::path executable_directory();

// <prefix>/share/vigie: the data files read at run time (report templates).
std::filesystem::path data_directory();

}  // namespace vigie::io
