// Readers for TABARI 0.8 dictionary files (.actors, .agents, .verbs), which are also dyad's own
// knowledge format (see docs/knowledge.md). Errors throw dyad::Error "FILE:LINE: reason".
#pragma once

#include <string>
#include <string_view>

#include "lexicon/dictionary.h"

namespace dyad::lexicon {

enum class DictionaryKind { kActors, kAgents, kVerbs, kUnknown };

// Guesses the kind from the file name (".actors", ".agents", ".verbs", also "actors"/"agents"/
// "verbs" anywhere in the name, case-insensitively).
DictionaryKind kind_from_name(std::string_view file_name);

// Parses `content` (the bytes of `file_name`) into `out`. `file_name` is used in messages.
void read_tabari(std::string_view file_name, std::string_view content, DictionaryKind kind,
                 Dictionary& out);

// Parses one verb pattern line body (after the leading '-'), e.g. "* WITH + [040:040]".
// Exposed for tests. Throws dyad::Error with `where` in the message on malformed input.
// `time_codes`: the pattern belongs to a <TIME> entry, whose codes may be day shifts ("+8").
VerbPattern parse_verb_pattern(std::string_view body, const std::string& where,
                               bool time_codes = false);

// Parses "[CODE]", "[CODE yymmdd-yymmdd]", "[CODE <date]", "[CODE >date]" (one block, without
// the brackets). Exposed for tests.
DatedCode parse_code_block(std::string_view block, const std::string& where);

}  // namespace dyad::lexicon
