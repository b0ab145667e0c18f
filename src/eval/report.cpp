// `dyad eval` reports (figures defined in metrics.h and docs/accuracy.md).
#include "eval/report.h"

#include <fmt/format.h>

#include <iterator>
#include <map>

#include "output/writers.h"

namespace dyad::eval {
namespace {

constexpr const char* kShortClass[kClasses] = {"0 statement", "1 verbal coop", "2 material coop",
                                               "3 verbal conflict", "4 material conflict"};

std::string pct(double v) {
  return fmt::format("{:.1f}%", 100.0 * v);
}

std::map<std::string, uint64_t> quirk_counts(const GoldSet& gold) {
  std::map<std::string, uint64_t> counts;
  for (const auto& q : gold.quirks) ++counts[q.kind];
  return counts;
}

uint64_t predicted_count(const ClassScores& s, int c) {
  uint64_t n = 0;
  for (int g = 0; g < kClasses; ++g) n += s.confusion[g][c];
  return n;
}

uint64_t gold_count(const ClassScores& s, int c) {
  uint64_t n = 0;
  for (uint64_t v : s.confusion[c]) n += v;
  return n;
}

void table_classes(const char* name, const ClassScores& s, std::string& out) {
  auto o = std::back_inserter(out);
  fmt::format_to(o, "\n{} per class            P        R       F1    gold    pred\n", name);
  for (int c = 0; c < kClasses; ++c) {
    Prf p = s.per_class(c);
    fmt::format_to(o, "  {:<20} {:>7} {:>7} {:>7} {:>7} {:>7}\n", kShortClass[c],
                   pct(p.precision()), pct(p.recall()), pct(p.f1()), gold_count(s, c),
                   predicted_count(s, c));
  }
  fmt::format_to(o, "  {:<20} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "macro", "", "", pct(s.macro_f1()),
                 s.sentences(), s.covered());
  fmt::format_to(o, "\n{} confusion (rows gold, columns predicted)\n", name);
  fmt::format_to(o, "  {:<20} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n", "", "0", "1", "2", "3", "4",
                 "none");
  for (int g = 0; g < kClasses; ++g) {
    fmt::format_to(o, "  {:<20}", kShortClass[g]);
    for (uint64_t v : s.confusion[g]) fmt::format_to(o, " {:>6}", v);
    out += '\n';
  }
}

void json_prf(const Prf& p, std::string& out) {
  fmt::format_to(std::back_inserter(out),
                 "{{\"precision\":{:.4f},\"recall\":{:.4f},\"f1\":{:.4f},\"tp\":{},\"fp\":{},"
                 "\"fn\":{}}}",
                 p.precision(), p.recall(), p.f1(), p.tp, p.fp, p.fn);
}

void json_classes(const ClassScores& s, std::string& out) {
  auto o = std::back_inserter(out);
  fmt::format_to(o,
                 "{{\"sentences\":{},\"covered\":{},\"correct\":{},\"accuracy\":{:.4f},"
                 "\"covered_accuracy\":{:.4f},\"macro_f1\":{:.4f},\"per_class\":[",
                 s.sentences(), s.covered(), s.correct(), s.accuracy(), s.covered_accuracy(),
                 s.macro_f1());
  for (int c = 0; c < kClasses; ++c) {
    if (c) out += ',';
    fmt::format_to(o, "{{\"class\":{},\"name\":\"{}\",\"gold\":{},\"predicted\":{},\"scores\":", c,
                   class_name(c), gold_count(s, c), predicted_count(s, c));
    json_prf(s.per_class(c), out);
    out += '}';
  }
  out += "],\"confusion_columns\":[\"0\",\"1\",\"2\",\"3\",\"4\",\"none\"],\"confusion\":[";
  for (int g = 0; g < kClasses; ++g) {
    if (g) out += ',';
    out += '[';
    for (int c = 0; c <= kNoEvent; ++c) fmt::format_to(o, "{}{}", c ? "," : "", s.confusion[g][c]);
    out += ']';
  }
  out += "]}";
}

void json_spans(const SpanScores& s, std::string& out) {
  out += "{\"source\":";
  json_prf(s.source, out);
  out += ",\"target\":";
  json_prf(s.target, out);
  out += ",\"any\":";
  json_prf(s.any, out);
  out += '}';
}

}  // namespace

std::string format_table(const GoldSet& gold, const EvalResult& r, const ReportContext& ctx) {
  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o, "gold         {} ({})\n", ctx.gold_path, gold_format_name(gold.format));
  fmt::format_to(o, "sentences    {} ({} lines skipped, {} repaired)\n", gold.sentences.size(),
                 gold.skipped_lines(), gold.repaired_lines());
  for (const auto& [kind, n] : quirk_counts(gold)) fmt::format_to(o, "  {:>5}  {}\n", n, kind);
  fmt::format_to(o, "predictions  {}\n", ctx.predictions);
  if (ctx.invalid_event_lines || ctx.unknown_doc_events)
    fmt::format_to(o, "  {} event lines unreadable, {} events for no gold sentence (ignored)\n",
                   ctx.invalid_event_lines, ctx.unknown_doc_events);
  fmt::format_to(o, "events       {} on {} sentences ({} outside CAMEO)\n", r.events, r.sentences,
                 r.events_outside_cameo);
  fmt::format_to(o, "coverage     {} ({} of {} sentences have an event)\n", pct(r.coverage()),
                 r.covered, r.sentences);
  if (r.negatives)
    fmt::format_to(o, "negatives    {} sentences without gold events, {} with an event\n",
                   r.negatives, r.negatives_with_events);

  if (r.has_classes && r.strict.sentences()) {
    fmt::format_to(o, "\nclasses ({} sentences)        strict  lenient\n", r.strict.sentences());
    fmt::format_to(o, "  {:<26} {:>7} {:>8}\n", "accuracy", pct(r.strict.accuracy()),
                   pct(r.lenient.accuracy()));
    fmt::format_to(o, "  {:<26} {:>7} {:>8}\n", "accuracy on covered",
                   pct(r.strict.covered_accuracy()), pct(r.lenient.covered_accuracy()));
    fmt::format_to(o, "  {:<26} {:>7} {:>8}\n", "macro-F1", pct(r.strict.macro_f1()),
                   pct(r.lenient.macro_f1()));
    table_classes("strict", r.strict, out);
    table_classes("lenient", r.lenient, out);
  }

  if (r.has_spans) {
    fmt::format_to(o,
                   "\nspans (gold: {} source, {} target, {} reciprocal; a reciprocal span is gold "
                   "for both roles)\n",
                   r.gold_source_spans, r.gold_target_spans, r.gold_reciprocal_spans);
    fmt::format_to(o, "  {:<16} {:>24}    {:>24}    {:>24}\n", "", "earliest event (strict)",
                   "all events (lenient)", "earliest record only");
    fmt::format_to(o, "  {:<16} {:>7} {:>7} {:>7}     {:>7} {:>7} {:>7}     {:>7} {:>7} {:>7}\n",
                   "", "P", "R", "F1", "P", "R", "F1", "P", "R", "F1");
    const char* roles[] = {"source", "target", "any"};
    for (int role = 0; role < 3; ++role) {
      for (auto mode : {SpanMatch::kOverlap, SpanMatch::kExact}) {
        auto row = [&](EventChoice choice) {
          const SpanScores& s = r.spans[static_cast<size_t>(choice)][static_cast<size_t>(mode)];
          return role == 0 ? s.source : role == 1 ? s.target : s.any;
        };
        Prf a = row(EventChoice::kEarliest), b = row(EventChoice::kAll),
            c = row(EventChoice::kEarliestRecord);
        fmt::format_to(o,
                       "  {:<6} {:<9} {:>7} {:>7} {:>7}     {:>7} {:>7} {:>7}     {:>7} {:>7} "
                       "{:>7}\n",
                       roles[role], mode == SpanMatch::kOverlap ? "overlap" : "exact",
                       pct(a.precision()), pct(a.recall()), pct(a.f1()), pct(b.precision()),
                       pct(b.recall()), pct(b.f1()), pct(c.precision()), pct(c.recall()),
                       pct(c.f1()));
      }
    }
  }

  if (r.has_events) {
    const EventScores& e = r.event_scores;
    fmt::format_to(o, "\nevents (gold {}, predicted {})      P        R       F1\n",
                   e.root.tp + e.root.fn, e.root.tp + e.root.fp);
    auto row = [&](const char* name, const Prf& p) {
      fmt::format_to(o, "  {:<28} {:>7} {:>7} {:>7}\n", name, pct(p.precision()), pct(p.recall()),
                     pct(p.f1()));
    };
    row("root", e.root);
    row("root+actors", e.root_actors);
    row("code+actors", e.code_actors);
  }
  return out;
}

std::string format_json(const GoldSet& gold, const EvalResult& r, const ReportContext& ctx) {
  std::string out;
  auto o = std::back_inserter(out);
  out += "{\"gold\":{\"path\":";
  output::append_json_string(ctx.gold_path, out);
  fmt::format_to(o,
                 ",\"format\":\"{}\",\"sentences\":{},\"skipped_lines\":{},\"repaired_lines\":{}",
                 gold_format_name(gold.format), gold.sentences.size(), gold.skipped_lines(),
                 gold.repaired_lines());
  out += ",\"quirks\":{";
  bool first = true;
  for (const auto& [kind, n] : quirk_counts(gold)) {
    if (!first) out += ',';
    first = false;
    output::append_json_string(kind, out);
    fmt::format_to(o, ":{}", n);
  }
  out += "}},\"predictions\":{\"how\":";
  output::append_json_string(ctx.predictions, out);
  fmt::format_to(o,
                 ",\"events\":{},\"events_outside_cameo\":{},\"invalid_event_lines\":{},"
                 "\"unknown_doc_events\":{}}}",
                 r.events, r.events_outside_cameo, ctx.invalid_event_lines, ctx.unknown_doc_events);
  fmt::format_to(o, ",\"coverage\":{{\"sentences\":{},\"covered\":{},\"rate\":{:.4f}}}",
                 r.sentences, r.covered, r.coverage());
  fmt::format_to(o, ",\"negatives\":{{\"sentences\":{},\"with_events\":{}}}", r.negatives,
                 r.negatives_with_events);
  if (r.has_classes) {
    out += ",\"classes\":{\"strict\":";
    json_classes(r.strict, out);
    out += ",\"lenient\":";
    json_classes(r.lenient, out);
    out += '}';
  }
  if (r.has_spans) {
    fmt::format_to(o, ",\"spans\":{{\"gold\":{{\"source\":{},\"target\":{},\"reciprocal\":{}}}",
                   r.gold_source_spans, r.gold_target_spans, r.gold_reciprocal_spans);
    const char* choices[] = {"earliest", "all", "earliest_record"};
    for (size_t c = 0; c < kEventChoices; ++c) {
      fmt::format_to(o, ",\"{}\":{{\"overlap\":", choices[c]);
      json_spans(r.spans[c][static_cast<size_t>(SpanMatch::kOverlap)], out);
      out += ",\"exact\":";
      json_spans(r.spans[c][static_cast<size_t>(SpanMatch::kExact)], out);
      out += '}';
    }
    out += '}';
  }
  if (r.has_events) {
    out += ",\"events\":{\"root\":";
    json_prf(r.event_scores.root, out);
    out += ",\"root_actors\":";
    json_prf(r.event_scores.root_actors, out);
    out += ",\"code_actors\":";
    json_prf(r.event_scores.code_actors, out);
    out += '}';
  }
  out += "}\n";
  return out;
}

std::string format_details(const GoldSet& gold, const std::vector<std::vector<Event>>& predicted,
                           const std::vector<SentenceOutcome>& outcomes) {
  std::string out;
  auto o = std::back_inserter(out);
  auto text_of = [](const std::string& text, uint32_t start, uint32_t end) {
    return start < end && end <= text.size() ? text.substr(start, end - start) : std::string();
  };
  auto actor = [&](const char* key, const std::optional<Actor>& a) {
    fmt::format_to(o, ",\"{}\":", key);
    if (a)
      output::append_json_string(a->code, out);
    else
      out += "null";
    fmt::format_to(o, ",\"{}_text\":", key);
    if (a)
      output::append_json_string(a->span.text, out);
    else
      out += "null";
  };
  auto gold_actor = [&](const char* key, const GoldActor& a, const std::string& text) {
    fmt::format_to(o, ",\"{}\":", key);
    if (!a.judged()) {
      out += "null";
      return;
    }
    out += "{\"code\":";
    output::append_json_string(a.code, out);
    if (a.span) {
      out += ",\"text\":";
      output::append_json_string(text_of(text, a.span->start, a.span->end), out);
    }
    out += '}';
  };
  for (size_t i = 0; i < gold.sentences.size(); ++i) {
    const GoldSentence& s = gold.sentences[i];
    SentenceOutcome outcome = i < outcomes.size() ? outcomes[i] : SentenceOutcome{};
    out += "{\"id\":";
    output::append_json_string(s.id, out);
    fmt::format_to(o, ",\"line\":{},\"text\":", s.line);
    output::append_json_string(s.text, out);
    auto class_json = [](int c) { return c < 0 ? std::string("null") : std::to_string(c); };
    fmt::format_to(o, ",\"gold\":{},\"strict\":{},\"lenient\":{}", class_json(s.gold_class),
                   class_json(outcome.strict), class_json(outcome.lenient));
    out += ",\"events\":[";
    if (i < predicted.size()) {
      bool first = true;
      for (const Event& e : predicted[i]) {
        out += first ? "{\"cameo\":" : ",{\"cameo\":";
        first = false;
        output::append_json_string(e.cameo, out);
        actor("source", e.source);
        actor("target", e.target);
        out += ",\"action\":";
        output::append_json_string(e.action.text, out);
        fmt::format_to(o, ",\"action_start\":{}}}", e.action.start);
      }
    }
    out += ']';
    if (gold.has_spans) {
      out += ",\"spans\":[";
      for (size_t k = 0; k < s.spans.size(); ++k) {
        const GoldSpan& g = s.spans[k];
        const char* role = g.role == Role::kSource   ? "source"
                           : g.role == Role::kTarget ? "target"
                                                     : "reciprocal";
        fmt::format_to(o, "{}{{\"role\":\"{}\",\"start\":{},\"end\":{},\"text\":", k ? "," : "",
                       role, g.start, g.end);
        output::append_json_string(text_of(s.text, g.start, g.end), out);
        out += '}';
      }
      out += ']';
    }
    if (gold.has_events) {
      out += ",\"gold_events\":[";
      for (size_t k = 0; k < s.events.size(); ++k) {
        out += k ? ",{\"cameo\":" : "{\"cameo\":";
        output::append_json_string(s.events[k].cameo, out);
        gold_actor("source", s.events[k].source, s.text);
        gold_actor("target", s.events[k].target, s.text);
        out += '}';
      }
      out += ']';
    }
    out += "}\n";
  }
  return out;
}

}  // namespace dyad::eval
