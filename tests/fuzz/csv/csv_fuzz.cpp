// Fuzz target: the streaming CSV reader (plugins/common/csv_reader) on
// arbitrary bytes. The reader inflates gzip transparently, so the gzip seed
// of the corpus lets mutations reach zlib and the reader's read errors
// through compressed bytes as well as plain text. Each input is read twice:
// with the delimiter detected, a header and a 5-byte buffer (so that
// records cross the buffer's end and make it grow), and with ';', no header
// and a 4 KiB buffer (which holds most inputs at once).
#include <cstddef>
#include <cstdint>

#include "common/csv_records.hpp"
#include "common/memory_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static vigie::fuzz::MemoryFile file("csv-input");
  file.write(data, size);
  vigie::fuzz::read_csv_records(file.path(), {0, true, 5});
  vigie::fuzz::read_csv_records(file.path(), {';', false, 4096});
  return 0;
}
