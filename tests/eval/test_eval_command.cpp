// `dyad eval` end to end: on the fly and from an EVENTS file, exit statuses, and sanity checks on
// the real dev gold in ../shared (skipped where it is absent).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <array>

#include "eval/gold.h"
#include "eval/metrics.h"
#include "test_util.h"

namespace dyad {
namespace {

using testing::run_dyad;
using testing::temp_dir;
using testing::write_file;

const char* kActors = "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\nMORDOR_ [MOR]\n";
const char* kVerbs = "MEET [040:040]\n{MET_}\nATTACK [190]\nCONDEMN [122]\n";
const char* kGold =
    "Arnor condemned Gondor.\t3\n"
    "Rohan attacked Mordor.\t4\n"
    "Gondor met Rohan.\t2\n"
    "Nothing happened here today.\t0\n";

struct Fixture {
  std::filesystem::path dir;
  std::string dicts;
};

Fixture fixture(const std::string& name) {
  Fixture f;
  f.dir = temp_dir(name);
  f.dicts = " --dict-only --dict '" + write_file(f.dir / "t.actors", kActors) + "' --dict '" +
            write_file(f.dir / "t.verbs", kVerbs) + "'";
  return f;
}

simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& json) {
  simdjson::dom::element doc;
  EXPECT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  return doc;
}

TEST(EvalCommand, CodesOnTheFlyAndScores) {
  Fixture f = fixture("eval_fly");
  std::string gold = write_file(f.dir / "gold.tsv", kGold);
  auto r = run_dyad("eval '" + gold + "'" + f.dicts + " --json");
  ASSERT_EQ(r.status, 0) << r.err;
  simdjson::dom::parser parser;
  auto doc = parse(parser, r.out);
  EXPECT_EQ(uint64_t(doc["gold"]["sentences"]), 4u);
  EXPECT_EQ(uint64_t(doc["coverage"]["covered"]), 3u);
  EXPECT_EQ(uint64_t(doc["classes"]["strict"]["correct"]), 2u);
  EXPECT_EQ(uint64_t(doc["classes"]["strict"]["confusion"].at(2).at(1)), 1u);  // meet = 040
  EXPECT_EQ(uint64_t(doc["classes"]["strict"]["confusion"].at(0).at(5)), 1u);

  auto table = run_dyad("eval '" + gold + "'" + f.dicts);
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("coverage     75.0% (3 of 4 sentences have an event)"),
            std::string::npos)
      << table.out;
}

TEST(EvalCommand, EventsFileGivesTheSameFiguresAsCodingOnTheFly) {
  Fixture f = fixture("eval_roundtrip");
  std::string gold = write_file(f.dir / "gold.tsv", kGold);
  std::string corpus = (f.dir / "corpus.jsonl").string();
  std::string events = (f.dir / "events.jsonl").string();
  std::string details = (f.dir / "details.jsonl").string();
  auto fly = run_dyad("eval '" + gold + "'" + f.dicts + " --json --write-corpus '" + corpus +
                      "' --details '" + details + "'");
  ASSERT_EQ(fly.status, 0) << fly.err;
  EXPECT_EQ(testing::lines(testing::read_file(details)).size(), 4u);
  auto code = run_dyad("code '" + corpus + "'" + f.dicts + " -o '" + events + "'");
  ASSERT_EQ(code.status, 0) << code.err;
  auto scored = run_dyad("eval '" + gold + "' '" + events + "' --json");
  ASSERT_EQ(scored.status, 0) << scored.err;
  simdjson::dom::parser p1, p2;
  auto a = parse(p1, fly.out);
  auto b = parse(p2, scored.out);
  EXPECT_EQ(simdjson::minify(a["classes"]), simdjson::minify(b["classes"]));
  EXPECT_EQ(simdjson::minify(a["coverage"]), simdjson::minify(b["coverage"]));
}

TEST(EvalCommand, ExitStatuses) {
  Fixture f = fixture("eval_status");
  std::string gold = write_file(f.dir / "gold.tsv", kGold);
  std::string bad = write_file(f.dir / "bad.tsv", std::string(kGold) + "no class here\n");
  auto skipped = run_dyad("eval '" + bad + "'" + f.dicts);
  EXPECT_EQ(skipped.status, 1) << skipped.err;
  EXPECT_NE(skipped.err.find(bad + ":5: skipped: no tab (no class)"), std::string::npos)
      << skipped.err;
  EXPECT_NE(skipped.out.find("sentences    4 (1 lines skipped"), std::string::npos) << skipped.out;
  EXPECT_EQ(run_dyad("eval '" + (f.dir / "missing.tsv").string() + "'").status, 2);
  EXPECT_EQ(run_dyad("eval '" + gold + "' --dict-only").status, 2);
  EXPECT_EQ(run_dyad("eval '" + gold + "' --date 2018-02-30" + f.dicts).status, 2);
  EXPECT_EQ(run_dyad("eval '" + gold + "' --gold-format csv" + f.dicts).status, 2);
  std::string events = write_file(f.dir / "events.jsonl", "not json\n");
  EXPECT_EQ(run_dyad("eval '" + gold + "' '" + events + "'" + f.dicts).status, 2);
  auto unreadable = run_dyad("eval '" + gold + "' '" + events + "'");
  EXPECT_EQ(unreadable.status, 1) << unreadable.err;
  EXPECT_NE(unreadable.err.find(events + ":1: not a dyad event"), std::string::npos);
}

TEST(EvalDevGold, RealFilesHaveTheExpectedCounts) {
  if (!testing::have_shared()) GTEST_SKIP() << "no ../shared";
  auto dev = testing::shared_dir() / "gold" / "dev";
  eval::GoldSet classes = eval::read_gold_file((dev / "conflibert_class_train.tsv").string());
  EXPECT_EQ(classes.format, eval::GoldFormat::kClassTsv);
  EXPECT_EQ(classes.sentences.size(), 1349u);
  EXPECT_EQ(classes.skipped_lines(), 0u);
  std::array<int, 5> per_class{};
  for (const auto& s : classes.sentences) {
    ASSERT_GE(s.gold_class, 0);
    ASSERT_LE(s.gold_class, 4);
    ++per_class[static_cast<size_t>(s.gold_class)];
    EXPECT_EQ(s.text.find('\r'), std::string::npos);
  }
  EXPECT_EQ(per_class, (std::array<int, 5>{240, 248, 303, 337, 221}));

  eval::GoldSet spans = eval::read_gold_file((dev / "conflibert_spans_train.conll").string());
  EXPECT_EQ(spans.format, eval::GoldFormat::kSpansConll);
  EXPECT_EQ(spans.sentences.size(), 1153u);
  EXPECT_EQ(spans.skipped_lines(), 0u);
  size_t source = 0, target = 0, reciprocal = 0;
  for (const auto& s : spans.sentences)
    for (const auto& g : s.spans) {
      ASSERT_LT(g.start, g.end);
      ASSERT_LE(g.end, s.text.size());
      EXPECT_NE(s.text[g.start], ' ');
      source += g.role == eval::Role::kSource;
      target += g.role == eval::Role::kTarget;
      reciprocal += g.role == eval::Role::kReciprocal;
    }
  EXPECT_EQ(source, 1097u);  // 1,094 B-S and 3 I-S without a B-S
  EXPECT_EQ(target, 963u);
  EXPECT_EQ(reciprocal, 102u);

  // The default knowledge codes the dev set: figures are not asserted, only that it runs.
  auto model = Model::compile(KnowledgeOptions{});
  Coder coder(model);
  std::vector<std::vector<Event>> predicted(classes.sentences.size());
  for (size_t i = 0; i < classes.sentences.size(); ++i) {
    Document doc;
    doc.id = classes.sentences[i].id;
    doc.date = "2018-01-01";
    doc.text = classes.sentences[i].text;
    coder.code(doc, predicted[i]);
  }
  eval::EvalResult r = eval::evaluate(classes, predicted);
  EXPECT_EQ(r.strict.sentences(), 1349u);
  EXPECT_GT(r.covered, 0u);
  EXPECT_LE(r.strict.correct(), r.lenient.correct());
}

}  // namespace
}  // namespace dyad
