#include "dates/calendar.h"

#include <date/date.h>
#include <fmt/format.h>

namespace dyad::dates {

bool day_from_ymd(int year, int month, int day, int32_t* out) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return false;
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return false;
  *out = static_cast<int32_t>(date::sys_days{ymd}.time_since_epoch().count());
  return true;
}

bool parse_iso_day(std::string_view iso, int32_t* out) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = 0; i < lengths[p]; ++i) {
      char c = iso[starts[p] + i];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  return day_from_ymd(parts[0], parts[1], parts[2], out);
}

void ymd_from_day(int32_t day, int* year, int* month, int* dom) {
  date::year_month_day ymd{date::sys_days{date::days{day}}};
  *year = static_cast<int>(ymd.year());
  *month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  *dom = static_cast<int>(static_cast<unsigned>(ymd.day()));
}

std::string iso_from_day(int32_t day) {
  int y, m, d;
  ymd_from_day(day, &y, &m, &d);
  if (y < 0 || y > 9999) return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  // Called for every event: written by hand (a runtime format string costs ~1,500 instructions).
  std::string out(10, '-');
  for (int i = 3; i >= 0; --i, y /= 10) out[static_cast<size_t>(i)] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

int weekday(int32_t day) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int w = (day % 7 + 7 + 3) % 7;
  return w;
}

}  // namespace dyad::dates
