#include "plugin_files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace vigie::testing {

TemporaryFolder::TemporaryFolder() {
  std::string name =
      (std::filesystem::temp_directory_path() / "vigie-plugin-test-XXXXXX")
          .string();
  if (::mkdtemp(name.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed for " + name);
  path_ = name;
}

TemporaryFolder::~TemporaryFolder() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<unsigned char> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& file,
                 const std::vector<unsigned char>& bytes) {
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
  ::chmod(file.c_str(), 0644);
}

uint64_t ElfLayout::program_headers_end() const {
  return header.e_phoff + uint64_t{header.e_phnum} * header.e_phentsize;
}

uint64_t ElfLayout::segments_end() const {
  uint64_t end = 0;
  for (const auto& s : segments)
    if (s.p_filesz > 0) end = std::max(end, s.p_offset + s.p_filesz);
  return end;
}

int ElfLayout::first_segment_cut_at(uint64_t size) const {
  for (size_t i = 0; i < segments.size(); ++i)
    if (segments[i].p_filesz > 0 &&
        segments[i].p_offset + segments[i].p_filesz > size)
      return static_cast<int>(i);
  return -1;
}

ElfLayout read_layout(const std::vector<unsigned char>& bytes) {
  ElfLayout layout;
  if (bytes.size() < sizeof layout.header)
    throw std::runtime_error("not an ELF file");
  std::memcpy(&layout.header, bytes.data(), sizeof layout.header);
  for (uint16_t i = 0; i < layout.header.e_phnum; ++i) {
    Elf64_Phdr segment{};
    std::memcpy(&segment,
                bytes.data() + layout.header.e_phoff + i * sizeof segment,
                sizeof segment);
    layout.segments.push_back(segment);
  }
  return layout;
}

}  // namespace vigie::testing
