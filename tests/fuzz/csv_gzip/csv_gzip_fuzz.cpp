// Fuzz target: the CSV reader on gzip input made from the fuzz input, so
// that every mutation is a well-formed gzip stream. Differential: the
// records (fields and line numbers) and the error, if any, must be the
// same as when the same text is read uncompressed, the compressed one
// through a 4 KiB buffer and the plain one through a 3-byte buffer (so that
// its records cross the buffer's end and make it grow).
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "common/csv_records.hpp"
#include "common/memory_file.hpp"

namespace {

std::vector<uint8_t> gzip(const uint8_t* data, size_t size) {
  z_stream z{};
  // 15 window bits + 16: a gzip header and trailer rather than zlib's.
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    std::abort();
  std::vector<uint8_t> out(deflateBound(&z, size) + 32);
  z.next_in = const_cast<Bytef*>(data);  // zlib's API is not const-correct
  z.avail_in = static_cast<uInt>(size);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

void check_same(const vigie::fuzz::CsvRecords& plain,
                const vigie::fuzz::CsvRecords& compressed) {
  vigie::fuzz::check(plain.delimiter == compressed.delimiter);
  vigie::fuzz::check(plain.header == compressed.header);
  vigie::fuzz::check(plain.records == compressed.records);
  vigie::fuzz::check(plain.lines == compressed.lines);
  vigie::fuzz::check(plain.error == compressed.error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Text that is itself gzip would be inflated when read "plain": nothing
  // to compare.
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) return 0;
  static vigie::fuzz::MemoryFile plain_file("csv-plain");
  static vigie::fuzz::MemoryFile gzip_file("csv-gzip");
  plain_file.write(data, size);
  const std::vector<uint8_t> compressed = gzip(data, size);
  gzip_file.write(compressed.data(), compressed.size());
  // The delimiter is detected from the first buffer's worth of text, so a
  // 3-byte buffer would see less of the header line: both readings are
  // given the one detected through the 4 KiB buffer (without a header, the
  // constructor reads no record, so it cannot fail on one).
  const char delimiter =
      vigie::csv::CsvReader(gzip_file.path(), {0, false, 4096}).delimiter();
  check_same(
      vigie::fuzz::read_csv_records(plain_file.path(), {delimiter, true, 3}),
      vigie::fuzz::read_csv_records(gzip_file.path(), {delimiter, true, 4096}));
  check_same(
      vigie::fuzz::read_csv_records(plain_file.path(), {';', false, 3}),
      vigie::fuzz::read_csv_records(gzip_file.path(), {';', false, 4096}));
  return 0;
}
