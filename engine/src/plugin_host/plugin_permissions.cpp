#include "plugin_host/plugin_permissions.hpp"

#include <fmt/format.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace vigie::plugin_host {
namespace {

// The user database entries, read with the reentrant calls: a buffer each.
struct UserEntry {
  passwd entry{};
  std::vector<char> buffer = std::vector<char>(16384);
  bool found = false;
};

struct GroupEntry {
  group entry{};
  std::vector<char> buffer = std::vector<char>(65536);
  bool found = false;
};

UserEntry find_user(uid_t uid) {
  UserEntry user;
  passwd* result = nullptr;
  user.found = ::getpwuid_r(uid, &user.entry, user.buffer.data(),
                            user.buffer.size(), &result) == 0 &&
               result != nullptr;
  return user;
}

GroupEntry find_group(gid_t gid) {
  GroupEntry group;
  struct group* result = nullptr;
  group.found = ::getgrgid_r(gid, &group.entry, group.buffer.data(),
                             group.buffer.size(), &result) == 0 &&
                result != nullptr;
  return group;
}

std::string user_text(uid_t uid) {
  const UserEntry user = find_user(uid);
  return user.found ? fmt::format("'{}' (uid {})", user.entry.pw_name, uid)
                    : fmt::format("uid {}", uid);
}

std::string group_text(gid_t gid) {
  const GroupEntry group = find_group(gid);
  return group.found ? fmt::format("'{}' (gid {})", group.entry.gr_name, gid)
                     : fmt::format("gid {}", gid);
}

// The owner's user private group: its primary group, named as the owner,
// listing no other member. Writable by that group is writable by the owner.
bool is_user_private_group(uid_t owner, gid_t gid) {
  const UserEntry user = find_user(owner);
  if (!user.found || user.entry.pw_gid != gid) return false;
  const GroupEntry group = find_group(gid);
  if (!group.found || std::strcmp(group.entry.gr_name, user.entry.pw_name))
    return false;
  for (char** member = group.entry.gr_mem; *member != nullptr; ++member)
    if (std::strcmp(*member, user.entry.pw_name) != 0) return false;
  return true;
}

}  // namespace

std::optional<std::string> unsafe_permissions(const std::filesystem::path& path,
                                              uid_t running_user) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0)
    return fmt::format("cannot stat {}: {}", path.string(),
                       std::strerror(errno));
  const unsigned mode = status.st_mode & 07777u;
  const char* what = S_ISDIR(status.st_mode) ? "folder" : "file";
  if (mode & S_IWOTH)
    return fmt::format(
        "the plugin {} {} is writable by anyone (mode {:04o}): anyone could "
        "make vigie run their code; make it writable by its owner only "
        "(chmod go-w {})",
        what, path.string(), mode, path.string());
  if ((mode & S_IWGRP) && !is_user_private_group(status.st_uid, status.st_gid))
    return fmt::format(
        "the plugin {} {} is writable by group {}, mode {:04o}: its members "
        "could make vigie run their code; make it writable by its owner only "
        "(chmod g-w {})",
        what, path.string(), group_text(status.st_gid), mode, path.string());
  if (status.st_uid != 0 && status.st_uid != running_user)
    return fmt::format(
        "the plugin {} {} belongs to user {}, neither root nor the user "
        "running vigie ({}): that user could make vigie run their code; give "
        "it to root or to yourself (chown)",
        what, path.string(), user_text(status.st_uid), user_text(running_user));
  return std::nullopt;
}

}  // namespace vigie::plugin_host
