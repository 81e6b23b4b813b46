// Where a burst value's report is written: a folder of the run's output
// folder, named after the value in a form safe on any file system. The
// run writes it, the scheduler finds it there to send it.
#pragma once

#include <filesystem>
#include <string>

namespace vigie::output {

// Letters, digits, '-', '_' and '.' kept; a value holding anything else
// (a '/', a space, an accent), or empty, or "." or "..", gets '_' for each
// such byte and a hash of the whole value, so that two values never share
// a folder: "Île-de-France" -> "__le-de-France-1a2b3c4d".
std::filesystem::path burst_folder(const std::filesystem::path& out,
                                   const std::string& value);

}  // namespace vigie::output
