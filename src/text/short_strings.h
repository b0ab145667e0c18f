// Comparisons of short byte strings (token keys: a few upper-case letters) without calls to
// memcmp. The coder compares keys with closed word lists ("THE", "OF", "AND" ...) hundreds of
// times per sentence; a call to memcmp per comparison was about a tenth of the coding time.
//
// Everything here is header-only, allocation-free and safe to call from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace dyad::text {

namespace detail {
inline uint64_t load_u64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint32_t load_u32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
}  // namespace detail

// a[0, n) == b[0, n). Up to 16 bytes: one or two overlapping loads of each side (every byte is
// covered, none is read outside the ranges); longer: memcmp.
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, size_t n) {
  using detail::load_u32;
  using detail::load_u64;
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    return load_u64(a) == load_u64(b) && load_u64(a + n - 8) == load_u64(b + n - 8);
  }
  if (n >= 4) return load_u32(a) == load_u32(b) && load_u32(a + n - 4) == load_u32(b + n - 4);
  if (n == 0) return true;
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];  // n = 1..3
}

inline bool same_key(std::string_view a, std::string_view b) {
  return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size());
}

// key == literal, inlined however large the calling function: in the coder's largest
// functions GCC leaves `key == "THE"` as a call to basic_string_view::compare (and memcmp)
// whenever the lengths agree, which for two- and three-letter words is most of the time.
template <size_t N>
[[gnu::always_inline]] inline bool is(std::string_view key, const char (&literal)[N]) {
  return key.size() == N - 1 && same_bytes(key.data(), literal, N - 1);
}

// The first (up to) 8 bytes of s packed into an integer, little-endian, zero-padded: two keys
// of at most 8 bytes are equal exactly when their codes and lengths are. Reads only s's bytes.
[[gnu::always_inline]] inline uint64_t prefix_code(std::string_view s) {
  using detail::load_u32;
  using detail::load_u64;
  const char* p = s.data();
  const size_t n = s.size();
  if (n >= 8) return load_u64(p);
  if (n >= 4) return uint64_t{load_u32(p)} | uint64_t{load_u32(p + n - 4)} << (8 * (n - 4));
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return v;
}

constexpr uint64_t literal_prefix_code(std::string_view s) {
  uint64_t v = 0;
  for (size_t i = 0; i < s.size() && i < 8; ++i)
    v |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return v;
}

// A fixed list of words, built at compile time: `constexpr WordList kArticles{{"THE", "A"}};`,
// or inline with DYAD_KEY_IN below. The words are sorted by length, so contains() compares the
// packed key only with the words of its length (usually none or one or two): a few integer
// comparisons, where a loop over string_views compared every word's length and first letter.
template <size_t N>
class WordList {
 public:
  static constexpr size_t kMaxLength = 24;
  consteval WordList(const char* const (&words)[N]) {
    std::string_view sorted[N];
    for (size_t i = 0; i < N; ++i) {
      sorted[i] = words[i];
      if (sorted[i].empty() || sorted[i].size() > kMaxLength) throw "WordList: word length";
    }
    for (size_t i = 1; i < N; ++i)  // insertion sort by length, stable
      for (size_t j = i; j > 0 && sorted[j - 1].size() > sorted[j].size(); --j) {
        const std::string_view t = sorted[j - 1];
        sorted[j - 1] = sorted[j];
        sorted[j] = t;
      }
    for (size_t i = 0; i < N; ++i) {
      words_[i] = sorted[i];
      codes_[i] = literal_prefix_code(sorted[i]);
    }
    for (size_t length = 0; length <= kMaxLength + 1; ++length) {
      size_t shorter = 0;
      while (shorter < N && sorted[shorter].size() < length) ++shorter;
      first_[length] = static_cast<uint16_t>(shorter);
    }
  }
  [[gnu::always_inline]] bool contains(std::string_view key) const {
    const size_t n = key.size();
    if (n > kMaxLength) return false;
    const size_t begin = first_[n], end = first_[n + 1];
    if (begin == end) return false;
    const uint64_t code = prefix_code(key);
    for (size_t i = begin; i < end; ++i)
      if (codes_[i] == code && (n <= 8 || same_bytes(key.data() + 8, words_[i].data() + 8, n - 8)))
        return true;
    return false;
  }

 private:
  std::string_view words_[N]{};
  uint64_t codes_[N]{};
  uint16_t first_[kMaxLength + 2]{};  // first_[len]: index of the first word of length >= len
};

// True when `key` is one of the string literals that follow:
// `DYAD_KEY_IN(tokens.key(i), "HE", "SHE", "IT")`. The list is a WordList built at compile time.
#define DYAD_KEY_IN(key, ...)                                                  \
  ([](std::string_view dyad_key_in_key_) {                                     \
    static constexpr ::dyad::text::WordList dyad_key_in_words_{{__VA_ARGS__}}; \
    return dyad_key_in_words_.contains(dyad_key_in_key_);                      \
  }(key))

}  // namespace dyad::text
