// Predicted events for `dyad eval GOLD EVENTS`: dyad's JSON Lines event output read back and
// grouped by gold sentence (an event belongs to the gold sentence whose id is its doc_id).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dyad.h"
#include "eval/gold.h"

namespace dyad::eval {

struct PredictionLoad {
  uint64_t events = 0;                  // events assigned to a gold sentence
  uint64_t unknown_doc_events = 0;      // events whose doc_id names no gold sentence
  std::vector<uint64_t> invalid_lines;  // 1-based lines that are not a dyad event
};

// Parses one dyad event (docs/formats.md): doc_id, sentence_index, cameo, root, quad_class,
// source/target {code, country, sector, text, start, end} or null, action {text, start, end}.
// Only doc_id and cameo are required. False when `line` is not such an object.
bool parse_event_json(std::string_view line, Event* event);

// Reads JSON Lines events from `bytes`; out[i] receives the events of gold.sentences[i] in file
// order. Blank lines are ignored.
PredictionLoad read_events_jsonl(std::string_view bytes, const GoldSet& gold,
                                 std::vector<std::vector<Event>>& out);

// The gold sentences as dyad JSON Lines input {"id","date","text"}, one per line, so that
// `dyad code` on it gives an EVENTS file for `dyad eval GOLD EVENTS`. A sentence without a date
// gets `default_date`.
std::string gold_as_corpus(const GoldSet& gold, const std::string& default_date);

}  // namespace dyad::eval
