// `dyad code --threads N`: the output, the rejects and the summary are byte-identical for any
// number of threads (batches are coded in parallel and written in input order).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "output/writers.h"
#include "test_util.h"

namespace dyad {
namespace {

using testing::lines;
using testing::read_file;
using testing::run_dyad;
using testing::temp_dir;
using testing::write_file;

// A few hundred documents made from the project's examples: their paragraphs in rotating order.
std::string generated_corpus() {
  std::vector<std::string> paragraphs;
  auto add_paragraphs = [&](const std::string& text) {
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find("\n\n", start);
      if (end == std::string::npos) end = text.size();
      std::string p = text.substr(start, end - start);
      if (p.find_first_not_of(" \n") != std::string::npos) paragraphs.push_back(p);
      start = end + 2;
    }
  };
  std::string wire =
      read_file(std::filesystem::path(DYAD_SOURCE_DIR) / "examples/001_ankara_2024-03-05.txt");
  size_t body = wire.find("\n\n");
  add_paragraphs(body == std::string::npos ? wire : wire.substr(body + 2));
  add_paragraphs(
      "CAIRO, Oct 16 - Egyptian President Abdel Fattah al-Sisi met with U.S. Secretary of State "
      "Antony Blinken in Cairo on Sunday to discuss humanitarian aid for Gaza, the Egyptian "
      "presidency said.\n\nIsraeli aircraft struck targets in the Gaza Strip overnight, "
      "Palestinian officials said. Police in Cairo arrested several protesters on Saturday.");
  std::string out;
  for (size_t d = 0; d < 200; ++d) {
    std::string text;
    for (size_t k = 0; k < 1 + d % 4; ++k) {
      if (!text.empty()) text += "\n\n";
      text += paragraphs[(d + k * 3) % paragraphs.size()];
    }
    out += "{\"id\": \"gen-" + std::to_string(d) + "\", \"date\": \"2024-03-" +
           std::to_string(10 + d % 19) + "\", \"text\": ";
    output::append_json_string(text, out);  // the writers' escaping: a string JSON reads back
    out += "}\n";
  }
  return out;
}

// The test corpus: the first 60 documents of the Guardian sample when ../shared is there, else
// generated ones, with broken lines mixed in so rejects are reported too.
std::string test_corpus() {
  std::filesystem::path guardian = testing::shared_dir() / "corpora/guardian_ngec_sample.jsonl";
  std::vector<std::string> docs;
  if (std::filesystem::exists(guardian)) {
    docs = lines(read_file(guardian));
    if (docs.size() > 60) docs.resize(60);
  } else {
    docs = lines(generated_corpus());
  }
  std::string out;
  for (size_t i = 0; i < docs.size(); ++i) {
    out += docs[i] + "\n";
    if (i % 37 == 5) out += "{\"id\": \"broken-" + std::to_string(i) + "\", \"text\": \n";
    if (i % 53 == 7)
      out += "{\"id\": \"nodate-" + std::to_string(i) +
             "\", \"text\": \"Russia condemned the attack.\"}\n";
  }
  return out;
}

TEST(Pipeline, OutputIsByteIdenticalForAnyThreadCount) {
  auto dir = temp_dir("pipeline_threads");
  std::string corpus = write_file(dir / "corpus.jsonl", test_corpus());
  struct Run {
    testing::RunResult result;
    std::string rejects;
  };
  auto run = [&](const std::string& args) {
    std::string rejects = (dir / "rejects.jsonl").string();
    std::filesystem::remove(rejects);
    Run r;
    r.result = run_dyad("code '" + corpus + "' --rejects '" + rejects + "' " + args);
    r.rejects = read_file(rejects);
    return r;
  };
  // Small batches, so that many batches are in flight and finish out of order.
  Run one = run("--threads 1 --batch 7");
  ASSERT_EQ(one.result.status, 1) << one.result.err;
  EXPECT_GT(lines(one.result.out).size(), 20u);
  EXPECT_FALSE(one.rejects.empty());
  EXPECT_NE(one.result.err.find("warning document nodate-7"), std::string::npos) << one.result.err;
  for (const char* args : {"--threads 2 --batch 7", "--threads 3 --batch 1", "--threads 2"}) {
    Run other = run(args);
    EXPECT_EQ(other.result.status, one.result.status) << args;
    EXPECT_TRUE(other.result.out == one.result.out) << args << ": the events differ";
    EXPECT_EQ(other.result.err, one.result.err) << args;
    EXPECT_EQ(other.rejects, one.rejects) << args;
  }
}

TEST(Pipeline, TsvAndDefaultThreadsMatchOneThread) {
  auto dir = temp_dir("pipeline_tsv");
  std::string corpus = write_file(dir / "corpus.jsonl", generated_corpus());
  auto one = run_dyad("code --format tsv --threads 1 '" + corpus + "'");
  auto all = run_dyad("code --format tsv --batch 5 '" + corpus + "'");
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_GT(lines(one.out).size(), 1u);
  EXPECT_TRUE(one.out == all.out);
  EXPECT_EQ(one.err, all.err);
}

// An issue file among the dictionaries: `dyad code` gives each event the issues of its sentence.
TEST(Pipeline, IssueFileTagsEvents) {
  auto dir = temp_dir("pipeline_issues");
  std::string actors = write_file(dir / "t.actors.txt", "ARNOR_ [ARN]\nGONDOR_ [GON]\n");
  std::string verbs = write_file(dir / "t.verbs.txt", "--- ACCUSE [112] ---\nACCUSE\n");
  std::string issues = write_file(dir / "t.IssueCoding.txt",
                                  "<ISSUE CATEGORY=\"TERROR\">\nn:terrorist [TERROR]\n</ISSUE>\n");
  std::string corpus = write_file(
      dir / "corpus.jsonl",
      "{\"id\": \"d1\", \"date\": \"2019-01-01\", \"text\": \"Arnor accused Gondor of "
      "harbouring terrorists. Gondor accused Arnor.\"}\n");
  std::string common = "code --dict-only --dict '" + actors + "' --dict '" + verbs + "' ";
  auto with = run_dyad(common + "--dict '" + issues + "' '" + corpus + "'");
  ASSERT_EQ(with.status, 0) << with.err;
  auto events = lines(with.out);
  ASSERT_EQ(events.size(), 2u) << with.out;
  EXPECT_NE(events[0].find("\"issues\":[\"TERROR\"]"), std::string::npos) << events[0];
  EXPECT_EQ(events[1].find("\"issues\""), std::string::npos) << events[1];
  auto without = run_dyad(common + "'" + corpus + "'");
  ASSERT_EQ(without.status, 0) << without.err;
  EXPECT_EQ(without.out.find("\"issues\""), std::string::npos);
}

TEST(Pipeline, BadThreadCountIsAUsageError) {
  EXPECT_EQ(run_dyad("code --threads -1 -").status, 2);
  EXPECT_EQ(run_dyad("code --batch 0 -").status, 2);
}

TEST(Bench, ReportsCountsAndTheRatioToTheFloor) {
  auto dir = temp_dir("bench");
  std::string corpus = write_file(dir / "corpus.jsonl", generated_corpus());
  std::string events = (dir / "events.jsonl").string();
  auto r = run_dyad("bench '" + corpus + "' --threads 2 -o '" + events + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* key : {"documents              200\n", "input bytes", "sentences/s", "MB/s",
                          "peak RSS MiB", "model load s", "ratio to floor", "minor page faults",
                          "allocator"})
    EXPECT_NE(r.out.find(key), std::string::npos) << key << " missing:\n" << r.out;
  // The coding run's CPU time: no more than its three threads (the reader and two workers) could
  // spend in its wall time (with a little slack for the clock's resolution).
  std::smatch wall_line, cpu_line;
  ASSERT_TRUE(std::regex_search(r.out, wall_line, std::regex(R"(wall s +([0-9.]+))"))) << r.out;
  ASSERT_TRUE(std::regex_search(r.out, cpu_line, std::regex(R"(cpu s +([0-9.]+))"))) << r.out;
  const double wall = std::stod(wall_line[1]), cpu = std::stod(cpu_line[1]);
  EXPECT_LE(cpu, 3 * wall + 0.05) << r.out;
  // The events it wrote are those of `dyad code`.
  auto code = run_dyad("code --threads 1 '" + corpus + "'");
  EXPECT_TRUE(read_file(events) == code.out);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(events +(\d+))"))) << r.out;
  EXPECT_EQ(std::stoul(m[1]), lines(code.out).size());
  EXPECT_EQ(run_dyad("bench '" + (dir / "missing.jsonl").string() + "'").status, 2);
}

// The dyad command's allocator settings (src/cli/allocator.cpp) reach jemalloc: a typo in the
// setting's name, or a link that left jemalloc's own default in place, would leave the heap on
// 4 KiB pages and every thread with arenas of its own, and the output the same.
TEST(Bench, ReportsTheAllocatorItWasBuiltWith) {
  if (std::getenv("MALLOC_CONF") != nullptr)
    GTEST_SKIP() << "MALLOC_CONF is set: it overrides the command's own settings";
  auto dir = temp_dir("bench-allocator");
  std::string corpus = write_file(dir / "corpus.jsonl", generated_corpus());
  auto r = run_dyad("bench '" + corpus + "' --threads 1");
  ASSERT_EQ(r.status, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex(R"(allocator +([^\n]+))"))) << r.out;
  if (DYAD_COMMAND_HAS_JEMALLOC) {
    EXPECT_NE(m[1].str().find("jemalloc"), std::string::npos) << m[1];
    EXPECT_NE(m[1].str().find("huge pages: always, arenas: 1"), std::string::npos) << m[1];
  } else {
    EXPECT_EQ(m[1].str(), "system");
  }
}

}  // namespace
}  // namespace dyad
