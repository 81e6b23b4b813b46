#include "output/report_folder.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "io/file_writer.hpp"
#include "io/pause_point.hpp"
#include "output/folder_swap.hpp"

namespace vigie::output {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStaging = ".vigie-staging-";
constexpr std::string_view kAside = ".vigie-previous-";

fs::path resolve(const fs::path& out) {
  fs::path dir = fs::absolute(out).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "out/" is "out"
  std::error_code ec;
  // A link to a report folder (e.g. `current`) stays a link: the folder it
  // points to is replaced.
  if (fs::is_symlink(fs::symlink_status(dir, ec))) dir = fs::canonical(dir);
  if (!dir.has_filename() || dir == dir.root_path())
    throw std::runtime_error(fmt::format(
        "cannot use {} as the output folder: Vigie replaces its output "
        "folder as a whole, give it a folder of its own",
        out.string()));
  return dir;
}

// The parent of DIR must exist before the lock file can be made there.
fs::path lock_file_of(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir.parent_path(), ec);
  if (ec) throw io::IoError("create", dir.parent_path(), ec.value());
  return dir.parent_path() /
         fmt::format(".{}.vigie-lock", dir.filename().string());
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// A name Vigie gives a file of a report: report.pdf, kpis.json,
// rejects.csv, page-N.svg, lists/<id>.csv, and the staging folder that
// versions before the marker kept inside the report folder.
bool is_report_entry(const fs::directory_entry& entry) {
  const std::string name = entry.path().filename().string();
  std::error_code ec;
  if (entry.is_directory(ec)) {
    if (name.starts_with(kStaging)) return true;
    if (name != "lists") return false;
    for (const auto& list : fs::directory_iterator(entry.path(), ec))
      if (!list.is_regular_file(ec) || list.path().extension() != ".csv")
        return false;
    return !ec;
  }
  if (!entry.is_regular_file(ec)) return false;
  if (name == "report.pdf" || name == "kpis.json" || name == "rejects.csv")
    return true;
  return name.starts_with("page-") && name.ends_with(".svg") &&
         all_digits(std::string_view(name).substr(5, name.size() - 9));
}

// Refuses to replace anything but a report folder (see the header).
void check_replaceable(const fs::path& dir) {
  std::error_code ec;
  const auto status = fs::symlink_status(dir, ec);
  if (!fs::exists(status)) return;
  if (!fs::is_directory(status))
    throw std::runtime_error(
        fmt::format("{} is not a folder: --out names the folder of the report",
                    dir.string()));
  // The new report is staged beside DIR and renamed over it: that needs
  // DIR and its parent on one file system.
  struct stat folder {};
  struct stat parent {};
  if (::stat(dir.c_str(), &folder) == 0 &&
      ::stat(dir.parent_path().c_str(), &parent) == 0 &&
      folder.st_dev != parent.st_dev)
    throw std::runtime_error(fmt::format(
        "{} is a mount point: Vigie replaces its output folder as a whole "
        "by a rename from beside it, which cannot cross file systems; give "
        "--out a folder inside it",
        dir.string()));
  if (fs::exists(dir / kReportMarker, ec)) return;
  bool only_report_files = true;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (!is_report_entry(entry)) {
      only_report_files = false;
      break;
    }
  if (ec) throw io::IoError("read", dir, ec.value());
  if (!only_report_files)
    throw std::runtime_error(fmt::format(
        "{} holds files that are not a Vigie report (no {} file in it): "
        "Vigie replaces its output folder as a whole and will not remove "
        "them; give --out a new or empty folder, or one Vigie wrote",
        dir.string(), kReportMarker));
}

void sync_tree(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_directory()) io::sync_directory(entry.path());
  io::sync_directory(root);
}

}  // namespace

ReportFolder::ReportFolder(const fs::path& out)
    : dir_(resolve(out)),
      parent_(dir_.parent_path()),
      name_(dir_.filename().string()),
      lock_(lock_file_of(dir_), dir_) {
  check_replaceable(dir_);
  remove_leftovers_of_killed_runs();
  staging_ = sibling(fmt::format("{}{}", kStaging, ::getpid()));
  std::error_code ec;
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    throw io::IoError("create", staging_, ec ? ec.value() : EEXIST);
}

ReportFolder::~ReportFolder() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

fs::path ReportFolder::sibling(std::string_view suffix) const {
  return parent_ / fmt::format(".{}{}", name_, suffix);
}

fs::path ReportFolder::evidence() const {
  return parent_ / fmt::format("{}.rejects.csv", name_);
}

// The lock proves that no other run is at work on DIR: every staging
// folder of DIR is a killed run's. A report left aside by a fallback swap
// that was killed between its two renames goes back first.
void ReportFolder::remove_leftovers_of_killed_runs() {
  const std::string staging_prefix = fmt::format(".{}{}", name_, kStaging);
  const std::string aside_prefix = fmt::format(".{}{}", name_, kAside);
  std::vector<fs::path> stale;
  std::vector<fs::path> asides;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_, ec)) {
    const std::string n = entry.path().filename().string();
    if (n.starts_with(staging_prefix) &&
        all_digits(std::string_view(n).substr(staging_prefix.size())))
      stale.push_back(entry.path());
    else if (n.starts_with(aside_prefix) &&
             all_digits(std::string_view(n).substr(aside_prefix.size())))
      asides.push_back(entry.path());
  }
  if (ec) throw io::IoError("read", parent_, ec.value());
  for (const auto& aside : asides)
    if (!restore_aside(aside, dir_)) stale.push_back(aside);
  for (const auto& path : stale) {
    fs::remove_all(path, ec);
    if (ec) throw io::IoError("remove", path, ec.value());
  }
}

fs::path ReportFolder::file(const fs::path& relative) {
  fs::path p = staging_ / relative;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (ec) throw io::IoError("create", p.parent_path(), ec.value());
  files_.push_back({relative, 0, 0});
  return p;
}

FinishedReport ReportFolder::publish(const std::string& run_id) {
  FinishedReport report{dir_, run_id, files_};
  std::sort(
      report.files.begin(), report.files.end(),
      [](const ReportFile& a, const ReportFile& b) { return a.path < b.path; });
  std::string marker =
      "# A Vigie report folder: `vigie run` replaces it as a whole.\n"
      "# run-id: " +
      run_id +
      "\n"
      "# The files of this report:\n";
  for (auto& f : report.files) {
    marker += f.path.generic_string() + "\n";
    std::error_code ec;
    f.bytes = fs::file_size(staging_ / f.path, ec);
    if (ec)
      throw io::IoError("read the size of", staging_ / f.path, ec.value());
  }
  io::write_file(staging_ / kReportMarker, marker);
  sync_tree(staging_);
  io::pause_point("publish:staged");
  check_replaceable(dir_);  // again: it was checked when the run began

  const fs::path old =
      swap_in(staging_, dir_, sibling(fmt::format("{}{}", kAside, ::getpid())));
  io::sync_directory(parent_);
  io::pause_point("publish:swapped");

  // The new report is in place: what remains is tidying. Whatever is left
  // (a removal that fails) is a stale folder the next run removes.
  std::error_code ec;
  if (!old.empty()) fs::remove_all(old, ec);
  fs::remove(evidence(), ec);
  return report;
}

void ReportFolder::publish_evidence(const fs::path& relative) {
  const fs::path from = staging_ / relative;
  const fs::path to = evidence();
  io::pause_point("evidence:staged");
  if (std::rename(from.c_str(), to.c_str()) != 0)
    throw io::IoError(fmt::format("rename {} to", from.string()), to, errno);
  io::sync_directory(parent_);
}

}  // namespace vigie::output
