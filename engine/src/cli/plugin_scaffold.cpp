#include "cli/plugin_scaffold.hpp"

#include <fmt/format.h>

#include <cctype>
#include <stdexcept>
#include <system_error>

#include "cli/plugin_templates.hpp"
#include "io/file_writer.hpp"

namespace vigie::cli {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxNameLength = 64;

void replace_all(std::string& text, std::string_view word,
                 std::string_view by) {
  for (size_t at = text.find(word); at != std::string::npos;
       at = text.find(word, at + by.size()))
    text.replace(at, word.size(), by);
}

}  // namespace

std::optional<std::string> plugin_name_problem(std::string_view name) {
  const std::string rule =
      "a plugin name is a lower-case letter followed by lower-case letters, "
      "digits and '_' (such as ticket_export)";
  if (name.empty()) return "the plugin name is empty: " + rule;
  if (name.size() > kMaxNameLength)
    return fmt::format("the plugin name has {} characters, more than {}",
                       name.size(), kMaxNameLength);
  if (name[0] < 'a' || name[0] > 'z')
    return fmt::format("'{}' does not start with a lower-case letter: {}", name,
                       rule);
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return fmt::format("'{}' holds '{}': {}", name, c, rule);
  return std::nullopt;
}

std::string camel_case(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (char c : name) {
    if (c == '_') {
      word_start = true;
      continue;
    }
    out += word_start
               ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
               : c;
    word_start = false;
  }
  return out;
}

std::vector<ProjectFile> plugin_project(std::string_view kind,
                                        std::string_view name,
                                        std::string_view vigie_version) {
  if (kind != "connector" && kind != "indicator")
    throw std::invalid_argument(
        fmt::format("no plugin kind '{}': connector or indicator", kind));
  auto fill = [&](std::string_view text) {
    std::string out(text);
    replace_all(out, "@name@", name);
    replace_all(out, "@Name@", camel_case(name));
    replace_all(out, "@vigie_version@", vigie_version);
    return out;
  };
  std::vector<ProjectFile> files;
  for (const std::string_view folder : {std::string_view("common"), kind}) {
    const std::string prefix = std::string(folder) + "/";
    for (const io::EmbeddedFile& t : plugin_template_files()) {
      if (!t.path.starts_with(prefix)) continue;
      std::string path = fill(t.path.substr(prefix.size()));
      if (path.ends_with(".in")) path.resize(path.size() - 3);
      files.push_back({path, fill(t.text)});
    }
  }
  return files;
}

void write_project(const fs::path& dir, const std::vector<ProjectFile>& files) {
  std::error_code ec;
  // symlink_status: a dangling link is something there too.
  if (fs::exists(fs::symlink_status(dir, ec)))
    throw std::runtime_error(fmt::format(
        "{} exists already: a new project is never written into an existing "
        "folder; choose another --dir, or remove it",
        dir.string()));
  if (!dir.parent_path().empty()) fs::create_directories(dir.parent_path());
  // create_directory is the check that counts: false when another process
  // made the folder since.
  if (!fs::create_directory(dir))
    throw std::runtime_error(
        fmt::format("{} exists already: a new project is never written into "
                    "an existing folder",
                    dir.string()));
  try {
    for (const ProjectFile& f : files) {
      fs::create_directories((dir / f.path).parent_path());
      io::write_file(dir / f.path, f.text);
    }
  } catch (...) {
    fs::remove_all(dir, ec);  // ours alone: created above
    throw;
  }
}

}  // namespace vigie::cli
