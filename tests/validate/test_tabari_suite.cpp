// The TABARI 0.8.4 validation suite run through `dyad validate`. TABARI passes all of it; this
// test holds dyad's current pass count as a floor so that no change loses a record, and checks
// the runner's own reading of the suite.
#include <gtest/gtest.h>

#include "test_util.h"
#include "validate/tabari_suite.h"

namespace dyad {
namespace {

std::string project() {
  return (testing::shared_dir() / "compat/tabari/Validate.project").string();
}

TEST(TabariSuite, ReadsEveryRecordBeforeFinal) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  auto records = validate::read_records(
      (testing::shared_dir() / "compat/tabari/Validate.text").string(), true);
  size_t with_events = 0, events = 0, options = 0, open_ended = 0, or_none = 0;
  for (const auto& r : records) {
    if (r.expect == validate::ValidationRecord::Expect::kEvents) ++with_events;
    if (r.open_ended) ++open_ended;
    if (r.or_no_events) ++or_none;
    if (r.expect == validate::ValidationRecord::Expect::kOptionsOnly) ++options;
    events += r.expected.size();
  }
  EXPECT_EQ(records.size(), 472u);  // every "DATE ID" header before FINAL-01
  EXPECT_EQ(with_events, 401u);
  EXPECT_EQ(events, 521u);
  EXPECT_EQ(options, 23u);
  // COMPOUND-07 lists some of its events, then "-{...}": the rest are not checked (10.1).
  EXPECT_EQ(open_ended, 1u);
  // DEBUG-11 lists events and {+++}: the special code is checked first (10.1).
  EXPECT_EQ(or_none, 1u);
}

TEST(TabariSuite, PassCountDoesNotRegress) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  auto r = testing::run_dyad("validate '" + project() + "'");
  auto lines = testing::lines(r.out);
  ASSERT_FALSE(lines.empty()) << r.err;
  int passed = -1, failed = -1;
  ASSERT_EQ(std::sscanf(lines.back().c_str(), "%d passed, %d failed", &passed, &failed), 2)
      << lines.back();
  EXPECT_EQ(passed + failed, 444);
  EXPECT_GE(passed, 444) << "records that passed before now fail:\n" << r.out;
  EXPECT_EQ(r.status, failed == 0 ? 0 : 1);
}

TEST(TabariSuite, OptionCommands) {
  CodingOptions o = CodingOptions::tabari();
  std::string why;
  ASSERT_TRUE(validate::apply_option("SET: MINIMUM WORDS = 4", o, &why));
  EXPECT_EQ(o.minimum_words, 4);
  ASSERT_TRUE(validate::apply_option("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", o, &why));
  EXPECT_EQ(o.maximum_verbs, 5);
  EXPECT_EQ(o.maximum_conjunctions, 4);
  EXPECT_TRUE(o.no_actor_prior);
  ASSERT_TRUE(validate::apply_option("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR]", o, &why));
  EXPECT_EQ(o.default_source, "DEFSRC");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_FALSE(o.default_target_after);
  ASSERT_TRUE(validate::apply_option("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8",
                                     o, &why));
  EXPECT_EQ(o.comma_min, 4);
  EXPECT_EQ(o.comma_emin, 3);
  EXPECT_EQ(o.comma_bmax, 8);
  ASSERT_TRUE(validate::apply_option("SET: CODE ALL", o, &why));
  EXPECT_EQ(o.code_by, CodingOptions::CodeBy::kAll);
  EXPECT_FALSE(validate::apply_option("SET: TIME SHIFT = MAYBE", o, &why));
}

// Found by fuzz/fuzz_tabari_suite.cpp: a number too large for an int threw std::out_of_range
// (std::stoi) out of apply_option and read_options_file instead of a malformed-command error.
TEST(TabariSuite, OptionNumbersTooLargeAreMalformedCommands) {
  CodingOptions o = CodingOptions::tabari();
  std::string why;
  EXPECT_FALSE(validate::apply_option("SET: MINIMUM WORDS = 99999999999", o, &why));
  EXPECT_EQ(why, "MINIMUM WORDS: number too large");
  why.clear();
  EXPECT_FALSE(validate::apply_option("COMPLEX: VERBS 5 CONJ 123456789012", o, &why));
  EXPECT_EQ(why, "number too large");
  why.clear();
  EXPECT_FALSE(validate::apply_option("COMMA: MIN 2 EMAX 2147483648", o, &why));
  EXPECT_EQ(why, "number too large");
  ASSERT_TRUE(validate::apply_option("COMMA: MIN 2 EMAX 2147483647", o, &why));
  EXPECT_EQ(o.comma_emax, 2147483647);

  auto dir = testing::temp_dir("tabari_options_too_large");
  std::string path = (dir / "big.options").string();
  testing::write_file(path, "SET: MINIMUM WORDS = 4\nCOMMA: MAX 99999999999999999999\n");
  try {
    validate::read_options_file(path, o);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("big.options:2: number too large"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace dyad
