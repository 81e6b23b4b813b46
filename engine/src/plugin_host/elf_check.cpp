#include "plugin_host/elf_check.hpp"

#include <elf.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vigie::plugin_host {
namespace {

class ReadOnlyFile {
 public:
  explicit ReadOnlyFile(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~ReadOnlyFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  ReadOnlyFile(const ReadOnlyFile&) = delete;
  ReadOnlyFile& operator=(const ReadOnlyFile&) = delete;
  int fd() const { return fd_; }

  // Reads exactly `size` bytes at `offset`; false if the file ends first.
  bool read_at(void* out, size_t size, uint64_t offset) const {
    auto* at = static_cast<char*>(out);
    while (size > 0) {
      const ssize_t n = ::pread(fd_, at, size, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      at += n;
      size -= static_cast<size_t>(n);
      offset += static_cast<uint64_t>(n);
    }
    return true;
  }

 private:
  int fd_;
};

std::string type_name(uint16_t type) {
  switch (type) {
    case ET_EXEC:
      return "an executable (ET_EXEC)";
    case ET_REL:
      return "an object file (ET_REL)";
    case ET_CORE:
      return "a core dump (ET_CORE)";
    default:
      return fmt::format("of ELF type {}", type);
  }
}

std::string segment_type_name(uint32_t type) {
  switch (type) {
    case PT_LOAD:
      return "PT_LOAD";
    case PT_DYNAMIC:
      return "PT_DYNAMIC";
    case PT_NOTE:
      return "PT_NOTE";
    case PT_INTERP:
      return "PT_INTERP";
    case PT_GNU_EH_FRAME:
      return "PT_GNU_EH_FRAME";
    case PT_TLS:
      return "PT_TLS";
    default:
      return fmt::format("type {:#x}", type);
  }
}

// The byte at which `length` bytes from `offset` end, as text: a corrupt
// header can put it past 2^64.
std::string end_byte(uint64_t offset, uint64_t length) {
  uint64_t end = 0;
  if (__builtin_add_overflow(offset, length, &end))
    return fmt::format("{} + {} (past 2^64)", offset, length);
  return std::to_string(end);
}

// Why the identification bytes of a file of `size` bytes are not those of a
// 64-bit little-endian ELF file, or nothing. Checks only what the bytes
// there are allow.
std::optional<std::string> ident_problem(const unsigned char* ident,
                                         uint64_t size) {
  if (size == 0) return "empty file (0 bytes), not a shared library";
  const size_t magic = std::min<uint64_t>(size, SELFMAG);
  if (std::memcmp(ident, ELFMAG, magic) != 0)
    return std::string(
        "not a shared library: it does not start with the ELF magic number "
        "(\\x7fELF)");
  if (size > EI_CLASS && ident[EI_CLASS] != ELFCLASS64)
    return fmt::format(
        "a {} ELF file; this engine loads 64-bit (ELFCLASS64) libraries only",
        ident[EI_CLASS] == ELFCLASS32 ? "32-bit (ELFCLASS32)" : "bad-class");
  if (size > EI_DATA && ident[EI_DATA] != ELFDATA2LSB)
    return std::string(
        "a big-endian (or bad byte order) ELF file; this engine is "
        "little-endian (ELFDATA2LSB)");
  return std::nullopt;
}

std::optional<std::string> header_problem(const ReadOnlyFile& file,
                                          uint64_t size) {
  Elf64_Ehdr header{};
  const uint64_t have = std::min<uint64_t>(size, sizeof header);
  if (!file.read_at(&header, have, 0))
    return fmt::format("cannot read its ELF header: {}", std::strerror(errno));
  if (auto problem = ident_problem(header.e_ident, size)) return problem;
  if (size < sizeof header)
    return fmt::format(
        "truncated: the ELF header needs {} bytes but the file has {} bytes",
        sizeof header, size);
  const auto own = engine_machine();
  if (own && header.e_machine != *own)
    return fmt::format(
        "built for another machine: {} (e_machine {}), but this engine runs "
        "on {} (e_machine {})",
        machine_name(header.e_machine), header.e_machine, machine_name(*own),
        *own);
  if (header.e_type != ET_DYN)
    return fmt::format("not a shared library: it is {}",
                       type_name(header.e_type));
  if (header.e_phnum == 0 || header.e_phnum == PN_XNUM ||
      header.e_phentsize != sizeof(Elf64_Phdr))
    return fmt::format(
        "not a loadable library: {} program headers of {} bytes (expected "
        "entries of {})",
        header.e_phnum, header.e_phentsize, sizeof(Elf64_Phdr));
  const uint64_t table_size =
      uint64_t{header.e_phnum} * uint64_t{header.e_phentsize};
  if (header.e_phoff > size || table_size > size - header.e_phoff)
    return fmt::format(
        "truncated: the program headers end at byte {} but the file has {} "
        "bytes",
        end_byte(header.e_phoff, table_size), size);
  // Every segment with bytes in the file must have all of them there: the
  // loader maps PT_LOAD segments from the file, and a page past its end
  // raises SIGBUS when touched.
  for (uint16_t i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr segment{};
    if (!file.read_at(&segment, sizeof segment,
                      header.e_phoff + uint64_t{i} * sizeof segment))
      return fmt::format("cannot read program header {}: the file changed", i);
    if (segment.p_filesz == 0) continue;
    if (segment.p_offset > size || segment.p_filesz > size - segment.p_offset)
      return fmt::format(
          "truncated: segment {} ({}) ends at byte {} but the file has {} "
          "bytes",
          i, segment_type_name(segment.p_type),
          end_byte(segment.p_offset, segment.p_filesz), size);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> elf_problem(const std::filesystem::path& path) {
  const ReadOnlyFile file(path);
  if (file.fd() < 0)
    return fmt::format("cannot open: {}", std::strerror(errno));
  struct stat status {};
  if (::fstat(file.fd(), &status) != 0)
    return fmt::format("cannot stat: {}", std::strerror(errno));
  if (!S_ISREG(status.st_mode)) return std::string("not a regular file");
  return header_problem(file, static_cast<uint64_t>(status.st_size));
}

std::optional<uint16_t> engine_machine() {
  static const std::optional<uint16_t> machine =
      []() -> std::optional<uint16_t> {
    const ReadOnlyFile self("/proc/self/exe");
    Elf64_Ehdr header{};
    if (self.fd() < 0 || !self.read_at(&header, sizeof header, 0) ||
        std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0)
      return std::nullopt;
    return header.e_machine;
  }();
  return machine;
}

std::string machine_name(uint16_t machine) {
  switch (machine) {
    case EM_X86_64:
      return "x86-64";
    case EM_386:
      return "i386";
    case EM_AARCH64:
      return "AArch64";
    case EM_ARM:
      return "ARM";
    case EM_RISCV:
      return "RISC-V";
    case EM_PPC64:
      return "PowerPC64";
    case EM_S390:
      return "s390";
    default:
      return fmt::format("machine {}", machine);
  }
}

}  // namespace vigie::plugin_host
