// `dyad eval` reports: a human-readable table and a JSON object with the same figures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "eval/metrics.h"

namespace dyad::eval {

struct ReportContext {
  std::string gold_path;
  std::string predictions;  // how the events were obtained, e.g. "coded: default knowledge ..."
  uint64_t invalid_event_lines = 0;  // EVENTS lines that were not dyad events
  uint64_t unknown_doc_events = 0;   // EVENTS whose doc_id names no gold sentence
};

// Fixed-width text, one section per kind of figure the gold supports.
std::string format_table(const GoldSet& gold, const EvalResult& result, const ReportContext& ctx);

// One JSON object (with a trailing newline); rates are fractions in [0, 1].
std::string format_json(const GoldSet& gold, const EvalResult& result, const ReportContext& ctx);

// One JSON line per gold sentence for error analysis: {"id","line","text","gold","strict",
// "lenient","events":[{"cameo","source","source_text","target","target_text","action"}]} plus
// "spans":[{"role","text"}] for CoNLL gold and "gold_events" for JSON Lines gold.
std::string format_details(const GoldSet& gold, const std::vector<std::vector<Event>>& predicted,
                           const std::vector<SentenceOutcome>& outcomes);

}  // namespace dyad::eval
