#include "actors/mentions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <span>

#include "text/short_strings.h"

namespace dyad::actors {
namespace {

using text::TokenKind;
using Unit = SentenceScratch::Unit;

// Words that may sit between two units of one noun phrase: "Minister OF Defense OF THE Republic
// of Azerbaijan", "Russia 'S army", "police IN Baku".
bool is_phrase_connector(std::string_view key) {
  return DYAD_KEY_IN(key, "OF", "THE", "'S", "IN", "FOR");
}

bool is_calendar_word(std::string_view key) {
  return DYAD_KEY_IN(key, "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                     "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
                     "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR",
                     "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "TODAY",
                     "YESTERDAY", "TOMORROW");
}

// A capitalized word that can be part of a person's name (after a title).
bool is_name_word(const text::TokenBuffer& tokens, uint32_t i, const SentenceScratch& scratch) {
  const text::Token& t = tokens.tokens[i];
  if (t.kind != TokenKind::kWord || !t.capitalized) return false;
  if (scratch.unit_of_token[i] >= 0) return false;
  std::string_view key = tokens.key(t);
  if (is_calendar_word(key) || is_phrase_connector(key)) return false;
  return !DYAD_KEY_IN(key, "AND", "BUT", "OR", "HE", "SHE", "IT", "THEY", "WE", "I", "A", "AN",
                      "ON", "AT", "TO", "BY", "WITH", "FROM", "AS", "THAT", "WHO");
}

bool token_matches(const SentenceScratch& scratch, uint32_t i, lexicon::WordId id) {
  for (uint32_t k = scratch.match_begin[i]; k < scratch.match_begin[i + 1]; ++k)
    if (scratch.ids[k] == id) return true;
  return false;
}

bool is_verb_word(const Model::Impl& model, const SentenceScratch& scratch, uint32_t k,
                  uint32_t n) {
  uint32_t payload = 0;
  return model.verb_trie.nodes() > 1 && longest_match(model.verb_trie, scratch, k, n, &payload,
                                                      {lexicon::WordTable::kStartsVerb, 0}) > 0;
}

// PETRARCH: a plain modifier inside a noun phrase ("the evil awful Gondor", "Dagolath's first
// Deputy Prime Minister"): a word that is no verb, preposition, conjunction or pronoun.
bool is_plain_modifier(const Model::Impl& model, const text::TokenBuffer& tokens,
                       const SentenceScratch& scratch, uint32_t k, bool capitals) {
  const text::Token& t = tokens.tokens[k];
  if (t.kind != TokenKind::kWord || (t.capitalized && !capitals)) return false;
  std::string_view key = tokens.key(t);
  if (DYAD_KEY_IN(key, "AND", "OR", "BUT", "NOR", "OF", "IN", "FOR", "FROM", "TO", "WITH", "BY",
                  "ON", "AT", "AS", "THAT", "WHO", "WHICH", "HE", "SHE", "IT", "THEY", "WE", "I",
                  "ITS", "HIS", "HER", "THEIR", "THIS", "THESE"))
    return false;
  return !is_verb_word(model, scratch, k, static_cast<uint32_t>(tokens.size()));
}

bool has_code_segment(const std::string& code, const std::string& segment) {
  for (size_t i = 0; i + segment.size() <= code.size(); i += 3)
    if (code.compare(i, segment.size(), segment) == 0) return true;
  return false;
}

std::string combine(const std::string& actor, const std::string& agent, bool suffix) {
  if (agent.empty() || text::is(agent, "---")) return actor;
  if (actor.empty()) return agent;
  if (has_code_segment(actor, agent)) return actor;
  return suffix ? actor + agent : agent + actor;
}

std::string combine(const std::string& actor, const Unit* agent) {
  if (agent == nullptr) return actor;
  return combine(actor, agent->code, agent->agent_suffix);
}

// Picks the code valid on the document day. Without a date, the most recent one.
// Picks the code valid on the document day (TABARI 6.5.2): the first date-restricted code
// whose range holds the day, else the unrestricted default. Without a date: the default, else
// the most recent restricted code.
const lexicon::DatedCode* pick_code(const lexicon::Array<lexicon::DatedCode>& codes,
                                    const DocumentState& state) {
  const lexicon::DatedCode* fallback = nullptr;
  const lexicon::DatedCode* latest = nullptr;
  for (const auto& c : codes) {
    bool restricted = c.from_day != lexicon::kOpenPast || c.to_day != lexicon::kOpenFuture;
    if (!restricted) {
      if (fallback == nullptr) fallback = &c;
      continue;
    }
    if (state.has_day && state.day >= c.from_day && state.day <= c.to_day) return &c;
    if (latest == nullptr || c.to_day > latest->to_day) latest = &c;
  }
  if (fallback != nullptr) return fallback;
  return state.has_day ? nullptr : latest;
}

struct StoryPhrase {
  std::array<std::string_view, 3> words;
  size_t length;
};
constexpr StoryPhrase kStoryPhrases[] = {
    {{"THE", "TWO", "COUNTRIES"}, 3},  {{"BOTH", "COUNTRIES", ""}, 2},
    {{"THE", "TWO", "SIDES"}, 3},      {{"BOTH", "SIDES", ""}, 2},
    {{"THE", "SIDES", ""}, 2},         {{"THE", "TWO", "NATIONS"}, 3},
    {{"BOTH", "NATIONS", ""}, 2},      {{"THE", "TWO", "STATES"}, 3},
    {{"THE", "TWO", "LEADERS"}, 3},    {{"BOTH", "LEADERS", ""}, 2},
    {{"THE", "TWO", "PRESIDENTS"}, 3}, {{"THE", "TWO", "MINISTERS"}, 3},
    {{"THE", "PARTIES", ""}, 2},       {{"BOTH", "PARTIES", ""}, 2},
};

constexpr bool every_story_phrase_opens_with_the_or_both() {
  for (const auto& p : kStoryPhrases)
    if (p.words[0] != "THE" && p.words[0] != "BOTH") return false;
  return true;
}
static_assert(every_story_phrase_opens_with_the_or_both(), "update story_phrase_at's first test");

// The second word of every story phrase: one list for the compile-time check below and for
// the WordList story_phrase_at tests.
constexpr const char* kStorySecondWords[] = {"TWO",     "COUNTRIES", "SIDES",
                                             "NATIONS", "LEADERS",   "PARTIES"};
constexpr text::WordList kStorySecondWordList{kStorySecondWords};
bool is_story_second_word(std::string_view key) {
  return kStorySecondWordList.contains(key);
}
constexpr bool every_story_phrase_has_a_known_second_word() {
  for (const auto& p : kStoryPhrases) {
    bool known = false;
    for (std::string_view w : kStorySecondWords)
      known = known || (p.length >= 2 && p.words[1] == w);
    if (!known) return false;
  }
  return true;
}
static_assert(every_story_phrase_has_a_known_second_word(),
              "update kStorySecondWords (story_phrase_at's second test)");

// The SentenceScratch::kClass* bits of a key.
uint8_t word_classes(std::string_view key) {
  uint8_t classes = 0;
  if (DYAD_KEY_IN(key, "AND", "BUT", "OR", "NOR")) classes |= SentenceScratch::kClassConjunction;
  if (DYAD_KEY_IN(key, "HE", "SHE", "IT", "HIM", "ITS", "HIS", "HER", "THEY", "THEM", "THEIR"))
    classes |= SentenceScratch::kClassPronoun;
  if (DYAD_KEY_IN(key, "THE", "BOTH")) classes |= SentenceScratch::kClassStoryOpener;
  return classes;
}

// The first i in [from, n) with bytes[i] & mask, or n: eight bytes at a time, for the per-token
// flag arrays where most tokens have none of the bits (no phrase starts, no pronoun).
uint32_t next_flagged(const std::vector<uint8_t>& bytes, uint32_t from, uint32_t n, uint8_t mask) {
  const uint8_t* p = bytes.data();
  const uint64_t masks = 0x0101010101010101ULL * mask;
  uint32_t i = from;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (const uint64_t hits = word & masks; hits != 0)
      return i + static_cast<uint32_t>(__builtin_ctzll(hits) >> 3);
  }
  for (; i < n; ++i)
    if (p[i] & mask) return i;
  return n;
}

size_t story_phrase_at(const text::TokenBuffer& tokens, uint32_t i) {
  std::string_view first = tokens.key(i);
  if (!text::is(first, "THE") && !text::is(first, "BOTH"))
    return 0;  // every phrase opens so: most tokens stop here
  if (i + 1 >= tokens.size() || !is_story_second_word(tokens.key(i + 1)))
    return 0;  // nor do "the government", "both men"
  for (const auto& p : kStoryPhrases) {
    if (i + p.length > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < p.length && ok; ++k) ok = text::same_key(tokens.key(i + k), p.words[k]);
    if (ok) return p.length;
  }
  return 0;
}

}  // namespace

void split_actor_code(const std::string& code, std::string* country, std::string* sector) {
  country->clear();
  sector->clear();
  if (code.size() < 3) {
    *sector = code;
    return;
  }
  std::string head = code.substr(0, 3);
  static const std::array<std::string_view, 24> kNonCountry = {
      "IGO", "NGO", "NGM", "MNC", "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS",
      "PTY", "MED", "EDU", "BUS", "CVL", "REF", "HLH", "LAB", "SPY", "ELI", "UAF", "CRM"};
  bool non_country = std::find(kNonCountry.begin(), kNonCountry.end(), head) != kNonCountry.end();
  if (non_country) {
    *sector = text::is(head, "IGO") || text::is(head, "NGO") || text::is(head, "NGM") ||
                      text::is(head, "MNC")
                  ? head
                  : head;
    return;
  }
  *country = head;
  if (code.size() >= 6) *sector = code.substr(3, 3);
}

namespace {

// The packed bytes of a key of 1 to 16 bytes, zero-padded (SentenceScratch::FrontEntry's
// codes); false for other keys.
[[gnu::always_inline]] inline bool front_codes(std::string_view key, uint64_t* low,
                                               uint64_t* high) {
  const size_t n = key.size();
  if (n - 1 >= 16) return false;  // empty, or longer than 16 bytes
  if (n <= 8) {
    *low = text::prefix_code(key);
    *high = 0;
  } else {
    *low = text::detail::load_u64(key.data());
    *high = text::detail::load_u64(key.data() + n - 8) >> (8 * (16 - n));
  }
  return true;
}

// The front_cache slot of a key by its codes.
[[gnu::always_inline]] inline uint32_t front_slot(uint64_t low, uint64_t high) {
  const uint64_t mixed = (low ^ (high * 0xbf58476d1ce4e5b9ULL)) * 0x9E3779B97F4A7C15ULL;
  return static_cast<uint32_t>(mixed >> (64 - SentenceScratch::kFrontBits));
}

// Copies `count` items: a key's ids are usually one to four, where std::copy_n would call
// memmove; fixed-size copies are a load and a store each.
template <typename T>
[[gnu::always_inline]] inline void copy_few(const T* from, uint32_t count, T* to) {
  switch (count) {
    case 0:
      return;
    case 1:
      std::memcpy(to, from, sizeof(T));
      return;
    case 2:
      std::memcpy(to, from, 2 * sizeof(T));
      return;
    case 3:
      std::memcpy(to, from, 3 * sizeof(T));
      return;
    case 4:
      std::memcpy(to, from, 4 * sizeof(T));
      return;
    default:
      std::copy_n(from, count, to);
  }
}

// The match_cache entry of `key` (its offset in cached_ids), matching the key against the word
// table the first time it is seen.
// cached_entry for a key not in the match cache yet (one token in 17 on 2,000 Reuters
// documents): out of line, so that match_words' loops keep to fewer instruction-cache lines.
[[gnu::noinline]] uint32_t new_entry(const lexicon::WordTable& words, std::string_view key,
                                     uint64_t hash, SentenceScratch& scratch) {
  // The table lookups (one per stem length) are the costly part: do them once per key.
  const uint32_t entry = static_cast<uint32_t>(scratch.cached_ids.size());
  scratch.cached_ids.push_back(0);
  words.match(key, hash, scratch.cached_ids);
  const uint32_t count = static_cast<uint32_t>(scratch.cached_ids.size()) - entry - 1;
  uint32_t flags = 0;
  scratch.cached_flags.resize(scratch.cached_ids.size());
  for (uint32_t k = entry + 1; k < scratch.cached_ids.size(); ++k) {
    scratch.cached_flags[k] = words.flags(scratch.cached_ids[k]);
    flags |= scratch.cached_flags[k];
  }
  scratch.cached_ids[entry] = count | flags << 16 | uint32_t{word_classes(key)} << 24;
  scratch.match_cache.insert(key, entry, hash);
  return entry;
}

uint32_t cached_entry(const lexicon::WordTable& words, std::string_view key, uint64_t hash,
                      SentenceScratch& scratch) {
  if (const uint32_t* cached = scratch.match_cache.find(key, hash)) return *cached;
  return new_entry(words, key, hash, scratch);
}

}  // namespace

void match_words(const lexicon::WordTable& words, const text::TokenBuffer& tokens,
                 SentenceScratch& scratch) {
  using FrontEntry = SentenceScratch::FrontEntry;
  constexpr uint32_t kInline = SentenceScratch::kInlineIds;
  const size_t n = tokens.size();
  scratch.match_begin.resize(n + 1);
  scratch.clause_boundary.resize(n);
  scratch.token_flags.resize(n);
  scratch.token_class.resize(n);
  // Cleared between sentences, never inside one: the entries found below stay valid.
  if (scratch.match_cache.size() + n > SentenceScratch::kMatchCacheLimit) {
    scratch.match_cache.clear();
    scratch.cached_ids.clear();
    scratch.cached_flags.clear();
    std::fill(scratch.front_cache.begin(), scratch.front_cache.end(), FrontEntry{});
  }
  // Four passes. The first finds the keys the front cache holds and, for the others, hashes
  // them and prefetches their match_cache slot: that table is larger than the CPU's caches, so
  // the probes would otherwise wait on memory one after another. The second looks the others
  // up. Then the number of ids is known, and the third copies them without a push_back each.
  // The fourth puts the keys looked up in the front cache: not earlier, so that the slots the
  // first pass found stay as they were until the third has read them.
  // token_entry[i]: kFrontHit | slot in front_cache, or the offset of the entry in cached_ids.
  constexpr uint32_t kFrontHit = 1u << 31;
  static_assert(SentenceScratch::kFrontBits < 31);
  // Internal buffers, read only below index n: grown, never shrunk (a resize per sentence is an
  // out-of-line call).
  if (scratch.key_hashes.size() < n) scratch.key_hashes.resize(n);
  if (scratch.token_entry.size() < n) scratch.token_entry.resize(n);
  scratch.front_misses.clear();
  // The per-token arrays through local pointers: the byte stores below may alias any memory,
  // so a vector's data pointer read through `scratch` would be loaded again after each one.
  const text::Token* const token = tokens.tokens.data();
  const char* const keys = tokens.keys.data();
  FrontEntry* const front_cache = scratch.front_cache.data();
  uint32_t* const token_entry = scratch.token_entry.data();
  uint64_t* const key_hashes = scratch.key_hashes.data();
  uint32_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    const std::string_view key(keys + token[i].key_offset, token[i].key_length);
    uint64_t low, high;
    if (front_codes(key, &low, &high)) {
      const uint32_t slot = front_slot(low, high);
      const FrontEntry& front = front_cache[slot];
      if (front.code_low == low && front.code_high == high) {
        token_entry[i] = kFrontHit | slot;
        total += front.header & 0xffff;
        continue;
      }
    }
    scratch.front_misses.push_back(static_cast<uint32_t>(i));
    key_hashes[i] = lexicon::hash_bytes(key);
    scratch.match_cache.prefetch(key_hashes[i]);
  }
  for (const uint32_t i : scratch.front_misses) {
    const uint32_t entry = cached_entry(words, tokens.key(i), key_hashes[i], scratch);
    token_entry[i] = entry;
    total += scratch.cached_ids[entry] & 0xffff;
  }
  // kInline entries of slack past the last id, so that a front-cache hit copies its kInline
  // ids and flags with two fixed-size stores and no test of the room left; cut back to `total`
  // below (a shrinking resize only moves the end).
  scratch.ids.resize(total + kInline);
  scratch.id_flags.resize(total + kInline);
  uint32_t* const match_begin = scratch.match_begin.data();
  uint32_t* const ids = scratch.ids.data();
  uint8_t* const id_flags = scratch.id_flags.data();
  uint8_t* const token_flags = scratch.token_flags.data();
  uint8_t* const token_class = scratch.token_class.data();
  uint8_t* const clause_boundary = scratch.clause_boundary.data();
  const uint32_t* const cached_ids = scratch.cached_ids.data();
  const uint8_t* const cached_flags = scratch.cached_flags.data();
  constexpr uint32_t kBoundaryKinds = 1u << static_cast<unsigned>(TokenKind::kComma) |
                                      1u << static_cast<unsigned>(TokenKind::kColon) |
                                      1u << static_cast<unsigned>(TokenKind::kPeriod);
  static_assert(SentenceScratch::kClassConjunction == 1);
  uint32_t written = 0;
  for (size_t i = 0; i < n; ++i) {
    match_begin[i] = written;
    uint32_t entry = token_entry[i];
    uint32_t header;
    if (entry & kFrontHit) {
      const FrontEntry& front = front_cache[entry & ~kFrontHit];
      header = front.header;
      if ((header & 0xffff) <= kInline) {
        // Usually zero to three ids: one fixed-size copy instead of a loop (the slack above
        // leaves room for all kInline).
        std::memcpy(ids + written, front.ids, sizeof front.ids);
        std::memcpy(id_flags + written, front.id_flags, sizeof front.id_flags);
        entry = UINT32_MAX;
      } else {
        entry = front.ids[0];
      }
    } else {
      header = cached_ids[entry];
    }
    const uint32_t count = header & 0xffff;
    if (entry != UINT32_MAX) {
      copy_few(cached_ids + entry + 1, count, ids + written);
      copy_few(cached_flags + entry + 1, count, id_flags + written);
    }
    written += count;
    const uint8_t classes = static_cast<uint8_t>(header >> 24);
    token_flags[i] = static_cast<uint8_t>(header >> 16);
    token_class[i] = classes;
    // A comma, colon or period, or a word that is a conjunction: a bit test on the kind, no
    // chain of compares.
    const auto kind = static_cast<unsigned>(token[i].kind);
    clause_boundary[i] = static_cast<uint8_t>(
        ((kBoundaryKinds >> kind) | ((kind == static_cast<unsigned>(TokenKind::kWord)) &
                                     (classes & SentenceScratch::kClassConjunction))) &
        1);
  }
  match_begin[n] = written;
  scratch.ids.resize(written);
  scratch.id_flags.resize(written);
  for (const uint32_t i : scratch.front_misses) {
    uint64_t low, high;
    if (!front_codes(tokens.key(i), &low, &high)) continue;
    const uint32_t entry = token_entry[i];
    const uint32_t header = cached_ids[entry];
    const uint32_t count = header & 0xffff;
    FrontEntry& front = front_cache[front_slot(low, high)];
    front = FrontEntry{low, high, header};
    if (count <= kInline) {
      copy_few(cached_ids + entry + 1, count, front.ids);
      copy_few(cached_flags + entry + 1, count, front.id_flags);
    } else {
      front.ids[0] = entry;
    }
  }
}

void keep_words(const std::vector<bool>& drop, SentenceScratch& scratch) {
  // In place, run by run of kept tokens (a dropped comma clause leaves two or three): token k
  // moves to kept <= k and its ids to an offset <= their old one, so each run moves down with
  // memmove and its match_begin entries are shifted as they are read.
  const size_t n = drop.size();
  uint32_t kept = 0, id_count = 0;
  // `at` walks the bits along with k (cheaper than indexing a vector<bool> at every token).
  auto at = drop.begin();
  for (size_t k = 0; k < n;) {
    if (*at) {
      ++k;
      ++at;
      continue;
    }
    size_t run_end = k + 1;
    for (++at; run_end < n && !*at; ++at) ++run_end;
    const size_t run = run_end - k;
    const uint32_t ids_begin = scratch.match_begin[k], ids_end = scratch.match_begin[run_end];
    // A run before the first dropped token stays where it is (kept == k, id_count == ids_begin).
    if (kept != k) {
      const uint32_t shift = ids_begin - id_count;
      for (size_t t = 0; t < run; ++t)
        scratch.match_begin[kept + t] = scratch.match_begin[k + t] - shift;
      std::memmove(scratch.ids.data() + id_count, scratch.ids.data() + ids_begin,
                   (ids_end - ids_begin) * sizeof(lexicon::WordId));
      std::memmove(scratch.id_flags.data() + id_count, scratch.id_flags.data() + ids_begin,
                   ids_end - ids_begin);
      for (std::vector<uint8_t>* per_token :
           {&scratch.clause_boundary, &scratch.token_flags, &scratch.token_class})
        std::memmove(per_token->data() + kept, per_token->data() + k, run);
    }
    kept += static_cast<uint32_t>(run);
    id_count += ids_end - ids_begin;
    k = run_end;
  }
  scratch.match_begin.resize(kept + 1);
  scratch.match_begin[kept] = id_count;
  scratch.ids.resize(id_count);
  scratch.id_flags.resize(id_count);
  scratch.clause_boundary.resize(kept);
  scratch.token_flags.resize(kept);
  scratch.token_class.resize(kept);
}

namespace {
// What walk() carries down the trie: one pointer instead of nine arguments (three of them on
// the stack) at each of its calls, most of which return at once.
struct TrieWalk {
  const lexicon::PhraseTrie& trie;
  const SentenceScratch& scratch;
  uint32_t start, end;    // the tokens [start, end) the phrase may cover
  uint8_t continue_flag;  // see walk()
  uint32_t best_len = 0;  // the longest match so far (tokens), and its payload
  uint32_t payload = 0;
};

// Depth-first walk of the trie below `node`, reached with the tokens [w.start, pos) (depth
// pos - w.start >= 1): a token may match several word ids (exact and stems). continue_flag: a
// WordTable flag every later word of the trie's phrases has, or 0; an id without it is passed
// over before any edge is looked up (most walks end at their second token).
void walk(TrieWalk& w, lexicon::PhraseTrie::Link link, uint32_t pos) {
  // Equal lengths: the first path found wins; a token's exact word is tried before a word
  // plus an ending ("ISIS" is ISIS_, not ISI_ + S) and before its stems.
  const uint32_t depth = pos - w.start;
  if (link.has_payloads() && depth > w.best_len) {
    const auto payloads = w.trie.payloads(link.node());
    if (!payloads.empty()) {  // (the link's flag is only a hint for a damaged model file)
      w.best_len = depth;
      w.payload = payloads.front();  // the first entry read wins
    }
  }
  if (pos >= w.end) return;
  const uint8_t continue_flag = w.continue_flag;
  const SentenceScratch& scratch = w.scratch;
  if (continue_flag != 0 && !(scratch.token_flags[pos] & continue_flag)) return;
  if (link.child_signature() == 0) return;  // a leaf
  for (uint32_t k = scratch.match_begin[pos]; k < scratch.match_begin[pos + 1]; ++k) {
    if (continue_flag != 0 && !(scratch.id_flags[k] & continue_flag)) continue;
    if (const auto next = w.trie.link_of(link, scratch.ids[k])) walk(w, next, pos + 1);
  }
}
}  // namespace

uint32_t longest_match(const lexicon::PhraseTrie& trie, const SentenceScratch& scratch,
                       uint32_t start, uint32_t token_count, uint32_t* payload, TrieFlags flags) {
  if (start >= token_count) return 0;
  TrieWalk w{trie, scratch, start, token_count, flags.continues};
  for (uint32_t k = scratch.match_begin[start]; k < scratch.match_begin[start + 1]; ++k) {
    // Most ids start no phrase: the flag says so without a look at the root's children.
    if (flags.starts != 0 && !(scratch.id_flags[k] & flags.starts)) continue;
    if (const auto next = trie.root_link(scratch.ids[k])) walk(w, next, start + 1);
  }
  if (w.best_len > 0) *payload = w.payload;
  return w.best_len;
}

void find_mentions(const Model::Impl& model, const CodingOptions& options,
                   const text::TokenBuffer& tokens, DocumentState& state,
                   SentenceScratch& scratch) {
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  scratch.complex = false;
  scratch.discard = false;
  scratch.units.clear();
  scratch.mentions.clear();
  reset_to_none(scratch.mention_of_token, n);

  // 1. Units, left to right, longest match first; actors win ties over agents.
  constexpr uint8_t kStartsUnit = lexicon::WordTable::kStartsActor |
                                  lexicon::WordTable::kStartsAgent |
                                  lexicon::WordTable::kStartsGappedActor;
  // (Names are learned inside this loop too: set again when one is.)
  bool learned = options.dyad_rules && !state.learned_names.empty();
  for (uint32_t i = 0; i < n;) {
    // Word flags say which tries a phrase may start at this token in (most: none), and only a
    // capitalized word can start a learned name: skip the rest cheaply.
    if (!learned) {
      i = next_flagged(scratch.token_flags, i, n, kStartsUnit);
      if (i == n) break;
    }
    const uint8_t starts = scratch.token_flags[i];
    if (!(starts & kStartsUnit) && !(learned && tokens.tokens[i].capitalized)) {
      ++i;
      continue;
    }
    uint32_t actor_payload = 0, agent_payload = 0;
    uint32_t actor_len =
        starts & lexicon::WordTable::kStartsActor
            ? longest_match(model.actor_trie, scratch, i, n, &actor_payload,
                            {lexicon::WordTable::kStartsActor, lexicon::WordTable::kContinuesActor})
            : 0;
    uint32_t agent_len =
        starts & lexicon::WordTable::kStartsAgent
            ? longest_match(model.agent_trie, scratch, i, n, &agent_payload,
                            {lexicon::WordTable::kStartsAgent, lexicon::WordTable::kContinuesAgent})
            : 0;
    // Most flagged tokens start no phrase that the sentence goes on with (82,700 of 97,500 on
    // 2,000 Reuters documents with the TABARI dictionaries): when no trie matched and neither a
    // gapped phrase nor a learned name can start here, nothing below can make a unit.
    const bool may_gap =
        (starts & lexicon::WordTable::kStartsGappedActor) && model.actor_gaps.size() > 0;
    if (actor_len == 0 && agent_len == 0 && !may_gap &&
        !(learned && tokens.tokens[i].capitalized)) {
      ++i;
      continue;
    }
    // dyad's rules: the pronoun "us" (lower case) is not the country US.
    if (options.dyad_rules && actor_len == 1 && !tokens.tokens[i].capitalized &&
        text::is(tokens.key(i), "US"))
      actor_len = 0;
    // Learned names: the longest run of capitalized words known for this document.
    uint32_t name_len = 0;
    std::string name_code;
    if (learned && tokens.tokens[i].capitalized) {
      std::string& key = scratch.name_key;  // reused: no allocation per capitalized word
      key.clear();
      for (uint32_t k = i; k < n && k < i + 4; ++k) {
        if (tokens.tokens[k].kind != TokenKind::kWord) break;
        if (!key.empty()) key += ' ';
        key += tokens.key(k);
        bool known_prefix = false;
        const std::string* code = state.learned_names.find(key, &known_prefix);
        if (!known_prefix) break;
        if (code != nullptr) {
          name_len = k - i + 1;
          name_code = *code;
        }
      }
    }
    // Gapped actor phrases ("ITHILEN TELEVISION" in "Ithilen state-run television").
    uint32_t gap_last = 0, gap_words = 0, gap_codes = 0;
    std::vector<uint32_t> gap_tokens;
    if (may_gap) {
      uint32_t gap_payload = 0;
      uint32_t head = longest_match(model.actor_gap_trie, scratch, i, n, &gap_payload,
                                    {lexicon::WordTable::kStartsGappedActor, 0});
      if (head > 0) {
        const lexicon::GappedActor& gapped = model.actor_gaps[gap_payload];
        // The later words follow anywhere before the next comma or period (TABARI's gap is
        // unlimited and crosses conjunctions and verbs: "Durthang and an Orc", "Durthang should
        // be set up in areas not controlled by rebel Orc" match DURTHANG ORC).
        uint32_t pos = i + head, last = 0;
        // dyad's rules keep the words within a few tokens of each other.
        uint32_t reach = options.dyad_rules ? i + 8 : n;
        bool ok = gapped.words > actor_len;
        std::vector<uint32_t> found;
        for (uint32_t k = i; k < i + head; ++k) found.push_back(k);
        const auto& words = gapped.continuation.after;
        for (size_t w = 0; w < words.size() && ok; ++w) {
          bool adjacent = w == 0 ? false : words[w - 1].joined_to_next;
          uint32_t q = pos;
          while (q < n && q < reach && !token_matches(scratch, q, words[w].word)) {
            if (adjacent || tokens.tokens[q].kind == TokenKind::kPeriod ||
                tokens.tokens[q].kind == TokenKind::kComma) {
              q = n;
              break;
            }
            ++q;
          }
          if (q >= n || q >= reach) ok = false;
          last = q;
          pos = q + 1;
          found.push_back(q);
        }
        if (ok) {
          gap_last = last;
          gap_words = gapped.words;
          gap_codes = gapped.codes;
          gap_tokens = std::move(found);
        }
      }
    }
    bool gapped_unit = gap_words > actor_len && gap_words >= agent_len;
    if (gapped_unit) {
      actor_len = gap_last - i + 1;
      actor_payload = gap_codes;
    }
    if (actor_len == 0 && agent_len == 0 && name_len == 0) {
      ++i;
      continue;
    }
    Unit unit{};
    unit.first = i;
    if (name_len > actor_len && name_len >= agent_len) {
      unit.last = i + name_len - 1;
      unit.kind = Unit::kName;
      unit.code = name_code;
    } else if (actor_len >= agent_len) {
      const lexicon::DatedCode* code = pick_code(model.actor_codes[actor_payload], state);
      unit.last = i + actor_len - 1;
      if (code != nullptr && text::is(code->code, "+++")) scratch.complex = true;
      if (code != nullptr && text::is(code->code, "###")) scratch.discard = true;
      if (code == nullptr || text::is(code->code, "---") || text::is(code->code, "+++") ||
          text::is(code->code, "###")) {
        // Null-coded or out-of-date actor phrase: it blocks shorter matches but names no one.
        i = unit.last + 1;
        continue;
      }
      unit.kind = Unit::kActor;
      unit.code = code->code;
      // Only its words belong to a gapped phrase: the tokens between stay free.
      if (gapped_unit && gap_tokens.size() != actor_len) unit.words = gap_tokens;
      // A known person named in full ("Jeyhun Bayramov") is "Bayramov" for the rest of the
      // document.
      if (options.dyad_rules && actor_len >= 2 && code->code.size() > 3 &&
          code->code.find('/') == std::string::npos) {
        bool name_like = true;
        for (uint32_t k = i; k <= unit.last; ++k)
          name_like = name_like && tokens.tokens[k].capitalized &&
                      tokens.tokens[k].kind == TokenKind::kWord;
        if (name_like) {
          state.learned_names.learn(tokens.key(unit.last), code->code, false);
          learned = true;
        }
      }
    } else {
      const lexicon::AgentInfo& agent = model.agents[agent_payload];
      unit.last = i + agent_len - 1;
      unit.kind = Unit::kAgent;
      unit.code = agent.code;
      unit.agent_suffix = agent.suffix;
    }
    // unit_of_token is read only once there are units: most sentences have none, and skip this.
    if (scratch.units.empty()) reset_to_none(scratch.unit_of_token, n);
    if (unit.words.empty()) {
      for (uint32_t k = unit.first; k <= unit.last; ++k)
        scratch.unit_of_token[k] = static_cast<int>(scratch.units.size());
    } else {
      for (uint32_t k : unit.words)
        scratch.unit_of_token[k] = static_cast<int>(scratch.units.size());
    }
    scratch.units.push_back(std::move(unit));
    i = scratch.units.back().last + 1;
  }

  // No unit: step 2 and the list passes have nothing to join, and only step 3 can add a
  // mention, when something can be referred to (may_refer below, with no mentions). Returning
  // here keeps the rest of this large function, and its instruction-cache misses, out of the
  // many sentences that name no one.
  if (scratch.units.empty() && state.forwarded.empty() &&
      !(options.dyad_rules && (state.dyad.size() >= 2 || !state.previous_subject.empty())))
    return;

  int next_group = 0;  // compound group ids: unique within the sentence

  // 2. Mentions: join units of one noun phrase.
  const auto& units = scratch.units;
  for (size_t u = 0; u < units.size();) {
    size_t last_unit = u;
    uint32_t end = units[u].last;  // last token of the mention so far
    // Runs of name words right after a title ("Colonel General Najmaddin Sadikov").
    std::vector<std::pair<uint32_t, uint32_t>> names;
    auto name_run_after = [&](uint32_t from, uint32_t limit) {
      uint32_t k = from;
      while (k < limit && k <= from + 3 && is_name_word(tokens, k, scratch)) ++k;
      if (k > from) names.emplace_back(from, k - 1);
      return k;
    };
    bool has_actor = units[u].kind != Unit::kAgent;
    while (last_unit + 1 < units.size()) {
      const Unit& next = units[last_unit + 1];
      bool join = true;
      bool saw_comma = false, saw_possessive = false;
      uint32_t modifiers = 0;
      if (options.dyad_rules && units[last_unit].kind == Unit::kAgent)
        name_run_after(end + 1, next.first);
      for (uint32_t k = end + 1; k < next.first && join; ++k) {
        const text::Token& t = tokens.tokens[k];
        std::string_view key = tokens.key(t);
        // TABARI joins an agent to an adjacent actor or across OF/IN; dyad's rules also join
        // across appositions and titles with names, and across IN/FOR only to find a role's
        // country ("police in Baku"), never to add a place to a named actor.
        if (t.kind == TokenKind::kComma && !saw_comma && options.dyad_rules) {
          saw_comma = true;
        } else if (options.petrarch_rules && text::is(key, "FROM") &&
                   units[last_unit].kind == Unit::kAgent && next.kind != Unit::kAgent) {
          // PETRARCH: "soldiers from Gondor" is one noun phrase.
        } else if (options.petrarch_rules && saw_possessive && next.kind == Unit::kAgent &&
                   ++modifiers <= 4 &&
                   (text::is(key, "AND") || is_plain_modifier(model, tokens, scratch, k, true))) {
          // PETRARCH: "Dagolath's first Deputy Prime Minister", "Ithilen's awful and evil
          // minister": the possessive's noun phrase runs on to its head.
        } else if (t.kind == TokenKind::kPossessive || is_phrase_connector(key)) {
          if (t.kind == TokenKind::kPossessive) saw_possessive = true;
          // TABARI: an agent joins an actor across OF or IN ("President of Israel"), not two
          // actors ("Ithilen in Gondor").
          // Nor two actors across a possessive ("Arnor's Elrond" names both).
          if (!options.dyad_rules &&
              (text::is(key, "FOR") ||
               ((text::is(key, "OF") || text::is(key, "IN") ||
                 (t.kind == TokenKind::kPossessive && options.possessive_separates_actors)) &&
                units[last_unit].kind != Unit::kAgent && next.kind != Unit::kAgent)))
            join = false;
          if (options.dyad_rules && (text::is(key, "IN") || text::is(key, "FOR")) && has_actor)
            join = false;
        } else if (!options.dyad_rules && text::is(key, "FORMER") && k + 1 == next.first &&
                   next.kind == Unit::kAgent) {
          // "Arnor former security officials": FORMER before the agent of an actor-agent pair
          // keeps the pair together (and makes the agent an elite, below).
        } else if (options.dyad_rules && is_name_word(tokens, k, scratch)) {
        } else {
          join = false;
        }
      }
      // After a comma only an apposition joins: a role ("..., Chief of the General Staff")
      // describing the same person, never a second country (that is a list).
      if (join && saw_comma && next.kind != Unit::kAgent) join = false;
      if (!join) {
        // The name right after the last title still belongs to this mention.
        if (!names.empty() && names.back().first == end + 1) end = names.back().second;
        break;
      }
      ++last_unit;
      end = next.last;
      if (next.kind != Unit::kAgent) has_actor = true;
    }
    // A person's name after the last title: "President Putin".
    if (options.dyad_rules && units[last_unit].kind == Unit::kAgent) {
      uint32_t k = name_run_after(end + 1, n);
      if (k > end + 1) end = k - 1;
    }
    // Resolve the code: the most specific actor, then the first agent's sector.
    const std::span<const Unit> parts(units.data() + u, last_unit - u + 1);  // the joined units
    std::string actor_code;
    const Unit* agent = nullptr;
    const Unit* second_agent = nullptr;  // PETRARCH: a suffix agent after a prefix one
    for (const Unit& part : parts) {
      const Unit* p = &part;
      if (p->kind == Unit::kAgent) {
        if (agent == nullptr)
          agent = p;
        else if (options.petrarch_rules && second_agent == nullptr && !agent->agent_suffix &&
                 p->agent_suffix)
          second_agent = p;
      } else if (actor_code.empty() ||
                 (p->code.size() > actor_code.size() && actor_code.size() <= 3 &&
                  p->code.compare(0, 3, actor_code.substr(0, 3)) == 0)) {
        actor_code = p->code;
      }
    }
    Mention m;
    m.first_token = units[u].first;
    m.last_token = end;
    // "Former" before the phrase or before its agent makes the agent an elite (TABARI 5.4.1).
    Unit elite{};
    if (agent != nullptr &&
        ((m.first_token > 0 && text::is(tokens.key(m.first_token - 1), "FORMER")) ||
         (agent->first > m.first_token && text::is(tokens.key(agent->first - 1), "FORMER")))) {
      elite = *agent;
      elite.code = "ELI";
      agent = &elite;
    }
    if (actor_code.empty() && !options.convert_agents)
      m.code.clear();  // an agent with no actor names no one (TABARI default)
    else if (actor_code.empty() && agent != nullptr && !options.dyad_rules)
      m.code = agent->agent_suffix ? "~" + agent->code : agent->code + "~";  // TABARI's form
    else
      m.code = combine(actor_code, agent);
    if (second_agent != nullptr && !actor_code.empty())
      m.code = combine(m.code, second_agent);  // "MSF Arnor diplomat": NGO + ARN + GOV
    if (agent != nullptr) {
      m.agent_code = agent->code;
      m.agent_suffix = agent->agent_suffix;
      m.agent_headed = parts.front().kind == Unit::kAgent && !actor_code.empty();
    }
    if (options.dyad_rules && !actor_code.empty()) {
      // Learn the names for the rest of the document: full name and surname.
      for (auto [name_first, name_last] : names) {
        std::string full;
        for (uint32_t k = name_first; k <= name_last; ++k) {
          if (!full.empty()) full += ' ';
          full += tokens.key(k);
        }
        state.learned_names.learn(full, m.code, true);
        state.learned_names.learn(tokens.key(name_last), m.code, true);
      }
    }
    if (last_unit == u && !units[u].words.empty()) m.words = units[u].words;
    for_each_token(m, [&](uint32_t k) {
      scratch.mention_of_token[k] = static_cast<int>(scratch.mentions.size());
    });
    m.base_code = actor_code;
    // The [[likely]] / [[unlikely]] in this function are layout hints only: GCC moves the
    // unlikely blocks (coded compounds, PETRARCH's rules, references out of order; rare with
    // the TABARI and default knowledge) into find_mentions.cold, so the code most sentences run
    // spans fewer instruction-cache lines (TABARI: 0.03 M fewer L1 instruction misses and 1.4 M
    // fewer instructions on 2,000 Reuters documents).
    if (actor_code.find('/') == std::string::npos) [[likely]] {
      scratch.mentions.push_back(std::move(m));
    } else {
      // A coded compound ("EAST_AND_WEST_GERMANY [GME/GMW]"): one member per code.
      int group = next_group++;
      size_t start = 0;
      while (start <= actor_code.size()) {
        size_t slash = actor_code.find('/', start);
        if (slash == std::string::npos) slash = actor_code.size();
        Mention member = m;
        member.code = combine(actor_code.substr(start, slash - start), agent);
        member.base_code = actor_code.substr(start, slash - start);
        member.compound_member = true;
        member.group = group;
        scratch.mentions.push_back(std::move(member));
        start = slash + 1;
      }
    }
    u = last_unit + 1;
  }

  // "The delegation led by the Russian Chief of Staff": a role alone, led or headed by a named
  // actor, stands for that actor (dyad's rules).
  if (options.dyad_rules) {
    auto& all = scratch.mentions;
    for (size_t m = 0; m + 1 < all.size(); ++m) {
      if (!all[m].base_code.empty() || all[m].code.empty()) continue;
      uint32_t k = all[m].last_token + 1;
      if (k + 1 >= n || !DYAD_KEY_IN(tokens.key(k), "LED", "HEADED", "COMMANDED") ||
          !text::is(tokens.key(k + 1), "BY"))
        continue;
      k += 2;
      if (k < n && text::is(tokens.key(k), "THE")) ++k;
      if (all[m + 1].first_token == k && !all[m + 1].base_code.empty()) {
        all[m].code = all[m + 1].code;
        all[m].base_code = all[m + 1].base_code;
      }
    }
  }

  // Lists: mentions separated only by ',' / 'and' / ', and' form a compound.
  auto& ms = scratch.mentions;
  // A list member may be "the evil awful Gondor": determiners and adjectives (TABARI
  // <ADJECTIVE>) may follow the separator (TABARI 7.5).
  auto is_adjective = [&](uint32_t k) {
    uint32_t payload = 0;
    return model.adjective_trie.nodes() > 1 &&
           longest_match(model.adjective_trie, scratch, k, n, &payload) == 1;
  };
  // A list needs a conjunction: "A, B and C" is a compound, "A, the B" (an apposition) is not.
  std::vector<int> coded_groups, conjunction_groups;
  for (const auto& m : ms)
    if (m.group >= 0) coded_groups.push_back(m.group);
  for (size_t m = 1; m < ms.size(); ++m) {
    uint32_t gap_first = ms[m - 1].last_token + 1, gap_last = ms[m].first_token;
    // dyad's rules: an acronym in brackets after a member ("the Central African Republic (CAR)
    // and the Democratic Republic of the Congo") is part of it.
    if (options.dyad_rules && gap_first < gap_last && tokens.key(gap_first) == "(") {
      uint32_t close = gap_first + 1;
      while (close < gap_last && close <= gap_first + 6 && tokens.key(close) != ")") ++close;
      if (close < gap_last && tokens.key(close) == ")") gap_first = close + 1;
    }
    bool list = gap_last > gap_first;
    bool separator = false, conjunction = false;
    for (uint32_t k = gap_first; k < gap_last && list; ++k) {
      std::string_view key = tokens.key(k);
      if (tokens.tokens[k].kind == TokenKind::kComma || text::is(key, "AND") ||
          text::is(key, "NOR")) {
        list = !separator || text::is(key, "AND");  // ", and" is one separator
        separator = true;
        conjunction = conjunction || text::is(key, "AND") || text::is(key, "NOR");
      } else {
        // dyad's rules: "and other Gulf states", "and ex-Prime Minister Azarov", "and former
        // President X" are members too.
        list =
            separator &&
            (text::is(key, "THE") || text::is(key, "A") || text::is(key, "AN") || is_adjective(k) ||
             (options.petrarch_rules && is_plain_modifier(model, tokens, scratch, k, false)) ||
             (options.dyad_rules &&
              (text::is(key, "OTHER") || text::is(key, "FORMER") || text::is(key, "EX") ||
               tokens.tokens[k].kind == TokenKind::kDash)));
      }
    }
    list = list && separator;
    // PETRARCH: two noun phrases joined by AND, each naming an actor ("Ithilen's sheep and
    // goats of Gondor").
    if (!list && options.petrarch_rules && gap_last > gap_first) [[unlikely]] {
      int ands = 0;
      bool ok = true;
      for (uint32_t k = gap_first; k < gap_last && ok; ++k) {
        std::string_view key = tokens.key(k);
        if (text::is(key, "AND"))
          ++ands;
        else
          ok = tokens.tokens[k].kind == TokenKind::kPossessive || text::is(key, "OF") ||
               text::is(key, "THE") || is_plain_modifier(model, tokens, scratch, k, false);
      }
      if (ok && ands == 1) list = conjunction = true;
    }
    // PETRARCH: a list closed by its conjunction takes no further member after a comma:
    // "between Calenardhon and Gondor, and Gondor and Dagolath, the ... newspaper" is two lists
    // and an apposition.
    if (list && options.petrarch_rules && ms[m - 1].group >= 0 &&
        std::count(conjunction_groups.begin(), conjunction_groups.end(), ms[m - 1].group) > 0) {
      for (uint32_t k = gap_first; k < gap_last; ++k)
        if (tokens.tokens[k].kind == TokenKind::kComma) list = false;
    }
    // "A, B and C": the list ends with its AND member; a further ", D" is not a member
    // (TABARI 7.5).
    if (!options.dyad_rules && list && !conjunction && ms[m - 1].group >= 0 &&
        std::count(conjunction_groups.begin(), conjunction_groups.end(), ms[m - 1].group) > 0)
      list = false;
    if (list && !ms[m].code.empty() && !ms[m - 1].code.empty()) {
      if (ms[m - 1].group < 0) ms[m - 1].group = next_group++;
      int group = ms[m - 1].group;
      // A coded compound joining a list brings all its members.
      int old = ms[m].group;
      for (auto& other : ms)
        if (old >= 0 && other.group == old) other.group = group;
      ms[m].group = group;
      ms[m - 1].compound_member = true;
      ms[m].compound_member = true;
      if (conjunction ||
          (old >= 0 && std::count(conjunction_groups.begin(), conjunction_groups.end(), old) > 0))
        conjunction_groups.push_back(group);
    }
  }
  for (auto& m : ms) {
    if (m.group < 0 || std::count(coded_groups.begin(), coded_groups.end(), m.group) > 0 ||
        std::count(conjunction_groups.begin(), conjunction_groups.end(), m.group) > 0)
      continue;
    m.group = -1;
    m.compound_member = false;
  }
  // A member's noun phrase may name several actors between adjectives ("the evil Arnor awful
  // Gondor", "Israeli Prime Minister Sharon") or a possessive ("Arnor's Elrond"): every one of
  // them is a member (TABARI 7.5).
  for (size_t m = 1; m < ms.size(); ++m) {
    uint32_t gap_first = ms[m - 1].last_token + 1, gap_last = ms[m].first_token;
    if (gap_last <= gap_first || ms[m].code.empty() || ms[m - 1].code.empty()) continue;
    if (ms[m - 1].group >= 0 && ms[m - 1].group == ms[m].group) continue;
    bool adjectives = false, only = true;
    for (uint32_t k = gap_first; k < gap_last && only; ++k) {
      std::string_view key = tokens.key(k);
      if (is_adjective(k) ||
          (tokens.tokens[k].kind == TokenKind::kPossessive && options.possessive_separates_actors))
        adjectives = true;
      else
        only = text::is(key, "THE") || text::is(key, "A") || text::is(key, "AN");
    }
    if (!only || !adjectives) continue;
    // Only a parsed compound gathers its neighbours (a coded one alone does not).
    auto parsed = [&](int g) {
      return g >= 0 && std::count(conjunction_groups.begin(), conjunction_groups.end(), g) > 0;
    };
    int keep = parsed(ms[m - 1].group) ? ms[m - 1].group : parsed(ms[m].group) ? ms[m].group : -1;
    if (keep < 0) continue;
    bool earlier_joined = ms[m - 1].group != keep;
    for (size_t side : {m - 1, m}) {
      int old = ms[side].group;
      if (old == keep) continue;
      for (auto& other : ms)
        if (old >= 0 && other.group == old) other.group = keep;
      ms[side].group = keep;
      ms[side].compound_member = true;
    }
    if (earlier_joined && m >= 2) m -= 2;  // the one before may join it in turn
  }

  // PETRARCH distributes the agents of a compound over the actors of an agent's phrase: "the
  // ambassadors of Arnor, Osgiliath and Gondor" are ARNGOV, OSGGOV and GONGOV; "lawmakers and
  // officials in Fornost and Gondor" all four combinations. The list is: agents alone, one
  // agent with its actor, then actors alone.
  std::vector<Mention> distributed;
  if (options.petrarch_rules) [[unlikely]] {
    std::vector<int> done;
    for (size_t m = 0; m < ms.size(); ++m) {
      int group = ms[m].group;
      if (group < 0 || std::count(done.begin(), done.end(), group) > 0) continue;
      done.push_back(group);
      std::vector<size_t> member;
      for (size_t k = m; k < ms.size(); ++k)
        if (ms[k].group == group) member.push_back(k);
      std::vector<std::string> actors_seen;
      std::vector<std::pair<std::string, bool>> agents_seen;
      size_t head = member.size();
      for (size_t k = 0; k < member.size(); ++k)
        if (ms[member[k]].agent_headed) {
          head = k;
          break;
        }
      if (head == member.size() || member.size() < 2) continue;
      bool shape = true;
      for (size_t k = 0; k < member.size(); ++k) {
        const Mention& x = ms[member[k]];
        if (k < head) shape = shape && x.base_code.empty() && !x.agent_code.empty();
        if (k > head) shape = shape && !x.base_code.empty() && x.agent_code.empty();
        if (!x.base_code.empty() &&
            std::find(actors_seen.begin(), actors_seen.end(), x.base_code) == actors_seen.end())
          actors_seen.push_back(x.base_code);
        std::pair<std::string, bool> agent{x.agent_code, x.agent_suffix};
        if (!x.agent_code.empty() &&
            std::find(agents_seen.begin(), agents_seen.end(), agent) == agents_seen.end())
          agents_seen.push_back(agent);
      }
      if (!shape) continue;
      std::vector<std::string> codes;
      for (const auto& actor : actors_seen)
        for (const auto& [agent, suffix] : agents_seen)
          codes.push_back(combine(actor, agent, suffix));
      for (size_t c = 0; c < std::max(codes.size(), member.size()); ++c) {
        if (c < member.size()) {
          ms[member[c]].code = codes[c % codes.size()];  // surplus members repeat a code
          continue;
        }
        Mention extra_member = ms[member.back()];
        extra_member.code = codes[c];
        extra_member.story_reference = true;  // shares its tokens with another member
        distributed.push_back(std::move(extra_member));
      }
    }
  }

  // PETRARCH: an actor word opening a bare noun phrase modifies every agent conjoined to its own
  // ("Danish media and government" = DNKMED and DNKGOV, one flat noun phrase in the parse);
  // after a determiner the parse splits the phrases ("The Danish media and government" =
  // DNKMED and ---GOV).
  if (options.petrarch_rules) [[unlikely]] {
    for (size_t m = 1; m < ms.size(); ++m) {
      Mention& before = ms[m - 1];
      Mention& agent = ms[m];
      if (before.group < 0 || before.group != agent.group || before.base_code.empty() ||
          before.agent_code.empty() || before.agent_headed || !agent.base_code.empty() ||
          agent.agent_code.empty() || agent.first_token != before.last_token + 2 ||
          !text::is(tokens.key(before.last_token + 1), "AND"))
        continue;
      if (before.first_token > 0 &&
          DYAD_KEY_IN(tokens.key(before.first_token - 1), "THE", "A", "AN", "ITS", "HIS", "HER",
                      "THEIR", "THIS", "THESE", "THOSE", "OUR", "MY", "YOUR", "ANY", "NO", "EVERY",
                      "EACH"))
        continue;
      agent.base_code = before.base_code;
      agent.code = combine(before.base_code, agent.agent_code, agent.agent_suffix);
    }
  }

  // 3. Story references and pronouns (only over tokens no mention covers). Pronouns follow
  // TABARI 7.7: HE/SHE/IT = the first actor of the sentence; ITS/HIS/HER = the first actor before
  // the pronoun; THEY/THEM/THEIR = the first compound, else the first actor. With dyad's rules a
  // pronoun with no actor in the sentence takes the previous sentence's subject.
  std::vector<Mention>& extra = scratch.extra_mentions;  // kept between sentences: no allocation
  extra.clear();
  for (Mention& m : distributed) extra.push_back(std::move(m));
  auto first_compound = [&](uint32_t before) -> const Mention* {
    for (size_t m = 0; m < scratch.mentions.size(); ++m)
      if (scratch.mentions[m].group >= 0 && !scratch.mentions[m].code.empty() &&
          scratch.mentions[m].first_token < before)
        return &scratch.mentions[m];
    return nullptr;
  };
  auto first_actor = [&](uint32_t before) -> const Mention* {
    for (const Mention& m : scratch.mentions)
      if (!m.code.empty() && m.first_token < before) return &m;
    return nullptr;
  };
  // Nothing below can add a mention to a sentence without mentions when there is no story
  // dyad, no forwarded actor and no previous subject (most sentences of market news).
  const bool may_refer =
      !scratch.mentions.empty() || !state.forwarded.empty() ||
      (options.dyad_rules && (state.dyad.size() >= 2 || !state.previous_subject.empty()));
  // Only a pronoun, or the opening word of a story phrase when there is a dyad, can refer to
  // anyone (THE and BOTH are no pronouns: without a dyad they fall through every test below).
  const bool story_dyad = options.dyad_rules && state.dyad.size() >= 2;
  const uint8_t referring =
      SentenceScratch::kClassPronoun | (story_dyad ? SentenceScratch::kClassStoryOpener : 0);
  for (uint32_t i = may_refer ? next_flagged(scratch.token_class, 0, n, referring) : n; i < n;
       i = next_flagged(scratch.token_class, i + 1, n, referring)) {
    if (scratch.mention_of_token[i] >= 0) continue;
    size_t len = story_dyad ? story_phrase_at(tokens, i) : 0;
    if (len > 0) {
      int group = next_group++;
      for (size_t d = 0; d < 2; ++d) {
        Mention m;
        m.first_token = i;
        m.last_token = static_cast<uint32_t>(i + len - 1);
        m.code = state.dyad[d];
        m.story_reference = true;
        m.compound_member = true;
        m.group = group;
        extra.push_back(std::move(m));
      }
      i += static_cast<uint32_t>(len) - 1;
      continue;
    }
    std::string_view key = tokens.key(i);
    const Mention* referent = nullptr;
    bool plural = false;
    const bool pronoun = scratch.token_class[i] & SentenceScratch::kClassPronoun;
    // PETRARCH resolves no pronouns: "he", "their" name no actor.
    if (options.petrarch_rules && pronoun) continue;
    if (pronoun && !state.forwarded.empty() &&
        (scratch.mentions.empty() || scratch.mentions.front().first_token > i)) {
      // A pronoun opening the sentence, before any actor: the forwarded actor (TABARI 8.4).
      Mention m;
      m.first_token = m.last_token = i;
      m.code = state.forwarded;
      extra.push_back(std::move(m));
      continue;
    }
    if (text::is(key, "HE") || text::is(key, "SHE") || text::is(key, "IT") ||
        text::is(key, "HIM")) {
      // dyad: the first actor before the pronoun (else the previous sentence's subject).
      referent = first_actor(options.dyad_rules ? i : n);
    } else if (text::is(key, "ITS") || text::is(key, "HIS") || text::is(key, "HER")) {
      referent = first_actor(i);
    } else if (text::is(key, "THEY") || text::is(key, "THEM") || text::is(key, "THEIR")) {
      // An antecedent stands before its pronoun ("Among them was ..." refers to nothing here).
      referent = first_compound(i);
      plural = referent != nullptr;
      if (referent == nullptr) referent = first_actor(i);
    } else {
      continue;
    }
    if (referent != nullptr) {
      if (plural && referent->group >= 0) {
        int group = next_group++;
        for (const Mention& member : scratch.mentions) {
          if (member.group != referent->group) continue;
          Mention m;
          m.first_token = m.last_token = i;
          m.code = member.code;
          m.referent_token = static_cast<int>(member.first_token);
          m.compound_member = true;
          m.story_reference = true;  // shares its tokens with the other members
          m.group = group;
          extra.push_back(std::move(m));
        }
      } else {
        Mention m;
        m.first_token = m.last_token = i;
        m.code = referent->code;
        m.referent_token = static_cast<int>(referent->first_token);
        extra.push_back(std::move(m));
      }
    } else if (options.dyad_rules && !state.previous_subject.empty() &&
               (text::is(key, "HE") || text::is(key, "SHE") || text::is(key, "THEY"))) {
      Mention m;
      m.first_token = m.last_token = i;
      m.code = state.previous_subject;
      extra.push_back(std::move(m));
    }
  }
  if (!extra.empty()) {
    auto& all = scratch.mentions;
    all.insert(all.end(), std::make_move_iterator(extra.begin()),
               std::make_move_iterator(extra.end()));
    // Stable by first token. Usually the references come after the mentions already (or there
    // are none): no sort. Otherwise the order is found on indices and every mention moved once,
    // where std::stable_sort would move the large Mentions through a temporary buffer.
    bool sorted = true;
    for (size_t m = 1; m < all.size() && sorted; ++m)
      sorted = all[m - 1].first_token <= all[m].first_token;
    if (!sorted) [[unlikely]] {
      std::vector<uint32_t> order(all.size());
      for (uint32_t m = 0; m < order.size(); ++m) order[m] = m;
      std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return all[a].first_token < all[b].first_token;
      });
      std::vector<Mention> in_order;
      in_order.reserve(all.capacity());  // all keeps its capacity for later sentences
      for (uint32_t m : order) in_order.push_back(std::move(all[m]));
      all.swap(in_order);
    }
    reset_to_none(scratch.mention_of_token, n);
    for (size_t m = scratch.mentions.size(); m-- > 0;)
      for_each_token(scratch.mentions[m],
                     [&](uint32_t k) { scratch.mention_of_token[k] = static_cast<int>(m); });
  }
}

}  // namespace dyad::actors
