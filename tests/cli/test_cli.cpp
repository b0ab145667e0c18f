// The dyad command line, end to end: bad input is reported with file and line, counted, and
// never stops the run; the exit status says whether anything was rejected.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <regex>

#include "test_util.h"

namespace dyad {
namespace {

using testing::lines;
using testing::run_dyad;
using testing::temp_dir;
using testing::write_file;

struct Summary {
  long read = -1, coded = -1, rejected = -1, sentences = -1, events = -1;
};

Summary parse_summary(const std::string& err) {
  std::smatch m;
  std::regex re(R"(dyad: (\d+) documents read: (\d+) coded, (\d+) rejected; (\d+) sentences, (\d+) events)");
  Summary s;
  if (std::regex_search(err, m, re)) {
    s.read = std::stol(m[1]);
    s.coded = std::stol(m[2]);
    s.rejected = std::stol(m[3]);
    s.sentences = std::stol(m[4]);
    s.events = std::stol(m[5]);
  }
  return s;
}

const char* kGoodLine =
    R"({"id": "ok-1", "date": "2019-07-11", "text": "Russia condemned the attack on Ukraine."})";

TEST(Cli, BrokenInputIsReportedCountedAndSkipped) {
  auto dir = temp_dir("cli_broken");
  std::string jsonl;
  jsonl += std::string(kGoodLine) + "\n";                                   // line 1
  jsonl += "{\"id\": \"bad-json\", \"date\": \"2019-07-11\", \"text\": \n"; // line 2
  jsonl += "{\"id\": \"bad-utf8\", \"date\": \"2019-07-11\", \"text\": \"caf\xc3\x28\"}\n";  // 3
  jsonl += "{\"id\": \"big\", \"date\": \"2019-07-11\", \"text\": \"" +
           std::string(10 << 20, 'a') + "\"}\n";                              // line 4
  jsonl += "{\"id\": \"bad-date\", \"date\": \"2019-02-30\", \"text\": \"Hi.\"}\n";  // line 5
  jsonl += "{\"id\": \"empty\", \"date\": \"2019-07-11\", \"text\": \"\"}\n";      // line 6
  jsonl += std::string(kGoodLine) + "\n";                                   // line 7
  std::string mixed = write_file(dir / "mixed.jsonl", jsonl);
  std::string empty = write_file(dir / "empty.txt", "");
  std::string binary = write_file(dir / "binary.jsonl", std::string("\x7f" "ELF\0\0\x01\x02", 8));
  std::string rejects = (dir / "rejects.jsonl").string();

  auto r = run_dyad("code '" + mixed + "' '" + empty + "' '" + binary + "' --rejects '" + rejects +
                    "'");
  EXPECT_EQ(r.status, 1) << r.err;
  Summary s = parse_summary(r.err);
  EXPECT_EQ(s.read, s.coded + s.rejected) << r.err;
  EXPECT_EQ(s.coded, 2) << r.err;
  EXPECT_EQ(s.rejected, 7) << r.err;
  for (int line : {2, 3, 4, 5, 6})
    EXPECT_NE(r.err.find(mixed + ":" + std::to_string(line) + ":"), std::string::npos)
        << "line " << line << " not reported:\n" << r.err;
  EXPECT_NE(r.err.find(empty), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(binary), std::string::npos) << r.err;
  auto reject_lines = lines(testing::read_file(rejects));
  EXPECT_EQ(reject_lines.size(), 7u);
  simdjson::dom::parser parser;
  for (const auto& l : reject_lines) {
    simdjson::dom::element e = parser.parse(l);
    EXPECT_FALSE(std::string_view(e["reason"]).empty());
    EXPECT_FALSE(std::string_view(e["file"]).empty());
  }
}

TEST(Cli, CleanInputExitsZeroAndTsvHasAHeader) {
  auto dir = temp_dir("cli_clean");
  std::string input = write_file(dir / "in.jsonl", std::string(kGoodLine) + "\n");
  auto r = run_dyad("code --format tsv '" + input + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_FALSE(r.out.empty());
  EXPECT_EQ(r.out.rfind("event_id\tdoc_id\t", 0), 0u);
  Summary s = parse_summary(r.err);
  EXPECT_EQ(s.read, 1);
  EXPECT_EQ(s.rejected, 0);
}

TEST(Cli, StdinIsRead) {
  auto dir = temp_dir("cli_stdin");
  std::string input = write_file(dir / "in.jsonl", std::string(kGoodLine) + "\n");
  auto r = run_dyad("code -", input);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(parse_summary(r.err).coded, 1);
}

TEST(Cli, MissingDateWarnsButCodes) {
  auto dir = temp_dir("cli_nodate");
  std::string input = write_file(
      dir / "in.jsonl", R"({"id": "n", "date": null, "text": "Russia condemned Ukraine."})" "\n");
  auto r = run_dyad("code '" + input + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos);
  auto strict = run_dyad("code --require-date '" + input + "'");
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(parse_summary(strict.err).rejected, 1);
}

TEST(Cli, ControlCharactersInAnIdStayOnOneReportLine) {
  auto dir = temp_dir("cli_control_id");
  std::string input = write_file(dir / "ids.jsonl",
                                 "{\"id\":\"a\\nb\",\"text\":\"\",\"date\":\"2020-01-01\"}\n");
  auto r = run_dyad(fmt::format("code '{}' -o /dev/null", input));
  EXPECT_EQ(r.status, 1);
  auto err = testing::lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r.err;  // the reject and the summary
  EXPECT_NE(err[0].find("ids.jsonl:1: rejected document a\\x0ab: empty text"), std::string::npos)
      << err[0];
}

TEST(Cli, BadDictionaryNamesFileAndLine) {
  auto dir = temp_dir("cli_dict");
  std::string dict = write_file(dir / "bad.verbs", "MEET [040]\n- * WITH + [04$]\n");
  std::string input = write_file(dir / "in.jsonl", std::string(kGoodLine) + "\n");
  // By default the line is skipped with a warning naming it (as TABARI does)...
  auto lenient = run_dyad("code --dict '" + dict + "' '" + input + "'");
  EXPECT_EQ(lenient.status, 0) << lenient.err;
  EXPECT_NE(lenient.err.find(dict + ":2:"), std::string::npos) << lenient.err;
  // ...and with --strict-dict it stops the run.
  auto r = run_dyad("code --strict-dict --dict '" + dict + "' '" + input + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(dict + ":2:"), std::string::npos) << r.err;
}

TEST(Cli, UsageErrors) {
  EXPECT_EQ(run_dyad("code --format xml -").status, 2);
  EXPECT_EQ(run_dyad("frobnicate").status, 2);
  EXPECT_EQ(run_dyad("code --dict-only -").status, 2);
  auto help = run_dyad("code --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Exit status"), std::string::npos);
}

TEST(Cli, TabariProjectBringsDictionariesAndOptions) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  auto dir = temp_dir("cli_project");
  std::string input = write_file(
      dir / "in.jsonl",
      R"({"id": "p", "date": "1995-01-01", "text": "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy, a senior official said on Saturday."})"
      "\n");
  std::string project = (testing::shared_dir() / "compat/tabari/Validate.project").string();
  auto r = run_dyad("code --dict-only --dict '" + project + "' '" + input + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  auto events = lines(r.out);
  ASSERT_EQ(events.size(), 1u) << r.out;
  simdjson::dom::parser parser;
  simdjson::dom::element e = parser.parse(events[0]);
  EXPECT_EQ(std::string_view(e["source"]["code"]), "ARN");
  EXPECT_EQ(std::string_view(e["target"]["code"]), "GON");
  EXPECT_EQ(std::string_view(e["cameo"]), "064");
}

TEST(Cli, DictStats) {
  auto r = run_dyad("dict stats");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("verb patterns"), std::string::npos);
}

}  // namespace
}  // namespace dyad
