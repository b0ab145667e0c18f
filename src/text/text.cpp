// Sentence splitting, tokenization and key folding (see text.h for the contracts).
//
// Everything works on the original bytes. The hot paths are byte loops over lookup tables for
// ASCII; non-ASCII code points are decoded by hand (so that invalid bytes are detected and never
// reach utf8proc) and classified with utf8proc's property tables. Only non-ASCII words pay for
// utf8proc normalization, and that uses a per-thread scratch buffer, not per-token allocation.

#include "text/text.h"

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cassert>
#include <cstring>
#include <limits>
#include <string_view>

namespace dyad::text {
namespace {

using uchar = unsigned char;

// ------------------------------------------------------------------------------------------------
// Character classes

enum class C : uint8_t {
  kSpace,      // white space, control characters, Unicode spaces
  kAlpha,      // letter or combining mark (word character)
  kDigit,      // decimal digit (word character; starts a number)
  kApos,       // ' and typographic apostrophes
  kHyphen,     // - and U+2010/U+2011: inside a word it splits the word, else it is a dash
  kDot,        // .
  kBang,       // ! ?
  kComma,      // ,
  kColon,      // : ;
  kQuote,      // " ` and typographic double quotes/guillemets
  kParen,      // ( ) [ ] { }
  kOther,      // any other symbol
  kDash,       // (non-ASCII only) en/em dash, minus, ...
  kEllipsis,   // (non-ASCII only) U+2026
  kIgnorable,  // (non-ASCII only) format characters (soft hyphen, ZWJ): glue inside a word
};

constexpr std::array<C, 128> kAsciiClass = [] {
  std::array<C, 128> t{};
  for (int c = 0; c < 128; ++c) {
    C k = C::kOther;
    if (c <= 0x20 || c == 0x7F || c == '_') {
      // Control characters carry nothing to match on; '_' separates words as dictionaries
      // write them ("Dol_Amroth" = DOL AMROTH).
      k = C::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = C::kAlpha;
    } else if (c >= '0' && c <= '9') {
      k = C::kDigit;
    } else {
      switch (c) {
        case '\'':
          k = C::kApos;
          break;
        case '-':
          k = C::kHyphen;
          break;
        case '.':
          k = C::kDot;
          break;
        case '!':
        case '?':
          k = C::kBang;
          break;
        case ',':
          k = C::kComma;
          break;
        case ':':
        case ';':
          k = C::kColon;
          break;
        case '"':
        case '`':
          k = C::kQuote;
          break;
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
          k = C::kParen;
          break;
        default:
          break;
      }
    }
    t[c] = k;
  }
  return t;
}();

constexpr std::array<bool, 256> kAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiClass[c] == C::kAlpha || kAsciiClass[c] == C::kDigit;
  return t;
}();

inline bool is_alpha(uchar c) {
  return c < 128 && kAsciiClass[c] == C::kAlpha;
}
inline bool is_digit(uchar c) {
  return c >= '0' && c <= '9';
}
inline bool is_upper(uchar c) {
  return c >= 'A' && c <= 'Z';
}
inline bool is_lower(uchar c) {
  return c >= 'a' && c <= 'z';
}
inline char to_upper(uchar c) {
  return static_cast<char>(is_lower(c) ? c - 32 : c);
}
inline char to_lower(uchar c) {
  return static_cast<char>(is_upper(c) ? c + 32 : c);
}

// SWAR: eight bytes in a uint64_t (little-endian: byte k of the text is bits 8k..8k+7). The range
// tests are exact for bytes < 0x80; a byte >= 0x80 may carry into the *following* bytes only, so
// "index of the first non-alphanumeric byte" stays exact as long as such bytes count as stops.
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t load8(const uchar* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// 0x80 in every byte whose value is in [lo, hi].
inline uint64_t bytes_in_range(uint64_t w, uchar lo, uchar hi) {
  return (w + kOnes * (0x80 - lo)) & ~(w + kOnes * (0x7F - hi)) & kHighBits;
}

// Number of bytes flagged in a mask that has at most bit 7 set in each byte (no POPCNT needed:
// the multiplication sums the per-byte 0/1 values into the top byte).
inline int count_flagged(uint64_t mask) {
  return static_cast<int>(((mask >> 7) * kOnes) >> 56);
}

inline uint64_t ascii_letters(uint64_t w) {
  return bytes_in_range(w | kOnes * 0x20, 'a', 'z');
}

// The lower-case ones among `letters` (ascii_letters(w)): a letter is lower case when its bit
// 0x20 is set, and shifting w left by 2 moves that bit to 0x80 of the same byte.
inline uint64_t lower_case_of(uint64_t letters, uint64_t w) {
  return letters & (w << 2);
}

// 0x80 in every byte that is not an ASCII letter or digit.
inline uint64_t non_alnum(uint64_t w) {
  return (~(ascii_letters(w) | bytes_in_range(w, '0', '9')) | w) & kHighBits;
}

// End of the run of ASCII letters and digits starting at s[j]. The hot loop of the tokenizer:
// 8 bytes per step, so most words end in the first step and the loop exit is well predicted.
inline size_t alnum_run_end(const uchar* s, size_t j, size_t end) {
  for (; j + 8 <= end; j += 8) {
    if (const uint64_t stop = non_alnum(load8(s + j)); stop != 0) {
      return j + (static_cast<size_t>(__builtin_ctzll(stop)) >> 3);
    }
  }
  while (j < end && kAlnum[s[j]]) ++j;
  return j;
}

// ------------------------------------------------------------------------------------------------
// UTF-8

// Decodes the well-formed sequence starting at p (p < end). Returns its length, or 0 when the
// bytes do not start a well-formed sequence (stray continuation, overlong, surrogate,
// > U+10FFFF, truncated).
inline int decode(const uchar* p, const uchar* end, char32_t& cp) {
  const uchar c = p[0];
  const size_t avail = static_cast<size_t>(end - p);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c < 0xC2) return 0;  // continuation byte, or overlong 2-byte lead
  if (c < 0xE0) {
    if (avail < 2 || (p[1] & 0xC0) != 0x80) return 0;
    cp = (char32_t{c} & 0x1F) << 6 | (p[1] & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    cp = (char32_t{c} & 0x0F) << 12 | (char32_t{p[1]} & 0x3F) << 6 | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    cp = (char32_t{c} & 0x07) << 18 | (char32_t{p[1]} & 0x3F) << 12 | (char32_t{p[2]} & 0x3F) << 6 |
         (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0;
    return 4;
  }
  return 0;
}

// Unicode white space that is not in category Cc (C1 controls are handled by the caller).
inline bool is_space_cp(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x180E:
    case 0x200B:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x2060:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

inline bool is_cased_upper(char32_t cp) {
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

// Classifies a non-ASCII code point. For compatibility characters whose NFKC form is one ASCII
// punctuation character (fullwidth ， ！ （ ...), *ascii receives that character.
C classify_cp(char32_t cp, char* ascii) {
  *ascii = 0;
  if (is_space_cp(cp)) return C::kSpace;
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x2032:
      return C::kApos;
    case 0x00AB:
    case 0x00BB:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2039:
    case 0x203A:
    case 0x301D:
    case 0x301E:
    case 0x301F:
      return C::kQuote;
    case 0x2010:
    case 0x2011:
      return C::kHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2E3A:
    case 0x2E3B:
    case 0xFE58:
      return C::kDash;
    case 0x2026:
      return C::kEllipsis;
    default:
      break;
  }
  const auto ucp = static_cast<utf8proc_int32_t>(cp);
  switch (utf8proc_category(ucp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return C::kAlpha;
    case UTF8PROC_CATEGORY_ND:
      return C::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
      return C::kSpace;
    case UTF8PROC_CATEGORY_CF:
      return C::kIgnorable;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: {
      utf8proc_int32_t d[4];
      int bc = 0;
      const auto n = utf8proc_decompose_char(
          ucp, d, 4, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &bc);
      if (n == 1 && d[0] > 0x20 && d[0] < 0x7F) {
        const C k = kAsciiClass[d[0]];
        if (k != C::kAlpha && k != C::kDigit) {
          *ascii = static_cast<char>(d[0]);
          return k;
        }
      }
      return C::kOther;
    }
    default:
      return C::kOther;  // private use, unassigned
  }
}

// Length of the white-space character at s[i] (0 if it is not white space).
inline size_t space_len_at(const uchar* s, size_t n, size_t i) {
  if (s[i] < 0x80) return kAsciiClass[s[i]] == C::kSpace ? 1 : 0;
  char32_t cp = 0;
  const int len = decode(s + i, s + n, cp);
  if (len == 0) return 0;
  if (is_space_cp(cp) || (cp >= 0x80 && cp < 0xA0)) return static_cast<size_t>(len);
  return 0;
}

// Length of the white-space character that ends just before s[e], not looking before s[b].
inline size_t space_len_before(const uchar* s, size_t b, size_t e) {
  const uchar c = s[e - 1];
  if (c < 0x80) return kAsciiClass[c] == C::kSpace ? 1 : 0;
  size_t p = e - 1;
  while (p > b && (s[p] & 0xC0) == 0x80 && e - p < 4) --p;
  char32_t cp = 0;
  const int len = decode(s + p, s + e, cp);
  if (len == 0 || static_cast<size_t>(len) != e - p) return 0;
  return is_space_cp(cp) || (cp >= 0x80 && cp < 0xA0) ? static_cast<size_t>(len) : 0;
}

// True when the character at s[i] is a letter, mark or digit (continues a word).
inline bool word_char_at(const uchar* s, size_t end, size_t i) {
  if (i >= end) return false;
  if (s[i] < 0x80) return kAlnum[s[i]];
  char32_t cp = 0;
  if (decode(s + i, s + end, cp) == 0) return false;
  char a;
  const C k = classify_cp(cp, &a);
  return k == C::kAlpha || k == C::kDigit;
}

// ------------------------------------------------------------------------------------------------
// Abbreviations

enum class Abbr : uint8_t {
  kNone,
  kStrong,  // never ends a sentence: titles, months, "e.g."
  kWeak,    // ends a sentence only before a common sentence starter: U.S., J., Inc., etc.
  kNumber,  // an abbreviation only before a number: "No. 10"
};

enum Case : uint8_t { kAnyCase, kCapitalized, kLowerCase };

struct AbbrEntry {
  std::string_view word;  // lower case, at most 8 letters
  Abbr kind;
  Case letter_case;
};

// Up to 8 bytes packed into an integer, so the table is searched with integer compares.
constexpr uint64_t pack(std::string_view w) {
  uint64_t v = 0;
  for (size_t i = 0; i < w.size() && i < 8; ++i) v |= uint64_t{static_cast<uchar>(w[i])} << (8 * i);
  return v;
}

constexpr AbbrEntry kAbbreviations[] = {
    // Titles and ranks.
    {"mr", Abbr::kStrong, kCapitalized},
    {"mrs", Abbr::kStrong, kCapitalized},
    {"ms", Abbr::kStrong, kCapitalized},
    {"dr", Abbr::kStrong, kCapitalized},
    {"gen", Abbr::kStrong, kCapitalized},
    {"gens", Abbr::kStrong, kCapitalized},
    {"col", Abbr::kStrong, kCapitalized},
    {"lt", Abbr::kStrong, kCapitalized},
    {"lieut", Abbr::kStrong, kCapitalized},
    {"maj", Abbr::kStrong, kCapitalized},
    {"capt", Abbr::kStrong, kCapitalized},
    {"sgt", Abbr::kStrong, kCapitalized},
    {"adm", Abbr::kStrong, kCapitalized},
    {"cmdr", Abbr::kStrong, kCapitalized},
    {"comdr", Abbr::kStrong, kCapitalized},
    {"gov", Abbr::kStrong, kCapitalized},
    {"govs", Abbr::kStrong, kCapitalized},
    {"sen", Abbr::kStrong, kCapitalized},
    {"sens", Abbr::kStrong, kCapitalized},
    {"rep", Abbr::kStrong, kCapitalized},
    {"reps", Abbr::kStrong, kCapitalized},
    {"rev", Abbr::kStrong, kCapitalized},
    {"prof", Abbr::kStrong, kCapitalized},
    {"st", Abbr::kStrong, kCapitalized},
    {"mt", Abbr::kStrong, kCapitalized},
    {"ft", Abbr::kStrong, kCapitalized},
    {"pres", Abbr::kStrong, kCapitalized},
    {"amb", Abbr::kStrong, kCapitalized},
    {"brig", Abbr::kStrong, kCapitalized},
    {"cpl", Abbr::kStrong, kCapitalized},
    {"pvt", Abbr::kStrong, kCapitalized},
    {"supt", Abbr::kStrong, kCapitalized},
    {"insp", Abbr::kStrong, kCapitalized},
    {"hon", Abbr::kStrong, kCapitalized},
    {"rt", Abbr::kStrong, kCapitalized},
    {"messrs", Abbr::kStrong, kCapitalized},
    {"mme", Abbr::kStrong, kCapitalized},
    {"sr", Abbr::kWeak, kCapitalized},
    {"jr", Abbr::kWeak, kCapitalized},
    // Months (May has no abbreviation).
    {"jan", Abbr::kStrong, kCapitalized},
    {"feb", Abbr::kStrong, kCapitalized},
    {"mar", Abbr::kStrong, kCapitalized},
    {"apr", Abbr::kStrong, kCapitalized},
    {"jun", Abbr::kStrong, kCapitalized},
    {"jul", Abbr::kStrong, kCapitalized},
    {"aug", Abbr::kStrong, kCapitalized},
    {"sep", Abbr::kStrong, kCapitalized},
    {"sept", Abbr::kStrong, kCapitalized},
    {"oct", Abbr::kStrong, kCapitalized},
    {"nov", Abbr::kStrong, kCapitalized},
    {"dec", Abbr::kStrong, kCapitalized},
    // Numbering.
    {"no", Abbr::kNumber, kCapitalized},
    {"nos", Abbr::kNumber, kCapitalized},
    {"vol", Abbr::kStrong, kCapitalized},
    // Companies: these often end a sentence.
    {"co", Abbr::kWeak, kCapitalized},
    {"cos", Abbr::kWeak, kCapitalized},
    {"corp", Abbr::kWeak, kCapitalized},
    {"inc", Abbr::kWeak, kCapitalized},
    {"ltd", Abbr::kWeak, kCapitalized},
    {"bros", Abbr::kWeak, kCapitalized},
    // Latin and the like.
    {"vs", Abbr::kStrong, kAnyCase},
    {"v", Abbr::kStrong, kLowerCase},
    {"etc", Abbr::kWeak, kAnyCase},
    {"approx", Abbr::kStrong, kAnyCase},
};

constexpr auto kAbbreviationKeys = [] {
  std::array<uint64_t, std::size(kAbbreviations)> keys{};
  for (size_t i = 0; i < keys.size(); ++i) keys[i] = pack(kAbbreviations[i].word);
  return keys;
}();

static_assert(
    [] {
      for (size_t i = 0; i < kAbbreviationKeys.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (kAbbreviationKeys[i] == kAbbreviationKeys[j]) return false;
        }
      }
      return true;
    }(),
    "each abbreviation is listed once");

// Open-addressing hash table over kAbbreviationKeys (index + 1; 0 = empty slot), so a lookup
// costs a hash and a probe or two instead of a scan of the whole list.
constexpr size_t kAbbrSlots = 256;
constexpr size_t abbr_slot(uint64_t key) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 56);
}
constexpr auto kAbbreviationTable = [] {
  static_assert(std::size(kAbbreviations) < kAbbrSlots / 2);
  std::array<uint8_t, kAbbrSlots> t{};
  for (size_t i = 0; i < kAbbreviationKeys.size(); ++i) {
    size_t h = abbr_slot(kAbbreviationKeys[i]);
    while (t[h] != 0) h = (h + 1) % kAbbrSlots;
    t[h] = static_cast<uint8_t>(i + 1);
  }
  return t;
}();

// Classifies the ASCII word w (no periods) as it would be when followed by a period.
// A single upper-case letter is an initial ("George W. Bush"); it is weak, not strong, because an
// initial is followed by a name, never by "The", while "World War I. The war" ends a sentence.
Abbr lookup_abbreviation(const uchar* w, size_t len) {
  if (len == 0 || len > 6) return Abbr::kNone;
  if (len == 1 && is_upper(w[0])) return Abbr::kWeak;
  uint64_t key = 0;
  bool any_upper = false;
  for (size_t i = 0; i < len; ++i) {
    if (!is_alpha(w[i])) return Abbr::kNone;
    any_upper |= is_upper(w[i]);
    key |= uint64_t{static_cast<uchar>(to_lower(w[i]))} << (8 * i);
  }
  for (size_t h = abbr_slot(key); kAbbreviationTable[h] != 0; h = (h + 1) % kAbbrSlots) {
    const size_t i = kAbbreviationTable[h] - 1u;
    if (kAbbreviationKeys[i] != key) continue;
    const AbbrEntry& e = kAbbreviations[i];
    if (e.letter_case == kCapitalized && !is_upper(w[0])) return Abbr::kNone;
    if (e.letter_case == kLowerCase && any_upper) return Abbr::kNone;
    return e.kind;
  }
  return Abbr::kNone;
}

// Dotted acronym starting at s[i] (an ASCII letter): "U.S.", "U.S.A.", "J.F.", "e.g.", or "U.S"
// with the last period missing. Returns the end of the acronym, or 0 when there is none.
size_t acronym_end(const uchar* s, size_t end, size_t i) {
  size_t j = i;
  int groups = 0;
  while (j + 1 < end && is_alpha(s[j]) && s[j + 1] == '.') {
    ++groups;
    j += 2;
    if (j < end && is_alpha(s[j]) && (j + 1 >= end || s[j + 1] != '.')) {
      // "U.S" followed by a non-word character.
      if (!word_char_at(s, end, j + 1)) return j + 1;
      break;
    }
  }
  return groups >= 2 ? j : 0;
}

// ------------------------------------------------------------------------------------------------
// Sentence splitting

// Bytes the splitter's scan loop has to look at; all others are skipped by a table lookup.
constexpr std::array<bool, 256> kSplitBytes = [] {
  std::array<bool, 256> t{};
  t['.'] = t['!'] = t['?'] = t['\n'] = t['\r'] = true;
  t[0xE2] = true;  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
  return t;
}();

// 0x80 in (at least) the lowest byte of w equal to c; flags above a true hit may be spurious.
inline uint64_t has_byte(uint64_t w, uchar c) {
  const uint64_t x = w ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighBits;
}

// Position of the next byte at or after i that may be a kSplitBytes byte. Skips 16 bytes per step
// (SSE2, part of x86-64) and then 8; the test is conservative (any control or non-ASCII byte
// stops it), exact for the first hit. Most of a document is scanned here. kFast = false (the
// splitter's simple twin, detail::split_sentences_reference) skips nothing: the caller then
// looks at every byte.
template <bool kFast>
inline size_t next_split_candidate(const uchar* s, size_t i, size_t n) {
  if constexpr (!kFast) return i;
#if defined(__SSE2__)
  // Signed bytes: "< 0x20" takes the control characters and every byte >= 0x80, as below.
  const __m128i space = _mm_set1_epi8(0x20), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                question = _mm_set1_epi8('?');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, dot)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, question)));
    if (const int mask = _mm_movemask_epi8(hit); mask != 0)
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = load8(s + i);
    const uint64_t hit = has_byte(w, '.') | has_byte(w, '!') | has_byte(w, '?') |
                         ((w - kOnes * 0x20) & ~w & kHighBits) | (w & kHighBits);
    if (hit != 0) return i + (static_cast<size_t>(__builtin_ctzll(hit)) >> 3);
  }
  return i;
}

inline size_t line_break_len(const uchar* s, size_t n, size_t i) {
  if (s[i] == '\n') return 1;
  if (s[i] == '\r') return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
  if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA8) return 3;
  return 0;
}

inline bool is_paragraph_separator(const uchar* s, size_t n, size_t i) {
  return s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA9;
}

inline size_t skip_space(const uchar* s, size_t n, size_t i) {
  while (i < n) {
    const size_t k = space_len_at(s, n, i);
    if (k == 0) break;
    i += k;
  }
  return i;
}

// If a paragraph break (a line break, blank-looking line, line break; or U+2029) starts at s[i],
// returns true and sets *next to the first non-space byte after it.
bool paragraph_break_at(const uchar* s, size_t n, size_t i, size_t* next) {
  size_t j;
  if (is_paragraph_separator(s, n, i)) {
    j = i + 3;
  } else {
    const size_t len = line_break_len(s, n, i);
    if (len == 0) return false;
    j = i + len;
    for (;;) {
      if (j >= n) return false;
      if (line_break_len(s, n, j) != 0 || is_paragraph_separator(s, n, j)) break;
      const size_t k = space_len_at(s, n, j);
      if (k == 0) return false;
      j += k;
    }
  }
  *next = skip_space(s, n, j);
  return true;
}

// Closing quotes and brackets that may follow a sentence-final . ! ?
inline size_t closer_len_at(const uchar* s, size_t n, size_t i) {
  const uchar c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (c < 0x80) return 0;
  char32_t cp = 0;
  const int len = decode(s + i, s + n, cp);
  if (len == 0) return 0;
  return cp == 0x201D || cp == 0x2019 || cp == 0x00BB || cp == 0x203A ? static_cast<size_t>(len)
                                                                      : 0;
}

inline size_t opening_quote_len_at(const uchar* s, size_t n, size_t i) {
  const uchar c = s[i];
  if (c == '"' || c == '\'' || c == '`') return 1;
  if (c < 0x80) return 0;
  char32_t cp = 0;
  const int len = decode(s + i, s + n, cp);
  if (len == 0) return 0;
  return cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E || cp == 0x2039 ||
                 cp == 0x201A
             ? static_cast<size_t>(len)
             : 0;
}

// Can a sentence start at s[m]? Upper-case letter, digit, opening quote or bracket.
bool starts_sentence(const uchar* s, size_t n, size_t m) {
  const uchar c = s[m];
  if (c < 0x80)
    return is_upper(c) || is_digit(c) || c == '(' || c == '[' || c == '"' || c == '\'' || c == '`';
  if (opening_quote_len_at(s, n, m) != 0) return true;
  char32_t cp = 0;
  return decode(s + m, s + n, cp) != 0 && is_cased_upper(cp);
}

// Words that, after a weak abbreviation such as "U.S.", show that a new sentence has started.
constexpr std::string_view kSentenceStarters[] = {
    "The",   "He",    "She",   "It",   "They",    "We",        "But", "In",    "A",   "An",
    "This",  "That",  "On",    "At",   "However", "Meanwhile", "His", "Her",   "Its", "Their",
    "There", "These", "Those", "Some", "When",    "While",     "If",  "After", "I",
};

bool starter_word_at(const uchar* s, size_t n, size_t m) {
  size_t p = m + opening_quote_len_at(s, n, m);
  const size_t b = p;
  while (p < n && is_alpha(s[p])) ++p;
  if (p < n && (kAlnum[s[p]] || s[p] >= 0x80)) return false;
  const std::string_view w(reinterpret_cast<const char*>(s) + b, p - b);
  for (const auto& st : kSentenceStarters) {
    if (st == w) return true;
  }
  return false;
}

// Classifies the word that ends just before the period at s[i] (never looking before s[lo]).
Abbr abbreviation_before(const uchar* s, size_t lo, size_t i) {
  size_t j = i;
  while (j > lo && (is_alpha(s[j - 1]) || s[j - 1] == '.')) --j;
  // Glued to a digit, apostrophe or non-ASCII letter: part of a longer word, not an abbreviation.
  if (j > lo && (kAlnum[s[j - 1]] || s[j - 1] == '\'' || s[j - 1] >= 0x80)) return Abbr::kNone;
  while (j < i && s[j] == '.') ++j;
  if (j == i) return Abbr::kNone;
  const uchar* w = s + j;
  const size_t len = i - j;
  if (std::memchr(w, '.', len) != nullptr) {
    // L.L.L pattern: a dotted acronym ("U.S", "J.F", "e.g").
    bool acronym = len % 2 == 1;
    for (size_t k = 0; acronym && k < len; ++k) {
      acronym = (k % 2 == 0) ? is_alpha(w[k]) : w[k] == '.';
    }
    if (acronym) {
      const std::string_view a(reinterpret_cast<const char*>(w), len);
      return a == "e.g" || a == "i.e" ? Abbr::kStrong : Abbr::kWeak;
    }
    // Otherwise judge the last part ("Ph.D" -> "D").
    const uchar* dot = w + len;
    while (dot[-1] != '.') --dot;
    return lookup_abbreviation(dot, static_cast<size_t>(w + len - dot));
  }
  return lookup_abbreviation(w, len);
}

template <bool kFast>
void split_sentences_with(std::string_view document, std::vector<Span>& out) {
  const auto* s = reinterpret_cast<const uchar*>(document.data());
  // Spans are 32-bit: documents beyond 4 GiB are cut (no news article comes close).
  const size_t n = std::min<size_t>(document.size(), std::numeric_limits<uint32_t>::max());
  auto emit = [&](size_t b, size_t e) {
    for (size_t k; b < e && (k = space_len_at(s, n, b)) != 0;) b += k;
    for (size_t k; e > b && (k = space_len_before(s, b, e)) != 0;) e -= k;
    if (b < e) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  };

  size_t start = 0;
  size_t i = 0;
  while (i < n) {
    i = next_split_candidate<kFast>(s, i, n);
    if (i >= n) break;
    if (!kSplitBytes[s[i]]) {
      ++i;
      continue;
    }
    const uchar c = s[i];
    if (c == '\n' || c == '\r' || c == 0xE2) {
      size_t next;
      if (paragraph_break_at(s, n, i, &next)) {
        emit(start, i);
        start = i = next;
      } else {
        ++i;
      }
      continue;
    }
    // . ! ? (a run such as "?!" or "..." counts as one terminator), then closing quotes/brackets,
    // then white space, then something that can start a sentence.
    size_t e = i + 1;
    while (e < n && (s[e] == '.' || s[e] == '!' || s[e] == '?')) ++e;
    size_t k = e;
    for (size_t len; k < n && (len = closer_len_at(s, n, k)) != 0;) k += len;
    const size_t m = skip_space(s, n, k);
    if (m == k || m >= n || !starts_sentence(s, n, m)) {
      i = e;
      continue;
    }
    // Pre-tokenized text, where a tokenizer split the period off a word: "Sen . Mitch
    // McConnell", "Nov . 2", "352 . 5 million". A period with a space before it ends no
    // sentence after a title or month, nor between two numbers.
    if (c == '.' && e == i + 1 && i >= start + 2 && s[i - 1] == ' ' && k == e) {
      const Abbr spaced = abbreviation_before(s, start, i - 1);
      // Initials split the same way ("U . S .", "George H . W . Bush"): a single capital
      // letter with another initial right before or after it.
      auto upper = [](uchar ch) { return ch >= 'A' && ch <= 'Z'; };
      const bool initial = upper(s[i - 2]) && (i - 2 == start || s[i - 3] == ' ');
      const bool next_initial = m + 2 < n && upper(s[m]) && s[m + 1] == ' ' && s[m + 2] == '.';
      const bool previous_initial = i >= start + 6 && s[i - 3] == ' ' && s[i - 4] == '.' &&
                                    s[i - 5] == ' ' && upper(s[i - 6]) &&
                                    (i - 6 == start || s[i - 7] == ' ');
      if (spaced == Abbr::kStrong || (spaced == Abbr::kNumber && is_digit(s[m])) ||
          (is_digit(s[i - 2]) && is_digit(s[m]) && m == e + 1) ||
          (initial && (next_initial || previous_initial))) {
        i = e;
        continue;
      }
    }
    if (c == '.' && e == i + 1) {
      const Abbr a = abbreviation_before(s, start, i);
      if (a == Abbr::kStrong || (a == Abbr::kWeak && !starter_word_at(s, n, m)) ||
          (a == Abbr::kNumber && is_digit(s[m]))) {
        i = e;
        continue;
      }
    }
    emit(start, k);
    start = i = m;
  }
  emit(start, n);
}

}  // namespace

void split_sentences(std::string_view document, std::vector<Span>& out) {
  split_sentences_with<true>(document, out);
}

namespace detail {
void split_sentences_reference(std::string_view document, std::vector<Span>& out) {
  split_sentences_with<false>(document, out);
}
}  // namespace detail

// ------------------------------------------------------------------------------------------------
// Tokenization

namespace {

// Maps typographic apostrophes to ' before utf8proc's decomposition.
utf8proc_int32_t fold_apostrophe(utf8proc_int32_t cp, void*) {
  switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case 0x2032:
      return '\'';
    default:
      return cp;
  }
}

// Latin script (including IPA, used for Azerbaijani ə): its diacritics are stripped from keys
// because the dictionaries are ASCII. Marks on other scripts (Cyrillic й, Devanagari vowel signs)
// are kept: stripping them would change the letter, not just an accent.
inline bool is_latin(utf8proc_int32_t cp) {
  return cp < 0x2B0 || (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
         (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xAB30 && cp < 0xAB70);
}

// Appends the key of the well-formed UTF-8 bytes [p, p+len): NFKC, case folding, default-ignorable
// characters removed, marks on Latin letters removed, then upper case.
void append_folded(const uchar* p, size_t len, std::string& keys) {
  thread_local std::vector<utf8proc_int32_t> buf(64);
  const auto opts = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                   UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  const auto slen = static_cast<utf8proc_ssize_t>(len);
  auto n = utf8proc_decompose_custom(p, slen, buf.data(), static_cast<utf8proc_ssize_t>(buf.size()),
                                     opts, fold_apostrophe, nullptr);
  if (n > static_cast<utf8proc_ssize_t>(buf.size())) {
    buf.resize(static_cast<size_t>(n));
    n = utf8proc_decompose_custom(p, slen, buf.data(), n, opts, fold_apostrophe, nullptr);
  }
  const size_t before = keys.size();
  if (n > 0) {
    utf8proc_ssize_t w = 0;
    bool latin_base = false;
    for (utf8proc_ssize_t r = 0; r < n; ++r) {
      const utf8proc_int32_t cp = buf[static_cast<size_t>(r)];
      const auto cat = utf8proc_category(cp);
      const bool mark =
          cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME;
      if (mark && latin_base) continue;
      if (!mark) latin_base = is_latin(cp);
      buf[static_cast<size_t>(w++)] = cp;
    }
    n = utf8proc_normalize_utf32(buf.data(), w, UTF8PROC_COMPOSE);
    for (utf8proc_ssize_t r = 0; r < n; ++r) {
      const utf8proc_int32_t up = utf8proc_toupper(buf[static_cast<size_t>(r)]);
      if (up < 0x80) {
        keys.push_back(static_cast<char>(up));
      } else {
        utf8proc_uint8_t enc[4];
        const auto el = utf8proc_encode_char(up, enc);
        keys.append(reinterpret_cast<const char*>(enc), static_cast<size_t>(el));
      }
    }
  }
  if (keys.size() == before) keys.push_back('?');  // e.g. only default-ignorable characters
}

// Bytes that may extend, or change the key of, a word whose letters/digits end just before them;
// every other byte ends the word as it is. Bit 1: after a word starting with a letter ("'" may
// continue it or start a possessive, "." may be an acronym or an abbreviation's period, a byte
// >= 0x80 may be a letter, apostrophe or format character). Bit 2: after a number, which also
// keeps , . - / between digits.
constexpr std::array<uint8_t, 256> kWordStop = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[c] = 3;
  t['\''] = t['.'] = 3;
  t[','] = t['-'] = t['/'] = 2;
  return t;
}();

// The tokenizer of one sentence.
//
// kFast selects the fast path for the common word: a run of ASCII letters/digits that the byte
// after it cannot extend (kWordStop), which needs no acronym check, abbreviation lookup or
// Unicode scan; it is tokenized inline in run(). Every other word goes through word(), the
// general code that implements every rule of text.h. With kFast = false every word goes through
// word(): that is detail::tokenize_reference(), which the differential test
// (tests/text/test_tokens_differential.cpp) compares field by field with the fast tokenizer.
//
// Keys are written through a cursor into TokenBuffer::keys: the string is resized once per
// sentence to leave room, grown when a key needs more, and cut back to the keys' length at the
// end, so every write stays inside size(). Invariant (the room rule): before each token, at
// position i, the room after the cursor is at least the bytes left (end_ - i) plus kKeySlack.
// An ASCII word's key is no longer than its text, so the fast path needs no check and may store
// whole 8-byte words past a key's end (the next key overwrites them); every other token makes
// room for the rest of the sentence after its key (key_room).
template <bool kFast>
class Tokenizer {
 public:
  Tokenizer(const uchar* s, size_t begin, size_t end, TokenBuffer& out)
      : s_(s), end_(end), out_(out), kpos_(out.keys.size()) {
    out_.keys.resize(kpos_ + (end - begin) + kKeySlack);
    k_ = out_.keys.data();
    kcap_ = out_.keys.size();
  }
  ~Tokenizer() { out_.keys.resize(kpos_); }
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  void run(size_t i);

 private:
  static constexpr size_t kKeySlack = 16;

  // Room for a key of n bytes at the cursor for a token ending at e, keeping the room rule.
  char* key_room(size_t n, size_t e) {
    const size_t need = n + (end_ - e) + kKeySlack;
    if (kcap_ - kpos_ < need) grow_keys(need);
    return k_ + kpos_;
  }
  void grow_keys(size_t need) {
    out_.keys.resize(std::max(2 * kcap_, kpos_ + need));
    k_ = out_.keys.data();
    kcap_ = out_.keys.size();
  }
  // A token whose key is the short literal `key` (at most 3 bytes) or the single byte c.
  template <size_t N>
  void push(size_t b, size_t e, TokenKind kind, const char (&key)[N]) {
    static_assert(N >= 2 && N <= 4);
    char* k = key_room(N - 1, e);
    for (size_t p = 0; p + 1 < N; ++p) k[p] = key[p];
    push_token(b, e, kind, N - 1);
  }
  void push(size_t b, size_t e, TokenKind kind, char c) {
    *key_room(1, e) = c;
    push_token(b, e, kind, 1);
  }
  void push_token(size_t b, size_t e, TokenKind kind, size_t key_length) {
    out_.tokens.push_back(Token{{static_cast<uint32_t>(b), static_cast<uint32_t>(e)},
                                static_cast<uint32_t>(kpos_),
                                static_cast<uint32_t>(key_length),
                                kind,
                                false,
                                false});
    kpos_ += key_length;
  }
  // Appends the Unicode key of [p, p+len) (append_folded) at the cursor; returns its length.
  size_t append_folded_key(const uchar* p, size_t len) {
    out_.keys.resize(kpos_);
    append_folded(p, len, out_.keys);
    const size_t n = out_.keys.size() - kpos_;
    kpos_ = out_.keys.size();
    out_.keys.resize(kpos_ + (end_ - static_cast<size_t>(p - s_)) + kKeySlack);
    k_ = out_.keys.data();
    kcap_ = out_.keys.size();
    return n;
  }
  // s and end: s_ and end_, passed in registers (see run()).
  template <bool kNumber>
  bool fast_word(size_t& i, const uchar* s, size_t end);
  bool long_word(size_t& i, size_t from, bool number);
  [[gnu::always_inline]] bool plain_end(size_t i, size_t j, bool number, size_t* tok_end);
  size_t abbreviation_end(size_t i, size_t j);
  size_t plain_word(size_t i, size_t j, size_t tok_end, bool number);
  size_t word(size_t i, bool number);
  size_t acronym(size_t i, size_t a);
  size_t apostrophe(size_t i, size_t len);
  size_t dash_run(size_t i);
  size_t non_ascii(size_t i);
  size_t punct(size_t i, size_t len, C k, char ascii);
  size_t scan_word(size_t i, bool number, bool* ascii) const;
  bool apostrophe_continues_word(size_t j, size_t len) const;
  void ascii_key(size_t i, size_t len, Token& t);

  const uchar* s_;
  size_t end_;
  TokenBuffer& out_;
  char* k_ = nullptr;                                     // out_.keys.data()
  size_t kpos_;                                           // end of the keys written so far
  size_t kcap_ = 0;                                       // out_.keys.size()
  size_t word_end_ = std::numeric_limits<size_t>::max();  // end of the last word/number token
};

// An apostrophe inside a word continues it ("don't", "O'Brien") unless it starts a possessive
// 's or is not followed by a word character.
template <bool kFast>
bool Tokenizer<kFast>::apostrophe_continues_word(size_t j, size_t len) const {
  const size_t a = j + len;
  if (!word_char_at(s_, end_, a)) return false;
  return !((s_[a] == 's' || s_[a] == 'S') && !word_char_at(s_, end_, a + 1));
}

// Returns the end of the word or number starting at i (letters, digits, marks, inner
// apostrophes, format characters between word characters; numbers also keep , . - / between
// digits). *ascii is cleared when the word contains non-ASCII bytes.
template <bool kFast>
size_t Tokenizer<kFast>::scan_word(size_t i, bool number, bool* ascii) const {
  size_t j = i;
  for (;;) {
    j = alnum_run_end(s_, j, end_);
    if (j >= end_) break;
    const uchar c = s_[j];
    if (c == '\'') {
      if (!apostrophe_continues_word(j, 1)) break;
      j += 1;
      continue;
    }
    if (number && (c == ',' || c == '.' || c == '-' || c == '/') && is_digit(s_[j - 1]) &&
        j + 1 < end_ && is_digit(s_[j + 1])) {
      j += 2;
      continue;
    }
    if (c < 0x80) break;
    char32_t cp = 0;
    const int len = decode(s_ + j, s_ + end_, cp);
    if (len == 0) break;
    char a;
    const C k = classify_cp(cp, &a);
    const auto ul = static_cast<size_t>(len);
    if (k == C::kAlpha || k == C::kDigit || (k == C::kApos && apostrophe_continues_word(j, ul)) ||
        (k == C::kIgnorable && word_char_at(s_, end_, j + ul))) {
      *ascii = false;
      j += ul;
      continue;
    }
    break;
  }
  return j;
}

template <bool kFast>
size_t Tokenizer<kFast>::acronym(size_t i, size_t a) {
  char* k = key_room(a - i, a);
  size_t n = 0;
  for (size_t j = i; j < a; ++j) {
    if (s_[j] != '.') k[n++] = to_upper(s_[j]);
  }
  bool all_upper = true;
  for (size_t j = i; j < a; ++j) all_upper &= !is_lower(s_[j]);
  out_.tokens.push_back(Token{{static_cast<uint32_t>(i), static_cast<uint32_t>(a)},
                              static_cast<uint32_t>(kpos_),
                              static_cast<uint32_t>(n),
                              TokenKind::kWord,
                              is_upper(s_[i]),
                              all_upper && n >= 2});
  kpos_ += n;
  word_end_ = a;
  return a;
}

// Writes the upper-case key of the ASCII word [i, i+len) at the cursor and sets t's key and case
// flags: 8 bytes per step; source bytes past the word (still inside the sentence) are masked out
// of the counts and land past the key's end, where the next key overwrites them. The room rule
// at i leaves room for them.
template <bool kFast>
inline void Tokenizer<kFast>::ascii_key(size_t i, size_t len, Token& t) {
  assert(kcap_ - kpos_ >= end_ - i + kKeySlack);
  char* k = k_ + kpos_;
  uint64_t lowers = 0;
  int uppers = 0;
  size_t p = 0;
  for (; p + 8 <= len || (p < len && i + p + 8 <= end_); p += 8) {
    const uint64_t w = load8(s_ + i + p);
    const uint64_t valid = len - p >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * (len - p))) - 1;
    const uint64_t lower = bytes_in_range(w, 'a', 'z') & valid;
    const uint64_t upper = bytes_in_range(w, 'A', 'Z') & valid;
    lowers |= lower;
    uppers += count_flagged(upper);
    const uint64_t up = w - (lower >> 2);  // 'a' - 'A' == 0x20 == 0x80 >> 2
    std::memcpy(k + p, &up, 8);
  }
  for (; p < len; ++p) {  // tail of a word at the very end of the sentence
    const uchar c = s_[i + p];
    lowers |= is_lower(c);
    uppers += is_upper(c);
    k[p] = to_upper(c);
  }
  t.key_offset = static_cast<uint32_t>(kpos_);
  t.key_length = static_cast<uint32_t>(len);
  kpos_ += len;
  t.capitalized = is_upper(s_[i]);
  // Every letter upper case and at least two letters: no lower-case letter, two upper-case ones.
  t.all_caps = lowers == 0 && uppers >= 2;
}

// The period after the ASCII word [i, j) (s_[j] == '.') belongs to it when the word is an
// abbreviation or initial ("Gen.", "W.", "No. 10"), also at the end of a sentence ("Acme Inc."):
// the key never depends on the position. Returns the end of the token.
template <bool kFast>
size_t Tokenizer<kFast>::abbreviation_end(size_t i, size_t j) {
  const Abbr a = lookup_abbreviation(s_ + i, j - i);
  if (a == Abbr::kStrong || a == Abbr::kWeak) return j + 1;
  if (a == Abbr::kNumber) {
    const size_t m = skip_space(s_, end_, j + 1);
    if (m < end_ && is_digit(s_[m])) return j + 1;
  }
  return j;
}

// For the run of ASCII letters/digits [i, j) (j < end_) followed by a kWordStop byte: true when
// word() would make it the token [i, *tok_end) with the key of [i, j) anyway, false when it
// needs word(): an acronym or initial ("U.S.", "W."), an apostrophe or non-ASCII byte, a number
// going on ("1,000", "3.5"). Handles the period ending a sentence and abbreviations.
template <bool kFast>
inline bool Tokenizer<kFast>::plain_end(size_t i, size_t j, bool number, size_t* tok_end) {
  const uchar d = s_[j];
  *tok_end = j;
  if (number) {
    if (d == '\'' || d >= 0x80) return false;
    return !(is_digit(s_[j - 1]) && j + 1 < end_ && is_digit(s_[j + 1]));  // d is , . - /
  }
  if (d != '.' || j - i < 2) return false;  // j - i == 1: maybe "U.S." (acronym_end)
  *tok_end = abbreviation_end(i, j);
  return true;
}

// The ASCII word or number [i, j), as the token [i, tok_end) (see plain_end).
template <bool kFast>
size_t Tokenizer<kFast>::plain_word(size_t i, size_t j, size_t tok_end, bool number) {
  Token t{{static_cast<uint32_t>(i), static_cast<uint32_t>(tok_end)},
          0,
          0,
          number ? TokenKind::kNumber : TokenKind::kWord,
          false,
          false};
  ascii_key(i, j - i, t);
  out_.tokens.push_back(t);
  word_end_ = tok_end;
  return tok_end;
}

// fast_word() for a word too long for its loads or near the end of the sentence: the word's
// letters/digits from s_[from] on are found by alnum_run_end.
template <bool kFast>
bool Tokenizer<kFast>::long_word(size_t& i, size_t from, bool number) {
  const size_t j = alnum_run_end(s_, from, end_);
  size_t tok_end = j;
  if (j < end_ && (kWordStop[s_[j]] & (number ? 2 : 1)) != 0 &&
      !plain_end(i, j, number, &tok_end)) {
    return false;
  }
  i = plain_word(i, j, tok_end, number);
  return true;
}

// The fast path for the word (kNumber: number) starting at i (s_[i] an ASCII letter or digit):
// words of up to 15 bytes in one or two 8-byte loads, longer ones by alnum_run_end (long_word).
// Advances i past the token (and one space after it) and returns true, or returns false when the
// word needs the general code (word()).
template <bool kFast>
template <bool kNumber>
[[gnu::always_inline]] inline bool Tokenizer<kFast>::fast_word(size_t& i, const uchar* const s,
                                                               const size_t end) {
  constexpr bool number = kNumber;
  constexpr uint8_t stops = kNumber ? 2 : 1;
  // The masks are exact for the bytes before the first non-alphanumeric one (bytes_in_range).
  // The room rule leaves 16 bytes for the key stores, which are cut back to the word's length.
  assert(kcap_ - kpos_ >= end - i + kKeySlack);
  char* k = k_ + kpos_;
  size_t j;
  uint64_t w;
  if (i + 8 <= end) {
    w = load8(s + i);
  } else if (end >= 8) {
    // Near the end of the sentence: the last 8 bytes, shifted so that w starts at s_[i]; the
    // bytes shifted in are zero, which stop the word at end_. (The load may touch document bytes
    // before the word, never after the sentence; they are shifted out.)
    w = load8(s + end - 8) >> (8 * (i + 8 - end));
  } else {
    return long_word(i, i + 1, number);
  }
  const uint64_t letters = ascii_letters(w);
  const uint64_t stop = (~(letters | bytes_in_range(w, '0', '9')) | w) & kHighBits;
  uint64_t lower;  // 0x80 in each lower-case letter
  uint64_t upper;  // a distinct bit for each upper-case letter; bit 7: the first byte
  if (stop != 0) {
    j = i + (static_cast<size_t>(__builtin_ctzll(stop)) >> 3);
    const uint64_t valid = (stop ^ (stop - 1)) >> 8;  // the bytes before j
    lower = lower_case_of(letters, w) & valid;
    upper = letters & valid & ~lower;
    const uint64_t key = w - (lower >> 2);  // 'a' - 'A' == 0x20 == 0x80 >> 2
    std::memcpy(k, &key, 8);
  } else {
    if (i + 16 > end) return long_word(i, i + 8, number);
    const uint64_t w2 = load8(s + i + 8);
    const uint64_t letters2 = ascii_letters(w2);
    const uint64_t stop2 = (~(letters2 | bytes_in_range(w2, '0', '9')) | w2) & kHighBits;
    if (stop2 == 0) return long_word(i, i + 16, number);  // 16 bytes or more
    j = i + 8 + (static_cast<size_t>(__builtin_ctzll(stop2)) >> 3);
    const uint64_t valid2 = (stop2 ^ (stop2 - 1)) >> 8;
    const uint64_t lower1 = lower_case_of(letters, w);
    const uint64_t lower2 = lower_case_of(letters2, w2) & valid2;
    lower = lower1 | lower2;
    upper = (letters & ~lower1) | ((letters2 & valid2 & ~lower2) >> 1);
    const uint64_t key1 = w - (lower1 >> 2);
    const uint64_t key2 = w2 - (lower2 >> 2);
    std::memcpy(k, &key1, 8);
    std::memcpy(k + 8, &key2, 8);
  }
  size_t tok_end = j;  // j <= end_
  if (j < end && (kWordStop[s[j]] & stops) != 0 && !plain_end(i, j, number, &tok_end)) {
    return false;
  }
  out_.tokens.push_back(Token{{static_cast<uint32_t>(i), static_cast<uint32_t>(tok_end)},
                              static_cast<uint32_t>(kpos_),
                              static_cast<uint32_t>(j - i),
                              number ? TokenKind::kNumber : TokenKind::kWord,
                              (upper & 0x80) != 0,                         // capitalized
                              lower == 0 && (upper & (upper - 1)) != 0});  // >= 2 letters, all caps
  kpos_ += j - i;
  word_end_ = tok_end;
  i = tok_end + (tok_end < end && s[tok_end] == ' ');  // a space would only be skipped
  return true;
}

template <bool kFast>
size_t Tokenizer<kFast>::word(size_t i, bool number) {
  if (!number && s_[i] < 0x80) {
    if (const size_t a = acronym_end(s_, end_, i); a != 0) return acronym(i, a);
  }
  bool ascii = true;
  const size_t j = scan_word(i, number, &ascii);
  size_t tok_end = j;
  // The period of an abbreviation or initial belongs to the word ("Gen.", "W.", "No. 10").
  if (!number && ascii && j < end_ && s_[j] == '.') tok_end = abbreviation_end(i, j);

  Token t{{static_cast<uint32_t>(i), static_cast<uint32_t>(tok_end)},
          0,
          0,
          number ? TokenKind::kNumber : TokenKind::kWord,
          false,
          false};
  if (ascii) {
    ascii_key(i, j - i, t);
  } else {
    t.key_offset = static_cast<uint32_t>(kpos_);
    t.key_length = static_cast<uint32_t>(append_folded_key(s_ + i, j - i));
    int letters = 0;
    int uppers = 0;
    bool first = true;
    for (size_t p = i; p < j;) {
      char32_t cp = 0;
      const int len = decode(s_ + p, s_ + j, cp);  // the word was validated by scan_word
      const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) {
        ++letters;
        const bool up = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        uppers += up;
        if (first) t.capitalized = up;
      }
      first = false;
      p += len > 0 ? static_cast<size_t>(len) : 1;
    }
    t.all_caps = letters >= 2 && uppers == letters;
  }
  out_.tokens.push_back(t);
  word_end_ = tok_end;
  return tok_end;
}

// An apostrophe right after a word may be a possessive: 's (Israel's, Baku’s) or a bare ' after
// a word ending in s (ministers'). Anything else is a quote.
template <bool kFast>
size_t Tokenizer<kFast>::apostrophe(size_t i, size_t len) {
  const size_t a = i + len;
  if (word_end_ == i) {
    if (a < end_ && (s_[a] == 's' || s_[a] == 'S') && !word_char_at(s_, end_, a + 1)) {
      push(i, a + 1, TokenKind::kPossessive, "'S");
      return a + 1;
    }
    const uchar last = s_[i - 1];  // the last byte of the word
    if ((last == 's' || last == 'S') && !word_char_at(s_, end_, a)) {
      push(i, a, TokenKind::kPossessive, "'S");
      return a;
    }
  } else if (i > 0 && word_end_ == i - 1 && s_[i - 1] == ' ') {
    // Text split into tokens and joined with spaces (the CoNLL gold, "Netanyahu ’ s office",
    // "the government 's request"): after a word and one space, "'s" or "’ s" followed by a
    // space is the possessive too.
    size_t s_at = a < end_ && s_[a] == ' ' ? a + 1 : a;
    if (s_at < end_ && (s_[s_at] == 's' || s_[s_at] == 'S') && s_at + 1 < end_ &&
        s_[s_at + 1] == ' ') {
      push(i, s_at + 1, TokenKind::kPossessive, "'S");
      return s_at + 1;
    }
  }
  push(i, a, TokenKind::kQuote, "\"");
  return a;
}

// A run of hyphens and dashes ("-", "--", "—", " – ") becomes one kDash token.
template <bool kFast>
size_t Tokenizer<kFast>::dash_run(size_t i) {
  size_t j = i;
  while (j < end_) {
    if (s_[j] == '-') {
      ++j;
      continue;
    }
    if (s_[j] < 0x80) break;
    char32_t cp = 0;
    const int len = decode(s_ + j, s_ + end_, cp);
    if (len == 0) break;
    char a;
    const C k = classify_cp(cp, &a);
    if (k != C::kDash && k != C::kHyphen) break;
    j += static_cast<size_t>(len);
  }
  push(i, j, TokenKind::kDash, "-");
  return j;
}

// Token kinds of punctuation classes (ASCII, or fullwidth forms that fold to ASCII).
constexpr TokenKind punct_kind(C k) {
  switch (k) {
    case C::kDot:
    case C::kBang:
      return TokenKind::kPeriod;
    case C::kComma:
      return TokenKind::kComma;
    case C::kColon:
      return TokenKind::kColon;
    case C::kQuote:
      return TokenKind::kQuote;
    case C::kParen:
      return TokenKind::kParen;
    default:
      return TokenKind::kOther;
  }
}

// Punctuation of class k spanning [i, i+len); ascii is its ASCII form (fullwidth forms included).
// Quotes key as '"', everything else as itself.
template <bool kFast>
inline size_t Tokenizer<kFast>::punct(size_t i, size_t len, C k, char ascii) {
  const size_t e = i + len;
  push(i, e, punct_kind(k), k == C::kQuote ? '"' : ascii);
  return e;
}

template <bool kFast>
void Tokenizer<kFast>::run(size_t i) {
  // s_ and end_ never change; as locals they stay in registers, where members would be loaded
  // again after every key and token store (byte stores, which may alias the Tokenizer).
  const uchar* const s = s_;
  const size_t end = end_;
  while (i < end) {
    const uchar c = s[i];
    if (c < 0x80) {
      const C k = kAsciiClass[c];
      switch (k) {
        case C::kSpace:
          ++i;
          break;
        case C::kAlpha:
          if constexpr (kFast) {
            // Words follow words (fast_word skips the one space after its word): while the
            // next byte starts another ASCII word, go on here instead of through the switch.
            // (One call site: fast_word is inlined, and a second copy cost more instruction-
            // cache misses than the switch it saves.)
            for (;;) {
              if (!fast_word<false>(i, s, end)) {
                i = word(i, false);
                break;
              }
              if (i >= end || s[i] >= 0x80 || kAsciiClass[s[i]] != C::kAlpha) break;
            }
            break;
          }
          i = word(i, false);
          break;
        case C::kDigit:
          if constexpr (kFast) {
            if (fast_word<true>(i, s, end)) break;
          }
          i = word(i, true);
          break;
        case C::kApos:
          i = apostrophe(i, 1);
          break;
        case C::kHyphen:
          // A hyphen between word characters splits the word and is dropped.
          if (word_end_ == i && word_char_at(s, end, i + 1)) {
            ++i;
          } else {
            i = dash_run(i);
          }
          break;
        case C::kDot:
          if (i + 1 < end && s[i + 1] == '.') {
            size_t j = i + 2;
            while (j < end && s[j] == '.') ++j;
            push(i, j, TokenKind::kPeriod, "...");
            i = j;
          } else {
            push(i, i + 1, TokenKind::kPeriod, '.');
            ++i;
            i += i < end && s[i] == ' ';  // the space after it would only be skipped
          }
          break;
        default:
          push(i, i + 1, punct_kind(k), k == C::kQuote ? '"' : static_cast<char>(c));
          ++i;
          i += i < end && s[i] == ' ';  // the space after a comma would only be skipped
          break;
      }
      continue;
    }

    i = non_ascii(i);
  }
}

// A token starting with a non-ASCII byte (rare in news text: kept out of run()'s loop).
template <bool kFast>
[[gnu::noinline]] size_t Tokenizer<kFast>::non_ascii(size_t i) {
  char32_t cp = 0;
  const int ilen = decode(s_ + i, s_ + end_, cp);
  if (ilen == 0) {
    // Invalid UTF-8: one kOther "?" token per run of bytes that do not decode.
    size_t j = i + 1;
    while (j < end_ && s_[j] >= 0x80 && decode(s_ + j, s_ + end_, cp) == 0) ++j;
    push(i, j, TokenKind::kOther, "?");
    return j;
  }
  const auto len = static_cast<size_t>(ilen);
  char ascii;
  const C k = classify_cp(cp, &ascii);
  switch (k) {
    case C::kSpace:
    case C::kIgnorable:
      i += len;
      break;
    case C::kAlpha:
      i = word(i, false);
      break;
    case C::kDigit:
      i = word(i, true);
      break;
    case C::kApos:
      i = apostrophe(i, len);
      break;
    case C::kHyphen:
      if (word_end_ == i && word_char_at(s_, end_, i + len)) {
        i += len;
      } else {
        i = dash_run(i);
      }
      break;
    case C::kDash:
      i = dash_run(i);
      break;
    case C::kEllipsis:
      push(i, i + len, TokenKind::kPeriod, "...");
      i += len;
      break;
    case C::kOther:
      if (ascii == 0) {
        const size_t ko = kpos_;
        const size_t kl = append_folded_key(s_ + i, len);
        out_.tokens.push_back(Token{{static_cast<uint32_t>(i), static_cast<uint32_t>(i + len)},
                                    static_cast<uint32_t>(ko),
                                    static_cast<uint32_t>(kl),
                                    TokenKind::kOther,
                                    false,
                                    false});
        i += len;
        break;
      }
      [[fallthrough]];
    default:
      i = punct(i, len, k, ascii != 0 ? ascii : '?');
      break;
  }
  return i;
}

template <bool kFast>
void tokenize_with(std::string_view document, Span sentence, TokenBuffer& out) {
  const size_t end = std::min<size_t>(sentence.end, document.size());
  if (sentence.start >= end) return;
  Tokenizer<kFast>(reinterpret_cast<const uchar*>(document.data()), sentence.start, end, out)
      .run(sentence.start);
}

}  // namespace

void tokenize(std::string_view document, Span sentence, TokenBuffer& out) {
  tokenize_with<true>(document, sentence, out);
}

namespace detail {
void tokenize_reference(std::string_view document, Span sentence, TokenBuffer& out) {
  tokenize_with<false>(document, sentence, out);
}
}  // namespace detail

std::string key_of_phrase(std::string_view phrase) {
  // Per-thread scratch: the coder calls this for every document's dateline place, and compiling
  // dictionaries for every phrase; neither needs an allocation per call beyond the result.
  thread_local TokenBuffer buf;
  thread_local std::string spaced;
  std::string_view text = phrase;
  if (phrase.find('_') != std::string_view::npos) {
    spaced.assign(phrase);
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    text = spaced;
  }
  buf.clear();
  tokenize(text, Span{0, static_cast<uint32_t>(std::min<size_t>(text.size(), UINT32_MAX))}, buf);
  std::string key;
  key.reserve(buf.keys.size() + buf.size());
  for (size_t i = 0; i < buf.size(); ++i) {
    if (i != 0) key.push_back(' ');
    key.append(buf.key(i));
  }
  return key;
}

bool valid_utf8(std::string_view bytes, size_t* bad_offset) {
  const auto* s = reinterpret_cast<const uchar*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes per step while no high bit is set.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      if ((w & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const int len = decode(s + i, s + n, cp);
    if (len == 0) {
      if (bad_offset != nullptr) *bad_offset = i;
      return false;
    }
    i += static_cast<size_t>(len);
  }
  return true;
}

}  // namespace dyad::text
