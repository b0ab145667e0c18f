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
