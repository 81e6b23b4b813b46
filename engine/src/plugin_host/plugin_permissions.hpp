// Who may change the code vigie loads. A plugin runs with the rights of
// whoever runs vigie, so a plugin folder or file that someone else can write
// lets that someone run code as the report's user (or as root). Such folders
// and files are refused; docs/architecture.md ("Plugin folders") states the
// rule.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>

namespace vigie::plugin_host {

// Why `path` (a plugin folder or a plugin file, symlinks followed) cannot be
// trusted, with the command that fixes it; nothing when it is safe. Refused:
// - writable by others (o+w), sticky bit or not: anyone may add a file;
// - writable by its group (g+w), unless that group is its owner's user
//   private group (the group named as the owner, its primary group, with no
//   other member: the Debian umask 002 convention);
// - owned by a user other than root and `running_user`.
std::optional<std::string> unsafe_permissions(const std::filesystem::path& path,
                                              uid_t running_user);

}  // namespace vigie::plugin_host
