#include "io/file_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vigie::io {

IoError::IoError(std::string_view action, const std::filesystem::path& path,
                 int error)
    : std::runtime_error(fmt::format("cannot {} {}: {}", action, path.string(),
                                     std::strerror(error))),
      error_(error) {}

FileWriter::FileWriter(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) throw IoError("create", path_, errno);
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {
constexpr size_t kBufferSize = 64 * 1024;
}

void FileWriter::write(std::string_view bytes) {
  if (buffer_.size() + bytes.size() > kBufferSize) flush();
  if (bytes.size() >= kBufferSize)
    write_all(bytes);
  else
    buffer_ += bytes;
}

void FileWriter::flush() {
  write_all(buffer_);
  buffer_.clear();
}

void FileWriter::write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError("write", path_, errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void FileWriter::close() {
  flush();
  const int fd = fd_;
  fd_ = -1;
  // Some file systems (NFS, and any on a full disk with delayed
  // allocation) only report a failed write here.
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    throw IoError("write", path_, error);
  }
  if (::close(fd) != 0) throw IoError("write", path_, errno);
}

void write_file(const std::filesystem::path& path, std::string_view text) {
  FileWriter file(path);
  file.write(text);
  file.close();
}

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw IoError("open", dir, errno);
  const int result = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (result != 0) throw IoError("sync", dir, error);
}

}  // namespace vigie::io
