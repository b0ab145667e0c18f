// Wire datelines ("LONDON, Feb 26 -", "Baku, Azerbaijan, July 11", "WASHINGTON (Reuters) -") and
// ISO date validation. Pure functions over string_views: no allocation except the result strings.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/ingest.h"
#include "text/short_strings.h"

namespace dyad::ingest {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_high(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// Length of the dash at s[i] ("-", "--", "–" U+2013, "—" U+2014), or 0.
size_t dash_len(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") return 3;
  return 0;
}

size_t skip_blanks(std::string_view s, size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

// A word of a place name: letters (ASCII or any UTF-8 byte), '.', '\'', '-' inside, e.g. "N.C.",
// "Port-au-Prince", "Sant'Agata". Returns its end, or `i` when there is no word at i.
size_t word_end(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    char c = s[j];
    if (is_high(c)) {
      if (dash_len(s, j) == 3) break;  // an en/em dash glued to the word ends it
      ++j;
    } else if (is_alpha(c) || c == '.' || c == '\'') {
      ++j;
    } else if (c == '-' && j > i && j + 1 < s.size() && is_alpha(s[j + 1])) {
      ++j;  // inner hyphen; a trailing or doubled one is a dash, not part of the word
    } else {
      break;
    }
  }
  return j;
}

// First byte of a capitalised word: ASCII capital, or a non-ASCII letter (e.g. "Şəki").
bool starts_capitalised(std::string_view w) {
  return !w.empty() && (is_upper(w[0]) || static_cast<unsigned char>(w[0]) >= 0xC0);
}

bool all_caps(std::string_view w) {
  bool letter = false;
  for (char c : w) {
    if (is_lower(c)) return false;
    if (is_upper(c)) letter = true;
  }
  return letter;
}

// Lower-case particles that may sit inside a place name ("Rio de Janeiro", "Dar es Salaam").
bool is_connector(std::string_view w) {
  // A WordList compares the packed word with the connectors of its length only.
  return DYAD_KEY_IN(w, "de", "del", "da", "das", "do", "dos", "di", "du", "des", "la", "le", "les",
                     "el", "al", "es", "of", "am", "an", "der", "sur", "upon", "au");
}

struct Words {
  size_t end = 0;  // end of the last word consumed
  int capitalised = 0;
  bool all_caps = true;
};

int parse_month(std::string_view s, size_t i, size_t* end);

// A month name followed by a day ("March 3") starts a date, so it ends a place name.
bool starts_date(std::string_view s, size_t i) {
  size_t e = 0;
  if (parse_month(s, i, &e) == 0) return false;
  return e + 1 < s.size() && s[e] == ' ' && is_digit(s[e + 1]);
}

// 1..max_words capitalised words separated by single spaces, with connectors between them.
// Fails (capitalised == 0) when more capitalised words follow: then it is a sentence, not a place.
// `lenient` also takes lower-case words ("st paul, april 7 -"); the caller then demands more.
Words parse_words(std::string_view s, size_t i, int max_words, bool lenient) {
  auto word_ok = [&](std::string_view w) {
    return starts_capitalised(w) || (lenient && !w.empty() && is_lower(w[0]));
  };
  Words r;
  size_t e = word_end(s, i);
  std::string_view w = s.substr(i, e - i);
  if (!word_ok(w) || w.find_first_not_of(".'") == std::string_view::npos) return {};
  r.end = e;
  r.capitalised = 1;
  r.all_caps = all_caps(w);
  for (;;) {
    size_t j = r.end;
    if (j >= s.size() || s[j] != ' ') break;
    ++j;
    size_t k = word_end(s, j);
    std::string_view next = s.substr(j, k - j);
    if (!lenient && is_connector(next) && k < s.size() && s[k] == ' ') {
      size_t k2 = word_end(s, k + 1);
      std::string_view after = s.substr(k + 1, k2 - k - 1);
      if (!starts_capitalised(after) || starts_date(s, k + 1)) break;
      if (++r.capitalised > max_words) return {};
      r.all_caps = r.all_caps && all_caps(after);
      r.end = k2;
      continue;
    }
    if (!word_ok(next) || starts_date(s, j)) break;
    if (++r.capitalised > max_words) return {};
    r.all_caps = r.all_caps && all_caps(next);
    r.end = k;
  }
  return r;
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<size_t>(month - 1)];
}

// Up to the first 8 bytes of w, lower-cased ASCII letters, packed into an integer.
constexpr uint64_t pack_lower(std::string_view w) {
  uint64_t v = 0;
  for (size_t k = 0; k < w.size() && k < 8; ++k)
    v |= uint64_t{static_cast<unsigned char>(w[k] | 0x20)} << (8 * k);
  return v;
}

struct MonthName {
  uint64_t code;  // pack_lower of the name
  uint8_t length;
  uint8_t month;
};

// Every spelling parse_month() takes: the full names, their first three letters, and "sept".
// ("september" is the one name longer than 8 letters; its 9th letter is checked separately.)
constexpr auto kMonthNames = [] {
  constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
  std::array<MonthName, 25> t{};
  for (size_t m = 0; m < 12; ++m) {
    t[2 * m] = {pack_lower(kFull[m]), static_cast<uint8_t>(kFull[m].size()),
                static_cast<uint8_t>(m + 1)};
    t[2 * m + 1] = {pack_lower(kFull[m].substr(0, 3)), 3, static_cast<uint8_t>(m + 1)};
  }
  t[24] = {pack_lower("sept"), 4, 9};
  return t;
}();

// Month name or abbreviation at s[i] (any case, optional period). Returns 1..12 and sets *end.
// Called at every word of a would-be dateline: the word is compared as one packed integer.
int parse_month(std::string_view s, size_t i, size_t* end) {
  // Most words are turned away on their first letter, before their length is even known.
  constexpr uint32_t kInitials = [] {
    uint32_t m = 0;
    for (const MonthName& name : kMonthNames) m |= 1u << ((name.code & 0xFF) - 'a');
    return m;
  }();
  if (i >= s.size()) return 0;
  if (const unsigned first = static_cast<unsigned>(s[i] | 0x20) - 'a';
      first >= 26 || (kInitials >> first & 1) == 0)
    return 0;
  size_t e = i;
  while (e < s.size() && is_alpha(s[e])) ++e;
  const size_t n = e - i;
  if (n < 3 || n > 9) return 0;
  const uint64_t code = pack_lower(s.substr(i, n));
  int month = 0;
  for (const MonthName& name : kMonthNames) {
    if (name.code == code && name.length == n) {
      month = name.month;
      break;
    }
  }
  if (month == 0 || (n == 9 && (s[i + 8] | 0x20) != 'r')) return 0;
  if (e < s.size() && s[e] == '.') ++e;
  *end = e;
  return month;
}

// 1-2 digit day with an optional ordinal suffix ("3", "03", "3rd"); 0 when absent.
int parse_day(std::string_view s, size_t i, size_t* end) {
  size_t e = i;
  int day = 0;
  while (e < s.size() && is_digit(s[e]) && e - i < 3) day = day * 10 + (s[e++] - '0');
  if (e == i || e - i > 2) return 0;
  std::string_view rest = s.substr(e, 2);
  if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") e += 2;
  if (e < s.size() && (is_alpha(s[e]) || is_digit(s[e]))) return 0;
  *end = e;
  return day;
}

// "Feb 26", "February 26th", "3 March", optionally followed by a year (", 1987" or " 1987").
bool parse_date(std::string_view s, size_t i, int* month, int* day, size_t* end) {
  size_t e = 0;
  int m = parse_month(s, i, &e);
  int d = 0;
  if (m != 0) {
    if (e >= s.size() || s[e] != ' ') return false;
    d = parse_day(s, skip_blanks(s, e), &e);
  } else {
    d = parse_day(s, i, &e);
    if (d == 0 || e >= s.size() || s[e] != ' ') return false;
    size_t me = 0;
    m = parse_month(s, e + 1, &me);
    if (m == 0 || (me < s.size() && is_alpha(s[me]))) return false;
    e = me;
  }
  if (m == 0 || d < 1 || d > days_in_month(2000, m)) return false;  // 2000: Feb 29 is allowed
  // Optional year.
  size_t y = e;
  if (y < s.size() && s[y] == ',') ++y;
  if (y < s.size() && s[y] == ' ') {
    ++y;
    size_t ye = y;
    while (ye < s.size() && is_digit(s[ye])) ++ye;
    if (ye - y == 4 && (ye == s.size() || !is_alpha(s[ye]))) e = ye;
  }
  *month = m;
  *day = d;
  *end = e;
  return true;
}

// "(Reuters)", "(AFP)", "(dpa)": a short parenthesised agency name.
size_t parse_agency(std::string_view s, size_t i) {
  if (i >= s.size() || s[i] != '(') return 0;
  size_t close = s.find(')', i + 1);
  if (close == std::string_view::npos || close == i + 1 || close - i > 41) return 0;
  if (!is_alpha(s[i + 1])) return 0;
  for (size_t k = i + 1; k < close; ++k) {
    char c = s[k];
    if (!(is_alpha(c) || is_digit(c) || is_high(c) || c == ' ' || c == '.' || c == '-' ||
          c == '&' || c == '/' || c == '\''))
      return 0;
  }
  return close + 1;
}

bool rest_is_blank(std::string_view s, size_t i) {
  for (; i < s.size(); ++i)
    if (!is_blank(s[i]) && s[i] != '\r' && s[i] != '\n') return false;
  return true;
}

}  // namespace

namespace {

std::optional<Dateline> parse_at(std::string_view line, size_t start, bool lenient,
                                 size_t* consumed) {
  Words place = parse_words(line, start, 4, lenient);
  if (place.capitalised == 0) return std::nullopt;

  Dateline d;
  d.place.assign(line.substr(start, place.end - start));
  size_t i = place.end;  // end of what is accepted so far
  bool has_date = false;
  bool date_without_comma = false;  // "JOHANNESBURG March 13 -", "WASHINGTON, D.C. March 18 -"
  bool had_comma = false;
  auto date_after_space = [&] {
    size_t e = 0;
    if (i + 1 < line.size() && line[i] == ' ' && parse_date(line, i + 1, &d.month, &d.day, &e)) {
      has_date = date_without_comma = true;
      i = e;
    }
    return has_date;
  };
  date_after_space();
  // ", Region" (up to two: "VANCOUVER, British Columbia", "CHARLOTTE, N.C.") and ", Date".
  for (int segment = 0; segment < 3 && !has_date; ++segment) {
    size_t comma = skip_blanks(line, i);  // tolerates "ATLANTA , March 3 -"
    if (comma + 1 >= line.size() || line[comma] != ',' || line[comma + 1] != ' ') break;
    size_t j = skip_blanks(line, comma + 1);
    size_t e = 0;
    if (parse_date(line, j, &d.month, &d.day, &e)) {
      has_date = true;
      i = e;
      break;
    }
    if (segment == 2) break;
    Words region = parse_words(line, j, 3, lenient);
    if (region.capitalised == 0) break;
    // The region must itself be followed by a delimiter, else it starts a sentence.
    size_t after = region.end;
    bool delimited =
        after == line.size() || line[after] == ',' || rest_is_blank(line, after) ||
        line[after] == '(' ||
        (line[after] == ' ' && (line.substr(after + 1, 1) == "(" || dash_len(line, after + 1) > 0 ||
                                starts_date(line, after + 1)));
    if (!delimited) break;
    if (!d.country.empty()) d.country += ", ";
    d.country.append(line.substr(j, region.end - j));
    i = region.end;
    had_comma = true;
    date_after_space();
  }
  if (!has_date && i < line.size() && line[i] == ',' && rest_is_blank(line, i + 1)) {
    had_comma = true;  // "LONDON," alone on its line
    i = i + 1;
  }

  size_t j = skip_blanks(line, i);
  size_t agency_end = parse_agency(line, j);
  if (agency_end != 0) j = skip_blanks(line, agency_end);
  size_t dl = dash_len(line, j);
  bool has_dash = false;
  if (dl > 0) {
    size_t after = j + dl;
    // A hyphen must be followed by a space or the end of the line; en/em dashes may be glued.
    if (after == line.size() || is_blank(line[after]) || line[after] == '\r' || dl == 3) {
      has_dash = true;
      i = skip_blanks(line, after);
    }
  } else if (agency_end != 0 && has_date) {
    i = j;
  }

  bool accept;
  if (lenient || date_without_comma) {
    // Weaker shapes need the full "place, date -" form.
    accept = has_date && has_dash;
  } else if (has_date) {
    accept = true;
  } else if (has_dash) {
    // "LONDON -", "Tokyo (AFP) -", "Baku, Azerbaijan -"; but not "David Blunkett - who has ..."
    accept = place.all_caps || agency_end != 0 || had_comma;
  } else {
    // "BAKU, Azerbaijan" or "LONDON," on a line of its own.
    accept = place.all_caps && had_comma && agency_end == 0 && rest_is_blank(line, i);
  }
  if (!accept) return std::nullopt;
  if (!has_dash) i = skip_blanks(line, i);
  if (consumed != nullptr) *consumed = i;
  return d;
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view line, size_t* consumed) {
  size_t nl = line.find('\n');
  if (nl != std::string_view::npos) line = line.substr(0, nl);
  size_t start = skip_blanks(line, 0);
  if (auto d = parse_at(line, start, false, consumed)) return d;
  return parse_at(line, start, true, consumed);
}

bool valid_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(s[k])) return false;
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

}  // namespace dyad::ingest
