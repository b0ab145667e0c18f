// Output stage: events as JSON Lines (the contract in docs/formats.md) or tab-separated values
// with a header line. Writers append to a caller-owned std::string so a thread can format a
// batch without locking and the caller writes whole batches in input order.
#pragma once

#include <string>
#include <string_view>

#include "dyad/dyad.h"

namespace dyad::output {

enum class Format { kJsonLines, kTsv };

// Parses "jsonl"/"json" or "tsv"; false for anything else.
bool parse_format(std::string_view name, Format* out);

// The TSV header line (with trailing newline); empty for JSON Lines.
std::string header(Format format);

void append_event(Format format, const Event& event, std::string& out);

// JSON string escaping (quotes included), valid for any UTF-8 input.
void append_json_string(std::string_view s, std::string& out);

}  // namespace dyad::output
