// The hash of the engine's string tables: xxHash's XXH3 (libxxhash, used
// header-only), several times faster than std::hash on the short ids and
// labels that make most of a dataset's text, and well mixed in its low
// bits, which pick a slot of a power-of-two table.
#pragma once

#include <cstdint>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace vigie::table {

struct StringHash {
  uint64_t operator()(std::string_view s) const {
    return XXH3_64bits(s.data(), s.size());
  }
};

}  // namespace vigie::table
