// Finds the code of a string in a StringPool, adding the string when it is
// new: the table behind dictionary encoding, in connectors (a batch's
// dictionary) and in the engine (the run's ids and labels).
//
// Open addressing: (hash, code) slots in a power-of-two array, probed
// linearly, at most half full. A lookup reads one 8-byte slot and, when the
// cached hash matches, compares with the key where it already lives, in the
// pool; the hash is kept so that growing never hashes a key again. A
// node-based std::unordered_map allocates a node and a second copy of
// every distinct key, and chases a pointer a probe: on millions of ids it
// spends most of its time in cache misses and in freeing its nodes.
// Written here rather than taken from a library because the keys live in
// the pool that the columns share, which no standard or Debian-packaged
// hash map allows, and because the SDK depends on nothing but the C++
// standard library.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "vigie/sdk/column.hpp"

namespace vigie {

template <class Hash = std::hash<std::string_view>>
class StringIndex {
 public:
  StringIndex() { rehash(kMinSlots); }

  // The code of `s` in `pool` (which must be the pool of every earlier call
  // since the last clear()), appending it when new.
  int32_t find_or_add(StringPool& pool, std::string_view s) {
    const auto hash = static_cast<uint32_t>(Hash{}(s));
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.code < 0) {
        const int32_t code = pool.append(s);
        slot = {hash, code};
        if (2 * ++size_ > slots_.size()) rehash(2 * slots_.size());
        return code;
      }
      if (slot.hash == hash && pool.at(slot.code) == s) return slot.code;
    }
  }

  // Room for `distinct` strings without growing.
  void reserve(size_t distinct) {
    size_t slots = kMinSlots;
    while (slots < 2 * distinct) slots *= 2;
    if (slots > slots_.size()) rehash(slots);
  }

  // Forgets every string, keeping the room: for the next batch's pool.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t hash = 0;
    int32_t code = -1;  // -1: empty
  };
  static constexpr size_t kMinSlots = 64;

  void rehash(size_t slots) {
    std::vector<Slot> old(slots, Slot{});
    old.swap(slots_);
    mask_ = slots - 1;
    for (const Slot& s : old) {
      if (s.code < 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].code >= 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace vigie
