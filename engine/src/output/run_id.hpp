// The id of one run, e.g. `20261201T024936.512Z-9c1f0e4b7a2d6c83`: when the
// run started (UTC, ISO 8601 basic format, to the millisecond), a dash, and
// 64 random bits in lower-case hexadecimal.
//
// Why this shape: an id is written in kpis.json, in the folder's marker and
// on stdout, so that a later consumer (delivery, history) can tie a folder
// to its run.
// - Sortable: fixed width, most significant first, UTC (no daylight-saving
//   ambiguity), so sorting ids as text sorts runs by start time.
// - Unique without coordination: two runs in the same millisecond, on one
//   machine or on two schedulers of different machines, share an id with
//   probability 2^-64; no counter, host id or state file to keep.
// - Readable: an operator sees when the run was from the id alone (a UUID
//   or a ULID would need decoding), and it holds only [0-9a-zA-Z.-], safe in
//   file names, URLs, SQL and mail headers.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace vigie::output {

// A new id: the current time and bits from getrandom(2).
std::string new_run_id();

// The id of a run started at `started` with `random` bits.
std::string format_run_id(std::chrono::system_clock::time_point started,
                          uint64_t random);

// True when `text` has the shape of a run id.
bool is_run_id(std::string_view text);

}  // namespace vigie::output
