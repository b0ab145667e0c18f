#include "lexicon/flat_tables.h"

#include <algorithm>
#include <bit>

namespace dyad::lexicon {

namespace {
// log2 of a power of two.
unsigned log2_of(size_t n) { return static_cast<unsigned>(std::countr_zero(n)); }
}  // namespace

void FlatU64Map::grow() {
  Array<Slot> old = std::move(slots_);
  size_t capacity = old.empty() ? 16 : old.size() * 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  shift_ = 64 - log2_of(capacity);
  size_ = 0;
  filter_.assign((capacity + 7) / 8, 0);
  for (const Slot& s : old)
    if (s.key != kEmpty) insert_slot(s.key, s.value).extra = s.extra;
}

bool FlatU64Map::restore(bool with_filter, uint32_t* largest_value, uint32_t value_mask) {
  size_ = 0;
  if (largest_value != nullptr) *largest_value = 0;
  if (slots_.empty()) {
    mask_ = 0;
    shift_ = 64;
    return true;
  }
  // At least two slots: with one, shift_ would be 64 (a shift by the width is undefined).
  if (!std::has_single_bit(slots_.size()) || slots_.size() < 2) return false;
  mask_ = slots_.size() - 1;
  shift_ = 64 - log2_of(slots_.size());
  if (!with_filter) {
    // One branch-free pass over slots that may span megabytes (a trie's edges).
    filter_.clear();
    size_t size = 0;
    uint32_t largest = 0;
    for (const Slot& s : slots_) {
      const bool used = s.key != kEmpty;
      size += used;
      largest = std::max(largest, used ? s.value & value_mask : 0u);
    }
    size_ = size;
    if (largest_value != nullptr) *largest_value = largest;
    return size_ < slots_.size();
  }
  // Counted while the filter is rebuilt: one pass over slots that may span megabytes.
  filter_.assign((slots_.size() + 7) / 8, 0);
  uint32_t largest = 0;
  for (const Slot& s : slots_) {
    if (s.key == kEmpty) continue;
    ++size_;
    add_to_filter(s.key);
    largest = std::max(largest, s.value & value_mask);
  }
  if (largest_value != nullptr) *largest_value = largest;
  return size_ < slots_.size();  // at least one empty slot, or lookups would not end
}

void FlatU64Map::rebuild_filter() {
  filter_.assign((slots_.size() + 7) / 8, 0);
  for (const Slot& s : slots_)
    if (s.key != kEmpty) add_to_filter(s.key);
}

std::pair<uint32_t, bool> FlatStringMap::insert(std::string_view key, uint32_t value,
                                                uint64_t hash) {
  if ((size_ + 1) * 10 > slots_.size() * 7) grow();  // load factor at most 0.7
  uint32_t h = static_cast<uint32_t>(hash >> 32);
  for (size_t i = h >> shift_;; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.offset == kEmpty) {
      s.hash = h;
      s.offset = static_cast<uint32_t>(arena_.size());
      s.length = static_cast<uint32_t>(key.size());
      s.value = value;
      arena_.append(key.data(), key.size());
      ++size_;
      return {value, true};
    }
    if (s.hash == h && s.length == key.size() &&
        std::string_view(arena_.data() + s.offset, s.length) == key)
      return {s.value, false};
  }
}

void FlatStringMap::grow() {
  Array<Slot> old = std::move(slots_);
  size_t capacity = old.empty() ? 16 : old.size() * 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  shift_ = 32 - log2_of(capacity);
  // Re-slot the existing entries; their strings stay where they are in the arena.
  for (const Slot& s : old) {
    if (s.offset == kEmpty) continue;
    for (size_t i = s.hash >> shift_;; i = (i + 1) & mask_) {
      if (slots_[i].offset == kEmpty) {
        slots_[i] = s;
        break;
      }
    }
  }
}

void FlatStringMap::clear() {
  slots_.clear();
  arena_.clear();
  size_ = 0;
  mask_ = 0;
  shift_ = 32;
}

bool FlatStringMap::restore(uint32_t* largest_value) {
  size_ = 0;
  if (largest_value != nullptr) *largest_value = 0;
  if (slots_.empty()) {
    mask_ = 0;
    shift_ = 32;
    return true;
  }
  if (!std::has_single_bit(slots_.size()) || slots_.size() < 2 || slots_.size() > (1ULL << 32))
    return false;  // (one slot would make shift_ 32, the width of the hashes it shifts)
  mask_ = slots_.size() - 1;
  shift_ = 32 - log2_of(slots_.size());
  // One branch-free pass: the size, the largest value, and whether any slot leaves the arena.
  size_t size = 0;
  uint32_t largest = 0;
  bool outside = false;
  const uint64_t arena_size = arena_.size();
  for (const Slot& s : slots_) {
    const bool used = s.offset != kEmpty;
    size += used;
    largest = std::max(largest, used ? s.value : 0u);
    outside |= used & (static_cast<uint64_t>(s.offset) + s.length > arena_size);
  }
  size_ = size;
  if (largest_value != nullptr) *largest_value = largest;
  return !outside && size_ < slots_.size();
}

}  // namespace dyad::lexicon
