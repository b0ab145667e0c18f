// Tests for parse_dateline and valid_iso_date.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace dyad::ingest {
namespace {

struct Expected {
  std::string_view line;
  std::string_view place;
  std::string_view country;
  int month;
  int day;
  std::string_view rest;  // what follows the consumed bytes
};

class DatelineForms : public ::testing::TestWithParam<Expected> {};

TEST_P(DatelineForms, Parses) {
  const Expected& e = GetParam();
  size_t consumed = 12345;
  auto d = parse_dateline(e.line, &consumed);
  ASSERT_TRUE(d.has_value()) << e.line;
  EXPECT_EQ(d->place, e.place);
  EXPECT_EQ(d->country, e.country);
  EXPECT_EQ(d->month, e.month);
  EXPECT_EQ(d->day, e.day);
  ASSERT_LE(consumed, e.line.size());
  EXPECT_EQ(e.line.substr(consumed), e.rest) << e.line;
}

INSTANTIATE_TEST_SUITE_P(
    AllForms, DatelineForms,
    ::testing::Values(
        Expected{"Baku, Azerbaijan, July 11", "Baku", "Azerbaijan", 7, 11, ""},
        Expected{"LONDON, Feb 26 - Prices rose.", "LONDON", "", 2, 26, "Prices rose."},
        Expected{"SALVADOR, Feb 26 - Showers continued", "SALVADOR", "", 2, 26,
                 "Showers continued"},
        Expected{"WASHINGTON (Reuters) - The Senate voted", "WASHINGTON", "", 0, 0,
                 "The Senate voted"},
        Expected{"BEIRUT, March 3 (Reuters) - Gunmen", "BEIRUT", "", 3, 3, "Gunmen"},
        Expected{"NEW YORK, March 2 - Shr 37 cts", "NEW YORK", "", 3, 2, "Shr 37 cts"},
        Expected{"Tokyo, 3 March (AFP) - Japan said", "Tokyo", "", 3, 3, "Japan said"},
        Expected{"LONDON -- Markets fell", "LONDON", "", 0, 0, "Markets fell"},
        Expected{"PARIS \xE2\x80\x93 Talks ended", "PARIS", "", 0, 0, "Talks ended"},
        Expected{"Kyiv, Ukraine (AP) \xE2\x80\x94 Sirens", "Kyiv", "Ukraine", 0, 0, "Sirens"},
        Expected{"CHARLOTTE, N.C., April 13 - Shr 68 cts", "CHARLOTTE", "N.C.", 4, 13,
                 "Shr 68 cts"},
        Expected{"VANCOUVER, British Columbia, March 9 - Mines", "VANCOUVER", "British Columbia", 3,
                 9, "Mines"},
        Expected{"Rio de Janeiro, Sept. 5 - Rain", "Rio de Janeiro", "", 9, 5, "Rain"},
        Expected{"ATLANTA , March 3 - A contract", "ATLANTA", "", 3, 3, "A contract"},
        Expected{"JOHANNESBURG March 13 - Shr 516 cts", "JOHANNESBURG", "", 3, 13, "Shr 516 cts"},
        Expected{"st paul, april 7 - barrow prices rose", "st paul", "", 4, 7,
                 "barrow prices rose"},
        Expected{"NEW YORK, March 2, 2020 - Stocks", "NEW YORK", "", 3, 2, "Stocks"},
        Expected{"BAKU, Azerbaijan", "BAKU", "Azerbaijan", 0, 0, ""},
        Expected{"  Ganja, Azerbaijan, 4 March  ", "Ganja", "Azerbaijan", 3, 4, ""}));

TEST(Dateline, RejectsOrdinarySentences) {
  for (std::string_view line : {
           "First Deputy Minister of Defense of the Republic of Azerbaijan, Chief of the General "
           "Staff of the Armed Forces, met the delegation",
           "On July 21, at the Baku Military Court, the injured party testified",
           "David Blunkett - who has resigned as home secretary - built his reputation",
           "Vote For Me - ITV1's talent contest finally hits our screens",
           "Apple Inc (AAPL.O) said on Tuesday it would buy back shares",
           "NATO, the alliance, said on Monday",
           "Baku, Azerbaijan",
           "LONDON, Feb 30 - not a real day",
           "The president said the talks would resume.",
           "Russia responded on 5 January to an attack",
           "CBT 10:40 EDT WHEAT MAY7 287 1/2 UP 1 1/4",
           "london",
           "",
           "   ",
           "- a dash first",
       }) {
    EXPECT_FALSE(parse_dateline(line).has_value()) << line;
  }
}

TEST(Dateline, OnlyTheFirstLineCounts) {
  EXPECT_FALSE(parse_dateline("The text\nLONDON, Feb 26 - more").has_value());
  size_t consumed = 0;
  auto d = parse_dateline("LONDON, Feb 26\nNext line", &consumed);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(consumed, std::string_view("LONDON, Feb 26").size());
}

TEST(Dateline, ConsumedIsOptional) {
  auto d = parse_dateline("WASHINGTON (Reuters) - x");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->place, "WASHINGTON");
}

// Month names are compared as packed integers: every spelling, in any case, with or without a
// period, is one month; near misses are none.
TEST(Dateline, EveryMonthSpelling) {
  const std::string_view full[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};
  for (int m = 1; m <= 12; ++m) {
    const std::string name(full[m - 1]);
    std::string upper = name, lower = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const std::string& spelling :
         {name, upper, lower, name.substr(0, 3), upper.substr(0, 3), name.substr(0, 3) + "."}) {
      auto d = parse_dateline("LONDON, " + spelling + " 5 - Talks", nullptr);
      ASSERT_TRUE(d.has_value()) << spelling;
      EXPECT_EQ(d->month, m) << spelling;
      EXPECT_EQ(d->day, 5) << spelling;
    }
  }
  for (std::string_view sept : {"Sept", "SEPT", "sept.", "Sept."}) {
    auto d = parse_dateline("LONDON, " + std::string(sept) + " 5 - Talks", nullptr);
    ASSERT_TRUE(d.has_value()) << sept;
    EXPECT_EQ(d->month, 9) << sept;
  }
  for (std::string_view miss : {"Septembers", "Septembea", "Septembe", "Janu", "Ju", "Mays",
                                "Junee", "Decem", "Octobe", "Mayo"}) {
    auto d = parse_dateline("LONDON, " + std::string(miss) + " 5 - Talks", nullptr);
    EXPECT_TRUE(!d.has_value() || d->month == 0) << miss;
  }
}

TEST(IsoDate, CalendarRules) {
  EXPECT_TRUE(valid_iso_date("2019-02-28"));
  EXPECT_TRUE(valid_iso_date("2020-02-29"));
  EXPECT_TRUE(valid_iso_date("2000-02-29"));
  EXPECT_TRUE(valid_iso_date("1987-12-31"));
  EXPECT_FALSE(valid_iso_date("2019-02-29"));
  EXPECT_FALSE(valid_iso_date("1900-02-29"));
  EXPECT_FALSE(valid_iso_date("2019-02-30"));
  EXPECT_FALSE(valid_iso_date("2019-04-31"));
  EXPECT_FALSE(valid_iso_date("2019-13-01"));
  EXPECT_FALSE(valid_iso_date("2019-00-10"));
  EXPECT_FALSE(valid_iso_date("2019-01-00"));
  EXPECT_FALSE(valid_iso_date("0000-01-01"));
  EXPECT_FALSE(valid_iso_date("2019-1-01"));
  EXPECT_FALSE(valid_iso_date("20190101"));
  EXPECT_FALSE(valid_iso_date("2019-01-01T00:00"));
  EXPECT_FALSE(valid_iso_date("2019/01/01"));
  EXPECT_FALSE(valid_iso_date(""));
}

}  // namespace
}  // namespace dyad::ingest
