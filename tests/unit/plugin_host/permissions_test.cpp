// Plugin folders and files that someone other than their owner (or root)
// can write are refused, with the mode and the command that fixes it.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sstream>

#include "plugin_files.hpp"
#include "plugin_host/plugin_permissions.hpp"
#include "plugin_host/registry.hpp"
#include "test_plugins.hpp"

namespace vigie::plugin_host {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;

// A folder holding a copy of the memory test plugin.
class PluginFolder : public ::testing::Test {
 protected:
  PluginFolder() : plugin_(folder_ / "vigie_memory.so") {
    testing::write_bytes(plugin_,
                         testing::read_bytes(testing::test_plugin("memory")));
  }
  void chmod(const fs::path& path, mode_t mode) {
    ASSERT_EQ(::chmod(path.c_str(), mode), 0) << path;
  }
  Registry scan() { return Registry::scan({folder_.path()}); }

  testing::TemporaryFolder folder_;
  fs::path plugin_;
};

TEST_F(PluginFolder, AFolderOfItsOwnerOnlyIsLoaded) {
  chmod(folder_.path(), 0755);
  auto registry = scan();
  EXPECT_NE(registry.find("memory"), nullptr);
  EXPECT_TRUE(registry.refused().empty());
}

TEST_F(PluginFolder, AWorldWritableFolderIsRefusedFileByFile) {
  chmod(folder_.path(), 0777);
  auto registry = scan();
  EXPECT_EQ(registry.find("memory"), nullptr);
  ASSERT_EQ(registry.refused().size(), 1u);
  EXPECT_EQ(registry.refused()[0].first, plugin_);
  EXPECT_THAT(registry.refusal("memory"),
              AllOf(HasSubstr(plugin_.string()),
                    HasSubstr(fmt::format("the plugin folder {} is writable "
                                          "by anyone (mode 0777)",
                                          folder_.path().string())),
                    HasSubstr("chmod go-w " + folder_.path().string())));
}

TEST_F(PluginFolder, TheStickyBitDoesNotMakeAFolderSafe) {
  // Others cannot replace the owner's files in /tmp-like folders, but they
  // can still add a vigie_*.so of their own.
  chmod(folder_.path(), 01777);
  EXPECT_THAT(unsafe_permissions(folder_.path(), ::geteuid()).value_or(""),
              HasSubstr("writable by anyone (mode 1777)"));
}

TEST_F(PluginFolder, AWorldWritableFileIsRefused) {
  chmod(folder_.path(), 0700);
  chmod(plugin_, 0666);
  auto registry = scan();
  EXPECT_EQ(registry.find("memory"), nullptr);
  EXPECT_THAT(registry.refusal("memory"),
              AllOf(HasSubstr(fmt::format(
                        "the plugin file {} is writable by anyone (mode 0666)",
                        plugin_.string())),
                    HasSubstr("chmod go-w " + plugin_.string())));
}

// The user private group of the running user, if it has one (Debian's
// convention: a group named after the user, its primary group, no other
// member).
bool running_user_has_a_private_group() {
  const passwd* user = ::getpwuid(::geteuid());
  const group* primary = user ? ::getgrgid(user->pw_gid) : nullptr;
  return primary && std::string(primary->gr_name) == user->pw_name &&
         (primary->gr_mem[0] == nullptr ||
          (std::string(primary->gr_mem[0]) == user->pw_name &&
           primary->gr_mem[1] == nullptr));
}

TEST_F(PluginFolder, GroupWritableByTheOwnersPrivateGroupIsLoaded) {
  // What a umask of 002 gives a build folder on Debian.
  if (!running_user_has_a_private_group())
    GTEST_SKIP() << "the running user has no user private group";
  ASSERT_EQ(::chown(folder_.path().c_str(), ::geteuid(),
                    ::getpwuid(::geteuid())->pw_gid),
            0);
  chmod(folder_.path(), 0775);
  chmod(plugin_, 0775);
  auto registry = scan();
  EXPECT_NE(registry.find("memory"), nullptr);
  EXPECT_TRUE(registry.refused().empty());
}

TEST_F(PluginFolder, GroupWritableByASharedGroupIsRefused) {
  // A group other than the owner's private one: root may give the folder
  // to any group; another user may only use a group of their own.
  const passwd* user = ::getpwuid(::geteuid());
  gid_t shared = 0;
  bool found = false;
  for (const char* name : {"users", "staff", "adm", "nogroup"}) {
    const group* g = ::getgrnam(name);
    if (g != nullptr && (user == nullptr || g->gr_gid != user->pw_gid) &&
        ::chown(folder_.path().c_str(), static_cast<uid_t>(-1), g->gr_gid) ==
            0) {
      shared = g->gr_gid;
      found = true;
      break;
    }
  }
  if (!found) GTEST_SKIP() << "no shared group to give the folder to";
  chmod(folder_.path(), 0775);
  EXPECT_THAT(
      unsafe_permissions(folder_.path(), ::geteuid()).value_or(""),
      AllOf(HasSubstr(fmt::format("is writable by group '{}' (gid {}), mode "
                                  "0775",
                                  ::getgrgid(shared)->gr_name, shared)),
            HasSubstr("chmod g-w " + folder_.path().string())));
}

TEST_F(PluginFolder, AFolderOfAnotherUserIsRefused) {
  chmod(folder_.path(), 0755);
  // Root gives the folder away; another user asks as if someone else ran
  // vigie. Either way the owner is neither root nor the running user.
  uid_t running = ::geteuid();
  if (running == 0) {
    ASSERT_EQ(::chown(folder_.path().c_str(), 65534, static_cast<gid_t>(-1)),
              0);
  } else {
    running += 1;
  }
  EXPECT_THAT(unsafe_permissions(folder_.path(), running).value_or(""),
              AllOf(HasSubstr("belongs to user"),
                    HasSubstr("neither root nor the user running vigie")));
}

TEST_F(PluginFolder, ASecondPluginOfANameIsReportedWithBothFiles) {
  testing::TemporaryFolder second;
  const auto shadowed = second / "vigie_memory.so";
  testing::write_bytes(shadowed, testing::read_bytes(plugin_));
  // Capture the warnings of this scan.
  std::ostringstream log;
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "test", std::make_shared<spdlog::sinks::ostream_sink_st>(log)));
  auto registry = Registry::scan({folder_.path(), second.path()});
  spdlog::set_default_logger(previous);
  ASSERT_NE(registry.find("memory"), nullptr);
  EXPECT_EQ(registry.library("memory")->path(), plugin_);
  EXPECT_THAT(log.str(),
              HasSubstr(fmt::format("two plugins are named 'memory': {} is "
                                    "used, {} (found later) is ignored",
                                    plugin_.string(), shadowed.string())));
}

}  // namespace
}  // namespace vigie::plugin_host
