// Golden files: whole-article output of `dyad code` with the shipped default knowledge.
// Regenerate after an intended change with DYAD_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>

#include "test_util.h"

namespace dyad {
namespace {

using testing::run_dyad;

std::string golden_path(const std::string& name) {
  return std::string(DYAD_SOURCE_DIR) + "/tests/golden/" + name;
}

void check_golden(const std::string& args, const std::string& golden) {
  auto r = run_dyad(args);
  ASSERT_EQ(r.status, 0) << r.err;
  if (std::getenv("DYAD_UPDATE_GOLDEN")) testing::write_file(golden_path(golden), r.out);
  EXPECT_EQ(r.out, testing::read_file(golden_path(golden)))
      << "output differs from tests/golden/" << golden
      << "; if the change is intended, rerun with DYAD_UPDATE_GOLDEN=1";
}

TEST(Golden, ProjectExamples) {
  check_golden("code '" + std::string(DYAD_SOURCE_DIR) + "/examples'", "examples.jsonl");
}

std::string reference_article() {
  return (testing::shared_dir() / "examples/000_05bb3df416e97f7a.txt").string();
}

TEST(Golden, ReferenceArticle) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  check_golden("code '" + reference_article() + "'", "reference_article.jsonl");
}

// What an analyst codes in the reference article (DESIGN.md), checked field by field so that
// a golden-file refresh cannot silently lose it.
TEST(Golden, ReferenceArticleHasTheAnalystsEvents) {
  if (!testing::have_shared()) GTEST_SKIP() << "needs ../shared";
  auto r = run_dyad("code '" + reference_article() + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  bool consult_aze_rus = false, consult_dated = false, discuss = false, gratitude = false,
       nato = false;
  for (const auto& line : testing::lines(r.out)) {
    simdjson::dom::element e = parser.parse(line);
    auto str = [](simdjson::dom::element v) {
      return v.is_string() ? std::string(std::string_view(v)) : std::string();
    };
    auto code = [&](const char* role) {
      simdjson::dom::element actor = e[role];
      return actor.is_object() ? str(actor["code"]) : std::string();  // null: not named
    };
    std::string root = str(e["root"]);
    std::string src = code("source");
    std::string tgt = code("target");
    int root_number = std::stoi(root);
    EXPECT_LT(root_number, 10) << "conflict event in a cooperative story: " << line;
    int64_t sentence = int64_t(e["sentence_index"]);
    if (root == "04" &&
        ((src == "AZEMIL" && tgt == "RUSMIL") || (src == "RUSMIL" && tgt == "AZEMIL"))) {
      if (!consult_aze_rus) {
        consult_aze_rus = true;
        consult_dated = std::string_view(e["date"]) == "2019-07-10" &&
                        std::string_view(e["location"]["name"]) == "Baku";
      } else if (sentence > 2) {
        discuss = true;
      }
    }
    if (root == "05" && src == "RUSMIL" && tgt == "AZEGOV") gratitude = true;
    if (root == "04" &&
        ((src == "RUSMIL" && tgt == "IGOWSTNAT") || (src == "IGOWSTNAT" && tgt == "RUSMIL")))
      nato = true;
  }
  EXPECT_TRUE(consult_aze_rus) << r.out;
  EXPECT_TRUE(consult_dated) << "first AZE MIL / RUS MIL consult must be dated 2019-07-10 in Baku\n"
                             << r.out;
  EXPECT_TRUE(discuss) << "the sides discussing cooperation (04)\n" << r.out;
  EXPECT_TRUE(gratitude) << "Gerasimov's gratitude (05, RUSMIL -> AZEGOV)\n" << r.out;
  EXPECT_TRUE(nato) << "Gerasimov meeting SACEUR (04, RUSMIL <-> IGOWSTNAT)\n" << r.out;
}

}  // namespace
}  // namespace dyad
