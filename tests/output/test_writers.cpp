#include <gtest/gtest.h>
#include <simdjson.h>

#include "output/writers.h"

namespace dyad::output {
namespace {

Event sample() {
  Event e;
  e.event_id = "d-1";
  e.doc_id = "d";
  e.sentence_index = 2;
  e.date = "2019-07-10";
  e.cameo = "040";
  e.root = "04";
  e.quad_class = 1;
  e.goldstein = 1.0;
  e.plover = "CONSULT";
  e.source = Actor{"AZEMIL", "AZE", "MIL", TextSpan{"Sadikov \"the\"\tgeneral", 3, 24}};
  e.action = TextSpan{"met with", 25, 33};
  e.location = Location{"Baku", "AZE", 40.38, 49.89};
  return e;
}

TEST(Writers, JsonLineIsValidJsonWithNulls) {
  std::string out;
  append_event(Format::kJsonLines, sample(), out);
  ASSERT_EQ(out.back(), '\n');
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(out);
  EXPECT_EQ(std::string_view(doc["cameo"]), "040");
  EXPECT_EQ(std::string_view(doc["source"]["text"]), "Sadikov \"the\"\tgeneral");
  EXPECT_TRUE(doc["target"].is_null());
  EXPECT_EQ(int64_t(doc["quad_class"]), 1);
  EXPECT_NEAR(double(doc["location"]["lat"]), 40.38, 1e-9);
}

TEST(Writers, UncodedTargetHasNullCodeAndItsWords) {
  Event e = sample();
  e.target = Actor{"", "", "", TextSpan{"the attack", 40, 50}};
  std::string out;
  append_event(Format::kJsonLines, e, out);
  simdjson::dom::parser parser;
  simdjson::dom::element doc = parser.parse(out);
  EXPECT_TRUE(doc["target"]["code"].is_null());
  EXPECT_TRUE(doc["target"]["country"].is_null());
  EXPECT_TRUE(doc["target"]["sector"].is_null());
  EXPECT_EQ(std::string_view(doc["target"]["text"]), "the attack");
  EXPECT_EQ(int64_t(doc["target"]["start"]), 40);
  EXPECT_EQ(int64_t(doc["target"]["end"]), 50);
  // TSV: empty code, country and sector columns, then the words and offsets.
  std::string tsv;
  append_event(Format::kTsv, e, tsv);
  EXPECT_NE(tsv.find("\t\t\t\tthe attack\t40\t50\t"), std::string::npos);
}

TEST(Writers, TsvHasOneColumnPerHeaderField) {
  std::string out;
  append_event(Format::kTsv, sample(), out);
  auto count = [](const std::string& s) { return std::count(s.begin(), s.end(), '\t'); };
  EXPECT_EQ(count(out), count(header(Format::kTsv)));
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

TEST(Writers, FormatNames) {
  Format f;
  EXPECT_TRUE(parse_format("tsv", &f));
  EXPECT_EQ(f, Format::kTsv);
  EXPECT_FALSE(parse_format("xml", &f));
}

}  // namespace
}  // namespace dyad::output
