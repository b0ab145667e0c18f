// Gold standards for `dyad eval`: human-coded sentences read into one shape, whatever the file.
//
// Three formats (see docs/accuracy.md):
//   class TSV    `sentence TAB class`, class 0-4 (ConfliBERT's five event classes);
//   spans CoNLL  one `token tag` line per token (B-S/I-S source, B-T/I-T target, B-R/I-R an
//                actor of a reciprocal event, O), a blank line between sentences; the sentence
//                text is the tokens joined with single spaces and spans are byte offsets in it;
//   JSON Lines   {"id", "text", "date", "class", "events": [{"source", "target", "cameo"}]}.
// Every reader is total: a malformed line is skipped or repaired and recorded as a Quirk with
// its 1-based line, never an exception. Sentence ids are the 1-based line number of the
// sentence (its first token's line for CoNLL) unless a JSON line gives its own "id".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::eval {

enum class GoldFormat { kClassTsv, kSpansConll, kJsonLines };

// "class TSV", "spans CoNLL", "JSON Lines".
const char* gold_format_name(GoldFormat format);

// Parses "tsv", "conll" or "jsonl"/"json"; false for anything else.
bool parse_gold_format(std::string_view name, GoldFormat* out);

// The format of `path` by its extension (.tsv; .conll/.bio/.iob; .jsonl/.json/.ndjson), else by
// the first non-blank line of `head`: '{' is JSON Lines, a last tab-separated field of one digit
// (or empty) is a class TSV, a last field that is O or a B-/I- tag is CoNLL. Defaults to TSV.
GoldFormat detect_gold_format(std::string_view path, std::string_view head);

enum class Role { kSource, kTarget, kReciprocal };

// A gold actor span: byte offsets [start, end) into the sentence text.
struct GoldSpan {
  Role role = Role::kSource;
  uint32_t start = 0, end = 0;
};

// A gold actor of a JSON Lines event: an actor code, a span, or both. Neither = not judged.
struct GoldActor {
  std::string code;
  std::optional<GoldSpan> span;
  bool judged() const { return !code.empty() || span.has_value(); }
};

struct GoldEvent {
  std::string cameo;  // e.g. "043"; its first two digits are the root
  GoldActor source, target;
};

struct GoldSentence {
  std::string id;
  uint64_t line = 0;              // 1-based line of the sentence in the gold file
  std::string text;               // valid UTF-8, never empty
  std::string date;               // YYYY-MM-DD from a JSON line, else ""
  int gold_class = -1;            // 0-4, or -1 when the sentence has no class
  std::vector<GoldSpan> spans;    // CoNLL
  std::vector<GoldEvent> events;  // JSON Lines
};

// A line the reader skipped or repaired.
struct Quirk {
  uint64_t line = 0;
  std::string kind;      // short and stable, e.g. "empty class", "quoted sentence"
  bool skipped = false;  // true: no sentence came from the line; false: repaired and kept
};

struct GoldSet {
  GoldFormat format = GoldFormat::kClassTsv;
  std::vector<GoldSentence> sentences;
  std::vector<Quirk> quirks;
  bool has_classes = false;  // TSV, or a JSON Lines file with classes or events
  bool has_spans = false;    // CoNLL
  bool has_events = false;   // JSON Lines with "events"

  size_t skipped_lines() const;
  size_t repaired_lines() const;
};

// The class of a CAMEO root ("01".."20", or a longer code whose first two digits are used):
// 0 statement = 01-02, 1 verbal cooperation = 03-05, 2 material cooperation = 06-08,
// 3 verbal conflict = 09-13 and 16, 4 material conflict = 14-15 and 17-20; -1 otherwise.
int cameo_class(std::string_view code);

const char* class_name(int gold_class);  // "statement" ... "material conflict"; "none" for -1

GoldSet read_class_tsv(std::string_view bytes);
GoldSet read_spans_conll(std::string_view bytes);
GoldSet read_gold_jsonl(std::string_view bytes);
GoldSet read_gold(std::string_view bytes, GoldFormat format);

// Reads and parses a file. Throws dyad::Error when it cannot be read.
GoldSet read_gold_file(const std::string& path, std::optional<GoldFormat> format = std::nullopt);

}  // namespace dyad::eval
