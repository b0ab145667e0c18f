// Every corpus of ../shared/corpora codes without a crash, and the summary adds up:
// documents read = coded + rejected. Label "corpus": skipped by the sanitizer pass.
#include <gtest/gtest.h>

#include <regex>

#include "test_util.h"

namespace dyad {
namespace {

class Corpus : public ::testing::TestWithParam<const char*> {};

TEST_P(Corpus, CodesWithoutCrashAndCountsAddUp) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  std::string path = (testing::shared_dir() / "corpora" / GetParam()).string();
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  auto dir = testing::temp_dir(std::string("corpus_") + GetParam());
  auto r = testing::run_dyad("code --quiet-warnings -o '" + (dir / "events.jsonl").string() +
                             "' '" + path + "'");
  ASSERT_TRUE(r.status == 0 || r.status == 1) << r.err;
  std::smatch m;
  std::regex re(
      R"(dyad: (\d+) documents read: (\d+) coded, (\d+) rejected; (\d+) sentences, (\d+) events)");
  ASSERT_TRUE(std::regex_search(r.err, m, re)) << r.err;
  long read = std::stol(m[1]), coded = std::stol(m[2]), rejected = std::stol(m[3]);
  long events = std::stol(m[5]);
  EXPECT_EQ(read, coded + rejected);
  EXPECT_EQ(rejected, 0) << r.err.substr(0, 2000);
  EXPECT_GT(coded, 0);
  EXPECT_GT(events, 0);
  // Every event line is there.
  std::string out = testing::read_file(dir / "events.jsonl");
  EXPECT_EQ(static_cast<long>(std::count(out.begin(), out.end(), '\n')), events);
}

INSTANTIATE_TEST_SUITE_P(Shared, Corpus,
                         ::testing::Values("reuters21578.jsonl", "guardian_ngec_sample.jsonl",
                                           "bbc_politics.jsonl", "azernews_2025.jsonl"),
                         [](const auto& info) {
                           std::string name = info.param;
                           return name.substr(0, name.find('.'));
                         });

}  // namespace
}  // namespace dyad
