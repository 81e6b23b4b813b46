// Plugin files that are not loadable libraries: each is refused with a
// reason saying what is wrong, and none may crash the process (a truncated
// library used to raise SIGBUS inside dlopen).
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_files.hpp"
#include "plugin_host/elf_check.hpp"
#include "plugin_host/library.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/registry.hpp"
#include "test_plugins.hpp"
#include "vigie/plugin.h"

namespace vigie::plugin_host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::load_error;
using ::testing::Not;

class BadPluginFile : public ::testing::Test {
 protected:
  BadPluginFile()
      : plugin_(testing::read_bytes(testing::test_plugin("memory"))),
        layout_(testing::read_layout(plugin_)) {}

  // The first `size` bytes of the memory plugin, as vigie_<name>.so.
  std::filesystem::path cut(size_t size, const std::string& name) {
    const auto file = folder_ / ("vigie_" + name + ".so");
    testing::write_bytes(
        file, {plugin_.begin(), plugin_.begin() + static_cast<long>(size)});
    return file;
  }

  // The whole memory plugin with its ELF header changed by `patch`.
  template <class Patch>
  std::filesystem::path patched(const std::string& name, Patch patch) {
    auto bytes = plugin_;
    Elf64_Ehdr header{};
    std::memcpy(&header, bytes.data(), sizeof header);
    patch(header);
    std::memcpy(bytes.data(), &header, sizeof header);
    const auto file = folder_ / ("vigie_" + name + ".so");
    testing::write_bytes(file, bytes);
    return file;
  }

  testing::TemporaryFolder folder_;
  std::vector<unsigned char> plugin_;
  testing::ElfLayout layout_;
};

TEST_F(BadPluginFile, TruncatedInsideTheElfHeader) {
  const auto file = cut(40, "header");
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr(file.string()),
                    HasSubstr("truncated: the ELF header needs 64 bytes but "
                              "the file has 40 bytes")));
}

TEST_F(BadPluginFile, TruncatedInsideTheProgramHeaders) {
  const size_t size = layout_.header.e_phoff + sizeof(Elf64_Phdr) + 10;
  ASSERT_LT(size, layout_.program_headers_end());
  const auto file = cut(size, "phdrs");
  EXPECT_THAT(load_error(file),
              HasSubstr(fmt::format("truncated: the program headers end at "
                                    "byte {} but the file has {} bytes",
                                    layout_.program_headers_end(), size)));
}

TEST_F(BadPluginFile, TruncatedInsideASegment) {
  // Half-way through the last segment that takes bytes from the file.
  const auto& last = *std::max_element(
      layout_.segments.begin(), layout_.segments.end(),
      [](const Elf64_Phdr& a, const Elf64_Phdr& b) {
        return a.p_offset + a.p_filesz < b.p_offset + b.p_filesz;
      });
  const size_t size = last.p_offset + last.p_filesz / 2;
  const int index = layout_.first_segment_cut_at(size);
  ASSERT_GE(index, 0);
  const auto& segment = layout_.segments[static_cast<size_t>(index)];
  ASSERT_EQ(segment.p_type, PT_LOAD);
  const auto file = cut(size, "segment");
  EXPECT_THAT(
      load_error(file),
      HasSubstr(fmt::format("truncated: segment {} (PT_LOAD) ends at "
                            "byte {} but the file has {} bytes",
                            index, segment.p_offset + segment.p_filesz, size)));
}

// Every cut short of the segments' end is refused before dlopen, so none
// can crash the test: a SIGBUS here would kill the whole test binary.
TEST_F(BadPluginFile, EveryCutBeforeTheLastSegmentEndIsRefused) {
  std::vector<size_t> sizes;
  for (size_t s = 0; s <= sizeof(Elf64_Ehdr); ++s) sizes.push_back(s);
  for (size_t s = sizeof(Elf64_Ehdr); s < layout_.segments_end(); s += 997)
    sizes.push_back(s);
  sizes.push_back(layout_.segments_end() - 1);
  for (size_t size : sizes) {
    const auto file = cut(size, fmt::format("cut_{}", size));
    EXPECT_THAT(load_error(file),
                AllOf(HasSubstr(file.string()),
                      HasSubstr(size == 0 ? "empty file" : "truncated")))
        << size << " bytes";
  }
}

TEST_F(BadPluginFile, EmptyFile) {
  const auto file = folder_ / "vigie_empty.so";
  testing::write_bytes(file, {});
  EXPECT_THAT(load_error(file),
              HasSubstr("cannot be loaded: empty file (0 bytes), not a shared "
                        "library"));
}

TEST_F(BadPluginFile, TextFile) {
  const auto file = folder_ / "vigie_text.so";
  const std::string text = "#!/bin/sh\necho not a library\n";
  testing::write_bytes(file, {text.begin(), text.end()});
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr("not a shared library: it does not start with "
                              "the ELF magic number"),
                    Not(HasSubstr("Bad file descriptor"))));
}

TEST_F(BadPluginFile, AnotherArchitecture) {
  const auto own = engine_machine();
  ASSERT_TRUE(own.has_value()) << "cannot read /proc/self/exe";
  const uint16_t foreign = *own == EM_AARCH64 ? EM_X86_64 : EM_AARCH64;
  const auto file = patched(
      "foreign", [&](Elf64_Ehdr& header) { header.e_machine = foreign; });
  EXPECT_THAT(load_error(file),
              HasSubstr(fmt::format(
                  "built for another machine: {} (e_machine {}), but this "
                  "engine runs on {} (e_machine {})",
                  machine_name(foreign), foreign, machine_name(*own), *own)));
}

TEST_F(BadPluginFile, ThirtyTwoBitElf) {
  const auto file = patched("elf32", [](Elf64_Ehdr& header) {
    header.e_ident[EI_CLASS] = ELFCLASS32;
  });
  EXPECT_THAT(load_error(file), HasSubstr("a 32-bit (ELFCLASS32) ELF file"));
}

TEST_F(BadPluginFile, AnExecutableIsNotALibrary) {
  const auto file =
      patched("exec", [](Elf64_Ehdr& header) { header.e_type = ET_EXEC; });
  EXPECT_THAT(load_error(file),
              HasSubstr("not a shared library: it is an executable (ET_EXEC)"));
}

TEST_F(BadPluginFile, MissingFileSaysSo) {
  const auto file = folder_ / "vigie_missing.so";
  EXPECT_THAT(load_error(file), HasSubstr("No such file or directory"));
}

// Sound headers, but the loader refuses it: its own reason comes through.
TEST(PluginLoader, AnUndefinedSymbolIsNamed) {
  const auto file = testing::test_plugin("unresolved");
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr(file.string()), HasSubstr("cannot be loaded"),
                    HasSubstr("undefined symbol: "
                              "vigie_testing_function_nobody_defines"),
                    Not(HasSubstr("Bad file descriptor"))));
}

TEST(PluginLoader, TheEngineMachineIsTheExecutables) {
  const auto exe = testing::read_bytes("/proc/self/exe");
  const auto layout = testing::read_layout(exe);
  EXPECT_EQ(engine_machine(), layout.header.e_machine);
}

TEST_F(BadPluginFile, ScanRecordsTruncatedPluginsAndKeepsTheOthers) {
  cut(layout_.segments_end() / 2, "memory");
  auto registry =
      Registry::scan({folder_.path(), std::filesystem::path(VIGIE_PLUGIN_DIR)});
  EXPECT_EQ(registry.find("memory"), nullptr);
  EXPECT_NE(registry.find("csv"), nullptr);
  ASSERT_EQ(registry.refused().size(), 1u);
  EXPECT_EQ(registry.refused()[0].first, folder_ / "vigie_memory.so");
  EXPECT_THAT(registry.refusal("memory"),
              AllOf(HasSubstr("vigie_memory.so"), HasSubstr("truncated")));
  EXPECT_EQ(registry.refusal("csv"), "");
}

}  // namespace
}  // namespace vigie::plugin_host
