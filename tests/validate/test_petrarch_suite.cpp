#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "dyad/dyad.h"
#include "test_util.h"
#include "validate/petrarch_suite.h"

namespace dyad::validate {
namespace {

// A tiny suite in PETRARCH's layout: dictionaries beside it, comments everywhere, <Config>
// inside <Environment> and between records, the four kinds of <EventCoding>.
const char* kSuite = R"(<Validation>
<!-- header comment with a <Sentence> tag inside that must not count -->
<Environment>
    <Verbfile>t.verbs.txt</Verbfile>
    <Actorfile>t.actors.txt</Actorfile>
    <Agentfile>t.agents.txt</Agentfile>
    <Discardfile>t.discards.txt</Discardfile>
    <Errorfile>Errors.txt</Errorfile>
    <Include>valid DEMO ERROR</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<Sentences>

<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<!-- restores ties -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored full diplomatic ties with Gondor.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) ... )))
</Parse>
</Sentence>

<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950102" id ="DEMO-02" category="DEMO"  sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="032"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="033"></EventCoding>
<Text>Arnor left for Gondor &amp; its capital.</Text>
<Parse></Parse>
</Sentence>

<Sentence date="19950103" id="DEMO-03" category="DEMO" sentence="true">
<EventCoding sourcecode='"NEW ACTOR"' targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor restored ties with Gondor.</Text>
</Sentence>

<Sentence date="19950104" id="DEMO-04" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened here.</Text>
</Sentence>

<Sentence date="19950105" id="OTHER-01" category="OTHER" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Not included.</Text>
</Sentence>

<Sentence date="19950106" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="sentencediscard"></EventCoding>
<Text>Arnor restored baseball ties with Gondor.</Text>
</Sentence>

<Sentence date="19950107" id="ERROR-02" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor restored full diplomatic ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor) </Parse>
</Sentence>
</Sentences>
</Validation>
)";

std::filesystem::path write_suite(const std::string& name, const std::string& xml) {
  auto dir = testing::temp_dir(name);
  testing::write_file(dir / "t.verbs.txt",
                      "--- RESTORE  [064]  ---\nRESTORE\n"
                      "--- LEFT  [032:033]  ---\nLEFT\n");
  testing::write_file(dir / "t.actors.txt", "ARNOR_ [ARN]\nGONDOR [GON]\n");
  testing::write_file(dir / "t.agents.txt", "OFFICIAL [~GOV]\n");
  testing::write_file(dir / "t.discards.txt", "BASEBALL\n+TYPHOON\n");
  testing::write_file(dir / "suite.xml", xml);
  return dir / "suite.xml";
}

std::string run_to_string(const PetrarchSuite& suite, PetrarchSummary* summary,
                          bool honour_include = false) {
  FILE* out = std::tmpfile();
  PetrarchRunOptions run;
  run.verbose = true;
  run.honour_include = honour_include;
  *summary = run_petrarch_suite(suite, petrarch_coding_options(), out, run);
  std::rewind(out);
  std::string text;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, out)) > 0) text.append(buffer, n);
  std::fclose(out);
  return text;
}

TEST(PetrarchSuite, ParsesRecordsEnvironmentAndConfig) {
  auto path = write_suite("petrarch_suite_parse", kSuite);
  PetrarchSuite suite = read_petrarch_suite(path.string());
  ASSERT_EQ(suite.environments.size(), 1u);
  const PetrarchEnvironment& env = suite.environments[0];
  ASSERT_EQ(env.verbs.size(), 1u);
  EXPECT_EQ(std::filesystem::path(env.verbs[0]), path.parent_path() / "t.verbs.txt");
  EXPECT_EQ(env.dictionaries().size(), 4u);
  EXPECT_EQ(suite.include, (std::vector<std::string>{"valid", "DEMO", "ERROR"}));
  ASSERT_EQ(suite.config.size(), 1u);
  EXPECT_EQ(suite.config[0].first, "stop_on_error");
  ASSERT_EQ(suite.records.size(), 7u);
  const PetrarchRecord& first = suite.records[0];
  EXPECT_EQ(first.id, "DEMO-01");
  EXPECT_EQ(first.date, "19950101");
  EXPECT_EQ(first.text, "Arnor restored full diplomatic ties with Gondor.");
  ASSERT_EQ(first.expected.size(), 1u);
  EXPECT_EQ(first.expected[0].code, "064");
  EXPECT_EQ(first.line, 14u);
  const PetrarchRecord& second = suite.records[1];
  EXPECT_EQ(second.id, "DEMO-02");  // blanks around '='
  EXPECT_EQ(second.text, "Arnor left for Gondor & its capital.");
  ASSERT_EQ(second.config.size(), 1u);
  EXPECT_EQ(second.config[0], (std::pair<std::string, std::string>{"require_dyad", "false"}));
  EXPECT_EQ(suite.records[2].expected.at(0).source, "\"NEW ACTOR\"");
  EXPECT_TRUE(suite.records[3].expected.empty());
  EXPECT_EQ(suite.records[5].error, "sentencediscard");
}

TEST(PetrarchSuite, RunsComparesAndSkips) {
  auto path = write_suite("petrarch_suite_run", kSuite);
  PetrarchSummary summary;
  std::string report = run_to_string(read_petrarch_suite(path.string()), &summary);
  // By default every record is run, OTHER-01 too although its category is not in <Include>.
  EXPECT_EQ(summary.records, 7);
  EXPECT_EQ(summary.passed, 4) << report;   // DEMO-01, -02, -04, ERROR-01
  EXPECT_EQ(summary.failed, 2) << report;   // DEMO-03: dyad finds no new actors; OTHER-01
  EXPECT_EQ(summary.skipped, 1) << report;  // ERROR-02 (<Parse>)
  EXPECT_NE(report.find("FAIL DEMO-03"), std::string::npos);
  EXPECT_NE(report.find("FAIL OTHER-01"), std::string::npos);
  EXPECT_NE(report.find("expected: \"NEW ACTOR\" / GON / 064"), std::string::npos);
  EXPECT_NE(report.find("got:      ARN / GON / 064"), std::string::npos);
  EXPECT_NE(report.find("ERROR-02 (expects a <Parse> error"), std::string::npos);
  // Skipped records count as not passed in the share.
  EXPECT_NE(report.find("4 of 7 records passed (57.1%)\n"), std::string::npos) << report;
  EXPECT_TRUE(report.ends_with("4 passed, 2 failed, 1 skipped\n")) << report;

  // As PETRARCH runs them: categories outside <Include> are skipped.
  report = run_to_string(read_petrarch_suite(path.string()), &summary, true);
  EXPECT_EQ(summary.passed, 4) << report;
  EXPECT_EQ(summary.failed, 1) << report;   // DEMO-03
  EXPECT_EQ(summary.skipped, 2) << report;  // OTHER-01 (not in <Include>), ERROR-02 (<Parse>)
  EXPECT_NE(report.find("OTHER-01 (category OTHER is not in <Include>)"), std::string::npos);
  EXPECT_TRUE(report.ends_with("4 passed, 1 failed, 2 skipped\n")) << report;
}

TEST(PetrarchSuite, RequireDyadFalseCodesMissingActorsAsNull) {
  CodingOptions options = petrarch_coding_options();
  std::string why;
  ASSERT_TRUE(apply_petrarch_config("require_dyad", "FALSE", options, &why));
  EXPECT_EQ(options.default_target, "---");
  ASSERT_TRUE(apply_petrarch_config("require_dyad", "True", options, &why));
  EXPECT_TRUE(options.default_target.empty());
  ASSERT_TRUE(apply_petrarch_config("comma_emax", "0", options, &why));
  EXPECT_EQ(options.comma_emax, 0);
  ASSERT_TRUE(apply_petrarch_config("new_actor_length", "4", options, &why));
  EXPECT_FALSE(apply_petrarch_config("comma_min", "four", options, &why));
  EXPECT_NE(why.find("comma_min"), std::string::npos);
  EXPECT_FALSE(apply_petrarch_config("require_dyad", "maybe", options, &why));
}

TEST(PetrarchSuite, MalformedFilesNameTheLine) {
  auto error = [](const std::string& xml) {
    try {
      parse_petrarch_suite(xml, "s.xml");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error("<Environment></Environment>\n<Sentence date=\"19950101\" id=\"A\">\n"
                  "</Sentence>\n")
                .find("s.xml:2:"),
            std::string::npos);  // no <Text>
  EXPECT_NE(error("<Sentence date=\"19950101\" id=\"A\"><Text>x</Text></Sentence>")
                .find("before any <Environment>"),
            std::string::npos);
  EXPECT_NE(error("<Environment></Environment>\n\n<Sentence id=\"A\"><Text>x</Text></Sentence>")
                .find("s.xml:3:"),
            std::string::npos);  // no date
  EXPECT_NE(error("<Environment></Environment><!-- never closed").find("s.xml:1:"),
            std::string::npos);
  PetrarchSuite bad = parse_petrarch_suite(
      "<Environment></Environment>\n<Config option=\"comma_max\" value=\"x\"/>\n"
      "<Sentence date=\"19950101\" id=\"A\"><Text>x</Text></Sentence>",
      "s.xml");
  try {
    FILE* sink = std::tmpfile();
    run_petrarch_suite(bad, petrarch_coding_options(), sink);
    std::fclose(sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("s.xml:3:"), std::string::npos) << e.what();
  }
}

TEST(PetrarchSuite, CommandLine) {
  auto path = write_suite("petrarch_suite_cli", kSuite);
  auto r = testing::run_dyad(fmt::format("validate '{}'", path.string()));
  EXPECT_EQ(r.status, 1) << r.err;  // DEMO-03 and OTHER-01 fail
  EXPECT_NE(r.out.find("4 passed, 2 failed, 1 skipped"), std::string::npos) << r.out;
  auto include = testing::run_dyad(fmt::format("validate --honour-include '{}'", path.string()));
  EXPECT_EQ(include.status, 1) << include.err;
  EXPECT_NE(include.out.find("4 passed, 1 failed, 2 skipped"), std::string::npos) << include.out;
  auto one = testing::run_dyad(fmt::format("validate '{}' --record DEMO-01", path.string()));
  EXPECT_EQ(one.status, 0) << one.out;
  EXPECT_NE(one.out.find("1 passed, 0 failed"), std::string::npos) << one.out;
}

TEST(PetrarchSuite, RealUnitTestRecords) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  auto path = testing::shared_dir() / "compat/petrarch/PETR.UnitTest.records.xml";
  PetrarchSuite suite = read_petrarch_suite(path.string());
  EXPECT_EQ(suite.records.size(), 284u);
  FILE* sink = std::tmpfile();
  PetrarchSummary summary = run_petrarch_suite(suite, petrarch_coding_options(), sink);
  std::fclose(sink);
  EXPECT_EQ(summary.records, 284);
  EXPECT_EQ(summary.passed + summary.failed + summary.skipped, 284);
  EXPECT_GE(summary.passed, 270);  // the floor, out of all 284: raise it as the count rises
}

}  // namespace
}  // namespace dyad::validate
