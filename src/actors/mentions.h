// Actors stage: finds actor mentions in one tokenized sentence.
//
// 1. Units: longest dictionary matches of actor phrases (with codes for the document date),
//    agent phrases (role nouns such as MINISTER [~GOV]) and names learned earlier in the
//    document ("Sadikov" after "Colonel General Najmaddin Sadikov").
// 2. Mentions: units joined into one noun phrase ("Chief of the General Staff of the Armed Forces
//    of the Russian Federation" = agent MIL + actor RUS = RUSMIL), appositions after commas, and
//    compound lists ("Arnor, Osgiliath and Gondor").
// 3. Story references: "the two countries", "the sides", "both sides" stand for the document's
//    dyad; "he"/"she"/"they" opening a clause stand for the previous sentence's subject.
//
// Thread-safety: functions take a per-thread SentenceScratch and a per-document DocumentState.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/model.h"
#include "text/text.h"

namespace dyad::actors {

struct Mention {
  uint32_t first_token = 0, last_token = 0;  // inclusive token range (the whole noun phrase)
  std::string code;                          // resolved CAMEO actor code ("" = unresolved)
  std::string base_code;                     // the actor's own code, before any agent
  std::string agent_code;                    // the agent applied ("" = none)
  bool agent_suffix = true;                  // agent_code goes after the actor's code
  bool agent_headed = false;                 // an agent, then its actor ("ambassadors of Arnor")
  bool compound_member = false;              // part of a list; `group` links the members
  int group = -1;                            // index of the first member of its list
  bool story_reference = false;              // "the two countries" etc.
  int referent_token = -1;  // a pronoun's antecedent in this sentence (its first token), or -1
  // A gapped actor phrase ("Durthang ... Orc" for DURTHANG ORC): the tokens of its words; the
  // words between are not the mention's (they may be verbs and conjunctions). Empty: every
  // token from first_token to last_token.
  std::vector<uint32_t> words;
};

// Calls f(token) for each token of the mention.
template <class F>
void for_each_token(const Mention& m, F f) {
  if (m.words.empty()) {
    for (uint32_t k = m.first_token; k <= m.last_token; ++k) f(k);
  } else {
    for (uint32_t k : m.words) f(k);
  }
}

// Person names learned in a document: key ("SADIKOV", "IVAN SADIKOV") -> actor code. Every
// leading run of whole words of a key is indexed too ("IVAN"), so a lookup that extends a name
// word by word can stop at the first run that is not indexed. Belongs to one Coder.
class LearnedNames {
 public:
  // The code learned for `key`, or nullptr; *known_prefix tells whether `key` is a key or the
  // leading words of one (when false, no longer key starts with it).
  const std::string* find(std::string_view key, bool* known_prefix) const {
    const uint32_t* slot = index_.find(key);
    *known_prefix = slot != nullptr;
    return slot == nullptr || *slot == kPrefixOnly ? nullptr : &codes_[*slot];
  }
  // Learns key -> code; an existing code is kept unless `replace`.
  void learn(std::string_view key, const std::string& code, bool replace) {
    for (size_t space = key.find(' '); space != std::string_view::npos;
         space = key.find(' ', space + 1))
      index_.insert(key.substr(0, space), kPrefixOnly);
    uint32_t* slot = index_.find_mutable(key);
    if (slot == nullptr) {
      index_.insert(key, static_cast<uint32_t>(codes_.size()));
      codes_.push_back(code);
    } else if (*slot == kPrefixOnly) {
      *slot = static_cast<uint32_t>(codes_.size());
      codes_.push_back(code);
    } else if (replace) {
      codes_[*slot] = code;
    }
  }
  bool empty() const { return codes_.empty(); }
  void clear() {
    index_.clear();
    codes_.clear();
  }

 private:
  static constexpr uint32_t kPrefixOnly = UINT32_MAX;
  lexicon::FlatStringMap index_;  // key -> index into codes_, or kPrefixOnly
  std::vector<std::string> codes_;
};

// Names learned in a document, and its dyad.
struct DocumentState {
  int32_t day = 0;  // document date (days since epoch); valid when has_day
  bool has_day = false;
  LearnedNames learned_names;
  std::vector<std::string> dyad;  // the story's two main actor codes, once known
  std::string previous_subject;   // code of the previous sentence's first mention
  std::string forwarded;          // TABARI FORWARD: what an opening pronoun stands for
  std::string first_actor;        // first named actor of the document (for forwarding)
  void clear() {
    learned_names.clear();
    dyad.clear();
    previous_subject.clear();
    first_actor.clear();
  }
};

// Sets v to n entries of -1 ("no unit", "no mention"). Per sentence on the hot path:
// vector::assign(n, -1) is an out-of-line loop; this is a resize (rarely growing) and a fill
// the compiler turns into wide stores.
inline void reset_to_none(std::vector<int>& v, size_t n) {
  v.resize(n);
  std::fill_n(v.data(), n, -1);
}

// Per-token dictionary matches of the current sentence (filled by match_words()).
struct SentenceScratch {
  std::vector<uint32_t> match_begin;  // token i's word ids: ids[match_begin[i] .. match_begin[i+1])
  std::vector<lexicon::WordId> ids;
  std::vector<uint8_t> id_flags;  // id_flags[k]: the WordTable flags of ids[k]
  // Word matches already computed for a key (news reuses a small vocabulary). match_cache maps
  // a key to the offset of its entry in `cached_ids`: a header (count | flags << 16, flags
  // being the WordTable flags of the words, or-ed) followed by the `count` word ids, so one
  // probe and one contiguous read serve a token. Bounded: cleared when it reaches
  // kMatchCacheLimit keys, so memory does not grow with the corpus. Belongs to one Coder.
  static constexpr size_t kMatchCacheLimit = 1 << 17;
  lexicon::FlatStringMap match_cache;
  std::vector<uint32_t> cached_ids;
  std::vector<uint8_t> cached_flags;  // cached_flags[k]: the WordTable flags of cached_ids[k]
  std::vector<uint64_t> key_hashes;   // match_words' per-token hashes (prefetch pass)
  // In front of match_cache: keys of 1 to 16 bytes (nearly every token) by their packed bytes
  // (keys hold no NUL byte, so the two codes alone identify such a key), direct-mapped, each
  // entry holding the key's header and up to kInlineIds ids with their flags: a frequent word
  // costs one cache line instead of a hash, a probe, a string comparison and a read of
  // cached_ids. A key with more ids keeps its cached_ids offset in ids[0]. code_low 0 marks an
  // empty slot; cleared with match_cache.
  static constexpr uint32_t kInlineIds = 4;
  struct FrontEntry {
    uint64_t code_low = 0, code_high = 0;  // bytes 0..7 and 8..15 of the key, zero-padded
    uint32_t header = 0;                   // as in cached_ids
    uint32_t ids[kInlineIds] = {};
    uint8_t id_flags[kInlineIds] = {};
  };
  // 16,384 entries of 40 bytes (640 KB, in L2). With 8,192, 40,000 of the 301,000 tokens of
  // 2,000 Reuters documents missed it, only 17,900 of them for keys never seen before (the
  // rest evicted by a neighbour); 32,768 saved no more and added last-level misses.
  static constexpr unsigned kFrontBits = 14;
  std::vector<FrontEntry> front_cache = std::vector<FrontEntry>(size_t{1} << kFrontBits);
  std::vector<uint32_t> token_entry;   // match_words' per-token source of ids (see there)
  std::vector<uint32_t> front_misses;  // match_words' tokens whose key the front cache lacks
  // clause_boundary[i]: token i is a comma, colon, period or AND/BUT/OR/NOR (set by
  // match_words, so it follows the tokens after a comma clause is dropped too).
  std::vector<uint8_t> clause_boundary;
  // token_flags[i]: the WordTable flags of token i's words, or-ed (set by match_words).
  std::vector<uint8_t> token_flags;
  // token_class[i]: the closed word classes of token i's key (kClass* below; set by
  // match_words from the match cache, so each distinct key is classified once).
  static constexpr uint8_t kClassConjunction = 1;  // AND BUT OR NOR
  static constexpr uint8_t kClassPronoun = 2;      // HE SHE IT HIM ITS HIS HER THEY THEM THEIR
  static constexpr uint8_t kClassStoryOpener = 4;  // THE BOTH (the two countries, both sides)
  std::vector<uint8_t> token_class;
  std::vector<int> unit_of_token;  // index into units or -1 (valid when units is not empty)
  struct Unit {
    uint32_t first, last;  // tokens, inclusive
    enum Kind { kActor, kAgent, kName } kind;
    std::string code;  // actor code (for kActor/kName) or agent code (kAgent)
    bool agent_suffix = true;
    std::vector<uint32_t> words;  // a gapped actor phrase's word tokens (see Mention::words)
  };
  std::vector<Unit> units;
  std::string name_key;  // find_mentions' buffer for learned-name lookups
  std::vector<Mention> mentions;
  std::vector<Mention> extra_mentions;  // find_mentions' references, before they join mentions
  std::vector<int> mention_of_token;    // index into mentions or -1
  bool complex = false;                 // an actor phrase with the complex code [+++]
  bool discard = false;                 // an actor phrase with the discard code [###]
};

void match_words(const lexicon::WordTable& words, const text::TokenBuffer& tokens,
                 SentenceScratch& scratch);

// After tokens were removed from the sentence (drop[k]: old token k is gone), keeps the word
// matches of the others in place: what match_words would compute on the shorter sentence, since
// a token's matches depend on its key alone. Cost: one pass, no lookups.
void keep_words(const std::vector<bool>& drop, SentenceScratch& scratch);

// The WordTable flags that mark a trie's words, for longest_match: `starts` the first words of
// its phrases (kStartsActor for the actor trie), `continues` the later ones (kContinuesActor);
// 0 for a trie without such a flag. With them a word id that cannot be on a path is passed over
// without a lookup in the trie (a token has several ids with TABARI's stems).
struct TrieFlags {
  uint8_t starts = 0, continues = 0;
};

// Longest phrase of `trie` starting at token `start`; returns its length in tokens (0 = none)
// and the last payload of the match in *payload.
uint32_t longest_match(const lexicon::PhraseTrie& trie, const SentenceScratch& scratch,
                       uint32_t start, uint32_t token_count, uint32_t* payload,
                       TrieFlags flags = {});

// Fills scratch.units, scratch.mentions and scratch.mention_of_token.
void find_mentions(const Model::Impl& model, const CodingOptions& options,
                   const text::TokenBuffer& tokens, DocumentState& state, SentenceScratch& scratch);

// The country (first three letters when they are a country code, else "") and the first sector.
void split_actor_code(const std::string& code, std::string* country, std::string* sector);

}  // namespace dyad::actors
