// Flat hash tables for the compiled model: open addressing with linear probing over plain
// vectors. Two reasons to prefer them to std::unordered_map in the model:
//   - speed: a lookup is a multiply, a shift and usually one cache line, where a node-based map
//     chases a bucket pointer and a node pointer (trie edges were a third of the coding time);
//   - storage: every member is a vector of trivially copyable slots (and, for strings, one
//     arena), so a compiled model is written to disk and read back without rebuilding anything
//     (see model_file.h).
//
// Thread-safety: lookups are const and safe to run concurrently; inserts are not.
#pragma once

#include <cassert>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lexicon/model_array.h"
#include "text/short_strings.h"

namespace dyad::lexicon {

// A 64-bit hash for short keys (words: a few bytes). It reads whole 4- and 8-byte words, the
// last ones overlapping the earlier, instead of looping over bytes, then mixes: keys are hashed
// once per token, so this is on the hot path. Stable across runs (model files store it).
inline uint64_t hash_bytes(std::string_view s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  auto load64 = [](const unsigned char* q) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  auto load32 = [](const unsigned char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return static_cast<uint64_t>(v);
  };
  auto mix = [](uint64_t h, uint64_t w) {
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  };
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) h = mix(h, load64(p + i));
    if (i < n) h = mix(h, load64(p + n - 8));
  } else if (n >= 4) {
    h = mix(h, load32(p) << 32 | load32(p + n - 4));
  } else if (n > 0) {
    h = mix(h, static_cast<uint64_t>(p[0]) << 16 | static_cast<uint64_t>(p[n / 2]) << 8 | p[n - 1]);
  }
  h ^= h >> 29;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 32);
}

// uint64 key -> uint32 value. The key ~0 is reserved (marks an empty slot).
class FlatU64Map {
 public:
  static constexpr uint64_t kEmpty = ~0ULL;
  struct Slot {
    uint64_t key = kEmpty;
    uint32_t value = 0;
    // A second value a user may keep beside the first (PhraseTrie: the child's signature); 0
    // unless set_both wrote it. Also keeps the slot free of padding.
    uint32_t extra = 0;
  };

  // The value of `key`, or `missing`. Not for a map restored without its filter.
  uint32_t find(uint64_t key, uint32_t missing) const {
    assert(slots_.empty() || !filter_.empty());
    if (slots_.empty() || !may_contain(key)) return missing;
    for (size_t i = index_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == kEmpty) return missing;
    }
  }
  // find() without the filter, for a caller that filters on its own (PhraseTrie).
  uint32_t find_unfiltered(uint64_t key, uint32_t missing) const {
    const Slot* s = slot_of(key);
    return s != nullptr ? s->value : missing;
  }
  // find_unfiltered's slot as one word, value | extra << 32, or 0 when the key is absent.
  uint64_t find_both_unfiltered(uint64_t key) const {
    const Slot* s = slot_of(key);
    return s != nullptr ? s->value | uint64_t{s->extra} << 32 : 0;
  }
  // Sets the value and the extra of a key already present (false when it is absent).
  bool set_both(uint64_t key, uint32_t value, uint32_t extra) {
    Slot* s = const_cast<Slot*>(slot_of(key));
    if (s == nullptr) return false;
    s->value = value;
    s->extra = extra;
    return true;
  }
  // Inserts key -> value unless the key is present; returns the value stored for the key.
  uint32_t insert(uint64_t key, uint32_t value) { return insert_slot(key, value).value; }
  // Room for `count` keys without growing (each growth re-inserts every key).
  void reserve(size_t count) {
    while (count * 10 > slots_.size() * 7) grow();
  }
  size_t size() const { return size_; }
  Array<Slot>& slots() { return slots_; }  // for model_file: serialization
  const Array<Slot>& slots() const { return slots_; }
  // Re-derives the size and mask after the slots were read from disk, and the filter unless
  // `with_filter` is false (then only find_unfiltered may be used); false when the slot count
  // is not a power of two (a corrupt file). With `largest_value`, sets it to the largest value
  // stored (0 when none) of the bits in `value_mask`, found in the same pass (the caller
  // range-checks the values).
  bool restore(bool with_filter = true, uint32_t* largest_value = nullptr,
               uint32_t value_mask = UINT32_MAX);

 private:
  size_t index_of(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  // insert()'s work: the key's slot, filled with `value` if the key was absent.
  Slot& insert_slot(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();  // load factor at most 0.7
    for (size_t i = index_of(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return s;
      if (s.key == kEmpty) {
        s.key = key;
        s.value = value;
        ++size_;
        // A map restored without its filter (a trie's edges) has none to keep up to date.
        if (!filter_.empty()) add_to_filter(key);
        return s;
      }
    }
  }
  // The slot of `key`, or nullptr (no filter consulted).
  const Slot* slot_of(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = index_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == kEmpty) return nullptr;
    }
  }
  // A blocked Bloom filter in front of the slots: one 64-bit word per 8 slots, two bits per key
  // (about 5% false positives at full load). Most lookups are for keys that are absent (a trie
  // edge from a phrase's first word to the next token), and the filter, a sixteenth of the
  // slots' size, stays in cache where the slots of a large table do not. Derived state: not
  // stored in model files, rebuilt by grow() and restore().
  uint64_t filter_bits(uint64_t key) const {
    uint64_t h = (key ^ (key >> 29)) * 0xbf58476d1ce4e5b9ULL;
    return (1ULL << (h >> 58)) | (1ULL << ((h >> 52) & 63));
  }
  size_t filter_word(uint64_t key) const { return index_of(key) >> 3; }
  bool may_contain(uint64_t key) const {
    uint64_t bits = filter_bits(key);
    return (filter_[filter_word(key)] & bits) == bits;
  }
  void add_to_filter(uint64_t key) { filter_[filter_word(key)] |= filter_bits(key); }
  void rebuild_filter();
  void grow();
  Array<Slot> slots_;
  std::vector<uint64_t> filter_;
  size_t size_ = 0, mask_ = 0;
  unsigned shift_ = 64;
};

// string -> uint32 value; the strings live in one arena. A slot keeps the high 32 bits of the
// key's hash: they pick the slot (capacity <= 2^32) and reject most mismatches without touching
// the arena.
class FlatStringMap {
 public:
  static constexpr uint32_t kEmpty = UINT32_MAX;  // in Slot::offset
  struct Slot {
    uint32_t hash = 0;
    uint32_t offset = kEmpty, length = 0;  // in the arena
    uint32_t value = 0;
  };

  // The value of `key`, or nullptr.
  const uint32_t* find(std::string_view key) const { return find(key, hash_bytes(key)); }
  // The same, with `hash` = hash_bytes(key) computed by the caller.
  const uint32_t* find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    uint32_t h = static_cast<uint32_t>(hash >> 32);
    for (size_t i = h >> shift_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.offset == kEmpty) return nullptr;
      if (s.hash == h && s.length == key.size() &&
          text::same_bytes(arena_.data() + s.offset, key.data(), key.size()))
        return &s.value;
    }
  }
  uint32_t* find_mutable(std::string_view key) {
    return const_cast<uint32_t*>(std::as_const(*this).find(key));
  }
  // Asks the CPU to fetch the slot where a key with this hash_bytes() is looked for first.
  void prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<uint32_t>(hash >> 32) >> shift_]);
  }
  // Inserts key -> value unless present. Returns the stored value and whether it was inserted.
  std::pair<uint32_t, bool> insert(std::string_view key, uint32_t value) {
    return insert(key, value, hash_bytes(key));
  }
  // The same, with `hash` = hash_bytes(key) computed by the caller.
  std::pair<uint32_t, bool> insert(std::string_view key, uint32_t value, uint64_t hash);
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void clear();
  // Calls fn(key, value) for every entry, in no particular order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_)
      if (s.offset != kEmpty) fn(std::string_view(arena_.data() + s.offset, s.length), s.value);
  }
  Array<Slot>& slots() { return slots_; }
  const Array<Slot>& slots() const { return slots_; }
  Array<char>& arena() { return arena_; }
  const Array<char>& arena() const { return arena_; }
  // See FlatU64Map::restore; also checks every slot lies inside the arena.
  bool restore(uint32_t* largest_value = nullptr);

 private:
  void grow();
  Array<Slot> slots_;
  Array<char> arena_;
  size_t size_ = 0, mask_ = 0;
  unsigned shift_ = 32;
};

}  // namespace dyad::lexicon
