// Which of the two forms of a queue_log a file holds, told from its first
// line that is not blank: a raw line starts with an epoch and a `|`; the
// database export starts with a header naming callid and event.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace vigie::queue_log {

enum class QueueLogForm { kRaw, kExport };

std::string_view form_name(QueueLogForm form);

// Reads the file's first lines only (inflating them when it is gzip);
// nothing for a file without a line that is not blank. Throws naming
// path:line when that line is neither form, or not the `expected` one
// (nothing expected: either).
std::optional<QueueLogForm> detect_form(const std::filesystem::path& path,
                                        std::optional<QueueLogForm> expected);

}  // namespace vigie::queue_log
