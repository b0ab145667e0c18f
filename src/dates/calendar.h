// Calendar arithmetic on days since 1970-01-01 (int32), the one date representation used inside
// dyad. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::dates {

// False when (year, month, day) is not a real calendar date.
bool day_from_ymd(int year, int month, int day, int32_t* out);
// Parses "YYYY-MM-DD" (exactly); false when malformed or impossible.
bool parse_iso_day(std::string_view iso, int32_t* out);
std::string iso_from_day(int32_t day);
void ymd_from_day(int32_t day, int* year, int* month, int* dom);
// 0 = Monday ... 6 = Sunday.
int weekday(int32_t day);

}  // namespace dyad::dates
