// Files the engine writes. Every failure (create, write, fsync, close) is
// an IoError naming the path and the system's reason (strerror of errno),
// so that a full disk is never silent: a std::ofstream only says that
// something failed, and a failure of its final flush is easily missed.
// A file is synced to the disk before it counts as written.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::io {

class IoError : public std::runtime_error {
 public:
  // "cannot <action> <path>: <strerror(error)>"
  IoError(std::string_view action, const std::filesystem::path& path,
          int error);
  int error() const { return error_; }

 private:
  int error_;
};

class FileWriter {
 public:
  // Creates (or truncates) `path`.
  explicit FileWriter(std::filesystem::path path);
  ~FileWriter();  // closes a file that was not closed, without a word
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  // Buffered: Cairo hands its output over in pieces of a few bytes.
  void write(std::string_view bytes);
  // Writes what is buffered, syncs and closes; throws if any of it fails.
  void close();
  const std::filesystem::path& path() const { return path_; }

 private:
  void flush();
  void write_all(std::string_view bytes);

  std::filesystem::path path_;
  int fd_ = -1;
  std::string buffer_;
};

// Writes `text` as the whole content of `path`, synced.
void write_file(const std::filesystem::path& path, std::string_view text);

// Syncs a folder, so that the names created or renamed in it survive a
// crash of the machine.
void sync_directory(const std::filesystem::path& dir);

}  // namespace vigie::io
