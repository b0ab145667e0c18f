// Gold readers for `dyad eval` on small inline samples, the events reader, and the reports.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>

#include "eval/gold.h"
#include "eval/metrics.h"
#include "eval/predictions.h"
#include "eval/report.h"
#include "output/writers.h"

namespace dyad::eval {
namespace {

std::map<std::string, int> kinds(const GoldSet& set) {
  std::map<std::string, int> out;
  for (const auto& q : set.quirks) ++out[q.kind];
  return out;
}

std::string span_text(const GoldSentence& s, size_t i) {
  return s.text.substr(s.spans[i].start, s.spans[i].end - s.spans[i].start);
}

TEST(EvalGold, ClassTsvWithQuirks) {
  std::string tsv =
      "sentence\tlabel\r\n"                              // 1 header: skipped
      "Arnor condemned Gondor.\t3\r\n"                   // 2
      "Rohan sent aid to Gondor. \t2\r\n"                // 3 blank before the tab
      "\"Mordor said \"\"no\"\" to talks.\"\"\"\t0\r\n"  // 4 CSV-quoted
      "A sentence without a class\t\r\n"                 // 5 empty class
      "\r\n"                                             // 6 blank: ignored
      "No tab at all\r\n"                                // 7
      "Class out of range\t7\r\n"                        // 8
      "\t1\r\n"                                          // 9 empty sentence
      "Bad \xC3\x28 bytes\t1\r\n"                        // 10 invalid UTF-8
      "Gondor attacked Mordor.\t 4";                     // 11 no final newline
  GoldSet set = read_class_tsv(tsv);
  ASSERT_EQ(set.sentences.size(), 4u);
  EXPECT_TRUE(set.has_classes);
  EXPECT_FALSE(set.has_spans);
  EXPECT_EQ(set.sentences[0].id, "2");
  EXPECT_EQ(set.sentences[0].text, "Arnor condemned Gondor.");
  EXPECT_EQ(set.sentences[0].gold_class, 3);
  EXPECT_EQ(set.sentences[1].text, "Rohan sent aid to Gondor.");
  EXPECT_EQ(set.sentences[2].text, "Mordor said \"no\" to talks.\"");
  EXPECT_EQ(set.sentences[2].gold_class, 0);
  EXPECT_EQ(set.sentences[3].id, "11");
  EXPECT_EQ(set.sentences[3].gold_class, 4);
  EXPECT_EQ(set.skipped_lines(), 6u);  // 1, 5, 7, 8, 9, 10
  EXPECT_EQ(set.repaired_lines(), 1u);
  auto k = kinds(set);
  EXPECT_EQ(k["class not 0-4"], 2);
  EXPECT_EQ(k["empty class"], 1);
  EXPECT_EQ(k["no tab (no class)"], 1);
  EXPECT_EQ(k["empty sentence"], 1);
  EXPECT_EQ(k["invalid UTF-8 or NUL byte"], 1);
  EXPECT_EQ(k["CSV-quoted sentence (unquoted)"], 1);
}

TEST(EvalGold, ConllSpansAreByteOffsetsInTheJoinedTokens) {
  std::string conll =
      "-DOCSTART- O\n"
      "\n"
      "Meanwhile O\n"  // line 3
      ", O\n"
      "a B-S\n"
      "Swiss I-S\n"
      "court I-S\n"
      "rejected O\n"
      "the O\n"
      "Croatian B-T\n"
      "government I-T\n"
      "'s I-T\n"
      "request I-T\n"
      ". O\n"
      "\n"
      "\n"
      "Erdogan B-R\r\n"  // line 17, CRLF
      "will O\r\n"
      "meet O\r\n"
      "Mattarella B-R\r\n"
      "\r\n"
      "The B-S\n"  // line 22: I- tags after another role start new spans
      "US B-T\n"
      "President I-S\n"
      "spoke\n"    // no tag
      "x\tB-X\n";  // unknown tag, tab-separated
  GoldSet set = read_spans_conll(conll);
  ASSERT_EQ(set.sentences.size(), 3u);
  EXPECT_TRUE(set.has_spans);
  EXPECT_FALSE(set.has_classes);
  const GoldSentence& a = set.sentences[0];
  EXPECT_EQ(a.id, "3");
  EXPECT_EQ(a.text, "Meanwhile , a Swiss court rejected the Croatian government 's request .");
  EXPECT_EQ(a.gold_class, -1);
  ASSERT_EQ(a.spans.size(), 2u);
  EXPECT_EQ(a.spans[0].role, Role::kSource);
  EXPECT_EQ(span_text(a, 0), "a Swiss court");
  EXPECT_EQ(a.spans[0].start, 12u);
  EXPECT_EQ(a.spans[1].role, Role::kTarget);
  EXPECT_EQ(span_text(a, 1), "Croatian government 's request");
  const GoldSentence& b = set.sentences[1];
  EXPECT_EQ(b.id, "17");
  EXPECT_EQ(b.text, "Erdogan will meet Mattarella");
  ASSERT_EQ(b.spans.size(), 2u);
  EXPECT_EQ(b.spans[0].role, Role::kReciprocal);
  EXPECT_EQ(span_text(b, 1), "Mattarella");
  const GoldSentence& c = set.sentences[2];
  EXPECT_EQ(c.text, "The US President spoke x");
  ASSERT_EQ(c.spans.size(), 3u);
  EXPECT_EQ(span_text(c, 0), "The");
  EXPECT_EQ(span_text(c, 1), "US");
  EXPECT_EQ(span_text(c, 2), "President");
  EXPECT_EQ(c.spans[2].role, Role::kSource);
  EXPECT_EQ(set.skipped_lines(), 0u);
  auto k = kinds(set);
  EXPECT_EQ(k["I- tag without B- (starts a span)"], 1);
  EXPECT_EQ(k["token without a tag (O)"], 1);
  EXPECT_EQ(k["unknown tag (O)"], 1);
}

TEST(EvalGold, JsonLinesWithCodesSpansAndClasses) {
  std::string jsonl =
      R"({"id": "a", "date": "2019-07-11", "text": "Arnor condemned Gondor.", "events": [{"source": "ARN", "target": "GON", "cameo": "122"}]})"
      "\n"
      R"({"id": 7, "text": "Rohan met Gondor.", "events": [{"source": {"text": "Rohan"}, "target": {"code": "GON", "start": 10, "end": 16}, "cameo": "040"}, {"cameo": "999"}, {"source": "X"}]})"
      "\n"
      R"({"text": "Nothing happened.", "events": []})"
      "\n"
      R"({"id": "c", "text": "Labelled only.", "class": 2})"
      "\n"
      "\n"
      R"({"id": "a", "text": "Duplicate id."})"
      "\n"
      R"({"id": "d", "text": ""})"
      "\n"
      "{not json\n"
      R"(["an array"])"
      "\n"
      R"({"id": "e", "text": "Bad actor.", "events": [{"source": {"text": "Mordor"}, "target": {"start": 3, "end": 99}, "cameo": "190"}], "class": 9})"
      "\n";
  GoldSet set = read_gold_jsonl(jsonl);
  ASSERT_EQ(set.sentences.size(), 5u);
  EXPECT_TRUE(set.has_events);
  EXPECT_TRUE(set.has_classes);
  const GoldSentence& a = set.sentences[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.date, "2019-07-11");
  EXPECT_EQ(a.gold_class, 3);
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].source.code, "ARN");
  EXPECT_FALSE(a.events[0].source.span.has_value());
  const GoldSentence& b = set.sentences[1];
  EXPECT_EQ(b.id, "7");
  EXPECT_EQ(b.gold_class, 1);
  ASSERT_EQ(b.events.size(), 2u);  // the event without a code is dropped
  ASSERT_TRUE(b.events[0].source.span.has_value());
  EXPECT_EQ(b.events[0].source.span->start, 0u);
  EXPECT_EQ(b.events[0].source.span->end, 5u);
  EXPECT_EQ(b.events[0].target.code, "GON");
  EXPECT_EQ(b.events[0].target.span->start, 10u);
  EXPECT_EQ(b.events[1].cameo, "999");
  EXPECT_FALSE(b.events[1].source.judged());
  EXPECT_EQ(set.sentences[2].id, "3");  // no id: the line number
  EXPECT_EQ(set.sentences[2].gold_class, -1);
  EXPECT_EQ(set.sentences[3].gold_class, 2);
  EXPECT_TRUE(set.sentences[3].events.empty());
  const GoldSentence& e = set.sentences[4];
  EXPECT_EQ(e.gold_class, 4);  // class 9 ignored; from the event
  EXPECT_FALSE(e.events[0].source.judged());
  EXPECT_FALSE(e.events[0].target.judged());
  EXPECT_EQ(set.skipped_lines(), 4u);  // duplicate id, empty text, invalid JSON, array
  auto k = kinds(set);
  EXPECT_EQ(k["duplicate id"], 1);
  EXPECT_EQ(k["missing or empty text"], 1);
  EXPECT_EQ(k["invalid JSON"], 1);
  EXPECT_EQ(k["not a JSON object"], 1);
  EXPECT_EQ(k["event without a CAMEO code (dropped)"], 1);
  EXPECT_EQ(k["event code outside CAMEO"], 1);
  EXPECT_EQ(k["actor text not in the sentence (span ignored)"], 1);
  EXPECT_EQ(k["actor offsets outside the text (span ignored)"], 1);
  EXPECT_EQ(k["class not 0-4 (ignored)"], 1);
}

TEST(EvalGold, FormatDetection) {
  EXPECT_EQ(detect_gold_format("x/train.TSV", ""), GoldFormat::kClassTsv);
  EXPECT_EQ(detect_gold_format("spans.conll", ""), GoldFormat::kSpansConll);
  EXPECT_EQ(detect_gold_format("gold.jsonl", ""), GoldFormat::kJsonLines);
  EXPECT_EQ(detect_gold_format("gold.txt", "\n{\"text\": \"x\"}\n"), GoldFormat::kJsonLines);
  EXPECT_EQ(detect_gold_format("gold.txt", "Arnor condemned Gondor.\t3\r\n"),
            GoldFormat::kClassTsv);
  EXPECT_EQ(detect_gold_format("gold", "Arnor B-S\ncondemned O\n"), GoldFormat::kSpansConll);
  EXPECT_EQ(detect_gold_format("gold", "In O\n"), GoldFormat::kSpansConll);
  EXPECT_EQ(detect_gold_format("gold", ""), GoldFormat::kClassTsv);
  GoldFormat f;
  EXPECT_TRUE(parse_gold_format("CoNLL", &f));
  EXPECT_EQ(f, GoldFormat::kSpansConll);
  EXPECT_FALSE(parse_gold_format("csv", &f));
}

TEST(EvalPredictions, EventsRoundTripThroughTheJsonWriter) {
  Event e;
  e.event_id = "12-1";
  e.doc_id = "12";
  e.sentence_index = 1;
  e.date = "2018-01-01";
  e.cameo = "1832";
  e.root = "18";
  e.quad_class = 4;
  e.goldstein = -10.0;
  e.plover = "ASSAULT";
  e.source = Actor{"UKR", "UKR", "", TextSpan{"Kiev", 28, 32}};
  e.action = TextSpan{"killed", 33, 39};
  std::string line;
  output::append_event(output::Format::kJsonLines, e, line);
  Event back;
  ASSERT_TRUE(parse_event_json(line, &back)) << line;
  EXPECT_EQ(back.doc_id, "12");
  EXPECT_EQ(back.cameo, "1832");
  EXPECT_EQ(back.root, "18");
  EXPECT_EQ(back.sentence_index, 1u);
  ASSERT_TRUE(back.source.has_value());
  EXPECT_EQ(back.source->code, "UKR");
  EXPECT_EQ(back.source->span.start, 28u);
  EXPECT_EQ(back.source->span.end, 32u);
  EXPECT_FALSE(back.target.has_value());
  EXPECT_EQ(back.action.start, 33u);
  // An uncoded target (null code) reads back as a target with its span and an empty code.
  e.target = Actor{"", "", "", TextSpan{"another ethnic Chechen", 41, 63}};
  line.clear();
  output::append_event(output::Format::kJsonLines, e, line);
  ASSERT_TRUE(parse_event_json(line, &back)) << line;
  ASSERT_TRUE(back.target.has_value());
  EXPECT_EQ(back.target->code, "");
  EXPECT_EQ(back.target->span.text, "another ethnic Chechen");
  EXPECT_EQ(back.target->span.start, 41u);
  EXPECT_EQ(back.target->span.end, 63u);
  EXPECT_FALSE(parse_event_json(R"({"doc_id": "1"})", &back));  // no cameo
  EXPECT_FALSE(parse_event_json("[1]", &back));
  ASSERT_TRUE(parse_event_json(R"({"doc_id": 5, "cameo": "043"})", &back));
  EXPECT_EQ(back.doc_id, "5");
  EXPECT_EQ(back.root, "04");
}

TEST(EvalPredictions, EventsAreGroupedByGoldSentenceId) {
  GoldSet gold = read_class_tsv("A.\t1\nB.\t2\nC.\t3\n");
  std::string events =
      R"({"doc_id": "2", "cameo": "061", "action": {"text": "x", "start": 4, "end": 5}})"
      "\n"
      R"({"doc_id": "1", "cameo": "043"})"
      "\n\n"
      R"({"doc_id": "9", "cameo": "043"})"
      "\n"
      "garbage\n"
      R"({"doc_id": "2", "cameo": "010", "action": {"text": "y", "start": 0, "end": 1}})"
      "\n";
  std::vector<std::vector<Event>> out;
  PredictionLoad load = read_events_jsonl(events, gold, out);
  EXPECT_EQ(load.events, 3u);
  EXPECT_EQ(load.unknown_doc_events, 1u);
  ASSERT_EQ(load.invalid_lines.size(), 1u);
  EXPECT_EQ(load.invalid_lines[0], 5u);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].size(), 1u);
  ASSERT_EQ(out[1].size(), 2u);
  EXPECT_EQ(strict_class(out[1]), 0);  // "010" starts first
  EXPECT_TRUE(out[2].empty());
}

TEST(EvalPredictions, GoldAsCorpus) {
  GoldSet gold = read_class_tsv("Say \"hi\".\t0\n");
  EXPECT_EQ(gold_as_corpus(gold, "2018-01-01"),
            "{\"id\":\"1\",\"date\":\"2018-01-01\",\"text\":\"Say \\\"hi\\\".\"}\n");
}

TEST(EvalReport, JsonAndTableCarryTheFigures) {
  GoldSet gold = read_class_tsv("A.\t1\nB.\t2\n");
  Event e;
  e.cameo = "043";
  EvalResult r = evaluate(gold, {{e}, {}});
  ReportContext ctx;
  ctx.gold_path = "g.tsv";
  ctx.predictions = "test";
  std::string json = format_json(gold, r, ctx);
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(json).get(doc), simdjson::SUCCESS) << json;
  EXPECT_EQ(uint64_t(doc["gold"]["sentences"]), 2u);
  EXPECT_DOUBLE_EQ(double(doc["coverage"]["rate"]), 0.5);
  EXPECT_DOUBLE_EQ(double(doc["classes"]["strict"]["accuracy"]), 0.5);
  EXPECT_EQ(uint64_t(doc["classes"]["lenient"]["confusion"].at(2).at(5)), 1u);
  EXPECT_TRUE(doc["spans"].error() == simdjson::NO_SUCH_FIELD);
  std::string table = format_table(gold, r, ctx);
  EXPECT_NE(table.find("coverage     50.0% (1 of 2 sentences have an event)"), std::string::npos)
      << table;
  EXPECT_NE(table.find("macro-F1"), std::string::npos);

  GoldSet spans = read_spans_conll("Arnor B-S\nmet O\nGondor B-T\n");
  EvalResult rs = evaluate(spans, {});
  std::string sj = format_json(spans, rs, ctx);
  ASSERT_EQ(parser.parse(sj).get(doc), simdjson::SUCCESS) << sj;
  EXPECT_EQ(uint64_t(doc["spans"]["all"]["exact"]["source"]["fn"]), 1u);
  EXPECT_TRUE(doc["classes"].error() == simdjson::NO_SUCH_FIELD);

  std::vector<SentenceOutcome> outcomes;
  evaluate(gold, {{e}, {}}, &outcomes);
  std::string details = format_details(gold, {{e}, {}}, outcomes);
  size_t lines = 0;
  for (char c : details) lines += c == '\n';
  EXPECT_EQ(lines, 2u);
  ASSERT_EQ(parser.parse(details.substr(0, details.find('\n'))).get(doc), simdjson::SUCCESS);
  EXPECT_EQ(int64_t(doc["strict"]), 1);
}

}  // namespace
}  // namespace dyad::eval
