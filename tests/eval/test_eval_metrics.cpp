// `dyad eval` scoring on small hand-made examples with answers worked out by hand.
#include <gtest/gtest.h>

#include "eval/metrics.h"

namespace dyad::eval {
namespace {

Event event(const std::string& cameo, uint32_t action_start) {
  Event e;
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.action.start = action_start;
  e.action.end = action_start + 1;
  return e;
}

Actor actor(const std::string& code, uint32_t start, uint32_t end) {
  Actor a;
  a.code = code;
  a.span.start = start;
  a.span.end = end;
  return a;
}

Event event_with(const std::string& cameo, uint32_t action_start, std::optional<Actor> source,
                 std::optional<Actor> target) {
  Event e = event(cameo, action_start);
  e.source = std::move(source);
  e.target = std::move(target);
  return e;
}

TEST(EvalClasses, CameoRootGroups) {
  for (const char* c : {"010", "01", "020", "0214"}) EXPECT_EQ(cameo_class(c), 0) << c;
  for (const char* c : {"030", "036", "043", "057"}) EXPECT_EQ(cameo_class(c), 1) << c;
  for (const char* c : {"061", "073", "080", "0874"}) EXPECT_EQ(cameo_class(c), 2) << c;
  for (const char* c : {"090", "112", "120", "130", "138", "160", "1623"})
    EXPECT_EQ(cameo_class(c), 3) << c;
  for (const char* c : {"140", "145", "150", "173", "180", "190", "195", "200"})
    EXPECT_EQ(cameo_class(c), 4) << c;
  for (const char* c : {"", "0", "00", "21", "999", "X10", "1X"})
    EXPECT_EQ(cameo_class(c), -1) << c;
}

TEST(EvalClasses, ConfusionAccuracyAndMacroF1) {
  // (gold, predicted); -1 = no event.
  ClassScores s;
  for (auto [g, p] : std::vector<std::pair<int, int>>{
           {0, 0}, {0, 1}, {1, 1}, {1, -1}, {2, 2}, {2, 2}, {3, 3}, {3, 4}, {4, 4}, {4, -1}})
    s.add(g, p);
  EXPECT_EQ(s.sentences(), 10u);
  EXPECT_EQ(s.covered(), 8u);
  EXPECT_EQ(s.correct(), 6u);
  EXPECT_DOUBLE_EQ(s.accuracy(), 0.6);
  EXPECT_DOUBLE_EQ(s.covered_accuracy(), 0.75);
  EXPECT_EQ(s.confusion[1][kNoEvent], 1u);
  EXPECT_EQ(s.confusion[4][kNoEvent], 1u);
  EXPECT_EQ(s.confusion[3][4], 1u);
  EXPECT_EQ(s.confusion[0][1], 1u);
  // class 0: tp 1 fp 0 fn 1; class 1: tp 1 fp 1 fn 1; class 2: 2/0/0; class 3: 1/0/1;
  // class 4: 1/1/1.
  EXPECT_DOUBLE_EQ(s.per_class(0).precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.per_class(0).recall(), 0.5);
  EXPECT_NEAR(s.per_class(0).f1(), 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.per_class(1).f1(), 0.5);
  EXPECT_DOUBLE_EQ(s.per_class(2).f1(), 1.0);
  EXPECT_NEAR(s.per_class(3).f1(), 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.per_class(4).f1(), 0.5);
  EXPECT_NEAR(s.macro_f1(), (2.0 / 3 + 0.5 + 1 + 2.0 / 3 + 0.5) / 5, 1e-12);
}

TEST(EvalClasses, NeverPredictedClassHasZeroPrecisionAndEmptyScoresAreZero) {
  ClassScores s;
  EXPECT_DOUBLE_EQ(s.accuracy(), 0.0);
  EXPECT_DOUBLE_EQ(s.macro_f1(), 0.0);
  s.add(0, -1);
  s.add(1, 1);
  EXPECT_DOUBLE_EQ(s.per_class(0).precision(), 0.0);
  EXPECT_DOUBLE_EQ(s.per_class(0).f1(), 0.0);
  EXPECT_DOUBLE_EQ(s.macro_f1(), 1.0 / 5);
  s.add(-1, 2);  // no gold class: not counted
  EXPECT_EQ(s.sentences(), 2u);
}

TEST(EvalClasses, StrictTakesTheEarliestActionLenientAnyEvent) {
  std::vector<Event> events = {event("190", 30), event("042", 5), event("120", 12)};
  EXPECT_EQ(earliest_event(events), 1);
  EXPECT_EQ(strict_class(events), 1);
  EXPECT_EQ(lenient_class(events, 4), 4);  // "190" is material conflict
  EXPECT_EQ(lenient_class(events, 3), 3);  // "120"
  EXPECT_EQ(lenient_class(events, 2), 1);  // none has it: the strict class
  EXPECT_EQ(strict_class({}), -1);
  EXPECT_EQ(lenient_class({}, 2), -1);
  // Ties go to the first in output order; codes outside CAMEO are ignored for classes.
  EXPECT_EQ(strict_class({event("173", 7), event("010", 7)}), 4);
  std::vector<Event> custom = {event("999", 0), event("051", 9)};
  EXPECT_EQ(earliest_event(custom, true), 1);
  EXPECT_EQ(earliest_event(custom, false), 0);
  EXPECT_EQ(strict_class(custom), 1);
  EXPECT_EQ(strict_class({event("999", 0)}), -1);
}

TEST(EvalClasses, EvaluateScoresStrictAndLenientOverAllSentences) {
  GoldSet gold;
  gold.format = GoldFormat::kClassTsv;
  gold.has_classes = true;
  for (int c : {4, 1, 3, 0}) {
    GoldSentence s;
    s.id = std::to_string(gold.sentences.size() + 1);
    s.text = "x";
    s.gold_class = c;
    gold.sentences.push_back(s);
  }
  std::vector<std::vector<Event>> predicted = {
      {event("042", 5), event("190", 30)},  // strict 1 (wrong), lenient 4 (right)
      {event("043", 0)},                    // right both ways
      {},                                   // no event
      {event("112", 3)}};                   // wrong both ways
  std::vector<SentenceOutcome> outcomes;
  EvalResult r = evaluate(gold, predicted, &outcomes);
  EXPECT_EQ(r.sentences, 4u);
  EXPECT_EQ(r.covered, 3u);
  EXPECT_DOUBLE_EQ(r.coverage(), 0.75);
  EXPECT_EQ(r.events, 4u);
  EXPECT_EQ(r.strict.correct(), 1u);
  EXPECT_EQ(r.lenient.correct(), 2u);
  EXPECT_DOUBLE_EQ(r.strict.accuracy(), 0.25);
  EXPECT_DOUBLE_EQ(r.lenient.accuracy(), 0.5);
  EXPECT_EQ(r.strict.confusion[3][kNoEvent], 1u);
  EXPECT_EQ(r.strict.confusion[4][1], 1u);
  EXPECT_EQ(r.lenient.confusion[4][4], 1u);
  ASSERT_EQ(outcomes.size(), 4u);
  EXPECT_EQ(outcomes[0].strict, 1);
  EXPECT_EQ(outcomes[0].lenient, 4);
  EXPECT_EQ(outcomes[2].strict, -1);
  EXPECT_EQ(outcomes[0].events, 2);
  // Fewer prediction lists than sentences: the rest have no events.
  EvalResult none = evaluate(gold, {});
  EXPECT_EQ(none.covered, 0u);
  EXPECT_EQ(none.strict.sentences(), 4u);
  EXPECT_EQ(none.strict.correct(), 0u);
}

TEST(EvalSpans, OverlapVersusExact) {
  std::vector<Interval> gold = {{0, 10}, {20, 30}};
  std::vector<Interval> pred = {{5, 8}, {20, 30}, {40, 45}};
  Prf overlap = match_spans(gold, pred, SpanMatch::kOverlap);
  EXPECT_EQ(overlap.tp, 2u);
  EXPECT_EQ(overlap.fp, 1u);
  EXPECT_EQ(overlap.fn, 0u);
  Prf exact = match_spans(gold, pred, SpanMatch::kExact);
  EXPECT_EQ(exact.tp, 1u);
  EXPECT_EQ(exact.fp, 2u);
  EXPECT_EQ(exact.fn, 1u);
  EXPECT_NEAR(exact.precision(), 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(exact.recall(), 0.5);
  EXPECT_NEAR(exact.f1(), 0.4, 1e-12);
  // Touching is not overlapping: [0,10) and [10,20) share no byte.
  EXPECT_FALSE(overlaps({0, 10}, {10, 20}));
  EXPECT_TRUE(overlaps({0, 11}, {10, 20}));
}

TEST(EvalSpans, OneToOneMaximumMatchingAndDuplicates) {
  // The first prediction overlaps both gold spans, the second only the first: a greedy match
  // would pair (P1, A) and leave P2 unmatched; the maximum matching pairs both.
  Prf m = match_spans({{0, 10}, {10, 20}}, {{5, 15}, {0, 3}}, SpanMatch::kOverlap);
  EXPECT_EQ(m.tp, 2u);
  EXPECT_EQ(m.fp, 0u);
  EXPECT_EQ(m.fn, 0u);
  // One prediction cannot match two gold spans.
  Prf one = match_spans({{0, 5}, {6, 9}}, {{0, 9}}, SpanMatch::kOverlap);
  EXPECT_EQ(one.tp, 1u);
  EXPECT_EQ(one.fn, 1u);
  // The same predicted span from two events counts once.
  Prf dup = match_spans({{0, 5}}, {{0, 5}, {0, 5}}, SpanMatch::kExact);
  EXPECT_EQ(dup.tp, 1u);
  EXPECT_EQ(dup.fp, 0u);
  EXPECT_EQ(max_matching(0, 3, [](size_t, size_t) { return true; }), 0u);
}

TEST(EvalSpans, RolesReciprocalEarliestAndMissingPredictions) {
  // "Arnor met Gondor": gold marks both as reciprocal actors.
  std::vector<GoldSpan> reciprocal = {{Role::kReciprocal, 0, 5}, {Role::kReciprocal, 10, 16}};
  std::vector<Event> one_way = {event_with("040", 6, actor("ARN", 0, 5), actor("GON", 10, 16))};
  SpanScores s;
  score_spans(reciprocal, one_way, EventChoice::kAll, SpanMatch::kExact, s);
  EXPECT_EQ(s.source.tp, 1u);
  EXPECT_EQ(s.source.fn, 1u);
  EXPECT_EQ(s.target.tp, 1u);
  EXPECT_EQ(s.target.fn, 1u);
  EXPECT_EQ(s.any.tp, 2u);
  EXPECT_EQ(s.any.fn, 0u);

  // Source [0,5) and target [10,16); the earliest event gets them right, a later one has the
  // target as its source.
  std::vector<GoldSpan> gold = {{Role::kSource, 0, 5}, {Role::kTarget, 10, 16}};
  std::vector<Event> events = {event_with("120", 20, actor("GON", 10, 16), actor("MOR", 30, 36)),
                               event_with("190", 6, actor("ARN", 0, 5), actor("GON", 10, 16))};
  SpanScores earliest, all;
  score_spans(gold, events, EventChoice::kEarliest, SpanMatch::kExact, earliest);
  score_spans(gold, events, EventChoice::kAll, SpanMatch::kExact, all);
  EXPECT_EQ(earliest.source.tp, 1u);
  EXPECT_EQ(earliest.source.fp, 0u);
  EXPECT_EQ(earliest.target.tp, 1u);
  EXPECT_EQ(earliest.target.fp, 0u);
  EXPECT_EQ(all.source.tp, 1u);
  EXPECT_EQ(all.source.fp, 1u);  // GON as a source
  EXPECT_EQ(all.target.tp, 1u);
  EXPECT_EQ(all.target.fp, 1u);  // MOR
  EXPECT_EQ(all.any.tp, 2u);     // ARN, GON (once)
  EXPECT_EQ(all.any.fp, 1u);     // MOR

  // No prediction: every gold span is missed. An event without a target adds nothing there.
  SpanScores missed;
  score_spans(gold, {}, EventChoice::kAll, SpanMatch::kOverlap, missed);
  score_spans(gold, {event_with("010", 6, actor("ARN", 0, 5), std::nullopt)}, EventChoice::kAll,
              SpanMatch::kOverlap, missed);
  EXPECT_EQ(missed.source.tp, 1u);
  EXPECT_EQ(missed.source.fn, 1u);
  EXPECT_EQ(missed.target.tp, 0u);
  EXPECT_EQ(missed.target.fp, 0u);
  EXPECT_EQ(missed.target.fn, 2u);
}

TEST(EvalSpans, EarliestEventIsEveryRecordOfItsAction) {
  // "Arnor and Rohan met Gondor": one verb, two records with the same action. The strict
  // columns take both records' spans; "earliest record only" takes the first in output order.
  std::vector<GoldSpan> gold = {
      {Role::kReciprocal, 0, 5}, {Role::kReciprocal, 10, 15}, {Role::kReciprocal, 20, 26}};
  std::vector<Event> events = {event_with("040", 16, actor("ARN", 0, 5), actor("GON", 20, 26)),
                               event_with("040", 16, actor("ROH", 10, 15), actor("GON", 20, 26)),
                               event_with("040", 16, actor("GON", 20, 26), actor("ARN", 0, 5)),
                               event_with("120", 30, actor("MOR", 40, 46), actor("ARN", 0, 5))};
  SpanScores tied, record;
  score_spans(gold, events, EventChoice::kEarliest, SpanMatch::kExact, tied);
  score_spans(gold, events, EventChoice::kEarliestRecord, SpanMatch::kExact, record);
  EXPECT_EQ(tied.source.tp, 3u);  // ARN, ROH, GON
  EXPECT_EQ(tied.source.fp, 0u);
  EXPECT_EQ(tied.target.tp, 2u);  // GON, ARN (the same span twice counts once)
  EXPECT_EQ(tied.target.fn, 1u);  // ROH
  EXPECT_EQ(record.source.tp, 1u);
  EXPECT_EQ(record.source.fn, 2u);
  EXPECT_EQ(record.target.tp, 1u);
  EXPECT_EQ(record.target.fn, 2u);
}

TEST(EvalEvents, RootActorsAndCodes) {
  GoldEvent g;
  g.cameo = "043";
  g.source.code = "RUS";
  g.target.code = "USA";
  EventScores s;
  score_events({g}, {event_with("043", 3, actor("RUS", 0, 2), actor("USA", 8, 10))}, s);
  EXPECT_EQ(s.code_actors.tp, 1u);
  score_events({g}, {event_with("042", 3, actor("RUS", 0, 2), actor("USA", 8, 10))}, s);
  score_events({g}, {event_with("043", 3, actor("USA", 0, 2), actor("RUS", 8, 10))}, s);
  EXPECT_EQ(s.root.tp, 3u);
  EXPECT_EQ(s.root_actors.tp, 2u);
  EXPECT_EQ(s.root_actors.fp, 1u);
  EXPECT_EQ(s.root_actors.fn, 1u);
  EXPECT_EQ(s.code_actors.tp, 1u);
  EXPECT_EQ(s.code_actors.fp, 2u);
  // A gold actor given as a span matches an overlapping predicted span; an absent one is not
  // judged; an extra predicted event is a false positive.
  GoldEvent span_gold;
  span_gold.cameo = "190";
  span_gold.source.span = GoldSpan{Role::kSource, 0, 6};
  EventScores t;
  score_events({span_gold},
               {event_with("193", 8, actor("XYZ", 2, 6), actor("ABC", 10, 12)), event("010", 1)},
               t);
  EXPECT_EQ(t.root_actors.tp, 1u);
  EXPECT_EQ(t.root_actors.fp, 1u);
  EXPECT_EQ(t.code_actors.tp, 0u);
  EXPECT_EQ(t.code_actors.fn, 1u);
}

TEST(EvalSpans, UncodedTargetsAreSpansButNoCode) {
  // "Arnor condemned the attack": the target has its words but no code.
  std::vector<GoldSpan> gold = {{Role::kSource, 0, 5}, {Role::kTarget, 16, 26}};
  std::vector<Event> events = {event_with("122", 6, actor("ARN", 0, 5), actor("", 16, 26))};
  SpanScores s;
  score_spans(gold, events, EventChoice::kEarliest, SpanMatch::kExact, s);
  EXPECT_EQ(s.target.tp, 1u);
  EXPECT_EQ(s.target.fp, 0u);
  // Against event gold, a code never agrees with an uncoded target; a span does by overlap.
  GoldEvent coded;
  coded.cameo = "122";
  coded.target.code = "GON";
  GoldEvent spanned;
  spanned.cameo = "122";
  spanned.target.span = GoldSpan{Role::kTarget, 20, 26};
  EventScores by_code, by_span;
  score_events({coded}, events, by_code);
  score_events({spanned}, events, by_span);
  EXPECT_EQ(by_code.root_actors.tp, 0u);
  EXPECT_EQ(by_span.root_actors.tp, 1u);
}

TEST(EvalEvents, JsonLinesNegativesAreFalseAlarmsNotClasses) {
  GoldSet gold;
  gold.format = GoldFormat::kJsonLines;
  gold.has_classes = gold.has_events = true;
  GoldSentence positive;
  positive.id = "a";
  positive.text = "x";
  positive.gold_class = 4;
  positive.events.push_back(GoldEvent{"190", {}, {}});
  GoldSentence negative;
  negative.id = "b";
  negative.text = "y";
  gold.sentences = {positive, negative};
  EvalResult r = evaluate(gold, {{event("190", 0)}, {event("010", 0)}});
  EXPECT_EQ(r.sentences, 1u);
  EXPECT_EQ(r.covered, 1u);
  EXPECT_EQ(r.negatives, 1u);
  EXPECT_EQ(r.negatives_with_events, 1u);
  EXPECT_EQ(r.strict.sentences(), 1u);
  EXPECT_EQ(r.strict.correct(), 1u);
  EXPECT_EQ(r.event_scores.root.tp, 1u);
  EXPECT_EQ(r.event_scores.root.fp, 1u);
}

}  // namespace
}  // namespace dyad::eval
