#include "io/file_writer.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <fstream>

namespace vigie::io {
namespace {

namespace fs = std::filesystem;

TEST(FileWriter, WritesTheWholeText) {
  const fs::path path = fs::temp_directory_path() / "vigie-io-test.txt";
  write_file(path, "first line\nsecond line\n");
  std::ifstream in(path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}),
            "first line\nsecond line\n");
  fs::remove(path);
}

// /dev/full answers every write with ENOSPC, as a full disk does.
TEST(FileWriter, AFullDiskNamesThePathAndTheSystemsReason) {
  try {
    write_file("/dev/full", "a report");
    FAIL() << "the write to /dev/full succeeded";
  } catch (const IoError& e) {
    EXPECT_EQ(e.error(), ENOSPC);
    EXPECT_STREQ(e.what(), "cannot write /dev/full: No space left on device");
  }
}

TEST(FileWriter, AFolderThatDoesNotExistIsNamed) {
  const fs::path path = "/nonexistent-vigie-folder/kpis.json";
  try {
    write_file(path, "{}");
    FAIL() << "created a file in a missing folder";
  } catch (const IoError& e) {
    EXPECT_EQ(e.error(), ENOENT);
    EXPECT_STREQ(e.what(),
                 "cannot create /nonexistent-vigie-folder/kpis.json: No such "
                 "file or directory");
  }
}

}  // namespace
}  // namespace vigie::io
