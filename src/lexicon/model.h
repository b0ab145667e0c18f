// The compiled, immutable lexicon model shared by every Coder thread.
//
// All dictionary words are interned into ids. A sentence's tokens are matched once against the
// word table (exact words by hash lookup, stems by looking up each prefix of the token), giving
// every token a short list of word ids; phrase tries (actors, agents, verbs) and verb patterns
// then work on ids only, so the hot loop does no string comparison and no allocation.
//
// Thread-safety: immutable after compile(); all methods are const and safe to call concurrently.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/dyad.h"
#include "lexicon/built_once.h"
#include "lexicon/dictionary.h"
#include "lexicon/flat_tables.h"
#include "lexicon/model_array.h"

namespace dyad::lexicon {

using WordId = uint32_t;
constexpr WordId kNoWord = UINT32_MAX;

// Transparent hashing so lookups by string_view do not allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class WordTable {
 public:
  WordId intern(const Word& word);
  // Appends the ids of every dictionary word `key` matches (its exact word and all stems that
  // are prefixes of it, including the whole key as a stem).
  void match(std::string_view key, std::vector<WordId>& out) const {
    match(key, hash_bytes(key), out);
  }
  // The same, with `hash` = hash_bytes(key) computed by the caller (the exact and ending tables
  // are asked for the key itself under the same hash).
  void match(std::string_view key, uint64_t hash, std::vector<WordId>& out) const;
  size_t size() const { return count_; }

  // Per-word flags the matcher tests before looking further (one byte per word id).
  static constexpr uint8_t kStartsAlternative = 1;   // first word of a { | } or synset phrase
  static constexpr uint8_t kEndsAlternative = 2;     // last word of one
  static constexpr uint8_t kStartsActor = 4;         // first word of an actor phrase
  static constexpr uint8_t kStartsAgent = 8;         // ... of an agent phrase
  static constexpr uint8_t kStartsGappedActor = 16;  // ... of a gapped actor's prefix
  static constexpr uint8_t kStartsVerb = 32;         // ... of a verb's headword or form
  static constexpr uint8_t kContinuesActor = 64;     // a later word of an actor phrase
  static constexpr uint8_t kContinuesAgent = 128;    // ... of an agent phrase
  void add_flags(WordId id, uint8_t flags) {
    if (id >= flags_.size()) flags_.resize(id + 1, 0);
    flags_[id] |= flags;
  }
  uint8_t flags(WordId id) const { return id < flags_.size() ? flags_[id] : 0; }

 private:
  friend struct ModelFileAccess;
  void finish_stems(std::string_view key, std::vector<WordId>& out) const;
  // A one-bit-per-key filter over the stems (derived state: set by intern(), rebuilt when a
  // model is read): finish_stems asks stems_ for every prefix length of a new key, and nearly
  // every prefix is no stem, which the filter tells from a few bytes without a hash.
  static constexpr unsigned kStemFilterBits = 16;
  static size_t stem_filter_bit(std::string_view stem);
  bool stem_filter_has(size_t bit) const { return (stem_filter_[bit >> 6] >> (bit & 63)) & 1; }
  void add_to_stem_filter(std::string_view stem) {
    const size_t bit = stem_filter_bit(stem);
    stem_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  // A bit per pair of first two bytes of every word of two or more bytes, of all three maps
  // (derived state like the stem filter). A key of two or more bytes matches no word longer
  // than one byte unless its first two bytes are some word's (an ending leaves at least two
  // letters of its word): most new keys that match nothing, above all figures ("1,750",
  // "5.93"), fail this test and skip the table lookups, which miss the cache.
  static size_t pair_bit(std::string_view text) {
    return static_cast<unsigned char>(text[0]) | size_t{static_cast<unsigned char>(text[1])} << 8;
  }
  bool pair_filter_has(std::string_view key) const {
    const size_t bit = pair_bit(key);
    return (pair_filter_[bit >> 6] >> (bit & 63)) & 1;
  }
  void add_to_pair_filter(std::string_view text) {
    if (text.size() < 2) return;
    const size_t bit = pair_bit(text);
    pair_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  void rebuild_filters();
  Array<uint8_t> flags_;
  FlatStringMap exact_, endings_, stems_;
  uint64_t min_stem_ = UINT64_MAX, max_stem_ = 0;
  uint32_t count_ = 0;
  std::vector<uint64_t> stem_filter_ = std::vector<uint64_t>((size_t{1} << kStemFilterBits) / 64);
  std::vector<uint64_t> pair_filter_ = std::vector<uint64_t>((size_t{1} << 16) / 64);
};

// A trie over word ids. Node 0 is the root. Payloads are indices into an owner's table; a node
// keeps them in insertion order (the first entry read wins where only one is used).
class PhraseTrie {
 public:
  // A node: its payloads and its children. Walks read the same from the Link on the edge into
  // it and come here only for a payload; building reads and writes both.
  struct Node {
    uint32_t first_payload = UINT32_MAX;  // index in payload_links_ of its first, or kNone
    // One bit per child, child_bit(its word), or-ed. A node has few children, so most words
    // without an edge fail this test and the edge table (megabytes for TABARI's tries, asked
    // for thousands of absent edges per document) is not touched. Stored in model files:
    // rebuilding it from the edges took longer than the lookups it saves.
    uint32_t child_signature = 0;
  };
  void insert(const std::vector<WordId>& words, uint32_t payload);

  // What a walk needs of the node an edge leads to, carried on the edge itself (the root's
  // direct array or the edge table's slot), so that a step does not read the node: its index,
  // whether it has payloads and its child signature. Most walks stop one token below the root,
  // at a node with neither payloads nor the next token's child, and then never touch nodes_
  // (an array of megabytes for TABARI's tries). A default Link is "no edge".
  class Link {
   public:
    Link() = default;
    explicit Link(uint64_t bits) : bits_(bits) {}
    uint32_t node() const { return static_cast<uint32_t>(bits_) & kNodeMask; }
    bool has_payloads() const { return (bits_ >> 31) & 1; }
    uint32_t child_signature() const { return static_cast<uint32_t>(bits_ >> 32); }
    explicit operator bool() const { return node() != 0; }

   private:
    uint64_t bits_ = 0;
  };
  // The edge from the root by `word`, and from the node `from` leads to. The root's children,
  // asked for at every token, are a direct array; deeper edges a flat hash table.
  Link root_link(WordId word) const {
    return Link(word < root_links_.size() ? root_links_[word] : 0);
  }
  Link link_of(Link from, WordId word) const {
    if (!(from.child_signature() & child_bit(word))) return Link();  // most misses stop here
    return Link(edges_.find_both_unfiltered(edge_key(from.node(), word)));
  }

  // Child of `node` by `word`, or 0 when none (0 is the root, never a child), from the nodes'
  // signatures and the edges' node bits, not from the links: the links' simple twin, which the
  // trie and model-file tests walk by (no walk of the coder uses it).
  uint32_t child(uint32_t node, WordId word) const {
    if (node == 0) return root_link(word).node();
    if (!(child_signature(node) & child_bit(word))) return 0;
    return edges_.find_unfiltered(edge_key(node, word), 0) & kNodeMask;
  }
  uint32_t child_signature(uint32_t node) const { return nodes_[node].child_signature; }

  // The payloads of a node, in insertion order: a forward range over a linked list kept in one
  // vector (most nodes have none or one).
  class Payloads {
   public:
    class iterator {
     public:
      iterator(const uint32_t* links, uint32_t at) : links_(links), at_(at) {}
      uint32_t operator*() const { return links_[at_]; }
      iterator& operator++() {
        at_ = links_[at_ + 1];
        return *this;
      }
      bool operator!=(const iterator& other) const { return at_ != other.at_; }

     private:
      const uint32_t* links_;
      uint32_t at_;
    };
    Payloads(const uint32_t* links, uint32_t first) : links_(links), first_(first) {}
    bool empty() const { return first_ == kNone; }
    uint32_t front() const { return links_[first_]; }
    iterator begin() const { return iterator(links_, first_); }
    iterator end() const { return iterator(links_, kNone); }

   private:
    const uint32_t* links_;
    uint32_t first_;
  };
  Payloads payloads(uint32_t node) const {
    return Payloads(payload_links_.data(), nodes_[node].first_payload);
  }
  size_t nodes() const { return nodes_.size(); }
  // The largest payload of any node, or none when the trie has no payloads (every pair in
  // payload_links_ belongs to a node: insert() links each one).
  std::optional<uint32_t> largest_payload() const {
    if (payload_links_.empty()) return std::nullopt;
    uint32_t largest = 0;
    for (size_t l = 0; l < payload_links_.size(); l += 2)
      largest = std::max(largest, payload_links_[l]);
    return largest;
  }
  // Calls fn(word) for every word that starts a phrase.
  template <typename Fn>
  void for_each_first_word(Fn&& fn) const {
    for (WordId w = 0; w < root_links_.size(); ++w)
      if (Link(root_links_[w])) fn(w);
  }
  // Calls fn(word) for the word of every edge below the root (words may repeat).
  template <typename Fn>
  void for_each_later_word(Fn&& fn) const {
    for (const FlatU64Map::Slot& s : edges_.slots())
      if (s.key != FlatU64Map::kEmpty) fn(static_cast<WordId>(s.key & 0xffffffffu));
  }

 private:
  friend struct ModelFileAccess;
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr uint32_t kNodeMask = 0x7fffffffu;  // a Link's node bits; bit 31: payloads
  // root_links_[w]: the Link of the root's child by word w (0 = none). edges_: (node << 32 |
  // word) -> the child's Link, its low half in the slot's value, its signature in the extra.
  Array<uint64_t> root_links_;
  FlatU64Map edges_;
  static uint64_t edge_key(uint32_t node, WordId word) {
    return (static_cast<uint64_t>(node) << 32) | word;
  }
  static uint32_t child_bit(WordId word) { return uint32_t{1} << ((word * 0x9E3779B9u) >> 27); }
  // The Link of `node` as its current state makes it, and the edge (from, word) set to it.
  uint64_t link_bits(uint32_t node) const;
  void set_link(uint32_t from, WordId word, uint32_t node);
  // nodes_[n] for node n. payload_links_ holds pairs (payload, index of the next pair or kNone);
  // last_payload_[n] is node n's tail, for appends: only insert() reads it, so it is not stored
  // in model files (a model read from one is complete), and insert() finds the tails again
  // (find_tails) for a trie that was read.
  Array<Node> nodes_ = {Node{}};
  std::vector<uint32_t> last_payload_ = {kNone};
  void find_tails();
  Array<uint32_t> payload_links_;
};

// A phrase inside a pattern ({A | B C}, a synset member): words in order; a word joined to the
// next ('_') must be followed immediately, otherwise words may lie between.
// (The arrays of the compiled structures below are lexicon::Array: in a model read from a file
// they point into the file's bytes or the model's arena instead of each allocating.)
struct CompiledPhrase {
  Array<WordId> words;
  Array<uint8_t> joined;  // joined[i] != 0: words[i + 1] follows words[i] immediately
  // slots[i]: words[i] is an actor token of a synset member ("PESO_$"), not a word:
  // kWord, or kSource ($), kTarget (+), kCompound (%).
  Array<ElementKind> slots;
  int length = 0;  // written length in characters (pattern ordering)
};

// An alternative of an element by its first or last word (see CompiledElement).
struct AlternativeByWord {
  WordId word;
  uint32_t alternative;  // index into CompiledElement::alternatives
  bool operator<(const AlternativeByWord& o) const {
    return word != o.word ? word < o.word : alternative < o.alternative;
  }
};

// The phrases of a { | } element or of an expanded synset, sorted by first word (matching
// forward) and by last word (backward): a token finds the few alternatives it can start or
// end instead of trying a synset's hundreds. Immutable once built; every pattern naming a
// synset shares one set (a synset is expanded once, and stored once in a model file).
struct AlternativeSet {
  Array<CompiledPhrase> phrases;
  Array<AlternativeByWord> by_first_word, by_last_word;
  // Alternatives whose first / last position is an actor slot ($ + %), ascending: any token
  // may start / end them.
  Array<uint32_t> slot_first, slot_last;
};

// (16 bytes: a model holds about 100,000.)
struct CompiledElement {
  ElementKind kind;
  bool joined_to_next;
  // Length of the longest alternative in characters ({ | } only: a synset weighs nothing),
  // at most INT16_MAX.
  int16_t longest = 0;
  WordId word = kNoWord;  // kWord
  // kAlternatives and kSynset; null for other kinds. Owned by Model::Impl::alternative_sets.
  const AlternativeSet* alternatives = nullptr;
  const Array<CompiledPhrase>& phrases() const {
    static const Array<CompiledPhrase> kNone;
    return alternatives ? alternatives->phrases : kNone;
  }
};

// (Members ordered for size, without padding between them: a model holds tens of thousands.)
struct CompiledPattern {
  Array<CompiledElement> before, after;
  // Literal words the pattern cannot match without: a sentence lacking one skips the pattern
  // before any matching is tried (most of a verb's patterns, in practice).
  Array<WordId> required;
  EventCode code;
  int specificity = 0;           // TABARI's length in characters; longer patterns go first
  uint32_t required_before = 0;  // how many of `required` (the first ones) stand before '*'
  SourceLine where;
  bool verb_joined_to_next = false;
  bool has_alternatives = false;  // its matched length may be shorter than `specificity`
};

struct CompiledVerb {
  EventCode code;
  Array<CompiledPattern> patterns;  // most specific first
  // Index over `patterns` by one literal word each (the longest, usually the rarest): a
  // sentence tries only the patterns whose key word it has, plus those without literal words,
  // instead of scanning hundreds of patterns of a common verb. Indices ascend within a group.
  std::vector<uint32_t> unkeyed_patterns;  // indices of patterns with no literal word
  std::vector<WordId> key_words;           // distinct key words
  std::vector<uint32_t> key_begin;         // key_words[k]'s patterns: key_patterns[key_begin[k]
  std::vector<uint32_t> key_patterns;      //   .. key_begin[k + 1])
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
  // What the arrays of a model read from a file point into (lexicon::Array); first, so that it
  // is destroyed last. Not stored in model files.
  lexicon::ModelStorage storage;
  // Every { | } and synset alternative set: CompiledElement::alternatives point to them. Stored
  // in model files inside the first element naming each.
  std::vector<std::unique_ptr<const lexicon::AlternativeSet>> alternative_sets;
  lexicon::WordTable words;
  lexicon::PhraseTrie actor_trie, agent_trie, verb_trie, discard_trie, time_trie;
  lexicon::PhraseTrie noun_trie, adjective_trie;  // TABARI <NOUN>/<ADJECTIVE> parsing hints
  lexicon::Array<lexicon::Array<lexicon::DatedCode>> actor_codes;  // payload of actor_trie
  lexicon::PhraseTrie actor_gap_trie;                              // prefixes of gapped phrases
  std::vector<lexicon::GappedActor> actor_gaps;                    // payload of actor_gap_trie
  std::vector<lexicon::AgentInfo> agents;                          // payload of agent_trie
  std::vector<lexicon::CompiledVerb> verbs;                        // payload of verb_trie
  std::vector<lexicon::CompiledVerb> times;                        // payload of time_trie
  std::unordered_map<std::string, lexicon::EventCodeInfo> event_codes;
  lexicon::FlatStringMap place_index;  // key_of_phrase(name) -> index into places
  std::vector<lexicon::Place> places;
  std::vector<std::string> files;
  ModelStats stats;
  // The coder's per-verb tables (events/coder.cpp, VerbTables), derived from the members above
  // by the first Coder made for this model and shared by every later one. Not stored in files.
  lexicon::BuiltOnce coder_tables;

  // Looks up CAMEO information for a code, falling back to its parent codes ("0431" -> "043").
  const lexicon::EventCodeInfo* event_code(std::string_view code) const;
};

namespace lexicon {
// Compiles dictionaries (already read) into `impl`. Exposed for tests.
void compile_dictionary(const Dictionary& dict, Model::Impl& impl);
}  // namespace lexicon

}  // namespace dyad
