// Fuzz target: the gold-standard readers of `dyad eval` (class TSV, spans CoNLL, JSON Lines) and
// format detection. The readers are total: no exception at all, and what they return holds its
// invariants (non-empty valid UTF-8 text, classes 0-4 or -1, spans inside the text).
#include <cstdint>
#include <string>
#include <string_view>

#include "eval/gold.h"
#include "fuzz_common.h"

namespace {

using namespace dyad;

void check_set(const eval::GoldSet& set, std::string_view bytes) {
  uint64_t lines = 1;
  for (char c : bytes) lines += c == '\n';
  for (const eval::GoldSentence& s : set.sentences) {
    fuzz::check(!s.text.empty(), "a gold sentence is empty");
    fuzz::check(text::valid_utf8(s.text), "a gold sentence is not valid UTF-8");
    fuzz::check(s.gold_class >= -1 && s.gold_class <= 4, "a gold class is out of range");
    fuzz::check(s.line >= 1 && s.line <= lines, "a gold sentence's line is out of range");
    for (const eval::GoldSpan& span : s.spans)
      fuzz::check(span.start < span.end && span.end <= s.text.size(), "a span is outside its text");
    for (const eval::GoldEvent& e : s.events) {
      for (const eval::GoldActor* a : {&e.source, &e.target})
        if (a->span)
          fuzz::check(a->span->start <= a->span->end && a->span->end <= s.text.size(),
                      "an event actor's span is outside its text");
    }
  }
  for (const eval::Quirk& q : set.quirks)
    fuzz::check(q.line >= 1 && q.line <= lines && !q.kind.empty(), "a quirk is malformed");
  fuzz::check(set.skipped_lines() + set.repaired_lines() <= set.quirks.size(),
              "more quirky lines than quirks");
}

template <typename F>
void total(const char* what, F&& read, std::string_view bytes) {
  try {
    check_set(read(), bytes);
  } catch (const std::exception& e) {
    fuzz::bug(std::string(what) + " threw (gold readers are total): " + e.what());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  total("read_class_tsv", [&] { return eval::read_class_tsv(bytes); }, bytes);
  total("read_spans_conll", [&] { return eval::read_spans_conll(bytes); }, bytes);
  total("read_gold_jsonl", [&] { return eval::read_gold_jsonl(bytes); }, bytes);
  try {
    eval::GoldFormat f = eval::detect_gold_format("gold", bytes);
    eval::read_gold(bytes, f);
    for (const char* name : {"tsv", "conll", "jsonl", "json", "x"}) {
      eval::GoldFormat g;
      eval::parse_gold_format(name, &g);
    }
    std::string code(bytes.substr(0, 6));
    eval::class_name(eval::cameo_class(code));
  } catch (const std::exception& e) {
    fuzz::bug(std::string("gold helpers threw: ") + e.what());
  }
  return 0;
}
