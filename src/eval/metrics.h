// Scoring for `dyad eval`: pure functions from gold sentences and the events predicted for them
// to the figures docs/accuracy.md defines.
//
// Sentences: every gold sentence is scored; one without a predicted event counts against
// coverage, accuracy and recall (column "none" of the confusion matrix), never as skipped.
// Class of an event: its CAMEO root's group (cameo_class); events with a code outside CAMEO are
// ignored for classes. STRICT: the sentence's class is that of its earliest event (smallest
// action start, ties in output order). LENIENT: the gold class when any event has it, else the
// strict class. Per-class precision/recall/F1 are over sentences; macro-F1 is their unweighted
// mean over the five classes (a class never predicted has precision 0).
// Spans: one-to-one matching (maximum matching) of predicted and gold spans per sentence,
// micro-averaged; strict spans come from every record of the earliest event (EventChoice);
// "overlap" = at least one byte in common, "exact" = same start and end.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dyad/dyad.h"
#include "eval/gold.h"

namespace dyad::eval {

constexpr int kClasses = 5;
constexpr int kNoEvent = 5;  // confusion-matrix column of sentences without a predicted class

struct Prf {
  uint64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0.0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  Prf& operator+=(const Prf& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

struct ClassScores {
  // confusion[gold][predicted]; predicted kNoEvent = no event with a CAMEO class.
  std::array<std::array<uint64_t, kClasses + 1>, kClasses> confusion{};

  void add(int gold_class, int predicted_class);  // predicted -1 = no event
  uint64_t sentences() const;
  uint64_t covered() const;  // sentences with a predicted class
  uint64_t correct() const;
  Prf per_class(int c) const;
  double accuracy() const;          // correct / sentences
  double covered_accuracy() const;  // correct / covered
  double macro_f1() const;
};

// Which events of a sentence give its spans. kEarliest: the earliest event, that is every
// record whose action starts where the earliest one's does (one verb expanded over the members
// of a compound, or a paired code's reverse direction, is one event of the sentence);
// kAll: every event; kEarliestRecord: the earliest record alone (ties: the first in output
// order), the strict reading before the knowledge issue's target work, kept for comparison.
enum class EventChoice { kEarliest, kAll, kEarliestRecord };
constexpr size_t kEventChoices = 3;
enum class SpanMatch { kOverlap, kExact };

struct Interval {
  uint32_t start = 0, end = 0;  // [start, end) byte offsets
  bool operator==(const Interval&) const = default;
};

// Rows of the span table: source (gold S and R spans vs predicted sources), target (T and R vs
// predicted targets), any (all gold spans vs all predicted actor spans, role ignored).
struct SpanScores {
  Prf source, target, any;
};

// Event matching for JSON Lines gold with events: a predicted event matches a gold event when
// the roots agree (root), also both actors agree (root+actors), or the full codes and both
// actors agree (code+actors). An actor agrees when the gold one is not judged, when its code
// equals the predicted code, or (gold without a code) when its span overlaps the predicted one.
struct EventScores {
  Prf root, root_actors, code_actors;
};

// Per-sentence outcome, for --details.
struct SentenceOutcome {
  int strict = -1, lenient = -1;  // predicted class, -1 none
  int events = 0;                 // predicted events
};

struct EvalResult {
  GoldFormat format = GoldFormat::kClassTsv;
  bool has_classes = false, has_spans = false, has_events = false;
  uint64_t sentences = 0;  // gold sentences scored (excluding negatives)
  uint64_t covered = 0;    // ... with at least one event with a CAMEO class
  uint64_t events = 0;     // predicted events on them
  uint64_t events_outside_cameo = 0;
  // JSON Lines sentences without any gold event or class: predicted events there are false
  // alarms (they count as false positives of the event scores, not in classes or coverage).
  uint64_t negatives = 0, negatives_with_events = 0;

  ClassScores strict, lenient;  // over sentences with a gold class

  uint64_t gold_source_spans = 0, gold_target_spans = 0, gold_reciprocal_spans = 0;
  // [EventChoice][SpanMatch]
  std::array<std::array<SpanScores, 2>, kEventChoices> spans{};

  EventScores event_scores;

  double coverage() const { return sentences ? double(covered) / double(sentences) : 0.0; }
};

// Index of the earliest event (smallest action start; ties: first in order), only among events
// with a CAMEO class when `with_class`; -1 when there is none.
int earliest_event(const std::vector<Event>& events, bool with_class = true);

// The sentence's predicted class, -1 when no event has one.
int strict_class(const std::vector<Event>& events);
int lenient_class(const std::vector<Event>& events, int gold_class);

// Size of a maximum one-to-one matching between n_left and n_right items where edge(i, j) says
// whether left i may match right j.
size_t max_matching(size_t n_left, size_t n_right, const std::function<bool(size_t, size_t)>& edge);

bool overlaps(const Interval& a, const Interval& b);

// Matches predicted against gold spans of one sentence (duplicates are removed first).
Prf match_spans(std::vector<Interval> gold, std::vector<Interval> predicted, SpanMatch mode);

// Scores one sentence's spans into `scores`.
void score_spans(const std::vector<GoldSpan>& gold, const std::vector<Event>& events,
                 EventChoice choice, SpanMatch mode, SpanScores& scores);

// Scores one sentence's events against its gold events into `scores`.
void score_events(const std::vector<GoldEvent>& gold, const std::vector<Event>& events,
                  EventScores& scores);

// `predicted[i]` holds the events of gold.sentences[i]. `outcomes`, when given, receives one
// entry per gold sentence.
EvalResult evaluate(const GoldSet& gold, const std::vector<std::vector<Event>>& predicted,
                    std::vector<SentenceOutcome>* outcomes = nullptr);

}  // namespace dyad::eval
