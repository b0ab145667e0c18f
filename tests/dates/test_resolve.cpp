#include <fmt/format.h>
#include <gtest/gtest.h>

#include "dates/calendar.h"
#include "dates/resolve.h"

namespace dyad::dates {
namespace {

std::string resolve(const std::string& sentence, const char* publication) {
  text::TokenBuffer tokens;
  text::tokenize(sentence, text::Span{0, static_cast<uint32_t>(sentence.size())}, tokens);
  int32_t pub = 0;
  std::optional<int32_t> p;
  if (publication && parse_iso_day(publication, &pub)) p = pub;
  auto d = sentence_day(tokens, p);
  return d ? iso_from_day(*d) : "none";
}

TEST(Calendar, RoundTripAndValidity) {
  int32_t d = 0;
  ASSERT_TRUE(parse_iso_day("2019-07-11", &d));
  EXPECT_EQ(iso_from_day(d), "2019-07-11");
  EXPECT_FALSE(parse_iso_day("2019-02-30", &d));
  EXPECT_FALSE(parse_iso_day("2019-7-11", &d));
  ASSERT_TRUE(parse_iso_day("2019-07-11", &d));
  EXPECT_EQ(weekday(d), 3);  // a Thursday
}

// iso_from_day writes the digits by hand; its simple twin is the formatted date.
TEST(Calendar, IsoFromDayMatchesTheFormattedDate) {
  for (int32_t day = -719468; day < 2932897; day += 13) {  // 0000-03-01 .. 9999-12-31
    int y, m, d;
    ymd_from_day(day, &y, &m, &d);
    ASSERT_EQ(iso_from_day(day), fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)) << day;
  }
}

TEST(SentenceDay, MonthDay) {
  EXPECT_EQ(resolve("Sadikov met Gerasimov on July 10, officials said.", "2019-07-11"),
            "2019-07-10");
  EXPECT_EQ(resolve("The talks began on 3 March in Geneva.", "2019-03-05"), "2019-03-03");
  EXPECT_EQ(resolve("The deal was signed on Dec. 30 in Paris.", "2020-01-02"), "2019-12-30");
  EXPECT_EQ(resolve("It happened on March 3, 2011 in Homs.", "2019-07-11"), "2011-03-03");
}

TEST(SentenceDay, Relative) {
  // 2019-07-11 is a Thursday.
  EXPECT_EQ(resolve("Troops fired on protesters yesterday.", "2019-07-11"), "2019-07-10");
  EXPECT_EQ(resolve("Troops fired on protesters on Monday.", "2019-07-11"), "2019-07-08");
  EXPECT_EQ(resolve("The ministers will meet on Friday.", "2019-07-11"), "2019-07-12");
  EXPECT_EQ(resolve("The envoy arrived last week.", "2019-07-11"), "2019-07-04");
  EXPECT_EQ(resolve("Police may arrest him soon.", "2019-07-11"), "none");
  EXPECT_EQ(resolve("Troops fired on protesters yesterday.", nullptr), "none");
}

// sentence_day() skips a word before any comparison unless its length and first letter are
// those of a date word: every month, weekday and relative word must still get through.
TEST(SentenceDay, EveryDateWord) {
  const char* months[][2] = {{"January", "Jan"}, {"February", "Feb"}, {"March", "Mar"},
                             {"April", "Apr"},   {"May", "May"},      {"June", "Jun"},
                             {"July", "Jul"},    {"August", "Aug"},   {"September", "Sep"},
                             {"October", "Oct"}, {"November", "Nov"}, {"December", "Dec"}};
  for (int m = 0; m < 12; ++m) {
    const std::string want = fmt::format("2019-{:02d}-05", m + 1);
    for (const char* name : months[m]) {
      EXPECT_EQ(resolve(fmt::format("Talks began on {} 5, 2019 in Geneva.", name), nullptr), want)
          << name;
      EXPECT_EQ(resolve(fmt::format("TALKS BEGAN ON {} 5, 2019.", name), nullptr), want) << name;
    }
  }
  EXPECT_EQ(resolve("Talks began on Sept 5, 2019 in Geneva.", nullptr), "2019-09-05");
  // 2019-07-11 is a Thursday.
  const char* days[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                        "Friday", "Saturday", "Sunday"};
  for (int d = 0; d < 7; ++d) {
    EXPECT_EQ(resolve(fmt::format("Troops fired on {}.", days[d]), "2019-07-11"),
              fmt::format("2019-07-{:02d}", d <= 3 ? 8 + d : 1 + d))
        << days[d];
    EXPECT_EQ(resolve(fmt::format("Troops fired last {}.", days[d]), "2019-07-11"),
              fmt::format("2019-07-{:02d}", d < 3 ? 8 + d : 1 + d))
        << days[d];
  }
  EXPECT_EQ(resolve("Troops fired today.", "2019-07-11"), "2019-07-11");
  EXPECT_EQ(resolve("Troops will fire tomorrow.", "2019-07-11"), "2019-07-12");
  EXPECT_EQ(resolve("Talks resume next week.", "2019-07-11"), "2019-07-18");
  EXPECT_EQ(resolve("Talks end this week.", "2019-07-11"), "2019-07-11");
  EXPECT_EQ(resolve("Talks began YESTERDAY.", "2019-07-11"), "2019-07-10");
  // The last key of the buffer, and keys of one and two bytes at its end.
  EXPECT_EQ(resolve("Troops fired yesterday", "2019-07-11"), "2019-07-10");
  EXPECT_EQ(resolve("Talks end on May 5, 2019 at 9 a", "2019-07-11"), "2019-05-05");
  EXPECT_EQ(resolve("Talks end at 9 am", "2019-07-11"), "none");
  // Words sharing a date word's length and first three letters are still no dates.
  EXPECT_EQ(resolve("Marks and Junk were sold this year.", "2019-07-11"), "none");
}

}  // namespace
}  // namespace dyad::dates
