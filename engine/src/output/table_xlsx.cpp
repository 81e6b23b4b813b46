// A table as an XLSX workbook of one worksheet (exports.hpp), with
// libxlsxwriter.
#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include "io/file_writer.hpp"
#include "output/cell_text.hpp"
#include "output/exports.hpp"
#include "secrets/redactor.hpp"
#include "table/text_check.hpp"

namespace vigie::output {
namespace {

// Excel counts days from 1899-12-30: the Unix epoch is its day 25569.
constexpr double kExcelDayOfUnixEpoch = 25569.0;
// Widths in characters of the default font: room beside a header for the
// filter's button, and a cap, so that one long text does not push the
// other columns off the screen (the cell keeps all of it).
constexpr double kFilterButton = 3;
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;

// libxlsxwriter 1.1.4 writes only to a file it opens by name. The workbook
// is made in an anonymous memory file, named through /proc/self/fd, and
// its bytes then written with io::write_file like every file of a report:
// synced, and a full disk reported with the report file's name.
class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("vigie-xlsx", MFD_CLOEXEC)) {
    if (fd_ < 0) throw io::IoError("create", "a memory file", errno);
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::string name() const { return fmt::format("/proc/self/fd/{}", fd_); }
  std::string bytes() const {
    std::string out;
    char buffer[1 << 16];
    for (;;) {
      const ssize_t n =
          ::pread(fd_, buffer, sizeof buffer, static_cast<off_t>(out.size()));
      if (n == 0) return out;
      if (n < 0 && errno != EINTR) throw io::IoError("read", name(), errno);
      if (n > 0) out.append(buffer, static_cast<size_t>(n));
    }
  }

 private:
  int fd_;
};

// Frees a workbook that is left before workbook_close (which frees it).
struct WorkbookOwner {
  lxw_workbook* workbook;
  ~WorkbookOwner() {
    if (workbook != nullptr) lxw_workbook_free(workbook);
  }
};

// How a column's cells are written, from its type and unit (column.hpp).
enum class CellKind { Text, Integer, Amount, Share, Number, Bool, Date, Time };

// The number format of each kind (Excel's codes: a spreadsheet shows them
// with the reader's own digit grouping and decimal mark). Text cells are
// "@" so that an id typed over stays text.
const char* number_format(CellKind kind) {
  switch (kind) {
    case CellKind::Text:
      return "@";
    case CellKind::Integer:
      return "0";
    case CellKind::Amount:
    case CellKind::Number:
      return "#,##0.00";
    case CellKind::Share:
      return "0.0%";
    case CellKind::Date:
      return "yyyy-mm-dd";
    case CellKind::Time:
      return "yyyy-mm-dd hh:mm";
    case CellKind::Bool:
      break;
  }
  return nullptr;
}

// The wall-clock time of a timestamp in the report's zone, in microseconds.
int64_t local_micros(int64_t micros, const std::string& time_zone) {
  return micros + zone_offset(micros, time_zone).count() * kMicrosPerSecond;
}

// A timestamp column whose every value falls on a local midnight holds
// dates, shown without a time.
CellKind kind_of(const Column& c, const std::string& time_zone) {
  switch (c.type) {
    case Type::String:
    case Type::Dictionary:
      return CellKind::Text;
    case Type::Int64:
      return CellKind::Integer;
    case Type::Bool:
      return CellKind::Bool;
    case Type::Decimal:
    case Type::Double:
      if (c.unit == "ratio") return CellKind::Share;
      return c.type == Type::Decimal || c.unit == "currency" ? CellKind::Amount
                                                             : CellKind::Number;
    case Type::Timestamp:
      for (size_t i = 0; i < c.ints.size(); ++i)
        if (c.is_valid(static_cast<int64_t>(i)) &&
            local_micros(c.ints[i], time_zone) % kMicrosPerDay != 0)
          return CellKind::Time;
      return CellKind::Date;
  }
  return CellKind::Text;
}

// A text as a worksheet takes it: secrets hidden, as in every file of a
// report; valid UTF-8 (a plugin's text is not checked by ingest) and no
// NUL, which would end a C string early.
std::string sheet_text(std::string_view raw) {
  return table::printable_text(secrets::redact(raw));
}

double utf8_length(std::string_view s) {
  return static_cast<double>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// About as many characters as the cell shows with its format.
double shown_width(CellKind kind, double value) {
  const auto grouped = [](const std::string& digits) {
    const size_t whole = digits.find('.');
    const size_t n = whole == std::string::npos ? digits.size() : whole;
    return static_cast<double>(digits.size() + (n > 0 ? (n - 1) / 3 : 0));
  };
  switch (kind) {
    case CellKind::Integer:
      return static_cast<double>(fmt::format("{:.0f}", value).size());
    case CellKind::Amount:
    case CellKind::Number:
      return grouped(fmt::format("{:.2f}", value));
    case CellKind::Share:
      return static_cast<double>(fmt::format("{:.1f}%", value * 100).size());
    case CellKind::Date:
      return 10;
    case CellKind::Time:
      return 16;
    case CellKind::Bool:
      return 5;
    case CellKind::Text:
      break;
  }
  return 0;
}

// The value a number cell holds: a decimal as the double nearest to it
// (one correctly rounded division of two exact doubles), a timestamp as
// Excel's day number.
double number_of(const Column& c, size_t i, const std::string& time_zone) {
  switch (c.type) {
    case Type::Double:
      return c.doubles[i];
    case Type::Decimal:
      return static_cast<double>(c.ints[i]) /
             static_cast<double>(kDecimalScale);
    case Type::Timestamp:
      return kExcelDayOfUnixEpoch +
             static_cast<double>(local_micros(c.ints[i], time_zone)) /
                 static_cast<double>(kMicrosPerDay);
    case Type::Bool:
      return c.bools[i];
    default:
      return static_cast<double>(c.ints[i]);
  }
}

// Excel's rules for a sheet name: at most 31 characters, none of
// []:*?/\, no quote at either end.
std::string sheet_name(const std::string& name) {
  std::string out;
  double length = 0;
  for (char c : sheet_text(name)) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++length > 31) break;
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c
                                                                          : '_';
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? "list" : out;
}

}  // namespace

void write_table_xlsx(const std::filesystem::path& path, const Table& table,
                      const std::string& time_zone, const std::string& sheet,
                      std::time_t created) {
  const auto check = [&path](lxw_error error) {
    if (error != LXW_NO_ERROR)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path.string(),
                                           lxw_strerror(error)));
  };
  const int64_t rows = table.rows();
  const auto columns = static_cast<lxw_col_t>(table.columns.size());
  if (rows >= LXW_ROW_MAX || table.columns.size() > LXW_COL_MAX)
    throw std::runtime_error(fmt::format(
        "cannot write {}: {} rows of {} columns, more than a worksheet holds "
        "({} rows under the header, {} columns); the CSV beside it has them "
        "all (outputs.lists_xlsx: false leaves the XLSX out)",
        path.string(), rows, columns, LXW_ROW_MAX - 1, LXW_COL_MAX));

  MemoryFile file;
  const std::string file_name = file.name();
  WorkbookOwner owner{workbook_new(file_name.c_str())};
  if (owner.workbook == nullptr)
    throw std::runtime_error(fmt::format(
        "cannot write {}: no memory for the workbook", path.string()));
  lxw_workbook* workbook = owner.workbook;
  lxw_doc_properties properties{};
  properties.created = created;
  check(workbook_set_properties(workbook, &properties));
  lxw_worksheet* worksheet =
      workbook_add_worksheet(workbook, sheet_name(sheet).c_str());
  if (worksheet == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED);

  lxw_format* header = workbook_add_format(workbook);
  format_set_bold(header);
  for (lxw_col_t col = 0; col < columns; ++col) {
    const Column& c = table.columns[col];
    const std::string name = sheet_text(c.name);
    check(worksheet_write_string(worksheet, 0, col, name.c_str(), header));
    const CellKind kind = kind_of(c, time_zone);
    lxw_format* format = workbook_add_format(workbook);
    if (const char* code = number_format(kind))
      format_set_num_format(format, code);
    double width = utf8_length(name) + kFilterButton;
    for (int64_t r = 0; r < rows; ++r) {
      if (!c.is_valid(r)) continue;
      const auto row = static_cast<lxw_row_t>(r + 1);
      if (kind == CellKind::Text) {
        const std::string text = sheet_text(c.string_at(r));
        check(
            worksheet_write_string(worksheet, row, col, text.c_str(), format));
        width = std::max(width, utf8_length(text));
        continue;
      }
      const double value = number_of(c, static_cast<size_t>(r), time_zone);
      if (kind == CellKind::Bool)
        check(worksheet_write_boolean(worksheet, row, col, value != 0, format));
      else
        check(worksheet_write_number(worksheet, row, col, value, format));
      width = std::max(width, shown_width(kind, value));
    }
    check(worksheet_set_column(worksheet, col, col,
                               std::clamp(width + 1, kMinWidth, kMaxWidth),
                               nullptr));
  }
  if (columns > 0) {
    worksheet_freeze_panes(worksheet, 1, 0);
    check(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(rows),
                               columns - 1));
  }
  owner.workbook = nullptr;  // workbook_close frees it, whatever it returns
  check(workbook_close(workbook));
  io::write_file(path, file.bytes());
}

}  // namespace vigie::output
