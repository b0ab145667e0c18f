// The compiled, immutable lexicon model shared by every Coder thread.
//
// All dictionary words are interned into ids. A sentence's tokens are matched once against the
// word table (exact words by hash lookup, stems by looking up each prefix of the token), giving
// every token a short list of word ids; phrase tries (actors, agents, verbs) and verb patterns
// then work on ids only, so the hot loop does no string comparison and no allocation.
//
// Thread-safety: immutable after compile(); all methods are const and safe to call concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/dyad.h"
#include "lexicon/dictionary.h"

namespace dyad::lexicon {

using WordId = uint32_t;
constexpr WordId kNoWord = UINT32_MAX;

// Transparent hashing so lookups by string_view do not allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringMap = std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>>;

class WordTable {
 public:
  WordId intern(const Word& word);
  // Appends the ids of every dictionary word `key` matches (its exact word and all stems that
  // are prefixes of it, including the whole key as a stem).
  void match(std::string_view key, std::vector<WordId>& out) const;
  size_t size() const { return count_; }

 private:
  void finish_stems(std::string_view key, std::vector<WordId>& out) const;
  StringMap exact_, endings_, stems_;
  size_t min_stem_ = SIZE_MAX, max_stem_ = 0;
  uint32_t count_ = 0;
};

// A trie over word ids. Node 0 is the root. Payloads are indices into an owner's table.
class PhraseTrie {
 public:
  PhraseTrie() : payloads_(1) {}
  void insert(const std::vector<WordId>& words, uint32_t payload);
  // Child of `node` by `word`, or 0 when none (0 is the root, never a child).
  uint32_t child(uint32_t node, WordId word) const {
    auto it = edges_.find((static_cast<uint64_t>(node) << 32) | word);
    return it == edges_.end() ? 0 : it->second;
  }
  const std::vector<uint32_t>& payloads(uint32_t node) const { return payloads_[node]; }
  size_t nodes() const { return payloads_.size(); }

 private:
  std::unordered_map<uint64_t, uint32_t> edges_;
  std::vector<std::vector<uint32_t>> payloads_;
};

// A phrase inside a pattern ({A | B C}, a synset member): words in order; a word joined to the
// next ('_') must be followed immediately, otherwise words may lie between.
struct CompiledPhrase {
  std::vector<WordId> words;
  std::vector<bool> joined;  // joined[i]: words[i + 1] follows words[i] immediately
  // slots[i]: words[i] is an actor token of a synset member ("PESO_$"), not a word:
  // kWord, or kSource ($), kTarget (+), kCompound (%).
  std::vector<ElementKind> slots;
  int length = 0;  // written length in characters (pattern ordering)
};

struct CompiledElement {
  ElementKind kind;
  bool joined_to_next;
  WordId word = kNoWord;                     // kWord
  std::vector<CompiledPhrase> alternatives;  // kAlternatives and kSynset (expanded)
  int longest = 0;                           // length of the longest alternative
};

struct CompiledPattern {
  std::vector<CompiledElement> before, after;
  EventCode code;
  bool verb_joined_to_next = false;
  int specificity = 0;            // TABARI's length in characters; longer patterns go first
  bool has_alternatives = false;  // its matched length may be shorter than `specificity`
  // Literal words the pattern cannot match without: a sentence lacking one skips the pattern
  // before any matching is tried (most of a verb's patterns, in practice).
  std::vector<WordId> required;
  SourceLine where;
};

struct CompiledVerb {
  EventCode code;
  std::vector<CompiledPattern> patterns;  // most specific first
  // A headword of several words not all joined ("DEATH TOLL RISEN"): the verb trie holds the
  // joined prefix, and the rest must follow in the clause like a pattern's words.
  bool has_continuation = false;
  CompiledPattern continuation;
  uint32_t headword_words = 1;
  uint32_t headword_chars = 0;  // letters in the headword: ATTACKED is tried before ATTACK
  SourceLine where;
};

struct EventCodeInfo {
  std::string label;
  double goldstein = 0.0;
  int quad_class = 0;
  std::string plover;
};

// An actor phrase written with blanks between some words ("ITHILEN TELEVISION"): other words may
// stand between them. The joined prefix is in Model::Impl::actor_gap_trie.
struct GappedActor {
  CompiledPattern continuation;  // the words after the prefix
  uint32_t codes = 0;            // index into Model::Impl::actor_codes
  uint32_t words = 0;            // words in the whole phrase
};

struct Place {
  std::string name;
  std::string country;
  double lat = 0, lon = 0;
  std::string kind;
};

struct AgentInfo {
  std::string code;
  bool suffix = true;
};

}  // namespace dyad::lexicon

namespace dyad {

struct Model::Impl {
  lexicon::WordTable words;
  lexicon::PhraseTrie actor_trie, agent_trie, verb_trie, discard_trie, time_trie;
  lexicon::PhraseTrie noun_trie, adjective_trie;  // TABARI <NOUN>/<ADJECTIVE> parsing hints
  std::vector<std::vector<lexicon::DatedCode>> actor_codes;  // payload of actor_trie
  lexicon::PhraseTrie actor_gap_trie;                        // prefixes of gapped phrases
  std::vector<lexicon::GappedActor> actor_gaps;              // payload of actor_gap_trie
  std::vector<lexicon::AgentInfo> agents;                    // payload of agent_trie
  std::vector<lexicon::CompiledVerb> verbs;                  // payload of verb_trie
  std::vector<lexicon::CompiledVerb> times;                  // payload of time_trie
  std::unordered_map<std::string, lexicon::EventCodeInfo> event_codes;
  lexicon::StringMap place_index;  // key_of_phrase(name) -> index into places
  std::vector<lexicon::Place> places;
  std::vector<std::string> files;
  ModelStats stats;

  // Looks up CAMEO information for a code, falling back to its parent codes ("0431" -> "043").
  const lexicon::EventCodeInfo* event_code(std::string_view code) const;
};

namespace lexicon {
// Compiles dictionaries (already read) into `impl`. Exposed for tests.
void compile_dictionary(const Dictionary& dict, Model::Impl& impl);
}  // namespace lexicon

}  // namespace dyad
