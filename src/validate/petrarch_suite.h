// PETRARCH compatibility: the XML validation suite (PETR.UnitTest.records.xml) behind
// `dyad validate FILE.xml`.
//
// The file holds an <Environment> (the dictionaries, relative to the XML's folder, an <Include>
// list of record categories and <Config option=... value=...> switches), then <Sentences>: each
// <Sentence date id category sentence> has <EventCoding sourcecode targetcode eventcode> lines
// (or noevents="True", or error="..."), the raw <Text> and a <Parse> that dyad never reads.
// <Config> elements between sentences change the options from then on.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::validate {

struct PetrarchExpected {
  std::string source, target, code;
};

using PetrarchConfig = std::vector<std::pair<std::string, std::string>>;  // option, value

struct PetrarchEnvironment {
  std::vector<std::string> verbs, actors, agents, discards, issues;  // resolved paths
  std::vector<std::string> dictionaries() const;                     // all of them, in that order
};

struct PetrarchRecord {
  std::string id, date, category;  // date as written (YYYYMMDD)
  bool sentence = true;            // sentence="false": a story, split into sentences
  std::string text;                // <Text>, entities decoded, white space collapsed
  std::vector<PetrarchExpected> expected;
  std::string error;       // error="..." (dateline, bad_input_parse, storydiscard, sentencediscard)
  PetrarchConfig config;   // <Config> settings that precede the record, in order
  size_t environment = 0;  // index into PetrarchSuite::environments
  uint32_t line = 0;       // of the <Sentence> tag
};

struct PetrarchSuite {
  std::string path;
  std::vector<PetrarchEnvironment> environments;  // one per <Environment> element
  std::vector<std::string> include;               // <Include> categories; empty = all
  PetrarchConfig config;                          // <Config> inside <Environment>
  std::vector<PetrarchRecord> records;
};

// Parses a suite held in `xml`; `path` names it in messages and anchors relative dictionary
// paths. Throws dyad::Error "FILE:LINE: reason" for malformed XML or a record without <Text>.
PetrarchSuite parse_petrarch_suite(std::string_view xml, const std::string& path);
PetrarchSuite read_petrarch_suite(const std::string& path);

// The options a PETRARCH run starts from: one sentence per record, no minimum length, TABARI's
// clause rules (dyad_rules off), agents alone coded, PETRARCH's comma defaults.
CodingOptions petrarch_coding_options();

// Applies one <Config> option (require_dyad, comma_min ... comma_emax; new_actor_length and the
// display options are accepted and ignored). Returns false with *why for a malformed value.
bool apply_petrarch_config(const std::string& option, const std::string& value,
                           CodingOptions& options, std::string* why);

struct PetrarchSummary {
  int records = 0;  // parsed
  int passed = 0, failed = 0, skipped = 0;
};

struct PetrarchRunOptions {
  bool verbose = false;  // print every record
  std::string only;      // just the records with this id ("" = all)
  // Skip records whose category is not in the file's <Include> (as PETRARCH does). Off by
  // default: every record's expectation is written in the file, so every record is run.
  bool honour_include = false;
};

// Runs the suite, printing each mismatch to `report`, the records skipped (categories outside
// <Include> when honoured, parse errors dyad cannot see), the share of all records that passed,
// and the closing line "N passed, N failed" (", N skipped" when some were). Models are compiled
// once per dictionary set.
PetrarchSummary run_petrarch_suite(const std::string& xml_path, FILE* report,
                                   const PetrarchRunOptions& run = {});
PetrarchSummary run_petrarch_suite(const PetrarchSuite& suite, const CodingOptions& start,
                                   FILE* report, const PetrarchRunOptions& run = {});

}  // namespace dyad::validate
