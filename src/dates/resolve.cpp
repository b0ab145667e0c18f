#include "dates/resolve.h"

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

// kDateInitials[n - kMinDateWord]: bit c - 'A' set when a date word of n letters starts with c.
constexpr auto kDateInitials = [] {
  std::array<uint32_t, kMaxDateWord - kMinDateWord + 1> t{};
  for (std::string_view w : kDateWords) t[w.size() - kMinDateWord] |= 1u << (w[0] - 'A');
  return t;
}();
static_assert([] {
  for (std::string_view w : kDateWords)
    if (w.size() < kMinDateWord || w.size() > kMaxDateWord || w[0] < 'A' || w[0] > 'Z')
      return false;
  return true;
}());

// False for every key that is no date word (a superset test on length and first letter): the
// loop of sentence_day() skips most words with it, before any comparison.
inline bool may_be_date_word(std::string_view key) {
  const size_t n = key.size();
  if (n < kMinDateWord || n > kMaxDateWord) return false;
  const unsigned letter = static_cast<unsigned char>(key[0]) - unsigned{'A'};
  return letter < 26 && (kDateInitials[n - kMinDateWord] >> letter & 1u) != 0;
}

}  // namespace

std::optional<int32_t> sentence_day(const text::TokenBuffer& tokens,
                                    std::optional<int32_t> publication_day) {
  const size_t n = tokens.size();
  for (size_t i = 0; i < n; ++i) {
    // Every test below is on a word: a capitalized month or weekday, or a relative word. Most
    // tokens are neither; may_be_date_word() turns them away on their length and first letter.
    const text::Token& t = tokens.tokens[i];
    if (t.kind != text::TokenKind::kWord) continue;
    std::string_view key = tokens.key(t);
    if (!may_be_date_word(key)) continue;
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
