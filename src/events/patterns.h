// Events stage: matching one verb's patterns around its position in a sentence.
//
// A pattern "WORDS_BEFORE * WORDS_AFTER" matches when the elements before '*' are found, in
// order and right to left, before the verb, and those after it left to right after the verb.
// Intermediate words are skipped unless an element is joined ('_') to its neighbour; matching
// never crosses a comma or a conjunction that is not inside an actor mention. '$' and '+' bind
// actor mentions (source and target); '^' skips one mention or word.
//
// Cost: backtracking, bounded by sentence length times pattern length; patterns are short.
#pragma once

#include <cstdint>

#include "actors/mentions.h"
#include "lexicon/model.h"
#include "text/text.h"

namespace dyad::events {

struct PatternMatch {
  int source = -1;                           // mention index bound by '$' or '%', -1 when none
  int target = -1;                           // mention index bound by '+'
  uint32_t first_token = 0, last_token = 0;  // extent of the matched words, verb included
  int shortfall = 0;     // characters by which the matched alternatives fall short of the longest
  uint64_t skipped = 0;  // bit i: mention i was passed over by '^' (not a default actor then)
};

struct SentenceIndex;

struct SentenceView {
  const text::TokenBuffer& tokens;
  const actors::SentenceScratch& scratch;
  // PETRARCH: conjunctions marked here join words of one phrase and bound nothing; '^' may
  // pass over a word that is no actor ("* THEIR ^ ABOUT +" in "warned their populations about").
  const std::vector<bool>* phrase_conjunction = nullptr;
  bool skip_words = false;
  // CodingOptions::loose_synset_join (TABARI, SYNSET-22h: "really did not even ever" matches
  // &NEG_EVER through the member REALLY_DID_NOT).
  bool loose_synset_join = false;
  // Optional: where alternatives can start and end and where clauses stop, filled on first use
  // for this very view (call SentenceIndex::clear for each new sentence or view). Matching then
  // jumps over tokens where nothing can happen; the result is the same without it.
  SentenceIndex* index = nullptr;
  // Optional: a 4096-bit filter of the sentence's word ids (bit id % 4096 set for every id a
  // token has; other bits may be set too). A { | } or synset alternative with a word whose bit
  // is clear cannot match and is not scanned for. The result is the same without it.
  const uint64_t* word_filter = nullptr;
  bool may_have(lexicon::WordId id) const {
    return word_filter == nullptr || (word_filter[id / 64 % 64] >> (id % 64) & 1) != 0;
  }
  // Optional, used with `index`: word_span(word_span_context, id, &first, &last) gives the first
  // and last token that have word `id`, false when no token has it; it may also return true with
  // a wider range (0 and the last token) when it cannot tell. A literal word of a pattern is then
  // looked for only there. The result is the same without it.
  using WordSpanFn = bool (*)(const void* context, lexicon::WordId id, uint32_t* first,
                              uint32_t* last);
  WordSpanFn word_span = nullptr;
  const void* word_span_context = nullptr;
};

// Per-sentence jump tables for match_pattern: the matcher goes from one token that can start
// (or end) a { | } or synset alternative to the next instead of looking at every token in
// between. Each direction's tables are built when a pattern first needs them.
class SentenceIndex {
 public:
  void clear() { forward_ready_ = backward_ready_ = false; }
  // next_stop[p]: the first token q >= p that is a clause boundary outside any mention, n when
  // none. next_start[p]: the first q >= p flagged WordTable::kStartsAlternative, n when none.
  // Both have n + 1 entries.
  const std::vector<uint32_t>& next_stop(const SentenceView& s) {
    if (!forward_ready_) build_forward(s);
    return next_stop_;
  }
  const std::vector<uint32_t>& next_start(const SentenceView& s) {
    if (!forward_ready_) build_forward(s);
    return next_start_;
  }
  // prev_stop[p]: the last boundary q <= p outside any mention, -1 when none. prev_end[p]: the
  // last q <= p flagged kEndsAlternative, -1 when none. n entries each.
  const std::vector<int32_t>& prev_stop(const SentenceView& s) {
    if (!backward_ready_) build_backward(s);
    return prev_stop_;
  }
  const std::vector<int32_t>& prev_end(const SentenceView& s) {
    if (!backward_ready_) build_backward(s);
    return prev_end_;
  }

 private:
  void build_forward(const SentenceView& s);
  void build_backward(const SentenceView& s);
  bool forward_ready_ = false, backward_ready_ = false;
  std::vector<uint32_t> next_stop_, next_start_;
  std::vector<int32_t> prev_stop_, prev_end_;
};

bool match_pattern(const lexicon::CompiledPattern& pattern, const SentenceView& sentence,
                   uint32_t verb_first, uint32_t verb_last, PatternMatch* match);

// True when token i ends the span that patterns and default actors may reach (a comma, a
// conjunction or a sentence-final mark outside any mention).
// Computed once per sentence by actors::match_words (a hot test inside pattern matching).
inline bool is_clause_boundary(const SentenceView& sentence, uint32_t i) {
  if (sentence.scratch.clause_boundary[i] == 0) return false;
  // A conjunction joining two plain words (PETRARCH rules) does not divide the clause.
  return sentence.phrase_conjunction == nullptr ||
         sentence.tokens.tokens[i].kind != text::TokenKind::kWord ||
         i >= sentence.phrase_conjunction->size() || !(*sentence.phrase_conjunction)[i];
}

}  // namespace dyad::events
