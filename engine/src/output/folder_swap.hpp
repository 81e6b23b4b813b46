// Puts a new folder in the place of an old one in one step, so that a
// reader of the place finds the old folder or the new one, whole, never a
// mix of both, whatever happens to the process or the machine.
#pragma once

#include <filesystem>

namespace vigie::output {

// Puts the folder `staged` at `target` (same file system). When `target`
// exists, the two are exchanged atomically (renameat2 RENAME_EXCHANGE) and
// `staged` then holds the old folder. On a file system that cannot
// exchange (renameat2 says EINVAL or ENOSYS: some network and FUSE file
// systems) it falls back to swap_in_two_steps(). Returns where the old
// folder now is, to be removed, or an empty path when there was none.
std::filesystem::path swap_in(const std::filesystem::path& staged,
                              const std::filesystem::path& target,
                              const std::filesystem::path& aside);

// The fallback: renames `target` to `aside`, then `staged` to `target`.
// Between the two renames a reader finds no `target` (never a mix); a run
// killed there leaves the old folder at `aside`, and the next run puts it
// back (restore_aside) before anything else.
void swap_in_two_steps(const std::filesystem::path& staged,
                       const std::filesystem::path& target,
                       const std::filesystem::path& aside);

// After an interrupted swap_in_two_steps: when `target` is missing and
// `aside` exists, puts `aside` back at `target`. Returns true if it did.
bool restore_aside(const std::filesystem::path& aside,
                   const std::filesystem::path& target);

}  // namespace vigie::output
