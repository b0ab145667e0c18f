// The reference tables (src/lexicon/tables.h): cameo.tsv and places.tsv rows, and the values
// they refuse.
#include "lexicon/tables.h"

#include <gtest/gtest.h>

#include <string>

#include "dyad/dyad.h"

namespace dyad::lexicon {
namespace {

std::string codes_error(const std::string& content) {
  Model::Impl impl;
  try {
    load_event_codes("t.cameo.tsv", content, impl);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::string places_error(const std::string& content) {
  Model::Impl impl;
  try {
    load_places("t.places.tsv", content, impl);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(Tables, ReadsEventCodesAndPlaces) {
  Model::Impl impl;
  load_event_codes("t.cameo.tsv",
                   "# comment\ncode\tlabel\tgoldstein\tquad_class\tplover\n"
                   "043\tHost a visit\t2.8\t1\tCONSULT\n190\tFight\t-10\t4\n",
                   impl);
  ASSERT_NE(impl.event_code("0431"), nullptr);
  EXPECT_DOUBLE_EQ(impl.event_code("0431")->goldstein, 2.8);
  EXPECT_EQ(impl.event_code("190")->quad_class, 4);
  load_places("t.places.tsv", "name\tcountry\tlat\tlon\tkind\nBaku\tAZE\t40.41\t49.87\tcapital\n",
              impl);
  ASSERT_EQ(impl.places.size(), 1u);
  EXPECT_DOUBLE_EQ(impl.places[0].lon, 49.87);
}

// Found while adding fuzz/fuzz_tables.cpp: std::stod reads "nan" and "inf", which went into the
// model and from there into the JSON output as `nan` (not JSON); a quad class like 1e10 was
// cast to int (undefined behaviour). Values must now be finite and in their range.
TEST(Tables, NonFiniteAndOutOfRangeValuesAreRefused) {
  const std::string header = "code\tlabel\tgoldstein\tquad_class\n";
  EXPECT_NE(codes_error(header + "010\tSay\tnan\t1\n").find("t.cameo.tsv:2: Goldstein score"),
            std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\tinf\t1\n").find("Goldstein score"), std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\t-10.5\t1\n").find("Goldstein score"),
            std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\t0\t1e10\n").find("quad class"), std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\t0\t2.5\n").find("quad class"), std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\t0\tnan\n").find("quad class"), std::string::npos);
  EXPECT_NE(codes_error(header + "010\tSay\tx\t1\n").find("'x' is not a number"),
            std::string::npos);
  EXPECT_EQ(codes_error(header + "010\tSay\t-10\t4\n"), "");

  const std::string places = "name\tcountry\tlat\tlon\n";
  EXPECT_NE(places_error(places + "X\tAAA\tnan\t0\n").find("latitude"), std::string::npos);
  EXPECT_NE(places_error(places + "X\tAAA\t91\t0\n").find("latitude"), std::string::npos);
  EXPECT_NE(places_error(places + "X\tAAA\t0\t-inf\n").find("longitude"), std::string::npos);
  EXPECT_EQ(places_error(places + "X\tAAA\t-90\t180\n"), "");
}

}  // namespace
}  // namespace dyad::lexicon
