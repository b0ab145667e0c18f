#include "dates/resolve.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "dates/calendar.h"
#include "text/short_strings.h"

namespace dyad::dates {
namespace {

int month_of(std::string_view key) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "JANUARY", "FEBRUARY", "MARCH",     "APRIL",   "MAY",      "JUNE",
      "JULY",    "AUGUST",   "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  if (key.size() < 3 || key.size() > 9) return 0;  // most tokens: no comparison at all
  for (int m = 0; m < 12; ++m)
    if (key[0] == kShort[m][0] && (key == kFull[m] || key == kShort[m])) return m + 1;
  if (text::is(key, "SEPT")) return 9;
  return 0;
}

int weekday_of(std::string_view key) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
  if (key.size() < 6 || key.size() > 9) return -1;
  for (int d = 0; d < 7; ++d)
    if (key[0] == kDays[d][0] && key == kDays[d]) return d;
  return -1;
}

// Day of month from a number token ("10", "10th" is a word token "10TH").
int day_number(std::string_view key) {
  int value = 0;
  size_t i = 0;
  for (; i < key.size() && key[i] >= '0' && key[i] <= '9'; ++i) value = value * 10 + (key[i] - '0');
  if (i == 0 || i > 2) return 0;
  std::string_view rest = key.substr(i);
  if (!(rest.empty() || text::is(rest, "ST") || text::is(rest, "ND") || text::is(rest, "RD") ||
        text::is(rest, "TH")))
    return 0;
  return value >= 1 && value <= 31 ? value : 0;
}

int year_number(std::string_view key) {
  if (key.size() != 4) return 0;
  int value = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value >= 1900 && value <= 2100 ? value : 0;
}

// A month-day without a year: the publication year, or the year before when that would put
// the event more than a week after publication (a story of Jan 2 about "Dec 30").
std::optional<int32_t> month_day(int month, int day, int year,
                                 std::optional<int32_t> publication_day) {
  int32_t result = 0;
  if (year != 0) {
    if (day_from_ymd(year, month, day, &result)) return result;
    return std::nullopt;
  }
  if (!publication_day) return std::nullopt;
  int py, pm, pd;
  ymd_from_day(*publication_day, &py, &pm, &pd);
  if (!day_from_ymd(py, month, day, &result)) return std::nullopt;
  if (result > *publication_day + 7 && day_from_ymd(py - 1, month, day, &result)) return result;
  return result;
}

// The words any test of sentence_day() can take: months, weekdays, relative words.
constexpr std::string_view kDateWords[] = {
    "JANUARY",   "FEBRUARY", "MARCH",     "APRIL",    "MAY",    "JUNE",     "JULY",   "AUGUST",
    "SEPTEMBER", "OCTOBER",  "NOVEMBER",  "DECEMBER", "JAN",    "FEB",      "MAR",    "APR",
    "JUN",       "JUL",      "AUG",       "SEP",      "SEPT",   "OCT",      "NOV",    "DEC",
    "MONDAY",    "TUESDAY",  "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "YESTERDAY",
    "TODAY",     "TOMORROW", "LAST",      "NEXT",     "THIS"};
constexpr size_t kMinDateWord = 3, kMaxDateWord = 9;

// Hash of a word's length and first three letters, 10 bits.
constexpr uint32_t date_hash(uint32_t length, uint32_t b0, uint32_t b1, uint32_t b2) {
  return ((b0 | b1 << 8 | b2 << 16 | length << 24) * 0x9E3779B1u) >> 22;
}

// Bit date_hash(w) set for every date word w.
constexpr auto kDateHashes = [] {
  std::array<uint64_t, 16> t{};
  for (std::string_view w : kDateWords) {
    const uint32_t h =
        date_hash(static_cast<uint32_t>(w.size()), static_cast<unsigned char>(w[0]),
                  static_cast<unsigned char>(w[1]), static_cast<unsigned char>(w[2]));
    t[h >> 6] |= uint64_t{1} << (h & 63);
  }
  return t;
}();
static_assert([] {
  for (std::string_view w : kDateWords)
    if (w.size() < kMinDateWord || w.size() > kMaxDateWord) return false;
  return true;
}());

// False for every token that is no date word: a superset test on its kind, length and the hash
// of its first three letters (a word sharing them with a date word passes, "MARKS"), computed
// without a branch. Nearly every token fails it, so the one branch on its result is well
// predicted, where tests on the kind, the length and the first letter one after another each
// went either way often enough to cost sentence_day() more in mispredictions than in work.
inline bool may_be_date_word(const text::TokenBuffer& tokens, const text::Token& t) {
  const char* keys = tokens.keys.data();
  const size_t size = tokens.keys.size();  // keys[size] is the string's terminator
  const size_t at = t.key_offset;
  // For a key shorter than three bytes b1 and b2 are bytes of the next key (or the terminator):
  // the length test below then fails anyway.
  const auto b0 = static_cast<unsigned char>(keys[std::min(at, size)]);
  const auto b1 = static_cast<unsigned char>(keys[std::min(at + 1, size)]);
  const auto b2 = static_cast<unsigned char>(keys[std::min(at + 2, size)]);
  const uint32_t h = date_hash(t.key_length, b0, b1, b2);
  const bool in_table = (kDateHashes[h >> 6] >> (h & 63) & 1) != 0;
  const bool word = t.kind == text::TokenKind::kWord;
  const bool length_ok = t.key_length - kMinDateWord <= kMaxDateWord - kMinDateWord;
  return word & length_ok & in_table;
}

}  // namespace

std::optional<int32_t> sentence_day(const text::TokenBuffer& tokens,
                                    std::optional<int32_t> publication_day) {
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    // Every test below is on a word: a capitalized month or weekday, or a relative word. Most
    // tokens are neither; may_be_date_word() turns them away with one well-predicted branch.
    const text::Token& t = tokens.tokens[i];
    if (!may_be_date_word(tokens, t)) [[likely]]
      continue;
    std::string_view key = tokens.key(t);
    if (!t.capitalized &&
        !DYAD_KEY_IN(key, "YESTERDAY", "TODAY", "TOMORROW", "LAST", "NEXT", "THIS"))
      continue;
    // "MAY" is also a verb: only a capitalized month counts (and no other test below can take
    // a month's name, so lower-case words need not be compared with the months at all).
    if (int month = tokens.tokens[i].capitalized ? month_of(key) : 0; month != 0) {
      if (i + 1 < n) {
        if (int day = day_number(tokens.key(i + 1)); day != 0) {
          int year = 0;
          size_t j = i + 2;
          if (j < n && tokens.tokens[j].kind == text::TokenKind::kComma) ++j;
          if (j < n) year = year_number(tokens.key(j));
          if (auto d = month_day(month, day, year, publication_day)) return d;
        }
      }
      if (i > 0) {
        if (int day = day_number(tokens.key(i - 1)); day != 0) {
          int year = i + 1 < n ? year_number(tokens.key(i + 1)) : 0;
          if (auto d = month_day(month, day, year, publication_day)) return d;
        }
      }
      continue;
    }
    if (!publication_day) continue;
    int32_t pub = *publication_day;
    if (text::is(key, "YESTERDAY")) return pub - 1;
    if (text::is(key, "TODAY")) return pub;
    if (text::is(key, "TOMORROW")) return pub + 1;
    if ((text::is(key, "LAST") || text::is(key, "NEXT") || text::is(key, "THIS")) && i + 1 < n) {
      std::string_view unit = tokens.key(i + 1);
      int sign = text::is(key, "LAST") ? -1 : text::is(key, "NEXT") ? 1 : 0;
      if (text::is(unit, "WEEK")) return pub + 7 * sign;
      if (int wd = weekday_of(unit); wd >= 0) {
        int today = weekday(pub);
        if (sign < 0) return pub - ((today - wd + 7) % 7 == 0 ? 7 : (today - wd + 7) % 7);
        if (sign > 0) return pub + ((wd - today + 7) % 7 == 0 ? 7 : (wd - today + 7) % 7);
      }
      continue;
    }
    if (int wd = weekday_of(key); wd >= 0 && tokens.tokens[i].capitalized) {
      // A bare weekday in news copy is the most recent one (today counts), unless the verb
      // looks ahead ("will meet on Friday"); future tense is checked on the few words before.
      int today = weekday(pub);
      bool future = false;
      for (size_t k = i >= 6 ? i - 6 : 0; k < i; ++k) {
        std::string_view w = tokens.key(k);
        if (text::is(w, "WILL") || text::is(w, "NEXT") || text::is(w, "SCHEDULED") ||
            text::is(w, "DUE") || text::is(w, "PLANS"))
          future = true;
      }
      if (future) return pub + (wd - today + 7) % 7;
      return pub - (today - wd + 7) % 7;
    }
  }
  return std::nullopt;
}

}  // namespace dyad::dates
