// `vigie plugins new connector|indicator NAME`: a plugin project of its own,
// written from the templates of templates/plugin/ (plugin_templates.hpp),
// that builds against the installed SDK and passes its test as written.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::cli {

// What is wrong with a plugin name, or nothing: a name is [a-z][a-z0-9_]*,
// 64 characters at most (it names the module vigie_NAME.so, a CMake target
// and, in CamelCase, a C++ class).
std::optional<std::string> plugin_name_problem(std::string_view name);

// "ticket_export" -> "TicketExport".
std::string camel_case(std::string_view name);

// The project's files: each template file of `kind` ("connector" or
// "indicator") and of common/, its path relative to the project and its
// text, @name@, @Name@ and @vigie_version@ replaced, a trailing ".in"
// dropped. Throws std::invalid_argument for another kind.
struct ProjectFile {
  std::filesystem::path path;
  std::string text;
};
std::vector<ProjectFile> plugin_project(std::string_view kind,
                                        std::string_view name,
                                        std::string_view vigie_version);

// Creates `dir` (which must not exist: an existing folder is never written
// into) and writes the files in it. On a failure, removes what it created
// and throws (io::IoError naming the file; std::runtime_error when `dir`
// exists).
void write_project(const std::filesystem::path& dir,
                   const std::vector<ProjectFile>& files);

}  // namespace vigie::cli
