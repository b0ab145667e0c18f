// Scoring for `dyad eval` (definitions in metrics.h and docs/accuracy.md).
#include "eval/metrics.h"

#include <algorithm>
#include <optional>

namespace dyad::eval {
namespace {

std::optional<Interval> interval_of(const std::optional<Actor>& actor) {
  if (!actor || actor->span.end <= actor->span.start) return std::nullopt;
  return Interval{actor->span.start, actor->span.end};
}

void dedupe(std::vector<Interval>& v) {
  std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

bool actor_agrees(const GoldActor& gold, const std::optional<Actor>& predicted) {
  if (!gold.judged()) return true;
  if (!predicted) return false;
  if (!gold.code.empty()) return gold.code == predicted->code;
  auto span = interval_of(predicted);
  return span && overlaps(Interval{gold.span->start, gold.span->end}, *span);
}

}  // namespace

void ClassScores::add(int gold_class, int predicted_class) {
  if (gold_class < 0 || gold_class >= kClasses) return;
  int column = predicted_class >= 0 && predicted_class < kClasses ? predicted_class : kNoEvent;
  ++confusion[gold_class][column];
}

uint64_t ClassScores::sentences() const {
  uint64_t n = 0;
  for (const auto& row : confusion)
    for (uint64_t v : row) n += v;
  return n;
}

uint64_t ClassScores::covered() const {
  uint64_t n = 0;
  for (const auto& row : confusion)
    for (int c = 0; c < kClasses; ++c) n += row[c];
  return n;
}

uint64_t ClassScores::correct() const {
  uint64_t n = 0;
  for (int c = 0; c < kClasses; ++c) n += confusion[c][c];
  return n;
}

Prf ClassScores::per_class(int c) const {
  Prf p;
  p.tp = confusion[c][c];
  for (int g = 0; g < kClasses; ++g)
    if (g != c) p.fp += confusion[g][c];
  for (int q = 0; q <= kNoEvent; ++q)
    if (q != c) p.fn += confusion[c][q];
  return p;
}

double ClassScores::accuracy() const {
  uint64_t n = sentences();
  return n ? double(correct()) / double(n) : 0.0;
}

double ClassScores::covered_accuracy() const {
  uint64_t n = covered();
  return n ? double(correct()) / double(n) : 0.0;
}

double ClassScores::macro_f1() const {
  double sum = 0;
  for (int c = 0; c < kClasses; ++c) sum += per_class(c).f1();
  return sum / kClasses;
}

int earliest_event(const std::vector<Event>& events, bool with_class) {
  int best = -1;
  for (size_t i = 0; i < events.size(); ++i) {
    if (with_class && cameo_class(events[i].cameo) < 0) continue;
    if (best < 0 || events[i].action.start < events[static_cast<size_t>(best)].action.start)
      best = static_cast<int>(i);
  }
  return best;
}

int strict_class(const std::vector<Event>& events) {
  int i = earliest_event(events, true);
  return i < 0 ? -1 : cameo_class(events[static_cast<size_t>(i)].cameo);
}

int lenient_class(const std::vector<Event>& events, int gold_class) {
  if (gold_class >= 0)
    for (const auto& e : events)
      if (cameo_class(e.cameo) == gold_class) return gold_class;
  return strict_class(events);
}

size_t max_matching(size_t n_left, size_t n_right,
                    const std::function<bool(size_t, size_t)>& edge) {
  // Kuhn's augmenting paths; sentences have a handful of spans or events.
  std::vector<int> right_match(n_right, -1);
  std::vector<char> seen;
  std::function<bool(size_t)> augment = [&](size_t l) {
    for (size_t r = 0; r < n_right; ++r) {
      if (seen[r] || !edge(l, r)) continue;
      seen[r] = 1;
      if (right_match[r] < 0 || augment(static_cast<size_t>(right_match[r]))) {
        right_match[r] = static_cast<int>(l);
        return true;
      }
    }
    return false;
  };
  size_t matched = 0;
  for (size_t l = 0; l < n_left; ++l) {
    seen.assign(n_right, 0);
    if (augment(l)) ++matched;
  }
  return matched;
}

bool overlaps(const Interval& a, const Interval& b) {
  return a.start < b.end && b.start < a.end;
}

Prf match_spans(std::vector<Interval> gold, std::vector<Interval> predicted, SpanMatch mode) {
  dedupe(gold);
  dedupe(predicted);
  size_t matched = max_matching(predicted.size(), gold.size(), [&](size_t p, size_t g) {
    return mode == SpanMatch::kExact ? predicted[p] == gold[g] : overlaps(predicted[p], gold[g]);
  });
  Prf prf;
  prf.tp = matched;
  prf.fp = predicted.size() - matched;
  prf.fn = gold.size() - matched;
  return prf;
}

void score_spans(const std::vector<GoldSpan>& gold, const std::vector<Event>& events,
                 EventChoice choice, SpanMatch mode, SpanScores& scores) {
  std::vector<Interval> gold_source, gold_target, gold_any;
  for (const auto& g : gold) {
    Interval i{g.start, g.end};
    if (g.role != Role::kTarget) gold_source.push_back(i);
    if (g.role != Role::kSource) gold_target.push_back(i);
    gold_any.push_back(i);
  }
  std::vector<Interval> source, target, any;
  auto take = [&](const Event& e) {
    if (auto s = interval_of(e.source)) {
      source.push_back(*s);
      any.push_back(*s);
    }
    if (auto t = interval_of(e.target)) {
      target.push_back(*t);
      any.push_back(*t);
    }
  };
  if (choice == EventChoice::kAll) {
    for (const auto& e : events) take(e);
  } else if (int i = earliest_event(events, false); i >= 0) {
    const Event& first = events[static_cast<size_t>(i)];
    if (choice == EventChoice::kEarliestRecord) {
      take(first);
    } else {
      for (const auto& e : events)
        if (e.action.start == first.action.start) take(e);
    }
  }
  scores.source += match_spans(std::move(gold_source), std::move(source), mode);
  scores.target += match_spans(std::move(gold_target), std::move(target), mode);
  scores.any += match_spans(std::move(gold_any), std::move(any), mode);
}

void score_events(const std::vector<GoldEvent>& gold, const std::vector<Event>& events,
                  EventScores& scores) {
  auto score = [&](Prf& prf, const std::function<bool(const Event&, const GoldEvent&)>& match) {
    size_t matched = max_matching(events.size(), gold.size(),
                                  [&](size_t p, size_t g) { return match(events[p], gold[g]); });
    prf.tp += matched;
    prf.fp += events.size() - matched;
    prf.fn += gold.size() - matched;
  };
  auto root_of = [](const std::string& code) { return code.substr(0, 2); };
  score(scores.root,
        [&](const Event& p, const GoldEvent& g) { return root_of(p.cameo) == root_of(g.cameo); });
  score(scores.root_actors, [&](const Event& p, const GoldEvent& g) {
    return root_of(p.cameo) == root_of(g.cameo) && actor_agrees(g.source, p.source) &&
           actor_agrees(g.target, p.target);
  });
  score(scores.code_actors, [&](const Event& p, const GoldEvent& g) {
    return p.cameo == g.cameo && actor_agrees(g.source, p.source) &&
           actor_agrees(g.target, p.target);
  });
}

EvalResult evaluate(const GoldSet& gold, const std::vector<std::vector<Event>>& predicted,
                    std::vector<SentenceOutcome>* outcomes) {
  EvalResult r;
  r.format = gold.format;
  r.has_classes = gold.has_classes;
  r.has_spans = gold.has_spans;
  r.has_events = gold.has_events;
  static const std::vector<Event> kNone;
  if (outcomes) outcomes->assign(gold.sentences.size(), SentenceOutcome{});
  for (size_t i = 0; i < gold.sentences.size(); ++i) {
    const GoldSentence& s = gold.sentences[i];
    const std::vector<Event>& events = i < predicted.size() ? predicted[i] : kNone;
    int strict = strict_class(events);
    int lenient = lenient_class(events, s.gold_class);
    if (outcomes)
      (*outcomes)[i] = SentenceOutcome{strict, lenient, static_cast<int>(events.size())};
    bool negative = gold.format == GoldFormat::kJsonLines && s.gold_class < 0 && s.events.empty();
    if (negative) {
      ++r.negatives;
      if (!events.empty()) ++r.negatives_with_events;
    } else {
      ++r.sentences;
      r.events += events.size();
      if (strict >= 0) ++r.covered;
      for (const auto& e : events)
        if (cameo_class(e.cameo) < 0) ++r.events_outside_cameo;
    }
    if (s.gold_class >= 0) {
      r.strict.add(s.gold_class, strict);
      r.lenient.add(s.gold_class, lenient);
    }
    if (gold.has_spans) {
      for (const auto& span : s.spans) {
        if (span.role == Role::kSource) ++r.gold_source_spans;
        if (span.role == Role::kTarget) ++r.gold_target_spans;
        if (span.role == Role::kReciprocal) ++r.gold_reciprocal_spans;
      }
      for (auto choice : {EventChoice::kEarliest, EventChoice::kAll, EventChoice::kEarliestRecord})
        for (auto mode : {SpanMatch::kOverlap, SpanMatch::kExact})
          score_spans(s.spans, events, choice, mode,
                      r.spans[static_cast<size_t>(choice)][static_cast<size_t>(mode)]);
    }
    if (gold.has_events) score_events(s.events, events, r.event_scores);
  }
  return r;
}

}  // namespace dyad::eval
