// Bad plugin files made for the tests in a private temporary folder: copies
// of a real plugin, cut or patched, read with <elf.h> to know where to cut.
#pragma once

#include <elf.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vigie::testing {

// A fresh folder of mode 0700 (mkdtemp), removed with its files at the end.
class TemporaryFolder {
 public:
  TemporaryFolder();
  ~TemporaryFolder();
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

std::vector<unsigned char> read_bytes(const std::filesystem::path& file);
// Writes `bytes` (mode 0644).
void write_bytes(const std::filesystem::path& file,
                 const std::vector<unsigned char>& bytes);

// The ELF header and program headers of a plugin, as the file holds them.
struct ElfLayout {
  Elf64_Ehdr header{};
  std::vector<Elf64_Phdr> segments;
  // The first byte after the program header table.
  uint64_t program_headers_end() const;
  // The first byte after the last byte any segment takes from the file.
  uint64_t segments_end() const;
  // Index of the first segment (in table order) that a file of `size`
  // bytes does not hold whole, or -1.
  int first_segment_cut_at(uint64_t size) const;
};

ElfLayout read_layout(const std::vector<unsigned char>& bytes);

}  // namespace vigie::testing
