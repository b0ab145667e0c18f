// The Coder: runs text -> actors -> events -> dates/geo over one document.
//
// Per sentence (TABARI's order, manual ch. 7, with dyad's refinements where options say so):
//  1. tokenize, match dictionary words once, find actor mentions;
//  2. drop comma-delimited nonrestrictive clauses, then find mentions again on what is left;
//  3. find verbs (a verb after a determiner or capitalized mid-sentence is a noun);
//  4. split into clauses at conjunctions that do not join a list of actors;
//  5. check the complexity conditions;
//  6. in each clause, try the verbs left to right: the most specific matching pattern, or the
//     verb's default code; source and target from the pattern or the default search;
//  7. keep the first event of each clause (CODE BY CLAUSE), of the sentence, or all of them;
//     subordinate codes only when nothing else was found, dominant codes over all others.
// See docs/design.md for the rules and tests/events/test_coder.cpp for their tests.
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <span>

#include "actors/mentions.h"
#include "dates/calendar.h"
#include "dates/resolve.h"
#include "dyad/dyad.h"
#include "events/patterns.h"
#include "geo/locate.h"
#include "ingest/ingest.h"
#include "lexicon/model.h"
#include "text/short_strings.h"
#include "text/text.h"

namespace dyad {
namespace {

using actors::Mention;
using text::TokenKind;

// A candidate's target when dyad's rules code an event without a named target.
constexpr int kNoActor = -3;

// s.starts_with / ends_with a literal, compared inline (the library's versions are calls with a
// strlen and a memcmp in the coder's large functions).
template <size_t N>
bool starts(std::string_view s, const char (&prefix)[N]) {
  return s.size() >= N - 1 && text::same_bytes(s.data(), prefix, N - 1);
}
template <size_t N>
bool ends(std::string_view s, const char (&suffix)[N]) {
  return s.size() >= N - 1 && text::same_bytes(s.data() + s.size() - (N - 1), suffix, N - 1);
}

bool is_article(std::string_view key) {
  return text::is(key, "THE") || text::is(key, "A") || text::is(key, "AN");
}

// The length of the longest of `words`: a longer key is in no list of them, known before the
// list's lookup is called (most words the coder asks about are longer).
template <size_t N>
constexpr size_t longest(const char* const (&words)[N]) {
  size_t most = 0;
  for (const char* w : words) most = std::max(most, std::char_traits<char>::length(w));
  return most;
}

#define DYAD_DETERMINERS                                                                         \
  "THE", "A", "AN", "ITS", "HIS", "HER", "THEIR", "THIS", "THESE", "THOSE", "OUR", "MY", "YOUR", \
      "ANY", "NO", "EVERY", "EACH", "'S"
bool is_determiner(std::string_view key) {
  static constexpr const char* kWords[] = {DYAD_DETERMINERS};
  static constexpr size_t kLongest = longest(kWords);
  return key.size() <= kLongest && DYAD_KEY_IN(key, DYAD_DETERMINERS);
}

// TION(S) SION(S) MENT(S) NESS ITY ITIES ANCE ENCE ISM after at least three letters; the last
// letter picks the suffixes to compare (a loop of ends_with was a memcmp each, per verb found).
bool has_nominal_suffix(std::string_view key) {
  const size_t n = key.size();
  auto after_three = [&]<size_t N>(const char(&suffix)[N]) {
    return n > N - 1 + 2 && text::same_bytes(key.data() + n - (N - 1), suffix, N - 1);
  };
  if (n < 6) return false;  // the shortest, ITY and ISM, need six letters
  switch (key.back()) {
    case 'N':
      return after_three("TION") || after_three("SION");
    case 'S':
      return after_three("TIONS") || after_three("SIONS") || after_three("MENTS") ||
             after_three("NESS") || after_three("ITIES");
    case 'T':
      return after_three("MENT");
    case 'Y':
      return after_three("ITY");
    case 'E':
      return after_three("ANCE") || after_three("ENCE");
    case 'M':
      return after_three("ISM");
    default:
      return false;
  }
}

// "ED" or "EN" at the end of the key (a past participle's ending): two byte comparisons, where
// string_view::ends_with(const char*) is a call with a strlen (hot in find_verbs).
bool ends_in_ed_or_en(std::string_view key) {
  return key.size() >= 2 && key[key.size() - 2] == 'E' && (key.back() == 'D' || key.back() == 'N');
}

bool is_conjunction(std::string_view key) {
  return text::is(key, "AND") || text::is(key, "BUT") || text::is(key, "OR") ||
         text::is(key, "NOR");
}

bool is_negation(std::string_view key) {
  if (text::is(key, "NOT") || text::is(key, "NEVER") || text::is(key, "NO") ||
      text::is(key, "NEITHER") || text::is(key, "NOR") || text::is(key, "CANNOT"))
    return true;
  return key.size() > 3 && text::is(key.substr(key.size() - 3), "N'T");
}

// Words that may stand between a negation and its verb: "did not immediately meet".
bool is_verb_group_filler(std::string_view key) {
  return DYAD_KEY_IN(key, "DID", "DO", "DOES", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL",
                     "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "BE", "BEEN", "YET", "ALSO",
                     "STILL", "EVER", "IMMEDIATELY", "TO", "IS", "ARE", "WAS", "WERE", "FORMALLY",
                     "OFFICIALLY", "DIRECTLY", "PUBLICLY", "EVEN");
}

#define DYAD_PREPOSITIONS                                                                        \
  "TO", "FOR", "WITH", "OF", "ON", "AGAINST", "FROM", "IN", "AT", "BY", "ABOUT", "INTO", "OVER", \
      "UNDER", "BETWEEN", "AMONG", "TOWARD", "TOWARDS", "NEAR", "VIA", "WITHOUT", "AFTER",       \
      "BEFORE", "DURING"
bool is_preposition(std::string_view key) {
  static constexpr const char* kWords[] = {DYAD_PREPOSITIONS};
  static constexpr size_t kLongest = longest(kWords);
  return key.size() <= kLongest && DYAD_KEY_IN(key, DYAD_PREPOSITIONS);
}

// EventCode::discard() and null() inlined: they compare a std::string with a literal, which GCC
// leaves as a call to compare and memcmp (once per verb tried).
bool discard_code(const lexicon::EventCode& code) {
  return text::is(code.code, "###");
}
bool null_code(const lexicon::EventCode& code) {
  return text::is(code.code, "---");
}

bool is_speech_root(std::string_view code) {
  return code.size() >= 2 && code[0] == '0' && (code[1] == '1' || code[1] == '2');
}

// Roots 18-20: assault, fighting and mass violence.
bool is_violence_root(std::string_view code) {
  return starts(code, "18") || starts(code, "19") || starts(code, "20");
}

struct Verb {
  uint32_t first, last;
  uint32_t verb_index;             // into model.verbs
  bool noun_position;              // after a determiner (dyad rules: codes through patterns only)
  uint32_t continuation_last = 0;  // last token of a multi-word headword's later words
};

struct Candidate {
  int source = -1, target = -1;  // mention indices
  std::string code, paired;
  bool subordinate = false, dominant = false;
  // An actor found by a fallback search (a source after the verb, a target before it) stands
  // alone: it is not expanded into the rest of its compound.
  bool source_single = false, target_single = false;
  uint32_t action_first = 0, action_last = 0;
  uint32_t verb_last = 0;  // the verb's own last word
  size_t clause = 0;
  // dyad's rules: the verb's object noun phrase [object_first, object_last], reported as the
  // uncoded target of an event whose target names no actor ("condemned the attack").
  bool has_object = false;
  uint32_t object_first = 0, object_last = 0;
  // dyad's rules: where the object of the clause's verb of violence starts, for an attack named
  // as a noun in its subject (0: none; see violence_after_noun_event).
  uint32_t object_from = 0;
};

// A bit per model word id (bits has model.words.size() / 64 + 1 words).
bool has_bit(const std::vector<uint64_t>& bits, lexicon::WordId id) {
  return (bits[id / 64] >> (id % 64) & 1) != 0;  // id < model.words.size()
}
void set_bit(std::vector<uint64_t>& bits, lexicon::WordId id) {
  if (id / 64 < bits.size()) bits[id / 64] |= uint64_t{1} << (id % 64);
}

// What the coder reads of each verb, derived from the model once and shared by every Coder made
// for it (Model::Impl::coder_tables): some hundreds of KB with the TABARI dictionaries, which
// every worker thread built again before. Read only once built.
//
// A verb's key index (CompiledVerb::key_words, key_begin, key_patterns, unkeyed_patterns) is
// copied into one array, verb after verb: a try reads a run of adjacent cache lines instead of
// four heap blocks and the compiled verb that points to them, and find_events can prefetch the
// next verb's run.
struct VerbKeys {
  uint32_t offset;    // into key_arena: key words, key_begin (keys + 1), key_patterns,
  uint32_t keys;      // the placed words of each key pattern (kPlacedStride each), unkeyed
  uint32_t patterns;  // patterns, in this order; `patterns`: key_patterns entries
  uint32_t unkeyed;
};
// Each key pattern's literal words, next to its index: words_placed rejects nine in ten of the
// patterns it is asked about, and reading them from the pattern cost a miss or two each.
constexpr uint32_t kPlacedWords = 3, kPlacedStride = kPlacedWords + 1;
constexpr uint32_t kManyWords = UINT32_MAX;  // more than kPlacedWords: read the pattern

// What find_verbs reads of every verb candidate, copied out of the model once: a CompiledVerb is
// some 400 bytes, and these fields of it lie on three cache lines.
struct VerbSummary {
  uint32_t headword_words, headword_chars;
  bool has_continuation;
  bool discard, complex;  // its code is ### or +++
  bool not_a_verb;        // a null code and no patterns
};

// A verb that codes only through its coded patterns: its own code is null and not paired, and
// every pattern that could code something (a code that is not null, or a paired one; discard
// and complex codes count, as they stop the sentence) is keyed. Where the sentence has none of
// those patterns' key words, whatever the rest match (null patterns only) try_verb ends at the
// null code with nothing changed, so it rejects the verb from this list instead, without
// reading the compiled verb or its key index: most tries of HAS, HAVE, SHARE, and of verbs whose
// only patterns the sentence has are null ones ("POLITICAL_EXPERTS *"). At most kMostKeys key
// words, so that the test stays cheaper than what it saves.
struct VerbGate {
  static constexpr uint32_t kMostKeys = 64;
  uint32_t key_count = UINT32_MAX;  // UINT32_MAX: no gate, try the verb
  uint32_t offset = 0;              // the key words: gate_keys[offset, offset + key_count)
};

struct VerbTables {
  // A bit per model word: is it a later word of some verb phrase (collect_verbs looks it up in
  // the verb trie's edges only then)? The edge table is large, each probe a likely cache miss,
  // and most words (TABARI's stems above all) are none.
  std::vector<uint64_t> later_word_bits;
  std::vector<VerbKeys> keys;  // by verb index
  std::vector<uint32_t> key_arena;
  std::vector<VerbSummary> summaries;      // by verb index
  std::vector<VerbGate> gates;             // by verb index
  std::vector<lexicon::WordId> gate_keys;  // the gates' key words, verb after verb

  explicit VerbTables(const Model::Impl& model) {
    later_word_bits.assign(model.words.size() / 64 + 1, 0);
    model.verb_trie.for_each_later_word([&](lexicon::WordId id) { set_bit(later_word_bits, id); });
    summaries.reserve(model.verbs.size());
    gates.reserve(model.verbs.size());
    keys.reserve(model.verbs.size());
    for (const lexicon::CompiledVerb& verb : model.verbs) {
      summaries.push_back(VerbSummary{
          verb.headword_words, verb.headword_chars, verb.has_continuation, verb.code.discard(),
          text::is(verb.code.code, "+++"), verb.code.null() && verb.patterns.empty()});
      gates.push_back(gate_of(verb));
      keys.push_back(VerbKeys{static_cast<uint32_t>(key_arena.size()),
                              static_cast<uint32_t>(verb.key_words.size()),
                              static_cast<uint32_t>(verb.key_patterns.size()),
                              static_cast<uint32_t>(verb.unkeyed_patterns.size())});
      key_arena.insert(key_arena.end(), verb.key_words.begin(), verb.key_words.end());
      key_arena.insert(key_arena.end(), verb.key_begin.begin(), verb.key_begin.end());
      if (verb.key_begin.empty()) key_arena.push_back(0);  // key_begin has keys + 1 entries
      key_arena.insert(key_arena.end(), verb.key_patterns.begin(), verb.key_patterns.end());
      for (uint32_t p : verb.key_patterns) {
        // The pattern's literal words for words_placed: a header (count, or kManyWords, and
        // required_before), then up to kPlacedWords ids.
        const lexicon::CompiledPattern& pattern = verb.patterns[p];
        const size_t count = pattern.required.size();
        const bool fits = count <= kPlacedWords && pattern.required_before <= count;
        key_arena.push_back(fits ? static_cast<uint32_t>(count) | pattern.required_before << 8
                                 : kManyWords);
        for (size_t r = 0; r < kPlacedWords; ++r)
          key_arena.push_back(fits && r < count ? pattern.required[r] : 0);
      }
      key_arena.insert(key_arena.end(), verb.unkeyed_patterns.begin(), verb.unkeyed_patterns.end());
    }
  }

 private:
  VerbGate gate_of(const lexicon::CompiledVerb& verb) {
    VerbGate gate;
    if (!null_code(verb.code) || !verb.code.paired.empty()) return gate;
    auto codes = [&](uint32_t p) {
      const lexicon::EventCode& code = verb.patterns[p].code;
      return !null_code(code) || !code.paired.empty();
    };
    if (std::any_of(verb.unkeyed_patterns.begin(), verb.unkeyed_patterns.end(), codes)) return gate;
    const auto offset = static_cast<uint32_t>(gate_keys.size());
    for (size_t k = 0; k < verb.key_words.size(); ++k)
      if (std::any_of(verb.key_patterns.begin() + verb.key_begin[k],
                      verb.key_patterns.begin() + verb.key_begin[k + 1], codes))
        gate_keys.push_back(verb.key_words[k]);
    const auto count = static_cast<uint32_t>(gate_keys.size()) - offset;
    if (count > VerbGate::kMostKeys) {
      gate_keys.resize(offset);
      return gate;
    }
    gate.key_count = count;
    gate.offset = offset;
    return gate;
  }
};

}  // namespace

struct Coder::Impl {
  std::shared_ptr<const Model> model_holder;
  const Model::Impl& model;
  CodingOptions options;
  text::TokenBuffer full_tokens;  // the whole sentence
  text::TokenBuffer tokens;       // the sentence less its nonrestrictive clauses
  std::vector<text::Span> sentences;
  actors::SentenceScratch scratch;
  actors::DocumentState state;
  std::vector<Verb> verbs;
  std::vector<std::pair<uint32_t, uint32_t>> verb_options;  // scratch for best_verb_at
  std::vector<uint32_t> clause_starts;                      // first token of each clause
  std::vector<Candidate> candidates;
  bool sentence_stopped = false;       // a pattern's discard or complex code was matched
  const Document* document = nullptr;  // the document being coded
  // find_events <-> try_verb: the source the last verb tried found (even without a target), and
  // whether the carried clause source was found by a verb or opens its clause.
  int tried_source = -1;
  bool source_from_verb = false;
  bool event_found = false;  // find_events -> try_verb: the sentence has an event so far
  std::string forwarded;     // see Coder::set_forwarded_actor

  size_t dateline_bytes = 0;  // bytes of the document's opening dateline (dyad's rules)
  // The place of the document's dateline (Document::dateline_place), looked up when a sentence
  // with an event names no place of its own; `dateline_known` says whether it was.
  const lexicon::Place* dateline = nullptr;
  bool dateline_known = false;
  bool trace = std::getenv("DYAD_TRACE") != nullptr;  // debugging aid: the parse on stderr
  bool closing_dropped = false;                       // the closing comma phrase was dropped
  bool story_discarded = false;          // a story discard phrase was found in the document
  std::vector<bool> phrase_conjunction;  // PETRARCH: conjunctions inside a phrase

  explicit Impl(std::shared_ptr<const Model> m)
      : model_holder(std::move(m)),
        model(model_holder->impl()),
        verb_tables(model.coder_tables.get<VerbTables>([this] { return VerbTables(model); })) {}

  // The per-verb tables (VerbTables), built by the first Coder made for the model and shared
  // by all of them; the names below are this Coder's views of them.
  const VerbTables& verb_tables;
  const std::vector<uint64_t>& verb_later_word_bits = verb_tables.later_word_bits;
  const std::vector<VerbKeys>& verb_keys = verb_tables.keys;
  const std::vector<uint32_t>& verb_key_arena = verb_tables.key_arena;
  const std::vector<VerbSummary>& verb_summaries = verb_tables.summaries;
  const std::vector<VerbGate>& verb_gates = verb_tables.gates;
  const std::vector<lexicon::WordId>& gate_keys = verb_tables.gate_keys;

  bool any_verb_later_word(lexicon::WordId id) const { return has_bit(verb_later_word_bits, id); }
  // words_placed() from the arena's entry for a key pattern (header, then the words).
  bool words_placed(const uint32_t* placed, const lexicon::CompiledPattern& pattern,
                    uint32_t verb_first, uint32_t verb_last) const {
    if (placed[0] == kManyWords)
      return words_placed(pattern.required.data(), pattern.required.size(), pattern.required_before,
                          verb_first, verb_last);
    return words_placed(placed + 1, placed[0] & 0xff, placed[0] >> 8, verb_first, verb_last);
  }

  void print_trace(const char* stage) const {
    std::string line = fmt::format("[{}] ", stage);
    for (size_t i = 0; i < tokens.size(); ++i) {
      int m = scratch.mention_of_token[i];
      bool clause = std::find(clause_starts.begin(), clause_starts.end(), i) != clause_starts.end();
      bool verb =
          std::any_of(verbs.begin(), verbs.end(), [&](const Verb& v) { return v.first == i; });
      line += fmt::format("{}{}{}{} ", clause && i ? "| " : "", tokens.key(i),
                          m >= 0 ? fmt::format("<{}:{}>", m, scratch.mentions[m].code) : "",
                          verb ? "<V>" : "");
    }
    fmt::print(stderr, "{}\n", line);
    for (const auto& c : candidates)
      fmt::print(stderr, "  event {} {}->{} sub={} dom={} clause={}\n", c.code, c.source, c.target,
                 c.subordinate, c.dominant, c.clause);
  }

  // ---- sentence-level filters -----------------------------------------------------------

  // A discard phrase in the sentence; a story discard (PETRARCH '+') also sets story_discarded.
  bool discard_phrase_present() {
    if (model.discard_trie.nodes() <= 1) return false;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    bool found = false;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t payload = 0;
      if (actors::longest_match(model.discard_trie, scratch, i, n, &payload) > 0) {
        found = true;
        if (payload == 1) story_discarded = true;
      }
    }
    return found;
  }

  // dyad's rules: a line of figures (a table of rates or prices: "US 1.6188/95 YEN 234.95/235.15
  // CAN 2.1155/80") reports no event: eight numbers or more, and at least one for every two
  // words.
  bool is_table() const {
    size_t numbers = 0;  // the words are counted only for a sentence with eight numbers
    for (const auto& t : tokens.tokens) numbers += t.kind == TokenKind::kNumber;
    if (numbers < 8) return false;
    size_t words = 0;
    for (const auto& t : tokens.tokens) words += t.kind == TokenKind::kWord;
    return numbers * 2 >= words;
  }

  size_t word_count() const {
    size_t words = 0;
    for (const auto& t : tokens.tokens)
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber || t.kind == TokenKind::kComma)
        ++words;
    return words;
  }

  // Drops comma-delimited nonrestrictive clauses (TABARI 7.8, COMMA options). Returns true when
  // something was dropped (then `tokens` holds the rest). Commas inside a list of actors and
  // commas of the opening phrase (by default) are kept.
  bool comma_in_phrase(uint32_t i) const {
    for (uint32_t k : {i - 1, i + 1}) {
      const text::Token& t = full_tokens.tokens[k];
      if (t.kind != TokenKind::kWord || t.capitalized || scratch.mention_of_token[k] >= 0)
        return false;
      std::string_view key = full_tokens.key(k);
      if (is_determiner(key) || is_preposition(key) || is_conjunction(key) ||
          DYAD_KEY_IN(key, "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THAT", "WHICH", "WHO"))
        return false;
    }
    return true;
  }

  // dyad's rules: a verb word in the sentence's opening prepositional phrase ("After the
  // attack ,", "In a statement on Monday ,", "Following talks in Geneva ,") is a noun of that
  // phrase when it follows a determiner, a preposition or a number and no actor or subject
  // pronoun stands before it there: the phrase is no clause, and the verb word does not make
  // it the segment drop_comma_clauses keeps.
  bool noun_in_opening_phrase(uint32_t i, uint32_t first_comma) const {
    if (i >= first_comma) return false;
    uint32_t f = 0;
    while (f < i && full_tokens.tokens[f].kind != TokenKind::kWord) ++f;
    std::string_view opener = full_tokens.key(f);
    if (!is_preposition(opener) &&
        !DYAD_KEY_IN(opener, "FOLLOWING", "AMID", "AMIDST", "DESPITE", "UPON", "AHEAD",
                     "THROUGHOUT", "ACROSS", "UNLIKE", "SINCE", "UNTIL"))
      return false;
    if (text::is(opener, "TO")) return false;  // "To end the war , ..." is an infinitive
    if (i == f) return true;                   // the opener itself: "Following talks ,"
    for (uint32_t k = f + 1; k < i; ++k) {
      if (scratch.mention_of_token[k] >= 0) return false;
      if (DYAD_KEY_IN(full_tokens.key(k), "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "WHO",
                      "WHICH", "THAT"))
        return false;
    }
    // Used as a noun: right after the opener, a determiner, a preposition or a number ("After
    // the attack", "After talks", "after two attacks"); not after a noun that may be the
    // subject ("For years the organisation has prepared ...").
    // A gerund right after the opener heads a phrase whose subject is the main clause's
    // ("Before agreeing to a package , the president ..."): it stays the verb that is kept.
    const text::Token& previous = full_tokens.tokens[i - 1];
    std::string_view key = full_tokens.key(i - 1);
    if (i - 1 == f) return !ends(full_tokens.key(i), "ING");
    return previous.kind == TokenKind::kNumber || previous.kind == TokenKind::kPossessive ||
           is_determiner(key) || is_preposition(key);
  }

  // dyad's rules: the phrase between commas (open, close) is an apposition that only describes
  // the actor right before it ("The SDF , a group of units raised by Washington to fight Isis ,
  // said ...", "Eighteen Italian fishermen , held captive in Libya for more than 100 days , have
  // been freed by Libya forces"): it opens with A / AN or a past participle within three words
  // of an actor, and after it comes a finite verb, the main clause's, auxiliaries aside ("has
  // surrendered", "have been freed"). (After a name the knowledge lacks the apposition is where
  // the actor is named: "Kristina Baum, a spokesperson for the White House ..., declined".) Its
  // verbs are background: it is never the kept segment and is dropped whatever its length (up to 20
  // words).
  bool apposition_after_actor(uint32_t open, uint32_t close) const {
    const uint32_t n = static_cast<uint32_t>(full_tokens.size());
    if (open < 1 || close + 1 >= n || close <= open + 1) return false;
    std::string_view opener = full_tokens.key(open + 1);
    if (!DYAD_KEY_IN(opener, "A", "AN") &&
        !((ends_in_ed_or_en(opener) || DYAD_KEY_IN(opener, "HELD", "KNOWN", "BORN", "KEPT")) &&
          !full_tokens.tokens[open + 1].capitalized && verb_starts_at(open + 1)))
      return false;
    bool actor = false;
    for (uint32_t k = open; !actor && k-- > 0 && k + 4 >= open;) {
      if (full_tokens.tokens[k].kind != TokenKind::kWord) break;
      actor = scratch.mention_of_token[k] >= 0;
    }
    if (!actor) return false;
    int words = 0;
    for (uint32_t k = open + 1; k < close; ++k) {
      const text::Token& t = full_tokens.tokens[k];
      if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++words;
      if (t.kind == TokenKind::kQuote || t.kind == TokenKind::kPeriod) return false;
    }
    if (words > 20) return false;
    // A finite verb: "..., insisting that" is no main clause; "has surrendered", "have been
    // freed" are.
    uint32_t v = close + 1;
    while (v + 1 < n && v < close + 3 &&
           DYAD_KEY_IN(full_tokens.key(v), "HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE", "BEEN",
                       "WILL", "WOULD"))
      ++v;
    return !ends(full_tokens.key(v), "ING") && verb_starts_at(v);
  }

  // A verb of the model (not a null code without patterns) starts at token i of full_tokens, the
  // sentence before comma clauses are dropped, outside any actor mention.
  bool verb_starts_at(uint32_t i) const {
    if (scratch.mention_of_token[i] >= 0 || full_tokens.tokens[i].kind != TokenKind::kWord ||
        !(scratch.token_flags[i] & lexicon::WordTable::kStartsVerb))
      return false;
    uint32_t payload = 0;
    if (actors::longest_match(model.verb_trie, scratch, i,
                              static_cast<uint32_t>(full_tokens.size()), &payload,
                              {lexicon::WordTable::kStartsVerb, 0}) == 0)
      return false;
    return !verb_summaries[payload].not_a_verb;
  }

  // drop_comma_clauses' working vectors, kept between sentences so they allocate only when a
  // sentence is longer than any before.
  struct CommaBuffers {
    std::vector<uint32_t> commas, new_index;
    std::vector<bool> drop;
    // The dropped runs [first, end) in the order they are found (by first; the closing run may
    // overlap the one before it by a comma): the kept tokens are copied a run at a time.
    std::vector<std::pair<uint32_t, uint32_t>> dropped;
  } comma_buffers;
  bool drop_comma_clauses() {
    if (!options.comma_clauses) return false;
    const uint32_t n = static_cast<uint32_t>(full_tokens.size());
    std::vector<uint32_t>& commas = comma_buffers.commas;
    commas.clear();
    const uint8_t* boundary = scratch.clause_boundary.data();
    const size_t boundary_count = scratch.clause_boundary.size();
    for (uint32_t i = 0; i < n; ++i) {
      // Eight tokens at a time while none is a clause boundary (every comma is one).
      while (i + 8 <= boundary_count &&
             text::detail::load_u64(reinterpret_cast<const char*>(boundary + i)) == 0)
        i += 8;
      if (i >= n) break;
      if (full_tokens.tokens[i].kind != TokenKind::kComma) continue;
      if (scratch.mention_of_token[i] >= 0) continue;
      // A comma between two members of one list is part of the list ("Mordor, the awful
      // Fornost, and Gondor"): the nearest mentions on both sides share a group.
      int before = -1, after = -1;
      for (int64_t k = static_cast<int64_t>(i) - 1; k >= 0 && before < 0; --k)
        before = scratch.mention_of_token[static_cast<size_t>(k)];
      // The mention after is looked for only when the one before is in a compound.
      if (before >= 0 && scratch.mentions[before].group >= 0)
        for (uint32_t k = i + 1; k < n && after < 0; ++k) after = scratch.mention_of_token[k];
      if (before >= 0 && after >= 0 && scratch.mentions[before].group >= 0 &&
          scratch.mentions[before].group == scratch.mentions[after].group)
        continue;
      // PETRARCH: a comma between two lower-case words belongs to a noun phrase ("complete,
      // full diplomatic ties"), it delimits no clause.
      if (options.petrarch_rules && i > 0 && i + 1 < n && comma_in_phrase(i)) continue;
      commas.push_back(i);
    }
    if (commas.empty()) return false;
    uint32_t end = n;
    while (end > 0 && full_tokens.tokens[end - 1].kind == TokenKind::kPeriod) --end;
    auto words_between = [&](uint32_t from, uint32_t to) {  // tokens (from, to) exclusive
      int w = 0;
      for (uint32_t k = from; k < to; ++k)
        if (full_tokens.tokens[k].kind == TokenKind::kWord ||
            full_tokens.tokens[k].kind == TokenKind::kNumber)
          ++w;
      return w;
    };
    // With dyad's rules the segment holding the sentence's first verb is never dropped: in
    // "On Monday, the minister met ..." the closing phrase is the main clause.
    // Looked for when a segment's length first makes it droppable (most sentences have none).
    uint32_t keep_from = 0, keep_to = 0;
    bool keep = false, keep_looked_for = false;
    auto find_kept_segment = [&] {
      if (!options.dyad_rules) return;
      for (uint32_t i = 0; i < n; ++i) {
        if (!verb_starts_at(i) || noun_in_opening_phrase(i, commas.front())) continue;
        keep_from = 0;
        keep_to = n;
        for (uint32_t c : commas) {
          if (c < i) keep_from = c;
          if (c > i) {
            keep_to = c;
            break;
          }
        }
        if (keep_from > 0 && keep_to < n && apposition_after_actor(keep_from, keep_to)) continue;
        keep = true;
        break;
      }
    };
    auto kept = [&](uint32_t from, uint32_t to) {
      if (!keep_looked_for) find_kept_segment();
      keep_looked_for = true;
      return keep && from <= keep_from && to >= keep_to;
    };
    std::vector<bool>& drop = comma_buffers.drop;
    drop.assign(n, false);
    std::vector<std::pair<uint32_t, uint32_t>>& dropped = comma_buffers.dropped;
    dropped.clear();
    bool any = false;
    // Opening phrase: [0, first comma).
    int w = words_between(0, commas.front());
    if (w > options.comma_bmin && w <= options.comma_bmax && !kept(0, commas.front())) {
      for (uint32_t k = 0; k <= commas.front(); ++k) drop[k] = true;
      dropped.emplace_back(0, commas.front() + 1);
      any = true;
    }
    // A comma that closes a dropped phrase does not open another one: in "A, B, C" with B
    // dropped, C is the rest of the sentence, not a closing phrase.
    bool last_comma_closed_a_drop = false;
    for (size_t c = 0; c + 1 < commas.size(); ++c) {
      w = words_between(commas[c] + 1, commas[c + 1]);
      // PETRARCH counts an internal phrase one word short (COMMA-15 drops nine words under a
      // maximum of 8; COMMA-05 keeps ten under 6).
      if (options.petrarch_rules) --w;
      last_comma_closed_a_drop = false;
      if (((w > options.comma_min && w <= options.comma_max && !kept(commas[c], commas[c + 1])) ||
           (options.dyad_rules && apposition_after_actor(commas[c], commas[c + 1]))) &&
          !drop[commas[c]]) {
        // The phrase goes with both its commas: "Gollum, centre of a row, called on" reads
        // "Gollum called on".
        for (uint32_t k = commas[c]; k <= commas[c + 1]; ++k) drop[k] = true;
        dropped.emplace_back(commas[c], commas[c + 1] + 1);
        any = true;
        last_comma_closed_a_drop = true;
      }
    }
    w = words_between(commas.back() + 1, end);
    // PETRARCH drops the closing phrase after a dropped internal one as well.
    if (options.petrarch_rules) last_comma_closed_a_drop = false;
    // dyad's rules: "returned cultural artifacts , including a krater and a fresco , to the
    // government of Italy": after a list inserted with INCLUDING or SUCH AS, a closing TO
    // phrase is where the verb's object goes, the rest of the main clause.
    bool recipient_after_list = false;
    if (options.dyad_rules && commas.size() >= 2 && commas.back() + 2 < end) {
      const uint32_t opener = commas[commas.size() - 2] + 1, to = commas.back() + 1;
      recipient_after_list =
          (text::is(full_tokens.key(opener), "INCLUDING") ||
           (text::is(full_tokens.key(opener), "SUCH") && opener + 1 < to &&
            text::is(full_tokens.key(opener + 1), "AS"))) &&
          DYAD_KEY_IN(full_tokens.key(to), "TO", "INTO") &&
          (is_determiner(full_tokens.key(to + 1)) || full_tokens.tokens[to + 1].capitalized);
    }
    if (w > options.comma_emin && w <= options.comma_emax && !kept(commas.back(), n) &&
        !last_comma_closed_a_drop && !recipient_after_list) {
      for (uint32_t k = commas.back(); k < end; ++k) drop[k] = true;
      dropped.emplace_back(commas.back(), end);
      any = true;
      closing_dropped = true;
    }
    if (!any) return false;
    // Actors were assembled on the whole sentence (TABARI parses before it drops clauses):
    // the mentions that survive keep their codes, re-indexed onto the remaining tokens.
    // The kept tokens keep their key offsets: the keys are copied whole (one copy, not one
    // append per token); a dropped token's key stays in them unused.
    tokens.tokens.clear();
    tokens.keys = full_tokens.keys;
    std::vector<uint32_t>& new_index = comma_buffers.new_index;
    new_index.assign(n, UINT32_MAX);
    uint32_t from = 0;  // the first token not yet kept or dropped
    auto keep_up_to = [&](uint32_t to) {
      if (from >= to) return;
      const auto at = static_cast<uint32_t>(tokens.tokens.size());
      tokens.tokens.insert(tokens.tokens.end(), full_tokens.tokens.begin() + from,
                           full_tokens.tokens.begin() + to);
      for (uint32_t k = from; k < to; ++k) new_index[k] = at + (k - from);
    };
    for (const auto& [first, after_last] : dropped) {
      keep_up_to(first);
      from = std::max(from, after_last);
    }
    keep_up_to(n);
    // In place: a kept mention moves down to the next free slot (its strings are moved, not
    // copied), its word tokens re-indexed over themselves.
    std::vector<Mention>& mentions = scratch.mentions;
    size_t kept_count = 0;
    for (size_t i = 0; i < mentions.size(); ++i) {
      Mention& m = mentions[i];
      if (new_index[m.first_token] == UINT32_MAX || new_index[m.last_token] == UINT32_MAX) continue;
      // A pronoun whose antecedent went with a dropped clause refers to nothing.
      if (m.referent_token >= 0 && new_index[static_cast<size_t>(m.referent_token)] == UINT32_MAX)
        continue;
      m.first_token = new_index[m.first_token];
      m.last_token = new_index[m.last_token];
      size_t words = 0;
      for (uint32_t k : m.words)
        if (new_index[k] != UINT32_MAX) m.words[words++] = new_index[k];
      m.words.resize(words);
      if (kept_count != i) mentions[kept_count] = std::move(m);
      ++kept_count;
    }
    mentions.resize(kept_count);
    actors::reset_to_none(scratch.mention_of_token, tokens.size());
    for (size_t m = scratch.mentions.size(); m-- > 0;)
      actors::for_each_token(scratch.mentions[m], [&](uint32_t k) {
        scratch.mention_of_token[k] = static_cast<int>(m);
      });
    actors::keep_words(drop, scratch);
    note_words();
    return true;
  }

  // ---- verbs and clauses ------------------------------------------------------------------

  // Collects the verb phrases starting at token `i` (every trie node on the path, every payload)
  // and keeps the longest whose continuation, if any, is found in the clause.
  void collect_verbs(lexicon::PhraseTrie::Link link, uint32_t pos, uint32_t depth,
                     std::vector<std::pair<uint32_t, uint32_t>>& found) const {
    if (depth > 0 && link.has_payloads())
      for (uint32_t payload : model.verb_trie.payloads(link.node()))
        found.emplace_back(depth, payload);
    if (pos >= tokens.size()) return;
    if (depth > 0 && link.child_signature() == 0) return;  // a leaf
    for (uint32_t k = scratch.match_begin[pos]; k < scratch.match_begin[pos + 1]; ++k) {
      // At the root, an id that starts no verb phrase needs no lookup (its flag says so); below
      // it, one that continues none (its bit says so).
      if (depth == 0 ? !(scratch.id_flags[k] & lexicon::WordTable::kStartsVerb)
                     : !any_verb_later_word(scratch.ids[k]))
        continue;
      const lexicon::WordId id = scratch.ids[k];
      if (const auto next =
              depth == 0 ? model.verb_trie.root_link(id) : model.verb_trie.link_of(link, id))
        collect_verbs(next, pos + 1, depth + 1, found);
    }
  }

  bool best_verb_at(uint32_t i, uint32_t* len, uint32_t* payload, uint32_t* continuation_last) {
    verb_options.clear();
    if (!(scratch.token_flags[i] & lexicon::WordTable::kStartsVerb)) return false;
    collect_verbs(lexicon::PhraseTrie::Link(), i, 0, verb_options);
    uint32_t best_words = 0, best_chars = 0;
    bool found = false;
    for (auto [depth, index] : verb_options) {
      const VerbSummary& verb = verb_summaries[index];
      uint32_t words = depth, last = 0;
      if (verb.has_continuation) {
        const events::SentenceView view{tokens, scratch};
        events::PatternMatch match;
        if (!events::match_pattern(model.verbs[index].continuation, view, i, i + depth - 1, &match))
          continue;
        words = verb.headword_words;
        last = match.last_token;
      }
      // Longer phrases win, then longer headwords (TABARI tries SIGNED before SIGN); among
      // equals the first definition read (a user's --dict) wins.
      if (words > best_words || (words == best_words && verb.headword_chars > best_chars)) {
        best_words = words;
        best_chars = verb.headword_chars;
        *len = depth;
        *payload = index;
        *continuation_last = last;
        found = true;
      }
    }
    return found;
  }

  struct TimeEffect {
    int shift = 0;
    bool discard = false, complex = false, null = false;
  };

  // The first <TIME> phrase of the sentence (TABARI 10.5) and what it does: a day shift, or the
  // discard, complex or null code.
  TimeEffect time_phrase() {
    TimeEffect effect;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    events::SentenceView view{tokens, scratch};
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t payload = 0;
      uint32_t len = actors::longest_match(model.time_trie, scratch, i, n, &payload);
      if (len == 0) continue;
      const lexicon::CompiledVerb& phrase = model.times[payload];
      const lexicon::EventCode* code = &phrase.code;
      for (const auto& pattern : phrase.patterns) {
        events::PatternMatch match;
        if (events::match_pattern(pattern, view, i, i + len - 1, &match)) {
          code = &pattern.code;
          break;
        }
      }
      if (code->discard())
        effect.discard = true;
      else if (text::is(code->code, "+++"))
        effect.complex = true;
      else if (code->null())
        effect.null = true;
      else
        effect.shift = std::atoi(code->code.c_str());
      return effect;
    }
    return effect;
  }

  // Which dictionary words the current sentence has: seen[id] >= seen_base, and then
  // seen[id] - seen_base is the word's index in sentence_words and word_spans. seen_base moves
  // past the current sentence's entries for the next one, so the table is not cleared. Four
  // bytes per model word (it has an entry for every word, and is mostly out of cache): a
  // third of a {stamp, first, last} entry, so more of it stays in cache.
  std::vector<uint32_t> seen;
  uint32_t seen_base = 1;
  // word_spans[k]: the first and last token with the sentence's k-th distinct word (in L1).
  struct WordSpan {
    uint32_t first, last;
  };
  std::vector<WordSpan> word_spans;
  const WordSpan* seen_span(lexicon::WordId id) const {
    if (!maybe_seen(id) || seen[id] < seen_base) return nullptr;
    return &word_spans[seen[id] - seen_base];
  }
  // SentenceView::word_span from the seen words (filled).
  static bool word_span_of(const void* context, lexicon::WordId id, uint32_t* first,
                           uint32_t* last) {
    const Impl& self = *static_cast<const Impl*>(context);
    if (id >= self.seen.size()) {  // no model word (a damaged model file): anywhere
      *first = 0;
      *last = static_cast<uint32_t>(self.tokens.size()) - 1;
      return true;
    }
    const WordSpan* w = self.seen_span(id);
    if (w == nullptr) return false;
    *first = w->first;
    *last = w->last;
    return true;
  }
  // A bit per (word id mod 4096) for the words of `seen`'s current stamp: a filter in L1 in
  // front of `seen`, which has an entry per model word and is mostly out of cache. Most words
  // asked for are absent (a verb's key words, a pattern's required words), so most questions
  // end here.
  static constexpr uint32_t kSeenBits = 4096;
  std::array<uint64_t, kSeenBits / 64> seen_bits{};
  static size_t seen_word(lexicon::WordId id) { return (id / 64) % (kSeenBits / 64); }
  static uint64_t seen_mask(lexicon::WordId id) { return uint64_t{1} << (id % 64); }
  bool maybe_seen(lexicon::WordId id) const {
    return (seen_bits[seen_word(id)] & seen_mask(id)) != 0;
  }
  // A verb with many key words: its keys grouped by their word of seen_bits, and the bits they
  // set there. try_verb ANDs the 64 words with the sentence's and tests only the keys of the
  // words that meet, not every key (hundreds for a common verb). Built on a verb's first try.
  struct KeyFilter {
    std::array<uint64_t, kSeenBits / 64> bits{};
    // keys[word_begin[w], word_begin[w + 1]): the key indices whose bit is in word w.
    std::array<uint32_t, kSeenBits / 64 + 1> word_begin{};
    std::vector<uint32_t> keys;
  };
  static constexpr size_t kKeyFilterMin = 64;           // fewer keys are tested one by one
  std::vector<std::unique_ptr<KeyFilter>> key_filters;  // by verb index, null until built
  const KeyFilter& key_filter(uint32_t verb_index) {
    if (key_filters.empty()) key_filters.resize(model.verbs.size());
    std::unique_ptr<KeyFilter>& filter = key_filters[verb_index];
    if (filter) return *filter;
    filter = std::make_unique<KeyFilter>();
    const std::vector<lexicon::WordId>& key_words = model.verbs[verb_index].key_words;
    for (lexicon::WordId id : key_words) {
      filter->bits[seen_word(id)] |= seen_mask(id);
      ++filter->word_begin[seen_word(id) + 1];
    }
    for (size_t w = 0; w < kSeenBits / 64; ++w) filter->word_begin[w + 1] += filter->word_begin[w];
    filter->keys.resize(key_words.size());
    std::array<uint32_t, kSeenBits / 64> next{};
    for (uint32_t k = 0; k < key_words.size(); ++k) {
      size_t w = seen_word(key_words[k]);
      filter->keys[filter->word_begin[w] + next[w]++] = k;
    }
    return *filter;
  }
  // A common verb's key words: a bit per model word (most words of a sentence are no key, and
  // one bit test says so), then word -> its index k in the verb's key_words in a small flat
  // table (32 KB for SAID's 845 keys): a probe that stays in cache, where the model's index of
  // every verb's keys was megabytes and missed it for each key found. Per thread, built on the
  // verb's first try in that path.
  struct KeyMap {
    std::vector<uint64_t> bits;  // a bit per model word, set for the keys
    lexicon::FlatU64Map index;   // word -> k (a key word twice: its first index stands)
  };
  std::vector<KeyMap> key_maps;  // by verb index, empty until built
  const KeyMap& key_map(uint32_t verb_index) {
    if (key_maps.empty()) key_maps.resize(model.verbs.size());
    KeyMap& map = key_maps[verb_index];
    if (!map.bits.empty()) return map;
    const auto& key_words = model.verbs[verb_index].key_words;
    map.bits.assign(model.words.size() / 64 + 1, 0);
    map.index.reserve(key_words.size());
    for (uint32_t k = 0; k < key_words.size(); ++k) {
      set_bit(map.bits, key_words[k]);
      map.index.insert(key_words[k], k);
    }
    return map;
  }
  std::vector<uint32_t> pattern_candidates;  // try_verb's keyed patterns to try (reused buffer)
  // The distinct words seen, in order: the first sentence_word_count (the buffer only grows, so
  // a sentence does not pay for zeroing it).
  std::vector<lexicon::WordId> sentence_words;
  size_t sentence_word_count = 0;
  bool words_noted = false;  // seen and sentence_words are up to date
  bool word_seen(lexicon::WordId id) const { return maybe_seen(id) && seen[id] >= seen_base; }
  // The sentence's words changed (a new sentence, or clauses dropped): seen and sentence_words
  // are filled again when try_verb first needs them, from the words as they are then.
  void note_words() { words_noted = false; }
  void fill_words_seen() {
    words_noted = true;
    if (seen.size() < model.words.size()) seen.resize(model.words.size());
    const auto id_count = static_cast<uint32_t>(scratch.ids.size());
    // The previous sentence's entries are below seen_base + its word count.
    seen_base += static_cast<uint32_t>(sentence_word_count);
    if (UINT32_MAX - seen_base <= id_count) {  // would wrap: start over
      std::fill(seen.begin(), seen.end(), 0);
      seen_base = 1;
    }
    seen_bits.fill(0);
    // Plain pointers and a local base: with the stores into `seen` the compiler would reload
    // every vector's data and size for each word id otherwise. One loop over the ids, the token
    // index following along (a token has zero ids or a few): a loop per token cost more in
    // setting up each inner loop than the ids did.
    const uint32_t* match_begin = scratch.match_begin.data();
    const lexicon::WordId* ids = scratch.ids.data();
    uint32_t* table = seen.data();
    const uint32_t base = seen_base;
    if (sentence_words.size() < id_count) sentence_words.resize(id_count);
    if (word_spans.size() < id_count) word_spans.resize(id_count);
    lexicon::WordId* distinct = sentence_words.data();
    WordSpan* spans = word_spans.data();
    uint32_t distinct_count = 0;
    // i: the token of ids[k]; next: the first id of the token after it. match_begin ends with
    // id_count, so i stays on a token while k < id_count.
    uint32_t i = 0, next = id_count > 0 ? match_begin[1] : 0;
    for (uint32_t k = 0; k < id_count; ++k) {
      if (k >= next) {
        do next = match_begin[++i + 1];
        while (next <= k);
      }
      const lexicon::WordId id = ids[k];
      const uint32_t entry = table[id];
      if (entry >= base) {
        spans[entry - base].last = i;
      } else {
        table[id] = base + distinct_count;
        spans[distinct_count] = WordSpan{i, i};
        distinct[distinct_count++] = id;
        seen_bits[seen_word(id)] |= seen_mask(id);
      }
    }
    sentence_word_count = distinct_count;
  }
  // A pattern's literal words (`count` words, the first `before` of them before '*') all stand
  // where they could match: those before '*' before the verb, those after it after the verb.
  // Cheap, and rejects most candidates.
  bool words_placed(const lexicon::WordId* words, size_t count, size_t before, uint32_t verb_first,
                    uint32_t verb_last) const {
    for (size_t r = 0; r < count; ++r) {
      const WordSpan* w = seen_span(words[r]);
      if (w == nullptr) return false;
      if (r < before ? w->first >= verb_first : w->last <= verb_last) return false;
    }
    return true;
  }

  // A { | } element of a few alternatives next to the verb has one whose first word stands
  // after the verb (after '*') or whose last word stands before it (before '*'): the matcher
  // tries an alternative only where its first (last) word is. (Synsets, larger and shared by
  // many patterns, are left to the matcher's jump tables.)
  bool alternatives_placed(const lexicon::CompiledElement& e, bool after, uint32_t verb_first,
                           uint32_t verb_last) const {
    if (e.kind != lexicon::ElementKind::kAlternatives) return true;
    const lexicon::AlternativeSet& set = *e.alternatives;
    constexpr size_t kMostChecked = 16;
    if (set.phrases.size() > kMostChecked || !(after ? set.slot_first : set.slot_last).empty())
      return true;
    for (const lexicon::CompiledPhrase& alt : set.phrases) {
      if (alt.words.empty()) return true;
      const size_t k = after ? 0 : alt.words.size() - 1;
      // An actor slot, or a word out of the table's range (a damaged model file): anywhere.
      if (!alt.slots.empty() && alt.slots[k] != lexicon::ElementKind::kWord) return true;
      if (alt.words[k] >= seen.size()) return true;
      const WordSpan* w = seen_span(alt.words[k]);
      if (w != nullptr && (after ? w->last > verb_last : w->first < verb_first)) return true;
    }
    return false;
  }
  bool alternatives_placed(const lexicon::CompiledPattern& pattern, uint32_t verb_first,
                           uint32_t verb_last) const {
    return !pattern.has_alternatives ||
           ((pattern.after.empty() ||
             alternatives_placed(pattern.after.front(), true, verb_first, verb_last)) &&
            (pattern.before.empty() ||
             alternatives_placed(pattern.before.back(), false, verb_first, verb_last)));
  }

  bool hyphenated_participle(const Verb& v) const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    if (v.first != v.last || v.first == 0 || v.last + 1 >= n || document == nullptr) return false;
    std::string_view key = tokens.key(v.first);
    if (key.size() < 5 || !ends_in_ed_or_en(key)) return false;
    const std::optional<std::string_view> gap = gap_before(*document, v.first);
    if (!gap || (!text::is(*gap, "-") && !text::is(*gap, " - "))) return false;
    const text::Token& prev = tokens.tokens[v.first - 1];
    if (prev.kind != TokenKind::kWord && prev.kind != TokenKind::kNumber) return false;
    const text::Token& next = tokens.tokens[v.last + 1];
    std::string_view next_key = tokens.key(v.last + 1);
    return next.kind == TokenKind::kWord && !is_preposition(next_key) && !is_determiner(next_key) &&
           !ends_noun_phrase(next_key);
  }

  // dyad's rules: the verb's object does not reach into a subordinate clause after it
  // ("expelled all UNSCOM weapons inspectors charging that UNSCOM has become a spy agency",
  // "attacked the city near Damascus on Friday, as civilians who had spent days ..."). The
  // first token in [from, end) that opens one: THAT after a verb in -ING ("saying that"; after
  // a noun it mostly states what the noun is about: "expressed hope that the new government
  // ..."); WHILE, WHEREAS, BECAUSE, ALTHOUGH or THOUGH; AS right after a comma; WHO or WHICH
  // ("agree with Tantan, the Minister of Interior who told governors not to welcome deputies").
  // `end` when there is none.
  uint32_t subordinate_clause_start(uint32_t from, uint32_t end) const {
    // The first reduced relative clause (below), found in the same pass: a clause word later in
    // the range still comes first.
    uint32_t reduced_relative = end;
    for (uint32_t k = from; k < end; ++k) {
      std::string_view key = tokens.key(k);
      if (reduced_relative == end && options.dyad_rules && k > 0 && reduced_relative_start(k))
        reduced_relative = k;
      // Every word below is 2-8 letters and starts with A, B, T or W: most tokens stop here.
      if (key.size() < 2 || key.size() > 8 ||
          !(key[0] == 'W' || key[0] == 'T' || key[0] == 'A' || key[0] == 'B'))
        continue;
      if (DYAD_KEY_IN(key, "WHILE", "WHEREAS", "BECAUSE", "ALTHOUGH", "THOUGH")) return k;
      if (text::is(key, "AS") && k > from && comma_before(k)) return k;
      if (text::is(key, "THAT") && k > from && ends(tokens.key(k - 1), "ING") && verb_at(k - 1))
        return k;
      if (DYAD_KEY_IN(key, "WHO", "WHICH") && k > from) return k;
    }
    return reduced_relative;
  }

  // dyad's rules: a participle in -ING right after the object noun (token k > 0) opens a
  // reduced relative clause ("will not accept any Rohingya refugees fleeing a new spate of
  // ethnic violence in neighbouring Myanmar"): the actors it names are not acted on.
  bool reduced_relative_start(uint32_t k) const {
    std::string_view key = tokens.key(k);
    const text::Token& t = tokens.tokens[k];
    const text::Token& previous = tokens.tokens[k - 1];
    return t.kind == TokenKind::kWord && !t.capitalized && key.size() > 5 && ends(key, "ING") &&
           previous.kind == TokenKind::kWord && scratch.mention_of_token[k] < 0 &&
           !DYAD_KEY_IN(key, "REGARDING", "CONCERNING", "INCLUDING", "FOLLOWING", "ACCORDING",
                        "DURING", "PENDING", "EXCLUDING", "NOTWITHSTANDING", "BARRING") &&
           !is_determiner(tokens.key(k - 1)) && !is_preposition(tokens.key(k - 1)) &&
           !is_auxiliary(tokens.key(k - 1)) && !verb_at(k - 1) && ends(tokens.key(k - 1), "S");
  }

  // A comma stands right before token k in the text, also one of a comma clause dropped from
  // the tokens.
  bool comma_before(uint32_t k) const {
    if (k == 0) return false;
    if (tokens.tokens[k - 1].kind == TokenKind::kComma) return true;
    const std::optional<std::string_view> gap = gap_before(*document, k);
    if (!gap) return false;
    const size_t last = gap->find_last_not_of(" \t\n");
    return last != std::string_view::npos && (*gap)[last] == ',';
  }

  static bool is_pronoun_key(std::string_view key) {
    return DYAD_KEY_IN(key, "HE", "SHE", "IT", "ITS", "HIS", "HER", "THEY", "THEM", "THEIR", "WE",
                       "OUR", "US", "I", "HIM");
  }

  // dyad: a one-word verb used as a noun where no determiner says so: after OF ("an expansion of
  // lending"), a plural before OF with no subject before it ("report signs of"), before a finite
  // verb ("exports were", "damage was"), after a hyphenated modifier ("the half-billion-dollar
  // damage"; not "a Russian-led attack") or a nationality adjective ("Israeli exports", "an
  // Iranian blockade"). Like a verb after a determiner, it codes only through its patterns.
  bool used_as_noun(const Verb& v) const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    if (v.first != v.last || v.first == 0 || v.continuation_last > v.last) return false;
    std::string_view key = tokens.key(v.first);
    std::string_view prev = tokens.key(v.first - 1);
    std::string_view next = v.last + 1 < n ? tokens.key(v.last + 1) : std::string_view();
    if (text::is(prev, "OF")) return true;
    // After another preposition a verb word not in -ING is a noun ("contacted by telephone",
    // "appealed for support"); IN, AFTER, AMID, DURING and BEFORE are left out ("in talks with",
    // "died after torture": event nouns that still name their actors).
    if (DYAD_KEY_IN(prev, "BY", "WITH", "FOR", "AGAINST", "WITHOUT", "ON", "AT", "OVER", "UNDER",
                    "FROM") &&
        !ends(key, "ING"))
      return true;
    // Asked only when the word after the verb makes it matter (rarely).
    auto clause_word = [&] {
      return DYAD_KEY_IN(prev, "WHO", "WHICH", "THAT", "WHAT", "ALSO", "AGAIN", "STILL", "NOW",
                         "ONLY", "OFTEN", "THEN") ||
             (prev.size() >= 2 && prev[prev.size() - 2] == 'L' && prev.back() == 'Y') ||
             is_pronoun_key(prev);
    };
    bool plural = key.size() > 3 && key.back() == 'S' && key[key.size() - 2] != 'S';
    if (text::is(next, "OF") && plural && scratch.mention_of_token[v.first - 1] < 0 &&
        !clause_word())
      return true;
    if (!ends_in_ed_or_en(key) &&
        DYAD_KEY_IN(next, "IS", "WAS", "ARE", "WERE", "HAS", "HAVE", "HAD", "ROSE", "FELL") &&
        !clause_word())
      return true;
    const text::Token& before = tokens.tokens[v.first - 1];
    if (v.first >= 2 && document != nullptr && scratch.mention_of_token[v.first - 1] < 0 &&
        !before.capitalized && before.kind == TokenKind::kWord && !ends_in_ed_or_en(prev)) {
      // Nothing but a hyphen between the two words before the verb.
      const text::Span& a = tokens.tokens[v.first - 2].span;
      if (before.span.start == a.end + 1 && document->text[a.end] == '-') return true;
    }
    if (scratch.mention_of_token[v.first - 1] >= 0 &&
        (ends(prev, "IAN") || ends(prev, "ISH") || ends(prev, "ESE") || ends(prev, "ELI") ||
         ends(prev, "AQI") || ends(prev, "ANI") ||
         DYAD_KEY_IN(prev, "FRENCH", "DUTCH", "SAUDI", "SWISS", "GREEK", "THAI")))
      return true;
    return false;
  }

  // Finds verbs; returns false when a verb root carries the discard or complex code.
  // title_case_verbs: capitalized words inside the sentence may be verbs (a headline in title
  // case, see code_sentence).
  void find_verbs(bool* discard, bool* complex, bool title_case_verbs = false) {
    verbs.clear();
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    // Whether the sentence is written in capitals (a headline): needed only for a capitalized
    // verb inside the sentence, so computed then, once.
    int all_caps_known = -1;
    auto all_caps = [&] {
      if (all_caps_known < 0) {
        size_t capitalized = 0, words = 0;
        for (const auto& t : tokens.tokens)
          if (t.kind == TokenKind::kWord) {
            ++words;
            if (t.capitalized) ++capitalized;
          }
        all_caps_known = words > 0 &&
                         std::all_of(tokens.tokens.begin(), tokens.tokens.end(),
                                     [](const text::Token& t) {
                                       return t.kind != TokenKind::kWord || t.all_caps ||
                                              !t.capitalized || t.span.end - t.span.start == 1;
                                     }) &&
                         capitalized * 10 > words * 7;
      }
      return all_caps_known == 1;
    };
    const uint8_t* token_flags = scratch.token_flags.data();
    for (uint32_t i = 0; i < n;) {
      // Most tokens start no verb phrase, as their flags tell without any other test.
      if (!(token_flags[i] & lexicon::WordTable::kStartsVerb) || scratch.mention_of_token[i] >= 0 ||
          tokens.tokens[i].kind != TokenKind::kWord) {
        ++i;
        continue;
      }
      uint32_t payload = 0, len = 0, continuation_last = 0;
      if (!best_verb_at(i, &len, &payload, &continuation_last)) {
        ++i;
        continue;
      }
      Verb v{i, i + len - 1, payload, false};
      v.continuation_last = continuation_last;
      i = v.last + 1;  // A word of the <NOUN> list is a noun ("leader" is not the verb LEAD).
      if (model.noun_trie.nodes() > 1) {
        uint32_t noun_payload = 0;
        if (actors::longest_match(model.noun_trie, scratch, v.first, n, &noun_payload) >= len)
          continue;
      }
      // "Donate's": a possessive makes the word a noun.
      if (v.last + 1 < n && tokens.tokens[v.last + 1].kind == TokenKind::kPossessive) continue;
      // Capitalized inside the sentence: a name or a title, not a verb (TABARI 7.4).
      if (v.first > 0 && tokens.tokens[v.first].capitalized && !all_caps() && !title_case_verbs)
        continue;
      std::string_view previous = v.first > 0 ? tokens.key(v.first - 1) : std::string_view();
      if (options.dyad_rules ? is_determiner(previous) : is_article(previous)) {
        if (!options.dyad_rules) continue;  // TABARI: a noun
        v.noun_position = true;
      }
      // PETRARCH: "an anti- Gondor parade": after A/AN and an actor's name, a noun.
      if (options.petrarch_rules && v.first > 0) {
        int m = scratch.mention_of_token[v.first - 1];
        if (m >= 0 && scratch.mentions[m].agent_code.empty()) {
          int64_t k = static_cast<int64_t>(scratch.mentions[m].first_token) - 1;
          int skipped = 0;
          while (k >= 0 && skipped < 2 && !is_article(tokens.key(static_cast<size_t>(k))) &&
                 tokens.tokens[static_cast<size_t>(k)].kind != TokenKind::kComma) {
            --k;
            ++skipped;
          }
          if (k >= 0 && DYAD_KEY_IN(tokens.key(static_cast<size_t>(k)), "A", "AN")) continue;
        }
      }
      // dyad: a stem matching a nominal form ("COOPERAT" in "cooperation") is a noun too.
      if (options.dyad_rules && has_nominal_suffix(tokens.key(v.last))) v.noun_position = true;
      if (options.dyad_rules && !v.noun_position && used_as_noun(v)) v.noun_position = true;
      // dyad: a past participle right after a preposition describes a noun ("duties on frozen
      // orange juice", "clashes with armed groups"): an adjective, coded only through patterns.
      if (options.dyad_rules && v.first == v.last && v.first > 0 &&
          tokens.key(v.first).size() > 4 && ends_in_ed_or_en(tokens.key(v.first)) &&
          !text::is(previous, "TO") && is_preposition(previous))
        v.noun_position = true;
      // dyad: a past participle hyphenated to the word before it and followed by a noun
      // ("US-backed Kurdish forces", "a Russian-hosted conference", pre-tokenized "Iranian -
      // backed Houthis") is an adjective, no event.
      if (options.dyad_rules && hyphenated_participle(v)) continue;
      // dyad: so is a participle that opens the sentence before an actor ("Imprisoned Russian
      // opposition leader Alexei Navalny has started ...", "Reinforced British troops remained").
      if (options.dyad_rules && v.first == 0 && v.first == v.last && v.last + 1 < n &&
          scratch.mention_of_token[v.last + 1] >= 0 && tokens.key(v.first).size() > 4 &&
          ends_in_ed_or_en(tokens.key(v.first)))
        continue;
      const VerbSummary& verb = verb_summaries[payload];
      if (verb.discard) *discard = true;
      if (verb.complex) *complex = true;
      // A null-coded root without patterns is not a verb at all.
      if (verb.not_a_verb) continue;
      verbs.push_back(v);
    }
    // PETRARCH: a modal or auxiliary before another verb is not the verb ("should have acted",
    // "has risen").
    if (options.petrarch_rules && verbs.size() > 1) {
      std::vector<Verb> kept;
      for (size_t k = 0; k < verbs.size(); ++k) {
        bool auxiliary = verbs[k].first == verbs[k].last &&
                         DYAD_KEY_IN(tokens.key(verbs[k].first), "SHOULD", "WOULD", "COULD", "MAY",
                                     "MIGHT", "MUST", "WILL", "SHALL", "CAN", "HAVE", "HAS", "HAD",
                                     "DO", "DOES", "DID", "BE", "BEEN", "IS", "ARE", "WAS", "WERE");
        if (auxiliary && k + 1 < verbs.size() && verbs[k + 1].first <= verbs[k].last + 2) continue;
        kept.push_back(verbs[k]);
      }
      verbs = std::move(kept);
    }
  }

  // A headline in title case: at least three words of four or more letters, all capitalized,
  // and only words (no figures, commas or brackets: not a table line or a list of names).
  bool title_case() const {
    size_t long_words = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind != TokenKind::kWord) {
        if (t.kind == TokenKind::kPeriod && k + 1 == tokens.size()) continue;
        return false;
      }
      if (t.span.end - t.span.start < 4) continue;
      if (!t.capitalized) return false;
      ++long_words;
    }
    return long_words >= 3;
  }

  // is_conjunction(tokens.key(i)), from the class match_words gave the key (kept when clauses
  // are dropped): no string comparisons in the per-token loops.
  bool conjunction_at(uint32_t i) const {
    return (scratch.token_class[i] & actors::SentenceScratch::kClassConjunction) != 0;
  }

  // Clause starts: the sentence start and every conjunction that is not inside a mention, not
  // joining a list of actors, and not part of a verb pattern's words.
  void find_clauses() {
    clause_starts.assign(1, 0);
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    const char* classes = reinterpret_cast<const char*>(scratch.token_class.data());
    const size_t class_count = scratch.token_class.size();
    constexpr uint64_t kConjunctionBytes =
        0x0101010101010101ULL * actors::SentenceScratch::kClassConjunction;
    for (uint32_t i = 1; i < n; ++i) {
      // Eight tokens at a time while none is a conjunction (most are not).
      while (i + 8 <= class_count && (text::detail::load_u64(classes + i) & kConjunctionBytes) == 0)
        i += 8;
      if (i >= n) break;
      if (!conjunction_at(i) || scratch.mention_of_token[i] >= 0) continue;
      // A verb phrase holding a conjunction ("SHOT_AND_WOUND") does not divide (TABARI 7.6).
      if (!options.dyad_rules && std::any_of(verbs.begin(), verbs.end(), [&](const Verb& v) {
            return v.first < i && i <= v.last;
          }))
        continue;
      // ", and" joins lists too: look past the comma (TABARI).
      uint32_t prev = i - 1;
      if (!options.dyad_rules && prev > 0 && tokens.tokens[prev].kind == TokenKind::kComma) --prev;
      int before = scratch.mention_of_token[prev];
      int after = i + 1 < n ? scratch.mention_of_token[i + 1] : -1;
      if (i + 2 < n && after < 0 && is_article(tokens.key(i + 1)))
        after = scratch.mention_of_token[i + 2];
      if (before >= 0 && after >= 0 && scratch.mentions[before].group >= 0 &&
          scratch.mentions[before].group == scratch.mentions[after].group)
        continue;
      // Compound nouns and adjectives ("bombs and rockets", "black and white goats") do not
      // divide clauses (TABARI 7.5.1).
      if (is_listed(model.adjective_trie, i - 1) && i + 1 < n &&
          is_listed(model.adjective_trie, i + 1))
        continue;
      if (is_listed(model.noun_trie, i - 1)) {
        uint32_t k = i + 1;
        while (k < n && (is_listed(model.adjective_trie, k) || is_article(tokens.key(k)))) ++k;
        if (k < n && is_listed(model.noun_trie, k)) continue;
      }
      // dyad's rules: AND joining two noun phrases ("sent vehicles and a team of paratroopers to
      // Lebanon") does not divide clauses: no verb follows it before the next boundary.
      if (options.dyad_rules && text::is(tokens.key(i), "AND") && !verb_before_boundary(i + 1))
        continue;
      // PETRARCH: a conjunction between two plain words joins them within a phrase ("heavily
      // and unjustly criticized", "death and injury toll").
      if (options.petrarch_rules && i + 1 < n && plain_word(i - 1) && plain_word(i + 1)) continue;
      clause_starts.push_back(i);
    }
    if (options.petrarch_rules && !closing_dropped) closing_clause();
    if (options.petrarch_rules) {
      // Conjunctions that start no clause join words of one phrase: patterns read across them
      // ("HEAVILY UNJUSTLY *" in "heavily and unjustly criticized", "NEITHER * " in "Neither
      // A nor B boycotted").
      phrase_conjunction.assign(n, false);
      for (uint32_t i = 1; i < n; ++i)
        if (conjunction_at(i) &&
            std::find(clause_starts.begin(), clause_starts.end(), i) == clause_starts.end())
          phrase_conjunction[i] = true;
    }
  }

  bool verb_at(uint32_t k) const {
    return std::any_of(verbs.begin(), verbs.end(),
                       [&](const Verb& v) { return k >= v.first && k <= v.last; });
  }

  // A lower-case word that is no verb, actor, determiner, preposition, conjunction or pronoun.
  bool plain_word(uint32_t k) const {
    const text::Token& t = tokens.tokens[k];
    if (t.kind != TokenKind::kWord || t.capitalized || scratch.mention_of_token[k] >= 0 ||
        verb_at(k))
      return false;
    std::string_view key = tokens.key(k);
    return !is_determiner(key) && !is_preposition(key) && !is_conjunction(key) &&
           !DYAD_KEY_IN(key, "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THAT", "WHICH", "WHO",
                        "THEN", "ALSO", "IS", "ARE", "WAS", "WERE", "HAS", "HAVE", "HAD");
  }

  // PETRARCH: the last comma in [from, to) that delimits a phrase -- not inside a mention, not
  // between two members of one list, not between two lower-case words of a noun phrase
  // ("complete, full diplomatic ties"); -1 when there is none.
  int64_t last_phrase_comma(uint32_t from, uint32_t to) const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    for (uint32_t i = to; i-- > from;) {
      if (tokens.tokens[i].kind != TokenKind::kComma || scratch.mention_of_token[i] >= 0) continue;
      if (i > 0 && i + 1 < n) {
        int before = scratch.mention_of_token[i - 1];
        int after = scratch.mention_of_token[i + 1];
        if (before >= 0 && after >= 0 && scratch.mentions[before].group >= 0 &&
            scratch.mentions[before].group == scratch.mentions[after].group)
          continue;
        if (plain_word(i - 1) && plain_word(i + 1)) continue;
      }
      return i;
    }
    return -1;
  }

  // PETRARCH codes every clause of the parse: a closing ", a senior official said on Saturday"
  // (a subject, then a verb, after the last comma) is a clause of its own.
  void closing_clause() {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    uint32_t comma = 0;
    for (uint32_t i = 1; i < n; ++i) {
      if (tokens.tokens[i].kind != TokenKind::kComma || scratch.mention_of_token[i] >= 0) continue;
      int before = scratch.mention_of_token[i - 1];
      int after = i + 1 < n ? scratch.mention_of_token[i + 1] : -1;
      if (before >= 0 && after >= 0 && scratch.mentions[before].group >= 0 &&
          scratch.mentions[before].group == scratch.mentions[after].group)
        continue;
      comma = i;
    }
    if (comma == 0) return;
    bool subject = false;
    for (uint32_t k = comma + 1; k < n; ++k) {
      if (is_conjunction(tokens.key(k))) return;
      if (verb_at(k)) {
        if (!subject) return;
        clause_starts.push_back(comma);
        std::sort(clause_starts.begin(), clause_starts.end());
        return;
      }
      if (usable(scratch.mention_of_token[k])) subject = true;
    }
  }

  // True when a verb (a dictionary verb not in noun position) starts at or after `from` before
  // the next comma, colon, period or conjunction.
  bool verb_before_boundary(uint32_t from) const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    uint32_t end = from;
    while (end < n) {
      const text::Token& t = tokens.tokens[end];
      if (t.kind == TokenKind::kComma || t.kind == TokenKind::kColon ||
          t.kind == TokenKind::kPeriod || is_conjunction(tokens.key(end)))
        break;
      ++end;
    }
    for (const Verb& v : verbs)
      if (v.first >= from && v.first < end && !v.noun_position) return true;
    return false;
  }

  // True when a phrase of `trie` (nouns, adjectives) covers token i.
  bool is_listed(const lexicon::PhraseTrie& trie, uint32_t i) const {
    if (trie.nodes() <= 1) return false;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    for (uint32_t start = i >= 3 ? i - 3 : 0; start <= i; ++start) {
      uint32_t payload = 0;
      if (actors::longest_match(trie, scratch, start, n, &payload) > i - start) return true;
    }
    return false;
  }

  size_t clause_of(uint32_t token) const {
    size_t c = 0;
    while (c + 1 < clause_starts.size() && clause_starts[c + 1] <= token) ++c;
    return c;
  }
  uint32_t clause_end(size_t c) const {
    return c + 1 < clause_starts.size() ? clause_starts[c + 1]
                                        : static_cast<uint32_t>(tokens.size());
  }

  // ---- actors for an event ------------------------------------------------------------------

  bool usable(int m) const { return m >= 0 && !scratch.mentions[m].code.empty(); }

  // The code a mention is compared with when the source's code is to be avoided. TABARI's
  // pronoun stands for the actor it refers to, before agents are joined to it.
  const std::string& compared_code(const Mention& mention) const {
    if (options.dyad_rules || mention.referent_token < 0) return mention.code;
    for (const Mention& m : scratch.mentions)
      if (static_cast<int>(m.first_token) == mention.referent_token && m.referent_token < 0 &&
          m.code == mention.code)
        return m.base_code.empty() ? m.code : m.base_code;
    return mention.code;
  }

  // First mention in [from, to) whose code differs from `not_code`, other than those a pattern's
  // '^' passed over (bit i of `excluded`).
  // With dyad's rules a named actor is preferred to a role alone ("the delegation led by the
  // Russian Chief of Staff": the chief, not the delegation); the role is taken when no named
  // actor is there.
  // TABARI: a pronoun standing for a compound ("assist them" after "Elrond and Gondor urged")
  // is one actor.
  bool pronoun_compound(const Mention& mention) const {
    return !options.dyad_rules && mention.group >= 0 && mention.referent_token >= 0;
  }

  // What the actor searches below skip: mentions of `excluded` (bit i: mention i), those coded
  // `not_code`, and a pronoun compound as a whole once its first member had that code
  // (*skipped_group remembers it across the search).
  bool passed_over(size_t m, const std::string& not_code, uint64_t excluded,
                   int* skipped_group) const {
    const Mention& mention = scratch.mentions[m];
    if (m < 64 && (excluded >> m & 1)) return true;
    const bool compound = pronoun_compound(mention);
    if (compound && mention.group == *skipped_group) return true;
    if (!not_code.empty() && compared_code(mention) == not_code) {
      if (compound) *skipped_group = mention.group;
      return true;
    }
    return false;
  }

  // dyad's rules: an actor hyphened to BACKED, LED, SPONSORED, SUPPORTED, FUNDED or ARMED
  // ("U.S.-backed Kurdish fighters", "a Saudi-led coalition") modifies the noun after it: the one
  // acted on is that noun's actor, not the backer.
  bool backer_modifier(const Mention& mention) const {
    uint32_t next = mention.last_token + 1;
    // Text joined from tokens spells the hyphen as a token of its own ("U . S - backed").
    const bool dash_token = next < tokens.size() && tokens.tokens[next].kind == TokenKind::kDash;
    if (dash_token) ++next;
    if (next >= tokens.size() || document == nullptr ||
        !DYAD_KEY_IN(tokens.key(next), "BACKED", "LED", "SPONSORED", "SUPPORTED", "FUNDED",
                     "ARMED"))
      return false;
    if (dash_token) return true;
    const std::optional<std::string_view> gap =
        gap_before(*document, next);  // next - 1: the mention
    return gap && *gap == "-";
  }

  // ITS, THEIR, HIS, and HER before a noun ("her exit", not "captured her").
  bool possessive_pronoun(const Mention& mention) const {
    if (mention.first_token != mention.last_token) return false;
    std::string_view key = tokens.key(mention.first_token);
    if (DYAD_KEY_IN(key, "ITS", "THEIR", "HIS")) return true;
    uint32_t next = mention.first_token + 1;
    if (key != "HER" || next >= tokens.size() || tokens.tokens[next].kind != TokenKind::kWord)
      return false;
    std::string_view after = tokens.key(next);
    return !is_preposition(after) && !ends_noun_phrase(after) && !is_determiner(after) &&
           !verb_at(next);
  }

  // Whether a mention with a code starts in [from, to): first_mention over that range finds
  // nothing without one.
  bool any_mention_in(uint32_t from, uint32_t to) const {
    for (const Mention& mention : scratch.mentions)
      if (mention.first_token >= from && mention.first_token < to && !mention.code.empty())
        return true;
    return false;
  }
  int first_mention(uint32_t from, uint32_t to, const std::string& not_code, uint64_t excluded = 0,
                    const Candidate* target_of = nullptr) const {
    int role_only = -1;
    int skipped_group = -1;
    for (size_t m = 0; m < scratch.mentions.size(); ++m) {
      const Mention& mention = scratch.mentions[m];
      if (mention.first_token < from || mention.first_token >= to || mention.code.empty()) continue;
      if (passed_over(m, not_code, excluded, &skipped_group)) continue;
      // dyad's rules: a possessive pronoun after the verb owns the object, it is not acted on
      // ("agreed to a ceasefire in their conflict", "provided their donations to Palestinians").
      if (target_of != nullptr && target_of->source >= 0 && options.dyad_rules &&
          (possessive_pronoun(mention) || backer_modifier(mention)))
        continue;
      // dyad's rules: a bare role among the pattern's words after the verb, right before its
      // last word, describes the event noun ("will begin a new military operation against",
      // "continue military aid to"): it is not acted on. So does a named giver before the
      // noun of aid ("the release of $1.2 billion in U.S. military assistance to Egypt").
      if (target_of != nullptr && options.dyad_rules &&
          (mention.base_code.empty() || starts(target_of->code, "07")) &&
          !mention.story_reference && mention.referent_token < 0 &&
          mention.first_token > target_of->verb_last &&
          mention.last_token + 1 == target_of->action_last &&
          tokens.tokens[target_of->action_last].kind == TokenKind::kWord &&
          !tokens.tokens[target_of->action_last].capitalized &&
          !is_preposition(tokens.key(target_of->action_last)))
        continue;
      bool named = !mention.base_code.empty() || mention.story_reference ||
                   mention.referent_token >= 0 || !options.dyad_rules;
      if (named) {
        if (role_only >= 0 && options.dyad_rules && target_of != nullptr &&
            (scratch.mentions[role_only].last_token <= target_of->action_last ||
             direct_object(from, scratch.mentions[role_only].first_token, to) ||
             recipient_after_action(*target_of, scratch.mentions[role_only].first_token)) &&
            role_stands_apart(scratch.mentions[role_only].last_token, mention.first_token))
          return role_only;
        return static_cast<int>(m);
      }
      if (role_only < 0) role_only = static_cast<int>(m);
    }
    return role_only;
  }

  // dyad's rules: a mention starting at `first` is the one the event's words go TO ("suspended
  // military aid to the country 's rebel groups after the ousting of Gaddafi"): TO right after
  // the action, then only determiners, a possessor and modifiers.
  bool recipient_after_action(const Candidate& c, uint32_t first) const {
    uint32_t to = c.action_last + 1;
    if (to + 1 > first || first - to > 6 || !text::is(tokens.key(to), "TO")) return false;
    for (uint32_t k = to + 1; k < first; ++k) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind == TokenKind::kPossessive) continue;
      if (t.kind != TokenKind::kWord || is_preposition(tokens.key(k)) ||
          is_conjunction(tokens.key(k)) || verb_at(k))
        return false;
    }
    return true;
  }

  // A mention starting at `first` is the direct object of a verb ending before `from`: only
  // determiners, numbers, quantifiers and modifiers stand between them ("killed more than 500
  // civilians", "tortured a 35-year-old inmate"), no preposition, verb or punctuation.
  bool direct_object(uint32_t from, uint32_t first, uint32_t end) const {
    if (first < from || first - from > 6) return false;
    for (uint32_t k = from; k < first; ++k) {
      if (quantifier_at(k, end)) {
        ++k;
        continue;
      }
      const text::Token& t = tokens.tokens[k];
      if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kDash) continue;
      if (t.kind != TokenKind::kWord) return false;
      std::string_view key = tokens.key(k);
      if (is_preposition(key) || ends_noun_phrase(key) || verb_at(k)) return false;
    }
    return true;
  }

  // dyad's rules: a role noun and a later named actor are one phrase ("the delegation led by
  // the Russian Chief of Staff", "officials of Russia") unless a preposition other than OF, BY
  // or FROM, a punctuation mark or a verb stands between them ("killed 500 civilians during
  // ... near Damascus"): then the role is the verb's object.
  bool role_stands_apart(uint32_t role_last, uint32_t named_first) const {
    // A role word that modifies a noun is no object ("terrorist attacks", "military aid").
    if (role_last + 1 < named_first && tokens.tokens[role_last + 1].kind == TokenKind::kWord) {
      std::string_view next = tokens.key(role_last + 1);
      if (!is_preposition(next) && !is_conjunction(next) && !ends_noun_phrase(next)) return false;
    }
    bool apart = false;
    for (uint32_t k = role_last + 1; k < named_first; ++k) {
      const text::Token& t = tokens.tokens[k];
      std::string_view key = tokens.key(k);
      // What is given goes to the one named after TO ("sent troops to Liberia").
      if (DYAD_KEY_IN(key, "TO", "INTO", "TOWARD", "TOWARDS")) return false;
      if (t.kind == TokenKind::kComma || t.kind == TokenKind::kColon ||
          t.kind == TokenKind::kDash || ends_noun_phrase(key) ||
          (is_preposition(key) && !DYAD_KEY_IN(key, "OF", "BY", "FROM")))
        apart = true;
    }
    return apart;
  }

  // dyad's rules: the forces an actor moves are its means, not what it acts on. When the target
  // is a bare force (troops, the army, peacekeepers: no country of its own), the one acted on
  // is named after FROM right behind it ("withdrew peacekeepers from the Golan Heights", "is
  // willing to withdraw its troops from Abyei") or after a later AGAINST ("mobilized troops
  // for the war against Iraq"); for a force posture (root 15) also after IN, INTO or TO right
  // behind it ("strengthened its forces in the Gulf"). The target becomes that mention, or, for a
  // force posture, a withdrawal or an intent (roots 15, 16, 08, 03) the noun phrase there ("to
  // withdraw its troops from Abyei"). Returns whether the target changed.
  bool beyond_moved_forces(Candidate& c, uint32_t clause_end_token) const {
    const Mention& forces = scratch.mentions[c.target];
    bool bare = forces.base_code.empty() ? ends(forces.code, "MIL") : forces.code == "IGOPKO";
    if (!bare || forces.referent_token >= 0 || forces.story_reference || forces.group >= 0)
      return false;
    const std::string& source_code = c.source >= 0 ? scratch.mentions[c.source].code : forces.code;
    const bool posture = starts(c.code, "15");
    for (uint32_t k = forces.last_token + 1; k < clause_end_token && k <= forces.last_token + 8;
         ++k) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) return false;
      std::string_view key = tokens.key(k);
      const bool adjacent = k == forces.last_token + 1;
      bool acted_on =
          (adjacent && (key == "FROM" || (posture && DYAD_KEY_IN(key, "IN", "INTO", "TO")))) ||
          key == "AGAINST";
      if (!acted_on) continue;
      for (uint32_t j = k + 1; j < clause_end_token && j <= k + 5; ++j) {
        const text::TokenKind kind = tokens.tokens[j].kind;
        if (kind == TokenKind::kComma || kind == TokenKind::kPeriod || kind == TokenKind::kColon)
          break;
        int m = scratch.mention_of_token[j];
        if (usable(m) && scratch.mentions[m].code != source_code) {
          c.target = m;
          c.target_single = false;
          return true;
        }
      }
      // After AGAINST the phrase is what the forces are moved against, whatever the act
      // ("mobilized the troops for a battle against the remnants of the Brotherhood").
      if (key != "AGAINST" && !posture && !starts(c.code, "16") && !starts(c.code, "08") &&
          !starts(c.code, "03"))
        return false;
      uint32_t first = 0, last = 0;
      if (!object_phrase(*document, k + 1, clause_end_token, &first, &last)) return false;
      set_uncoded_target(c, first, last);
      return true;
    }
    return false;
  }

  // The code of the candidate's source mention, "" when it has none (no copy).
  const std::string& source_code_of(const Candidate& c) const {
    static const std::string kNone;
    return c.source >= 0 ? scratch.mentions[c.source].code : kNone;
  }
  // The first usable mention in the phrase [first, end) that is not the source's actor, or -1.
  int mention_in_phrase(uint32_t first, uint32_t end, const std::string& source_code) const {
    for (uint32_t j = first; j < end; ++j) {
      int m = scratch.mention_of_token[j];
      if (usable(m) && scratch.mentions[m].code != source_code) return m;
    }
    return -1;
  }
  // The target becomes the phrase [first, end)'s first usable mention that is not the
  // source's actor, else the phrase itself, uncoded.
  void set_phrase_target(Candidate& c, uint32_t first, uint32_t end,
                         const std::string& source_code) const {
    if (int m = mention_in_phrase(first, end, source_code); m >= 0)
      set_coded_target(c, m);
    else
      set_uncoded_target(c, first, end - 1);
  }
  // The candidate's target becomes mention m (the whole mention: a list is not split).
  static void set_coded_target(Candidate& c, int m) {
    c.target = m;
    c.target_single = false;
    c.has_object = false;
  }
  // The candidate's target becomes the object phrase [first, last], uncoded (no actor code).
  static void set_uncoded_target(Candidate& c, uint32_t first, uint32_t last) {
    c.target = kNoActor;
    c.has_object = true;
    c.object_first = first;
    c.object_last = last;
  }

  // dyad's rules: a possessive pronoun a pattern placed as the target after the verb ("met *his*
  // counterpart Italian President Sergio Mattarella", "met his counterpart in Rome") owns the
  // object; it is not the one acted on when it stands for the source. Its mention, else -1.
  int possessive_pattern_target(const Verb& v, const Candidate& c) const {
    if (c.target < 0 || scratch.mentions[c.target].first_token <= v.last ||
        !possessive_pronoun(scratch.mentions[c.target]))
      return -1;
    return c.target;
  }
  // The source found: a possessive pronoun for another actor stays the target ("attacked their
  // positions"); one for the source itself gives way to an actor named in the noun phrase it
  // opens ("his counterpart Italian President Sergio Mattarella"); without one the pattern has
  // no target and no event (the phrase uncoded was mostly a company's own things in running
  // text: "its authorised capital", "its case", "he gave his life" as 116). False: no event.
  bool possessed_object(Candidate& c, int owner, uint32_t clause_end_token) const {
    c.target = owner;
    if (c.source < 0 || compared_code(scratch.mentions[owner]) != source_code_of(c)) return true;
    const uint32_t first = scratch.mentions[owner].first_token;
    const uint32_t end = noun_phrase_end(*document, first, clause_end_token);
    int m = end > first + 1 ? mention_in_phrase(first, end, source_code_of(c)) : -1;
    if (m < 0) return false;
    set_coded_target(c, m);
    return true;
  }

  // dyad's rules: denying an accusation, allegation, charge or claim (016) answers the one who
  // made it: the actor after BY or FROM right behind the noun ("rejected accusations by the US
  // that its military ...", "denied charges from Liberman"), or its possessor ("rejected
  // Trump's accusations"). Actors inside what is alleged ("rejected accusation that her
  // government refused ...", "of racism after ... the Chinese virus") are not the target;
  // without an accuser the denial has none. False: the event does not stand (its one actor
  // may not stand alone).
  bool accusation_denied(Candidate& c, uint32_t clause_end_token) const {
    if (!text::is(c.code, "016") || c.source < 0) return true;
    uint32_t noun = UINT32_MAX;
    for (uint32_t k = c.action_first; k <= c.action_last; ++k) {
      std::string_view key = tokens.key(k);
      if (starts(key, "ACCUSATION") || starts(key, "ALLEGATION") ||
          DYAD_KEY_IN(key, "CHARGE", "CHARGES", "CLAIM", "CLAIMS"))
        noun = k;
    }
    if (noun == UINT32_MAX) return true;
    const std::string& source_code = source_code_of(c);
    const uint32_t by = noun + 1;
    if (by + 1 < clause_end_token && DYAD_KEY_IN(tokens.key(by), "BY", "FROM")) {
      const uint32_t end = noun_phrase_end(*document, by + 1, clause_end_token);
      if (end > by + 1) {
        set_phrase_target(c, by + 1, end, source_code);
        return true;
      }
    }
    if (c.target >= 0) {
      const Mention& m = scratch.mentions[c.target];
      if (m.last_token + 1 < noun && m.first_token >= c.action_first &&
          tokens.tokens[m.last_token + 1].kind == TokenKind::kPossessive)
        return true;
    }
    c.target = kNoActor;
    c.has_object = false;
    return alone_ok(c.code, c.source);
  }

  // dyad's rules: a curfew, a state of emergency or martial law, imposed or eased (1723, 1724,
  // 0813, 0814), is aimed at the place where it holds: the phrase after IN a few words after
  // the words that coded it ("imposed a curfew in parts of Kashmir to stop protests after ...
  // by Indian troops", "declared a state of siege on Sunday in the province of Alta Verapaz"),
  // not a later actor. The target becomes a mention in that phrase, else the phrase uncoded.
  bool restriction_place(Candidate& c, uint32_t clause_end_token) const {
    if (!DYAD_KEY_IN(c.code, "1723", "1724", "0813", "0814")) return false;
    const std::string& source_code = source_code_of(c);
    for (uint32_t k = c.action_last + 1; k < clause_end_token && k <= c.action_last + 5; ++k) {
      if (tokens.tokens[k].kind != TokenKind::kWord && tokens.tokens[k].kind != TokenKind::kNumber)
        return false;
      std::string_view key = tokens.key(k);
      if (key != "IN") {
        if (verb_at(k) || is_conjunction(key) || (is_preposition(key) && key != "ON")) return false;
        continue;
      }
      // The phrase itself: what follows it ("to stop protests") is no recipient.
      const uint32_t first = k + 1, end = noun_phrase_end(*document, first, clause_end_token);
      if (end <= first) return false;
      set_phrase_target(c, first, end, source_code);
      return true;
    }
    return false;
  }

  // dyad's rules: property returned (0842) is no target, the one it goes back to is: the phrase
  // after the first TO of the verb's clause that opens a noun phrase is the target
  // ("returned six Iraqi artifacts to the government of Iraq", "returned a painting that was
  // stolen in 1989 from a gallery to its owner"): a mention there, else the phrase uncoded.
  // An infinitive ("to help Haiti") opens a clause of its own and ends the search. (Tried for
  // aid, 07, too: in running text the TO further on is mostly an infinitive or a purpose.)
  bool recipient_of_gift(Candidate& c, uint32_t clause_end_token) const {
    if (!starts(c.code, "0842")) return false;
    if (c.target < 0 && !(c.target == kNoActor && c.has_object)) return false;
    const std::string& source_code = source_code_of(c);
    // From the verb on: a pattern's words may reach past the TO ("returned ... to its owners
    // after it was stolen").
    // dyad's rules: a TO right after the verb of a relative clause is that verb's ("returned 12
    // human skulls that date back to A.D. 640-890 to Peru").
    bool relative = false;
    for (uint32_t k = c.verb_last + 1; k + 1 < clause_end_token; ++k) {
      const text::TokenKind kind = tokens.tokens[k].kind;
      if (kind == TokenKind::kPeriod || kind == TokenKind::kColon) return false;
      if (options.dyad_rules && DYAD_KEY_IN(tokens.key(k), "THAT", "WHICH", "WHO")) relative = true;
      if (tokens.key(k) != "TO" || k == 0) continue;
      if (relative) {
        relative = false;
        // Only right after the relative clause's verb or its particle ("date back to").
        if (verb_at(k - 1) || DYAD_KEY_IN(tokens.key(k - 1), "BACK", "UP", "DOWN", "OUT")) continue;
      }
      if (DYAD_KEY_IN(tokens.key(k - 1), "UP", "ACCORDING", "DUE", "ADDITION", "NEXT", "PRIOR",
                      "CLOSE", "THANKS", "RESPONSE", "REGARD", "REFERENCE"))
        continue;
      // A recipient opens with a determiner, a name or a pronoun; anything else after TO is
      // an infinitive ("to cover", "to help Haiti").
      const text::Token& after = tokens.tokens[k + 1];
      if (verb_at(k + 1) ||
          !(scratch.mention_of_token[k + 1] >= 0 || is_determiner(tokens.key(k + 1)) ||
            DYAD_KEY_IN(tokens.key(k + 1), "ITS", "THEIR", "HIS", "HER") ||
            (after.kind == TokenKind::kWord && after.capitalized)))
        return false;
      const uint32_t first = k + 1, end = noun_phrase_end(*document, first, clause_end_token);
      bool word = false;
      for (uint32_t j = first; j < end; ++j)
        word = word || tokens.tokens[j].kind == TokenKind::kWord;
      if (!word) return false;
      if (int m = mention_in_phrase(first, end, source_code); m == c.target && m >= 0)
        return false;
      else if (m >= 0)
        set_coded_target(c, m);
      else
        set_uncoded_target(c, first, end - 1);
      return true;
    }
    return false;
  }

  // dyad's rules: a peacekeeping or security force, mission or operation "in X" serves X: an
  // event that sends troops to it, supports, extends or joins it targets the place after IN
  // ("sending troops to the United Nations peacekeeping force in South Sudan", "ready to
  // contribute to UN peacekeeping operations in Syria"), not the organisation that leads it.
  // The target becomes a mention in that phrase, else the phrase uncoded.
  bool served_by_peacekeeping(Candidate& c, uint32_t clause_end_token) const {
    const std::string& source_code = source_code_of(c);
    for (uint32_t k = c.verb_last + 1; k + 2 < clause_end_token; ++k) {
      if (!DYAD_KEY_IN(tokens.key(k), "PEACEKEEPING", "SECURITY", "STABILIZATION", "STABILISATION"))
        continue;
      uint32_t in = k + 1;
      while (in < clause_end_token && in <= k + 3 &&
             DYAD_KEY_IN(tokens.key(in), "FORCE", "FORCES", "MISSION", "MISSIONS", "OPERATION",
                         "OPERATIONS", "DEPLOYMENT", "PLAN"))
        ++in;
      if (in == k + 1 || in + 1 >= clause_end_token || tokens.key(in) != "IN") continue;
      // The current target stands before the place (the force, or the one leading it).
      uint32_t target_first = c.target >= 0 ? scratch.mentions[c.target].first_token
                                            : (c.has_object ? c.object_first : in);
      if (target_first >= in) return false;
      const uint32_t first = in + 1, end = noun_phrase_end(*document, first, clause_end_token);
      if (end <= first) return false;
      set_phrase_target(c, first, end, source_code);
      return true;
    }
    return false;
  }

  // dyad's rules: an act done to people (release 0841, deport 174, arrest and other coercion 17,
  // assault 18) is done to the people the verb counts as its direct object ("freed 37
  // prisoners late on Tuesday, including a detainee at the U.S. military prison", "deported
  // 2,374 migrants to Honduras"), not to an actor named further on. The object opens with a
  // number or a quantifier and names no actor: its role ("prisoners") is the target, else the
  // phrase uncoded.
  bool counted_people_object(const Verb& v, Candidate& c, uint32_t clause_end_token) const {
    if (!starts(c.code, "0841") && !starts(c.code, "17") && !starts(c.code, "18")) return false;
    if (c.target < 0 || scratch.mentions[c.target].first_token <= v.last) return false;
    uint32_t k = v.last + 1;
    if (k < clause_end_token && is_article(tokens.key(k))) ++k;
    if (k >= clause_end_token) return false;
    const text::Token& t = tokens.tokens[k];
    bool counted =
        t.kind == TokenKind::kNumber || quantifier_at(k, clause_end_token) ||
        DYAD_KEY_IN(tokens.key(k), "SEVERAL", "DOZENS", "HUNDREDS", "THOUSANDS", "SCORES", "ABOUT",
                    "AROUND", "NEARLY", "OVER", "SOME", "APPROXIMATELY");
    // Whoever is deported or released "to" a place goes there: the one it names is the
    // destination, the verb's object the target ("deported children ... to Georgia").
    const uint32_t target_first = scratch.mentions[c.target].first_token;
    const bool destination = (starts(c.code, "174") || starts(c.code, "0841")) &&
                             target_first > 0 &&
                             (text::is(tokens.key(target_first - 1), "TO") ||
                              (target_first > 1 && is_article(tokens.key(target_first - 1)) &&
                               text::is(tokens.key(target_first - 2), "TO")));
    if (!counted && !destination) return false;
    uint32_t end = noun_phrase_end(*document, v.last + 1, clause_end_token);
    if (end <= k + (counted ? 1 : 0) || end > target_first) return false;
    // A role there ("37 prisoners") is the target; a named actor is left to the actor search.
    for (uint32_t j = v.last + 1; j < end; ++j) {
      int m = scratch.mention_of_token[j];
      if (m < 0) continue;
      const Mention& mention = scratch.mentions[m];
      if (m == c.target || !usable(m) || !mention.base_code.empty() || mention.story_reference ||
          mention.referent_token >= 0)
        return false;
      c.target = m;
      c.target_single = false;
      return true;
    }
    if (!counted) return false;  // a destination needs people named by their role
    set_uncoded_target(c, v.last + 1, end - 1);
    return true;
  }

  // dyad's rules: an object among the words that coded the event is no uncoded target when it
  // is itself an event word, a verb of the dictionary in noun position ("will not end the
  // strike", "declined to comment", "agreed to share information"); a thing or people acted on
  // stay ("gassed several Kurdish villages").
  bool event_noun_inside_action(const Candidate& c, uint32_t first, uint32_t last) const {
    if (last > c.action_last) return false;
    for (const Verb& w : verbs)
      if (w.first >= first && w.first <= last) return true;
    return false;
  }

  // The last mention in [from, to) whose code differs from `not_code`, other than those of
  // `excluded` (bit i: mention i); a pronoun standing for a compound counts as one mention.
  int nearest_mention_before(uint32_t to, uint32_t from, const std::string& not_code,
                             uint64_t excluded) const {
    int skipped_group = -1;
    for (size_t m = scratch.mentions.size(); m-- > 0;) {
      const Mention& mention = scratch.mentions[m];
      // A gapped phrase stands where any of its words does ("an Orc leader said": DURTHANG ...
      // ORC begins in the clause before).
      bool inside = mention.first_token >= from && mention.first_token < to;
      for (uint32_t k : mention.words) inside = inside || (k >= from && k < to);
      if (!inside || mention.code.empty()) continue;
      if (passed_over(m, not_code, excluded, &skipped_group)) continue;
      // A pronoun standing for a compound: its first member.
      if (pronoun_compound(mention))
        while (m > 0 && scratch.mentions[m - 1].group == mention.group) --m;
      return static_cast<int>(m);
    }
    return -1;
  }

  // Bit i: mention i is the object of a preposition (i < 64).
  uint64_t prepositional_mentions() const {
    uint64_t bits = 0;
    for (size_t m = 0; m < scratch.mentions.size() && m < 64; ++m) {
      int64_t k = static_cast<int64_t>(scratch.mentions[m].first_token) - 1;
      while (k >= 0 && is_determiner(tokens.key(static_cast<size_t>(k)))) --k;
      if (k >= 0 && is_preposition(tokens.key(static_cast<size_t>(k)))) bits |= uint64_t{1} << m;
    }
    return bits;
  }

  // The nearest mention in [clause_first, pos) that is not the object of a preposition
  // ("gratitude TO the leadership of Azerbaijan" is not a subject).
  int subject_before(uint32_t pos, uint32_t clause_first) const {
    for (size_t m = scratch.mentions.size(); m-- > 0;) {
      const Mention& mention = scratch.mentions[m];
      if (mention.first_token >= pos || mention.first_token < clause_first || mention.code.empty())
        continue;
      int64_t k = static_cast<int64_t>(mention.first_token) - 1;
      while (k >= 0 && is_determiner(tokens.key(static_cast<size_t>(k)))) --k;
      if (k >= 0 && is_preposition(tokens.key(static_cast<size_t>(k)))) continue;
      return static_cast<int>(m);
    }
    return -1;
  }

  // dyad's rules: a passive without its agent ("26 people were killed", "Raqqa is retaken"): a
  // form of BE one or two words before a past participle. Participles that mostly describe a
  // state ("are committed to", "is scheduled to") are left out.
  bool agentless_passive(const Verb& v) const {
    bool auxiliary = false;
    for (uint32_t back = 1; back <= 2 && back <= v.first; ++back)
      if (DYAD_KEY_IN(tokens.key(v.first - back), "WAS", "WERE", "BEEN", "BEING", "IS", "ARE", "BE",
                      "GET", "GOT", "GETS"))
        auxiliary = true;
    if (!auxiliary) return false;
    std::string_view key = tokens.key(v.first);
    if (DYAD_KEY_IN(key, "COMMITTED", "OPPOSED", "PREPARED", "DETERMINED", "CONCERNED", "WORRIED",
                    "INTERESTED", "SCHEDULED", "EXPECTED", "SUPPOSED", "PLANNED", "DUE", "INVOLVED",
                    "SET", "ENGAGED", "AGREED", "DEVOTED", "DEDICATED", "PLEASED", "SATISFIED",
                    "DISAPPOINTED", "DIVIDED", "UNITED", "ALLIED", "BASED", "LOCATED", "ABLE",
                    "UNABLE", "LINKED", "TIED", "RELATED"))
      return false;
    return (key.size() > 3 && ends_in_ed_or_en(key)) ||
           DYAD_KEY_IN(key, "HELD", "SHOT", "HIT", "SENT", "STRUCK", "CAUGHT", "LED", "TOLD",
                       "FOUGHT", "BROUGHT", "SOLD", "BOUGHT", "KEPT", "PUT", "CUT", "LOST", "WON",
                       "BUILT", "MADE", "LEFT", "SOUGHT", "TAUGHT", "MET", "SLAIN", "BEATEN",
                       "HUNG");
  }

  // Passive voice (TABARI 7.9): WAS, WERE or BEEN one or two words before the verb and BY right
  // after it. With dyad's rules IS/ARE/BE count too and BY may follow a word or two later.
  // dyad's rules: the subject noun phrase of a passive verb that names no actor: the words
  // right before its form of BE ("Disha Ravi was arrested", "The jornalist Moussa Tchangari
  // was arrested"), back to the clause start, a punctuation mark, a verb or a word that ends a
  // noun phrase.
  bool passive_subject(const Verb& v, uint32_t clause_first, uint32_t* first,
                       uint32_t* last) const {
    uint32_t aux = v.first;
    for (uint32_t back = 1; back <= 2 && back <= v.first; ++back)
      if (DYAD_KEY_IN(tokens.key(v.first - back), "WAS", "WERE", "BEEN", "BEING", "IS", "ARE",
                      "BE"))
        aux = v.first - back;
    if (aux == v.first) return false;
    uint32_t end = aux;  // exclusive
    while (end > clause_first && is_auxiliary(tokens.key(end - 1))) --end;
    uint32_t start = end;
    while (start > clause_first) {
      uint32_t k = start - 1;
      const text::Token& t = tokens.tokens[k];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber &&
          t.kind != TokenKind::kPossessive)
        break;
      if (k + 1 < end && !adjacent(*document, k + 1)) break;
      std::string_view key = tokens.key(k);
      if (t.kind == TokenKind::kWord &&
          ((is_preposition(key) && key != "OF") || ends_noun_phrase(key) || verb_at(k)))
        break;
      if (scratch.mention_of_token[k] >= 0) return false;  // a named subject codes as an actor
      start = k;
    }
    if (start == end) return false;
    bool word = false;
    for (uint32_t k = start; k < end; ++k) word = word || tokens.tokens[k].kind == TokenKind::kWord;
    if (!word) return false;
    *first = start;
    *last = end - 1;
    return true;
  }

  int passive_agent(const Verb& v) const {
    bool auxiliary = false;
    for (uint32_t back = 1; back <= 2 && back <= v.first; ++back) {
      std::string_view key = tokens.key(v.first - back);
      if (text::is(key, "WAS") || text::is(key, "WERE") || text::is(key, "BEEN") ||
          (options.dyad_rules &&
           (text::is(key, "IS") || text::is(key, "ARE") || text::is(key, "BE"))))
        auxiliary = true;
    }
    // dyad's rules: a participle right after a noun, or after a comma that follows one, is a
    // passive without BE when BY follows it ("warplanes supported by Russia", "missiles fired
    // by the Israeli military").
    if (!auxiliary && options.dyad_rules && v.first == v.last && v.first > 0 &&
        v.last + 2 < tokens.size() && text::is(tokens.key(v.last + 1), "BY")) {
      std::string_view key = tokens.key(v.first);
      uint32_t before = v.first - 1;
      if (tokens.tokens[before].kind == TokenKind::kComma && before > 0) --before;
      const text::Token& t = tokens.tokens[before];
      std::string_view previous = tokens.key(before);
      auxiliary = key.size() > 4 && ends_in_ed_or_en(key) && t.kind == TokenKind::kWord &&
                  !is_preposition(previous) && !is_determiner(previous) &&
                  !ends_noun_phrase(previous) && !is_auxiliary(previous) && !verb_at(before) &&
                  !DYAD_KEY_IN(previous, "HAS", "HAVE", "HAD", "HAVING");
    }
    if (!auxiliary) return -1;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    uint32_t reach = 3;  // "was opposed earlier by"
    for (uint32_t k = v.last + 1; k < n && k <= v.last + reach; ++k) {
      if (!text::is(tokens.key(k), "BY")) continue;
      for (uint32_t j = k + 1; j < n && j <= k + 3; ++j) {
        int m = scratch.mention_of_token[j];
        if (usable(m)) return m;
        if (!is_article(tokens.key(j))) break;
      }
      return -1;
    }
    return -1;
  }

  bool negated(const Verb& v) const {
    int looked = 0;
    for (int64_t k = static_cast<int64_t>(v.first) - 1; k >= 0 && looked < 4; --k, ++looked) {
      std::string_view key = tokens.key(static_cast<size_t>(k));
      if (is_negation(key)) return true;
      if ((text::is(key, "FAILED") || text::is(key, "REFUSED") || text::is(key, "DECLINED")) &&
          static_cast<size_t>(k + 1) < tokens.size() &&
          text::is(tokens.key(static_cast<size_t>(k + 1)), "TO"))
        return true;
      if (!is_verb_group_filler(key)) break;
    }
    return false;
  }

  // True when the members of the mention's list do not all have the same code ("the Justice
  // Department and the US Attorney's Office" act together, not on each other).
  bool group_has_two_codes(int mention) const {
    const std::string& code = scratch.mentions[mention].code;
    for (const Mention& m : scratch.mentions)
      if (m.group == scratch.mentions[mention].group && m.code != code) return true;
    return false;
  }

  // dyad's rules: an action under "if", "unless" or "whether" (up to the next comma) is not
  // reported as having happened, nor is a noun event after "any" or "no" ("any attack on the
  // province would ..."), nor anything in a question.
  bool hypothetical(const Verb& v) const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    if (n > 0 && text::is(tokens.key(n - 1), "?")) return true;
    if (v.noun_position && v.first > 0 && DYAD_KEY_IN(tokens.key(v.first - 1), "ANY", "NO"))
      return true;
    for (int64_t k = static_cast<int64_t>(v.first) - 1; k >= 0; --k) {
      const text::Token& t = tokens.tokens[static_cast<size_t>(k)];
      if (t.kind == TokenKind::kComma || t.kind == TokenKind::kColon ||
          t.kind == TokenKind::kPeriod)
        return false;
      if (DYAD_KEY_IN(tokens.key(static_cast<size_t>(k)), "IF", "UNLESS", "WHETHER")) return true;
    }
    return false;
  }

  // dyad's rules: an act that is only possible, wished or prevented is not reported as having
  // happened: a modal of possibility or advice right before the verb ("sanctions should be
  // imposed", "an attack could follow"; "must" and "will" are left to the demand and intent
  // patterns), and the act after FROM that a verb of prevention governs ("the US presence
  // prevents Turkey from invading", "refrained from attacking"). Only for patterns that name no
  // word before the verb: one that does ("* + SHOULD") has read the modal itself.
  bool possible_or_prevented(const Verb& v) const {
    if (v.first == 0) return false;
    uint32_t k = v.first - 1;
    // "should be imposed", "could have been avoided", "may soon attack": skip auxiliaries and
    // one adverb.
    while (k > 0 && DYAD_KEY_IN(tokens.key(k), "BE", "BEEN", "HAVE", "SOON", "ALSO", "STILL",
                                "EVENTUALLY", "EVEN", "THEN", "NOT"))
      --k;
    // Not a name ("Theresa May called for ..."): the modal is no actor's word.
    if (DYAD_KEY_IN(tokens.key(k), "WOULD", "COULD", "MIGHT", "MAY", "SHOULD") &&
        scratch.mention_of_token[k] < 0)
      return true;
    if (!text::is(tokens.key(v.first - 1), "FROM")) return false;
    for (uint32_t j = v.first - 1; j > 0 && j + 8 > v.first;) {
      --j;
      const text::Token& t = tokens.tokens[j];
      if (t.kind == TokenKind::kComma || t.kind == TokenKind::kColon ||
          t.kind == TokenKind::kPeriod)
        return false;
      if (DYAD_KEY_IN(tokens.key(j), "PREVENT", "PREVENTS", "PREVENTED", "PREVENTING", "STOP",
                      "STOPS", "STOPPED", "STOPPING", "BAR", "BARS", "BARRED", "BARRING", "BLOCK",
                      "BLOCKS", "BLOCKED", "BLOCKING", "DETER", "DETERS", "DETERRED", "DETERRING",
                      "KEEP", "KEEPS", "KEPT", "KEEPING", "PROHIBIT", "PROHIBITS", "PROHIBITED",
                      "BAN", "BANS", "BANNED", "DISSUADE", "DISSUADED", "RESTRAIN", "RESTRAINED",
                      "REFRAIN", "REFRAINS", "REFRAINED", "ABSTAIN", "ABSTAINED", "DESIST"))
        return true;
    }
    return false;
  }

  // dyad's rules: a pattern that opens with WILL / WOULD / SHALL (the &FUTURE and &THREATFUT
  // lines: intents, threats, refusals) holds only when the modal governs the verb: before it,
  // with only adverbs, auxiliaries, quotes, a negation, one verb + TO ("will seek to meet") or
  // a light verb and the event noun's phrase ("will make a two-day visit", "would be the first
  // meeting") between. A negation there must be read by the pattern itself ("&FUTURE NOT_ *"):
  // "will not impose sanctions" is no threat. The pattern matcher lets any words stand between
  // a pattern's words before the verb, so
  //  - kOtherClause: a clause word or a subject of its own stands between: the verb is another
  //    clause's and codes by its other patterns ("will be highlighted on Friday when Iran hosts a
  //    summit": a summit hosted, not an intent to meet);
  //  - kInScope: the verb depends on the modal's own verb ("would build a force to patrol",
  //    "will lose the peace by withdrawing", "would see fit to send"): neither an intent of that
  //    verb nor an act that happened; it codes nothing.
  enum class ModalReach { kNone, kGoverns, kNegated, kOtherClause, kInScope };
  ModalReach modal_reach(const lexicon::CompiledPattern& pattern, const events::PatternMatch& m,
                         const Verb& v) const {
    if (pattern.before.empty() || m.first_token >= v.first) return ModalReach::kNone;
    if (!DYAD_KEY_IN(tokens.key(m.first_token), "WILL", "WOULD", "SHALL")) return ModalReach::kNone;
    const bool negation_in_pattern = pattern.before.size() > 1;  // "&FUTURE NOT_ *"
    bool governs = true, negation = false, object = false;
    for (uint32_t k = m.first_token + 1; k < v.first; ++k) {
      const text::Token& t = tokens.tokens[k];
      std::string_view key = tokens.key(k);
      if (t.kind == TokenKind::kQuote) continue;
      if (scratch.mention_of_token[k] >= 0) {
        // An actor right before the verb (bar auxiliaries) is the verb's own subject, unless
        // a preposition or determiner opens it ("for U.S. Navy attacks", "next week's IMF
        // meetings": it qualifies an event noun).
        const uint32_t first = scratch.mentions[scratch.mention_of_token[k]].first_token;
        const bool modifier = first > 0 && (is_preposition(tokens.key(first - 1)) ||
                                            is_determiner(tokens.key(first - 1)));
        uint32_t j = k + 1;
        while (j < v.first &&
               (scratch.mention_of_token[j] == scratch.mention_of_token[k] ||
                (is_verb_group_filler(tokens.key(j)) && !text::is(tokens.key(j), "TO"))))
          ++j;
        if (j == v.first && !modifier) return ModalReach::kOtherClause;
        governs = false;
        continue;
      }
      if (DYAD_KEY_IN(key, "WHEN", "WHERE", "WHILE", "WHO", "WHOM", "WHOSE", "WHICH", "THAT",
                      "BECAUSE", "IF", "UNLESS", "ALTHOUGH", "THOUGH", "WHETHER", "HE", "SHE",
                      "THEY", "WE", "I", "YOU"))
        return ModalReach::kOtherClause;
      if (!governs) continue;
      if (object) {  // the event noun's phrase: "a two-day", "the first", "for a"
        if (t.kind == TokenKind::kNumber || is_determiner(key) ||
            DYAD_KEY_IN(key, "FOR", "IN", "ON", "INTO", "OUT", "UP") || plain_word(k))
          continue;
        governs = false;
        continue;
      }
      if (t.kind != TokenKind::kWord) {
        governs = false;
        continue;
      }
      if (is_negation(key)) {
        negation = negation || !negation_in_pattern;
        continue;
      }
      // A light verb, or BE, before the event noun: "will hold talks", "would be a meeting".
      if (DYAD_KEY_IN(key, "HOLD", "HAVE", "MAKE", "PAY", "GIVE", "TAKE", "GATHER", "HOST",
                      "CONDUCT", "ATTEND", "JOIN", "BEGIN", "START", "STAGE", "LAUNCH", "RESUME",
                      "CONVENE", "ENTER", "SIGN", "CARRY", "SEEK", "OFFER", "PROVIDE", "EXTEND",
                      "ISSUE", "OPEN", "BE") &&
          (v.first == k + 1 || !is_verb_group_filler(tokens.key(k + 1)))) {
        object = true;
        continue;
      }
      if (is_verb_group_filler(key) || (key.size() > 3 && ends(key, "LY")) ||
          DYAD_KEY_IN(key, "NOW", "SOON", "THEN", "FIRST", "AGAIN", "JUST", "ONLY", "LATER",
                      "HELP"))
        continue;
      // A verb that takes an infinitive: "will seek to meet", "would like to visit".
      if (k + 2 == v.first && text::is(tokens.key(k + 1), "TO") && !t.capitalized) {
        ++k;
        continue;
      }
      governs = false;
    }
    if (!governs) return ModalReach::kInScope;
    return negation ? ModalReach::kNegated : ModalReach::kGoverns;
  }

  // ---- PETRARCH's new actors: unknown noun phrases as actors -------------------------------

  static bool is_auxiliary(std::string_view key) {
    return DYAD_KEY_IN(key, "SHOULD", "WOULD", "COULD", "MAY", "MIGHT", "MUST", "WILL", "SHALL",
                       "CAN", "HAVE", "HAS", "HAD", "DO", "DOES", "DID", "BE", "BEEN", "IS", "ARE",
                       "WAS", "WERE");
  }

  // A word of a new actor's noun phrase: no verb, actor, preposition (but OF), conjunction,
  // pronoun or punctuation.
  bool noun_phrase_word(uint32_t k) const {
    const text::Token& t = tokens.tokens[k];
    if (t.kind == TokenKind::kPossessive) return true;
    if (t.kind != TokenKind::kWord || scratch.mention_of_token[k] >= 0 || verb_at(k)) return false;
    std::string_view key = tokens.key(k);
    if (text::is(key, "OF")) return true;
    return !is_preposition(key) && !is_conjunction(key) && !is_auxiliary(key) &&
           !DYAD_KEY_IN(key, "HE", "SHE", "IT", "THEY", "WE", "I", "YOU", "THAT", "WHICH", "WHO",
                        "ITS", "HIS", "HER", "THEIR");
  }

  // A mention for tokens [first, last] coded as their words ("'s" left out); -1 when the phrase
  // is empty or longer than new_actor_length.
  int new_actor(uint32_t first, uint32_t last) {
    if (first > last) return -1;
    while (last > first && text::is(tokens.key(last), "OF")) --last;
    std::string words;
    int count = 0;
    for (uint32_t k = first; k <= last; ++k) {
      if (tokens.tokens[k].kind != TokenKind::kWord) continue;
      if (!words.empty()) words += ' ';
      words += tokens.key(k);
      ++count;
    }
    if (count == 0 || count > options.new_actor_length) return -1;
    Mention m;
    m.first_token = first;
    m.last_token = last;
    m.code = "\"" + words + "\"";
    m.base_code = m.code;
    scratch.mentions.push_back(std::move(m));
    return static_cast<int>(scratch.mentions.size()) - 1;
  }

  // The subject: the noun phrase right before the verb (auxiliaries passed over).
  int new_actor_before(uint32_t clause_first, uint32_t verb_first) {
    uint32_t end = verb_first;
    while (end > clause_first && is_auxiliary(tokens.key(end - 1))) --end;
    uint32_t start = end;
    while (start > clause_first && noun_phrase_word(start - 1)) --start;
    if (start == end) return -1;
    return new_actor(start, end - 1);
  }

  // The object: the noun phrase after the verb, past one preposition.
  int new_actor_after(uint32_t from, uint32_t clause_last) {
    uint32_t k = from;
    if (k < clause_last && is_preposition(tokens.key(k))) ++k;
    uint32_t start = k;
    while (k < clause_last && noun_phrase_word(k) &&
           tokens.tokens[k].kind != TokenKind::kPossessive)
      ++k;
    if (k == start) return -1;
    return new_actor(start, k - 1);
  }

  // "Eriador's death and injury toll has risen": the conjoined noun phrase that names no actor
  // is a new actor, in a compound with the subject.
  void conjoined_new_actor(int source, uint32_t verb_first) {
    uint32_t after = scratch.mentions[source].last_token + 1;
    uint32_t end = verb_first;
    while (end > after && is_auxiliary(tokens.key(end - 1))) --end;
    for (uint32_t k = after; k < end; ++k) {
      if (!text::is(tokens.key(k), "AND")) {
        if (!noun_phrase_word(k)) return;
        continue;
      }
      for (uint32_t j = k + 1; j < end; ++j)
        if (!noun_phrase_word(j)) return;
      int added = new_actor(k + 1, end - 1);
      if (added < 0) return;
      int group = scratch.mentions[source].group;
      if (group < 0) {
        group = 0;
        for (const Mention& m : scratch.mentions) group = std::max(group, m.group + 1);
        scratch.mentions[source].group = group;
        scratch.mentions[source].compound_member = true;
      }
      scratch.mentions[added].group = group;
      scratch.mentions[added].compound_member = true;
      return;
    }
  }

  bool has_object(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k < to; ++k) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
      if (!DYAD_KEY_IN(tokens.key(k), "TODAY", "YESTERDAY", "TONIGHT", "NOW", "TOMORROW"))
        return true;
    }
    return false;
  }

  // ---- the object noun phrase of a verb (dyad's rules) -------------------------------------

  static bool is_time_word(std::string_view key) {
    return DYAD_KEY_IN(key, "TODAY", "YESTERDAY", "TONIGHT", "TOMORROW", "NOW", "MONDAY", "TUESDAY",
                       "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
  }

  // A word that cannot be part of an object noun phrase: it starts a clause, a verb group or
  // an adverbial ("who", "that", "while", "is", "will", "he").
  static bool ends_noun_phrase(std::string_view key) {
    return is_conjunction(key) || is_auxiliary(key) ||
           DYAD_KEY_IN(key, "WHO", "WHOM", "WHOSE", "WHICH", "THAT", "WHERE", "WHEN", "WHILE", "AS",
                       "BECAUSE", "SINCE", "UNTIL", "IF", "UNLESS", "WHETHER", "THAN", "THEN", "HE",
                       "SHE", "IT", "THEY", "WE", "I", "YOU", "NOT", "ALSO", "AGAIN", "ALREADY",
                       "STILL", "LAST", "NEXT", "EARLIER", "LATER", "AGO", "TWICE", "JUST",
                       "WITHIN", "FOLLOWING", "INCLUDING", "AMID", "DESPITE", "UPON", "THROUGH",
                       "THROUGHOUT", "ACROSS", "BEYOND", "TILL", "SOON");
  }

  // dyad's rules: a date of a number and a capitalized month at token k ("1 April", "April 1"):
  // its length, else 0.
  uint32_t date_at(uint32_t k, uint32_t end) const {
    if (!options.dyad_rules || k + 1 >= end) return 0;
    auto month = [&](uint32_t j) {
      return tokens.tokens[j].capitalized &&
             DYAD_KEY_IN(tokens.key(j), "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
                         "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");
    };
    const bool number_first = tokens.tokens[k].kind == TokenKind::kNumber && month(k + 1);
    const bool month_first = month(k) && tokens.tokens[k + 1].kind == TokenKind::kNumber;
    return number_first || month_first ? 2 : 0;
  }

  // True when token k directly follows token k - 1 in the document (no dropped comma clause
  // between them), or after a hyphen ("U.S.-backed").
  bool adjacent(const Document& doc, uint32_t k) const {
    const std::optional<std::string_view> gap = gap_before(doc, k);
    if (!gap) return false;
    // " , " and " . " are what drop_spaced_periods took out of pre-tokenized text ("2 , 374").
    return text::is(*gap, "-") || *gap == " , " || *gap == " . " || *gap == " - " ||
           gap->find_first_not_of(" \t\n") == std::string_view::npos;
  }

  // The text between tokens k - 1 and k (k > 0), which may hold what comma clauses or spaced
  // periods dropped from the tokens; nullopt when the two overlap.
  std::optional<std::string_view> gap_before(const Document& doc, uint32_t k) const {
    const text::Span& a = tokens.tokens[k - 1].span;
    const text::Span& b = tokens.tokens[k].span;
    if (b.start < a.end) return std::nullopt;
    return std::string_view(doc.text.data() + a.end, b.start - a.end);
  }

  // "at least", "at most", "more than", "less than", "fewer than", "up to" at token k: they open
  // a number, they are no preposition.
  bool quantifier_at(uint32_t k, uint32_t end) const {
    if (k + 1 >= end) return false;
    std::string_view a = tokens.key(k), b = tokens.key(k + 1);
    return (text::is(a, "AT") && (text::is(b, "LEAST") || text::is(b, "MOST"))) ||
           ((text::is(a, "MORE") || text::is(a, "LESS") || text::is(a, "FEWER")) &&
            text::is(b, "THAN")) ||
           (text::is(a, "UP") && text::is(b, "TO"));
  }

  // The first word of the object after token `from`: time words ("yesterday", "on Friday") and
  // one preposition ("at a bipartisan deal") passed over.
  uint32_t object_start(uint32_t from, uint32_t end) const {
    uint32_t k = from;
    bool preposition_seen = false;
    while (k < end) {
      std::string_view key = tokens.key(k);
      bool preposition = is_preposition(key) && !quantifier_at(k, end);
      if (is_time_word(key))
        ++k;
      else if (preposition && k + 1 < end && is_time_word(tokens.key(k + 1)))
        k += 2;
      else if (preposition && k + 1 < end && date_at(k + 1, end) > 0)
        k += 1 + date_at(k + 1, end);  // "declared a ceasefire on 1 April"
      // dyad's rules: "to" + a lower-case word + a determiner is an infinitive with its own
      // object ("agreed to postpone the march", "to stem the spread"), no object of the verb.
      else if (options.dyad_rules && text::is(key, "TO") && k + 2 < end &&
               tokens.tokens[k + 1].kind == TokenKind::kWord && !tokens.tokens[k + 1].capitalized &&
               scratch.mention_of_token[k + 1] < 0 && !is_determiner(tokens.key(k + 1)) &&
               (is_determiner(tokens.key(k + 2)) ||
                // "agreed to set up", "to carry out", "to step up": a verb and its particle.
                (k + 3 < end &&
                 DYAD_KEY_IN(tokens.key(k + 2), "UP", "OUT", "DOWN", "OFF", "BACK", "AWAY"))))
        return end;
      else if (preposition && !preposition_seen &&
               // "after", "before", "during", "without", "via" open adjuncts, not objects
               // ("resigned after weeks of protests" has no object).
               !DYAD_KEY_IN(key, "AFTER", "BEFORE", "DURING", "WITHOUT", "VIA")) {
        preposition_seen = true;
        ++k;
      } else {
        break;
      }
    }
    return k;
  }

  // The end (exclusive) of the noun phrase starting at token `start`: the words up to a
  // punctuation mark other than "'s", a verb, a conjunction, a clause word, a time word, a
  // participle after a noun or a preposition other than "of". A determiner after a word starts
  // another noun phrase ("gives Putin a deadline"). With `continuing`, `start` continues a
  // phrase that ends before it (an actor's words).
  uint32_t noun_phrase_end(const Document& doc, uint32_t start, uint32_t end,
                           bool continuing = false) const {
    uint32_t k = start;
    bool after_preposition = !continuing;
    while (k < end) {
      const text::Token& t = tokens.tokens[k];
      if ((k > start || (continuing && k > 0)) && !adjacent(doc, k)) break;
      if (quantifier_at(k, end)) {
        k += 2;
        after_preposition = false;
        continue;
      }
      if (t.kind == TokenKind::kPossessive) {
        ++k;
        after_preposition = true;  // "the country 's downtown"
        continue;
      }
      if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kOther) {
        ++k;
        after_preposition = false;
        continue;
      }
      if (t.kind != TokenKind::kWord) break;
      std::string_view key = tokens.key(k);
      bool verb = std::any_of(verbs.begin(), verbs.end(), [&](const Verb& v) {
        return k >= v.first && k <= v.last && !v.noun_position;
      });
      if (verb && scratch.mention_of_token[k] < 0) break;
      if (is_preposition(key) && !quantifier_at(k, end)) {
        if (!text::is(key, "OF")) break;
        ++k;
        after_preposition = true;
        continue;
      }
      // "that" right after a preposition is a determiner ("skeptical of that death toll").
      bool determiner_that =
          text::is(key, "THAT") && k == start && k > 0 && is_preposition(tokens.key(k - 1));
      if ((ends_noun_phrase(key) && !determiner_that) || is_time_word(key)) break;
      // A participle after a noun starts a clause of its own ("a draft resolution presented
      // by", "a cargo plane flying"), unless hyphenated to it ("U.S.-backed").
      if (k > start && !t.capitalized && key.size() > 4 && (ends(key, "ED") || ends(key, "ING")) &&
          scratch.mention_of_token[k] < 0 && doc.text[t.span.start - 1] != '-') {
        std::string_view previous = tokens.key(k - 1);
        if (tokens.tokens[k - 1].kind == TokenKind::kWord && !is_determiner(previous) &&
            !ends(previous, "LY") && !is_preposition(previous))
          break;
      }
      if (is_determiner(key) && !after_preposition && scratch.mention_of_token[k] < 0) break;
      after_preposition = false;
      ++k;
    }
    // A phrase does not end in a preposition or "'s".
    while (k > start && (is_preposition(tokens.key(k - 1)) ||
                         tokens.tokens[k - 1].kind == TokenKind::kPossessive))
      --k;
    return k;
  }

  // dyad's rules: an attack named as a noun in the subject of a verb of violence ("U.S.
  // military airstrikes this month in the area have killed dozens of IS members", "A suicide
  // attack on a convoy ... has killed at least eight people in Kabul", "air strikes hit the
  // rebel-held enclave"): what that verb acts on is what the attack did. The verb's last token,
  // or 0 when the event word `v` is no such subject. Only a finite verb of the same clause
  // with a default code of roots 18-20, with no verb, conjunction, clause word or punctuation
  // between it and the noun.
  uint32_t violence_after_noun_event(const Verb& v, const Candidate& c, uint32_t end) const {
    if (!is_violence_root(c.code)) return 0;
    // The noun opens the clause's subject: nothing but its modifiers before it, and no object
    // after it ("jihadists overran a military base" is a verb): a preposition, a time or an
    // auxiliary follows.
    for (uint32_t k = clause_starts[c.clause]; k < c.action_first; ++k)
      if (verb_at(k) || tokens.tokens[k].kind != TokenKind::kWord || is_auxiliary(tokens.key(k)) ||
          is_conjunction(tokens.key(k)) ||
          (is_pronoun_key(tokens.key(k)) && !tokens.tokens[k].all_caps))  // "US" is no "us"
        return 0;
    const uint32_t after = std::max(v.last, c.action_last) + 1;
    if (after >= end) return 0;
    std::string_view next = tokens.key(after);
    if (!is_preposition(next) && !is_auxiliary(next) && !is_time_word(next) &&
        !DYAD_KEY_IN(next, "THIS", "LAST") && !verb_at(after))
      return 0;
    for (const Verb& w : verbs) {
      if (w.first <= std::max(v.last, c.action_last)) continue;
      if (w.first >= end) return 0;
      std::string_view key = tokens.key(w.first);
      const std::string& code = model.verbs[w.verb_index].code.code;
      // The finite verb: right after the noun or after an auxiliary ("have killed"), not a
      // noun after its modifier ("a recent Iranian missile attack").
      if (w.noun_position || ends(key, "ING") || !is_violence_root(code) ||
          (w.first != after && !is_auxiliary(tokens.key(w.first - 1))))
        return 0;
      for (uint32_t k = std::max(v.last, c.action_last) + 1; k < w.first; ++k) {
        std::string_view between = tokens.key(k);
        if (tokens.tokens[k].kind == TokenKind::kComma || is_conjunction(between) ||
            (ends_noun_phrase(between) && !is_auxiliary(between)))
          return 0;
      }
      return std::max(w.last, w.continuation_last);
    }
    return 0;
  }

  // dyad's rules: a protest (root 14) with no named target is against the phrase after AGAINST
  // or IN RESPONSE TO later in its clause ("held a protest demonstration at the Delhi
  // University against the continued siege of occupied Kashmir", "staging a sit-in strike in
  // response to GE's decision"), not the word after its own ("demonstration").
  void protested_against(Candidate& c, uint32_t end) const {
    if (!starts(c.code, "14")) return;
    for (uint32_t k = c.action_last + 1; k < end; ++k) {
      uint32_t after = 0;
      if (text::is(tokens.key(k), "AGAINST"))
        after = k + 1;
      else if (k + 2 < end && text::is(tokens.key(k), "IN") &&
               text::is(tokens.key(k + 1), "RESPONSE") && text::is(tokens.key(k + 2), "TO"))
        after = k + 3;
      if (after == 0) continue;
      uint32_t first = 0, last = 0;
      // Not a gerund ("in protest against being ordered to ...").
      if (after < end && !(ends(tokens.key(after), "ING") && !tokens.tokens[after].capitalized) &&
          object_phrase(*document, after, end, &first, &last)) {
        c.object_first = first;
        c.object_last = last;
        c.has_object = true;
      }
      return;
    }
  }

  // dyad's rules: "X said (on Thursday) that the brutal oppression of the Venezuelan people must
  // end": a demand whose subject names no actor (the speaker being its source) is made of that
  // subject, its uncoded target: the words between THAT and MUST / SHOULD.
  void demanded_of_phrase(const Verb& v, Candidate& c) const {
    uint32_t modal = v.first;
    while (modal > 0 && !DYAD_KEY_IN(tokens.key(modal - 1), "MUST", "SHOULD")) {
      if (modal + 2 < v.first || !ends(tokens.key(modal - 1), "LY")) return;
      --modal;
    }
    if (modal == 0) return;
    --modal;  // the modal
    if (scratch.mentions[c.source].last_token >= modal) return;
    uint32_t first = modal;
    while (first > 0 && modal - first < 12) {
      std::string_view key = tokens.key(first - 1);
      if (text::is(key, "THAT")) break;
      const text::Token& t = tokens.tokens[first - 1];
      if ((t.kind != TokenKind::kWord && t.kind != TokenKind::kPossessive) || verb_at(first - 1) ||
          is_auxiliary(key) || is_conjunction(key) || is_pronoun_key(key))
        return;
      --first;
    }
    if (first == 0 || first == modal || !text::is(tokens.key(first - 1), "THAT")) return;
    c.object_first = first;
    c.object_last = modal - 1;
    c.has_object = true;
  }

  // TO and a lower-case verb that is no noun within [from, to).
  bool infinitive_between(uint32_t from, uint32_t to) const {
    for (uint32_t k = from; k + 1 < to; ++k)
      if (text::is(tokens.key(k), "TO") && !tokens.tokens[k + 1].capitalized)
        for (const Verb& w : verbs)
          if (w.first == k + 1 && !w.noun_position) return true;
    return false;
  }

  // dyad's rules: OF / FOR and a word in -ING right after the noun phrase that opens at `from`
  // say what that object did ("accused Gulen of attempting to overthrow the Turkish
  // government", "blamed the ministry for failing to protect civilians"): the object is the
  // one acted on, not an actor named in what it did. The OF / FOR, else `end`.
  uint32_t gerund_after_object(uint32_t from, uint32_t end) const {
    // Asked at every target search, and most objects have no OF / FOR within reach (the eight
    // words below and the one after them): look for one before testing the words.
    bool reaches = false;
    for (uint32_t j = from; j < end && j <= from + 8 && !reaches; ++j)
      reaches = DYAD_KEY_IN(tokens.key(j), "OF", "FOR");
    if (!reaches) return end;
    // The object: up to eight words with no punctuation, verb or other preposition.
    uint32_t k = from;
    while (k < end && k < from + 8 && !DYAD_KEY_IN(tokens.key(k), "OF", "FOR")) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind == TokenKind::kPossessive || t.kind == TokenKind::kNumber) {
        ++k;
        continue;
      }
      if (t.kind != TokenKind::kWord || is_preposition(tokens.key(k)) ||
          is_conjunction(tokens.key(k)) || (verb_at(k) && scratch.mention_of_token[k] < 0))
        return end;
      ++k;
    }
    if (k == from || k + 1 >= end || !DYAD_KEY_IN(tokens.key(k), "OF", "FOR")) return end;
    // A verb in -ING with its own object or infinitive after it, not a noun ("levels of
    // suffering in", "the strength of sterling").
    const text::Token& t = tokens.tokens[k + 1];
    std::string_view key = tokens.key(k + 1);
    if (t.kind != TokenKind::kWord || t.capitalized || key.size() < 5 || !ends(key, "ING") ||
        scratch.mention_of_token[k + 1] >= 0 || !verb_at(k + 1) || k + 2 >= end)
      return end;
    const text::Token& next = tokens.tokens[k + 2];
    std::string_view next_key = tokens.key(k + 2);
    if ((next.kind != TokenKind::kWord && next.kind != TokenKind::kNumber) ||
        (is_preposition(next_key) && !text::is(next_key, "TO")) || is_conjunction(next_key))
      return end;
    return k;
  }

  // dyad's rules: the one who died of an act of violence named after DIED ("Political prisoner
  // died in a captivity in Iran due to continued torture", "party member dies in prison after
  // torture") suffered it: the subject of DIED / DIES / DIE before the noun is the target, the
  // source unnamed. Only for assaults, fights and mass violence (roots 18-20).
  void died_of_violence(const Verb& v, Candidate& c) const {
    if (!is_violence_root(c.code) ||
        ends(tokens.key(v.first), "ING"))  // "died fighting": they fought
      return;
    const Mention& subject = scratch.mentions[c.source];
    if (subject.last_token >= v.first) return;
    bool died = false;
    for (uint32_t k = subject.last_token + 1; k < v.first && !died; ++k)
      died = DYAD_KEY_IN(tokens.key(k), "DIED", "DIES", "DIE");
    if (!died) return;
    c.target = c.source;
    c.target_single = c.source_single;
    c.source = kNoActor;
    c.source_single = false;
    c.has_object = false;
  }

  // dyad's rules: a past participle (-ED) + BY right after the subject's head, before the
  // clause's own verb, describes the subject ("The missiles fired by the Israeli military struck
  // an arms depot", "Syrian government warplanes supported by Russia pounded ..."): it codes
  // nothing. No verb stands before it in the clause and a finite verb (not -ING, not a noun)
  // comes after it before `clause_end`.
  bool participle_in_subject(const Verb& v, uint32_t clause_end_token) const {
    if (v.first != v.last || v.first == 0 || v.last + 2 >= clause_end_token) return false;
    std::string_view key = tokens.key(v.first);
    if (key.size() <= 4 || !ends(key, "ED") || !text::is(tokens.key(v.last + 1), "BY"))
      return false;
    const text::Token& before = tokens.tokens[v.first - 1];
    std::string_view head = tokens.key(v.first - 1);
    if (before.kind != TokenKind::kWord || is_auxiliary(head) || is_pronoun_key(head) ||
        DYAD_KEY_IN(head, "BEING", "GET", "GOT", "NOT"))
      return false;
    const uint32_t clause_first = clause_starts[clause_of(v.first)];
    bool later_verb = false;
    for (const Verb& w : verbs) {
      if (w.first >= clause_first && w.first < v.first && !w.noun_position) return false;
      if (w.first > v.last + 1 && w.first < clause_end_token && !w.noun_position &&
          !ends(tokens.key(w.first), "ING"))
        later_verb = true;
    }
    return later_verb;
  }

  // dyad's rules: a past participle (-ED) right after the event's words and before a preposition
  // or determiner opens a reduced relative clause ("the initial troop withdrawal *required* in the
  // peace agreement", "a ceasefire *brokered* by Russia"), not the object.
  bool reduced_relative_at(uint32_t k, uint32_t end) const {
    if (k + 1 >= end || tokens.tokens[k].kind != TokenKind::kWord || tokens.tokens[k].capitalized ||
        scratch.mention_of_token[k] >= 0)
      return false;
    std::string_view key = tokens.key(k);
    // -ED only: -EN words are as often nouns or numbers ("women", "children", "seven").
    if (key.size() <= 4 || !ends(key, "ED")) return false;
    if (tokens.tokens[k + 1].kind != TokenKind::kWord) return false;
    std::string_view next = tokens.key(k + 1);
    return is_preposition(next) || is_determiner(next);
  }

  // dyad's rules: pessimism, optimism and hope (012, 013) are about what their THAT clause says
  // of its subject ("is pessimistic that the postponed Tokyo Olympics will go ahead", "hoped
  // that insurers would not ..."): that subject's noun phrase is the uncoded target. THAT must
  // follow the event's words, time words aside.
  bool hoped_for_subject(const Candidate& c, uint32_t end, uint32_t* first, uint32_t* last) const {
    if (!text::is(c.code, "012") && !text::is(c.code, "013")) return false;
    uint32_t k = c.action_last + 1;
    while (k < end && is_time_word(tokens.key(k))) ++k;
    if (k + 1 >= end || !text::is(tokens.key(k), "THAT")) return false;
    const uint32_t phrase_end = noun_phrase_end(*document, k + 1, end);
    if (phrase_end <= k + 1 || phrase_end >= end || tokens.tokens[k + 1].kind != TokenKind::kWord ||
        DYAD_KEY_IN(tokens.key(k + 1), "SUCH", "ONCE", "THERE", "THIS", "IT", "THEY", "HE", "SHE"))
      return false;
    // The phrase is the clause's subject: a verb or an auxiliary follows it, and it ends in a
    // noun (not "the recently", "an").
    std::string_view after = tokens.key(phrase_end), tail = tokens.key(phrase_end - 1);
    if (!(verb_at(phrase_end) || is_auxiliary(after)) || is_determiner(tail) || ends(tail, "LY"))
      return false;
    *first = k + 1;
    *last = phrase_end - 1;
    return true;
  }

  // The object noun phrase after token `from` (exclusive of `end`): "condemned the attack on
  // ...": "the attack"; "expressed optimism at a bipartisan deal": "a bipartisan deal".
  bool object_phrase(const Document& doc, uint32_t from, uint32_t end, uint32_t* first,
                     uint32_t* last) const {
    uint32_t start = object_start(from, end);
    if (options.dyad_rules && reduced_relative_at(start, end)) return false;
    uint32_t k = noun_phrase_end(doc, start, end);
    // "accused Gulen of attempting to ...": the object ends before what it did.
    if (options.dyad_rules) k = std::min(k, gerund_after_object(start, end));
    bool word = false;
    for (uint32_t j = start; j < k; ++j)
      word = word || tokens.tokens[j].kind == TokenKind::kWord ||
             tokens.tokens[j].kind == TokenKind::kNumber;
    if (!word) return false;
    // "violated the ceasefire about 80 times": how often, not what is acted on.
    if (options.dyad_rules && text::is(tokens.key(k - 1), "TIMES") &&
        !tokens.tokens[k - 1].capitalized)
      return false;
    *first = start;
    *last = k - 1;
    // "provided $2 million to Fiji", "giving money to local communities": what is given is no
    // target, the one it goes to is (an infinitive, "to help", ends at its verb).
    if (k + 1 < end && text::is(tokens.key(k), "TO")) {
      uint32_t r = noun_phrase_end(doc, k + 1, end);
      bool rword = false;
      for (uint32_t j = k + 1; j < r; ++j)
        rword = rword || tokens.tokens[j].kind == TokenKind::kWord;
      if (rword) {
        *first = k + 1;
        *last = r - 1;
      }
    }
    return true;
  }

  // An event with one actor keeps it only when the actor is named in the verb's own clause,
  // between `first` and `end`, or is a pronoun for an actor of the same sentence ("X said it
  // will ..."); a pronoun reaching back to an earlier sentence or an actor carried over from
  // another clause is too weak a signal on its own.
  bool named_in_clause(int mention, uint32_t first, uint32_t end) const {
    const Mention& m = scratch.mentions[mention];
    if (m.first_token < first || m.first_token >= end || m.story_reference) return false;
    if (m.referent_token >= 0) return true;  // a pronoun for an actor of the same sentence
    return !(m.first_token == m.last_token &&
             DYAD_KEY_IN(tokens.key(m.first_token), "HE", "SHE", "IT", "ITS", "HIS", "HER", "THEY",
                         "THEM", "THEIR", "WE", "OUR", "US", "I"));
  }

  // dyad's rules: the one actor of an event with one actor must be a political actor. A
  // possessive pronoun names the owner of something, not who acts ("a meeting of its board");
  // a business (any code with the BUS sector: "the company", "a US bank") and a bare role of
  // the media, the courts, farming or the elite ("the court", "reporters", "growers") is
  // company, market or local news, not an event between political actors. Organisations
  // (IGO..., NGO...) are political whatever their type ("IGOBUSOPC", OPEC).
  bool political_alone(int mention) const {
    const Mention& m = scratch.mentions[mention];
    if (m.first_token == m.last_token &&
        DYAD_KEY_IN(tokens.key(m.first_token), "ITS", "HIS", "HER", "THEIR"))
      return false;
    std::string_view code = m.code;
    if (starts(code, "IGO") || starts(code, "NGO")) return true;
    if (DYAD_KEY_IN(code.substr(0, 3), "MED", "JUD", "AGR", "ELI")) return false;
    for (size_t k = 0; k + 3 <= code.size(); k += 3)
      if (text::is(code.substr(k, 3), "BUS")) return false;
    return true;
  }

  // dyad's rules: codes for an exchange between two parties need both of them. A meeting,
  // negotiation or visit received (040, 036, 043, 046), trade (061 and its intent and refusal,
  // 0311, 1211) and economic aid (071, 0331, 1221) with one party named is a company board,
  // market or trade figure ("the board will meet", "Japan's exports rose", "approved new
  // loans"), not an event between actors.
  static bool needs_two_parties(std::string_view code) {
    return DYAD_KEY_IN(code, "040", "036", "043", "046", "061", "0311", "1211", "071", "0331",
                       "1221");
  }

  // dyad's rules: a mention right before a verb or an auxiliary ("said it will", "announced
  // Japan had agreed"), or a nominative pronoun, is the subject of a reported clause, not the
  // addressee of a statement.
  bool reported_subject(int mention) const {
    const Mention& m = scratch.mentions[mention];
    if (m.first_token == m.last_token &&
        DYAD_KEY_IN(tokens.key(m.first_token), "HE", "SHE", "IT", "THEY", "WE", "I"))
      return true;
    uint32_t next = m.last_token + 1;
    // Adverbs before the reported verb: "said the U.S. clearly feels", "said Baghdadi then moved".
    if (next < tokens.size() &&
        ((tokens.key(next).size() > 3 && ends(tokens.key(next), "LY")) ||
         DYAD_KEY_IN(tokens.key(next), "THEN", "ALSO", "NOW", "STILL", "ALREADY", "AGAIN", "LATER",
                     "EARLIER", "SOON", "NEVER", "EVEN", "JUST")))
      ++next;
    if (next >= tokens.size()) return false;
    if (is_auxiliary(tokens.key(next))) return true;
    for (const Verb& v : verbs)
      if (v.first == next && !v.noun_position) return true;
    // The mention only qualifies the clause's subject: "said West German law prohibited",
    // "said Taiwan's trade will reach".
    const text::Token& t = tokens.tokens[next];
    if (t.kind == TokenKind::kPossessive) return true;
    if (t.kind != TokenKind::kWord || t.capitalized || scratch.mention_of_token[next] >= 0)
      return false;
    std::string_view key = tokens.key(next);
    return !is_determiner(key) && !is_preposition(key) && !is_conjunction(key) &&
           !(key.size() > 3 && ends(key, "LY")) &&
           !DYAD_KEY_IN(key, "THAT", "WHO", "WHICH", "WHEN", "WHERE", "WHILE", "AS", "IF", "TODAY",
                        "YESTERDAY", "TONIGHT", "TOMORROW", "NOW", "THEN", "AGAIN", "LAST", "NEXT",
                        "THIS", "EARLIER", "LATER", "ALSO", "HE", "SHE", "IT", "THEY", "WE", "I",
                        "YOU", "HOW", "WHAT", "WHY", "BEFORE", "AFTER", "ABOUT");
  }

  // dyad's rules: a place or nationality followed by a capitalized word that names nothing the
  // knowledge knows is part of an unknown name ("American Motors", "First Boston Corp", "the
  // Canadian Utilities Center"): no actor on its own.
  bool inside_unknown_name(int mention) const {
    const Mention& m = scratch.mentions[mention];
    if (m.referent_token >= 0 || m.story_reference || !m.agent_code.empty()) return false;
    uint32_t next = m.last_token + 1;
    if (next >= tokens.size() || scratch.mention_of_token[next] >= 0) return false;
    const text::Token& t = tokens.tokens[next];
    if (t.kind != TokenKind::kWord || !t.capitalized || t.all_caps || verb_at(next)) return false;
    std::string_view key = tokens.key(next);
    return !DYAD_KEY_IN(key, "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                        "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
                        "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN", "FEB",
                        "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC");
  }

  // dyad's rules: whether an event of `code` can be done between the members of a compound
  // subject: cooperation, consultation, agreement (03-06, a ceasefire 087, accord 019),
  // rejection (12), cutting ties (16) and fighting (19). A statement (01-02), aid (07), a
  // concession (08 else), an investigation, demand, criticism, threat, protest or force posture
  // (09-11, 13-15), coercion, assault and mass violence (17, 18, 20) go from the subject to another
  // party: "India and the US have both indicted Sajid Mir" did not indict each other. Such an event
  // has the compound as its one actor, with the verb's object as its uncoded target.
  static bool mutual_act(std::string_view code) {
    if (code.size() < 2) return false;
    std::string_view root = code.substr(0, 2);
    return DYAD_KEY_IN(root, "03", "04", "05", "06", "12", "16", "19") || starts(code, "087") ||
           text::is(code, "019");
  }

  // dyad's rules: an act that the members of a compound do together, with each other: meeting,
  // talks and negotiation (040, 041, 044, 046), diplomatic and material cooperation and signing
  // an agreement (050, 057, 06x) and the intents to cooperate or meet (030, 031x, 036). Not a
  // visit, mediation, praise or recognition, which go to a third party, nor a concession (035x)
  // or a ceasefire ("announced a ceasefire in Idlib").
  static bool joint_act(std::string_view code) {
    return DYAD_KEY_IN(code, "030", "036", "040", "041", "044", "046", "050", "057") ||
           starts(code, "031") || starts(code, "06");
  }

  // Whether an event of `code` may stand with `mention` as its one actor (dyad's rules).
  bool alone_ok(std::string_view code, int mention) const {
    return political_alone(mention) && !needs_two_parties(code) && !inside_unknown_name(mention);
  }

  // Direct object: a mention starting within two words after the verb ("told the Russian side").
  bool directly_after(uint32_t verb_last, int mention) const {
    if (mention < 0) return false;
    uint32_t first = scratch.mentions[mention].first_token;
    if (first <= verb_last || first - verb_last > 3) return false;
    for (uint32_t k = verb_last + 1; k < first; ++k) {
      std::string_view key = tokens.key(k);
      if (!is_determiner(key) && !text::is(key, "TO") && !text::is(key, "WITH")) return false;
    }
    return true;
  }
  // Whether some mention of the sentence is directly_after the verb (a loop over the few
  // mentions: the same test, so a caller may skip work whose outcome needs one).
  bool any_mention_directly_after(uint32_t verb_last) const {
    for (size_t m = 0; m < scratch.mentions.size(); ++m)
      if (directly_after(verb_last, static_cast<int>(m))) return true;
    return false;
  }

  // dyad's rules: "X said Y must V" is X's demand of Y. A demand coded from "must" (root 10)
  // whose source Y opens a clause reported by a speech verb ("said (that)", "says") has the
  // speaker as its source and Y as its target ("Russia says Israel must end attacks": Russia
  // demands of Israel). A speaker who names no actor leaves the demand without a source; without
  // a speech verb before Y the roles stay.
  void demand_of_speaker(const Verb& v, uint32_t clause_first, Candidate& c) const {
    if (c.source < 0) return;
    const Mention& subject = scratch.mentions[c.source];
    if (subject.first_token >= v.first || subject.first_token <= clause_first) return;
    bool deontic = false;
    for (uint32_t k = subject.last_token + 1; k < v.first; ++k)
      deontic = deontic || DYAD_KEY_IN(tokens.key(k), "MUST", "SHOULD");
    if (!deontic) return;
    // Back from Y over its determiners and modifiers ("all political forces in Yemen"), "that"
    // and time words ("said on Tuesday that").
    uint32_t k = subject.first_token;
    while (k > clause_first) {
      std::string_view key = tokens.key(k - 1);
      if (is_determiner(key) || is_time_word(key) || key == "THAT" || key == "ALL" ||
          plain_word(k - 1) ||
          (key == "ON" && k < subject.first_token && is_time_word(tokens.key(k))))
        --k;
      else
        break;
    }
    if (k == 0) return;
    const Verb* speech = nullptr;
    for (const Verb& w : verbs)
      if (w.last == k - 1 && !w.noun_position &&
          is_speech_root(model.verbs[w.verb_index].code.code))
        speech = &w;
    if (speech == nullptr) return;
    int speaker = subject_before(speech->first, clause_first);
    if (speaker >= 0 && scratch.mentions[speaker].code == subject.code) return;
    if (speaker < 0) {
      // A speaker the knowledge does not know ("Father Emmanuel Yousaf said the government must
      // ensure security"): Y is still the one the demand is made of, by no named source.
      if (!alone_ok(c.code, c.source)) return;
      c.target = c.source;
      c.target_single = c.source_single;
      c.source = kNoActor;
      c.source_single = false;
      c.has_object = false;
      return;
    }
    c.target = c.source;
    c.target_single = c.source_single;
    c.source = speaker;
    c.source_single = false;
  }

  // The sentence as try_verb's patterns see it (without the jump tables).
  events::SentenceView verb_view() const {
    events::SentenceView view{tokens, scratch};
    view.loose_synset_join = options.loose_synset_join;
    if (options.petrarch_rules) {
      view.phrase_conjunction = &phrase_conjunction;
      view.skip_words = true;
    }
    return view;
  }
  events::SentenceIndex pattern_index;  // for verb_view(), cleared by find_events

  // Tries one verb; fills `c`, which comes default-constructed (find_events makes one per verb:
  // no reset here, which cost a temporary Candidate per verb tried), and returns true when it
  // yields an event.
  bool try_verb(const Verb& v, int clause_source, Candidate& c) {
    if (const VerbGate& gate = verb_gates[v.verb_index]; gate.key_count != UINT32_MAX) {
      // Without one of its coded patterns' key words no coded pattern can match, and with
      // only null ones (or none) the verb codes nothing (below, this path ends at the null
      // code, with nothing changed: see VerbGate).
      if (!words_noted) fill_words_seen();
      bool any = false;
      const lexicon::WordId* keys = gate_keys.data() + gate.offset;
      for (uint32_t k = 0; k < gate.key_count && !any; ++k) any = word_seen(keys[k]);
      if (!any) return false;
    }
    const lexicon::CompiledVerb& verb = model.verbs[v.verb_index];
    events::SentenceView view = verb_view();
    view.index = &pattern_index;
    c.clause = clause_of(v.first);
    c.action_first = v.first;
    c.action_last = std::max(v.last, v.continuation_last);
    c.verb_last = c.action_last;
    bool matched = false, explicit_before = false;
    const lexicon::EventCode* code = nullptr;
    events::PatternMatch match;
    // Longest pattern first; a match through alternatives counts only the characters it
    // matched, so longer patterns are still tried before it is accepted (TABARI 5.7.1).
    int matched_length = 0;
    // Only patterns whose key word the sentence has (see CompiledVerb) and whose literal words
    // all stand on the right side of the verb, in pattern order, merged with those that have
    // no literal word. Patterns go from the most specific to the least, so leaving out those
    // that cannot match changes nothing below.
    if (!words_noted) fill_words_seen();
    static_assert(kSeenBits == 4096, "seen_bits is SentenceView::word_filter");
    view.word_filter = seen_bits.data();
    view.word_span = &Impl::word_span_of;
    view.word_span_context = this;
    pattern_candidates.clear();
    const VerbKeys& keys = verb_keys[v.verb_index];
    const lexicon::WordId* const key_words = verb_key_arena.data() + keys.offset;
    const uint32_t* const key_begin = key_words + keys.keys;
    const uint32_t* const key_patterns = key_begin + keys.keys + 1;
    const uint32_t* const placed = key_patterns + keys.patterns;
    const uint32_t* const unkeyed = placed + kPlacedStride * keys.patterns;
    auto add_group = [&](size_t k) {
      for (uint32_t j = key_begin[k]; j < key_begin[k + 1]; ++j)
        if (words_placed(placed + kPlacedStride * j, verb.patterns[key_patterns[j]], v.first,
                         v.last))
          pattern_candidates.push_back(key_patterns[j]);
    };
    if (2 * keys.keys > 3 * sentence_word_count) {
      // A common verb has over 1.5 times as many key words as the sentence has words: look the
      // words up.
      const KeyMap& key_map_of_verb = key_map(v.verb_index);
      for (lexicon::WordId w : std::span(sentence_words.data(), sentence_word_count))
        if (has_bit(key_map_of_verb.bits, w))  // a key: the index has it
          add_group(key_map_of_verb.index.find_unfiltered(w, 0));
    } else if (keys.keys >= kKeyFilterMin) {
      const KeyFilter& filter = key_filter(v.verb_index);
      for (size_t w = 0; w < kSeenBits / 64; ++w) {
        if ((filter.bits[w] & seen_bits[w]) == 0) continue;
        for (uint32_t j = filter.word_begin[w]; j < filter.word_begin[w + 1]; ++j)
          if (word_seen(key_words[filter.keys[j]])) add_group(filter.keys[j]);
      }
    } else {
      for (size_t k = 0; k < keys.keys; ++k)
        if (word_seen(key_words[k])) add_group(k);
    }
    std::sort(pattern_candidates.begin(), pattern_candidates.end());
    const size_t unkeyed_count = keys.unkeyed;
    for (size_t a = 0, b = 0; a < pattern_candidates.size() || b < unkeyed_count;) {
      uint32_t candidate = b == unkeyed_count || (a < pattern_candidates.size() &&
                                                  pattern_candidates[a] < unkeyed[b])
                               ? pattern_candidates[a++]
                               : unkeyed[b++];
      const lexicon::CompiledPattern& pattern = verb.patterns[candidate];
      if (matched && pattern.specificity <= matched_length) break;
      if (!alternatives_placed(pattern, v.first, v.last)) continue;
      events::PatternMatch attempt;
      if (!events::match_pattern(pattern, view, v.first, v.last, &attempt)) continue;
      // dyad's rules: a pattern whose words and target lie past the infinitive of another verb
      // ("will meet US President Donald Trump at the White House on Monday to discuss the US
      // Justice Department's disputes with Republicans": * WITH_ +) has matched that verb's.
      if (options.dyad_rules && attempt.target >= 0 && attempt.last_token > v.last + 2 &&
          infinitive_between(v.last + 1, std::min(attempt.last_token - 1,
                                                  scratch.mentions[attempt.target].first_token)))
        continue;
      // dyad's rules: a pattern's preposition that opens a date is no preposition of the verb
      // ("attacked the final rebel-held city near Damascus on Friday , ... as civilians": "on"
      // of "* ON_ +" is the day's, its target no one attacked).
      if (options.dyad_rules && attempt.target >= 0 && attempt.last_token > v.last &&
          attempt.last_token + 1 < tokens.size() &&
          is_preposition(tokens.key(attempt.last_token)) &&
          (is_time_word(tokens.key(attempt.last_token + 1)) ||
           date_at(attempt.last_token + 1, static_cast<uint32_t>(tokens.size())) > 0))
        continue;
      if (options.dyad_rules) {
        ModalReach reach = modal_reach(pattern, attempt, v);
        if (reach == ModalReach::kInScope) return false;
        if (reach == ModalReach::kNegated || reach == ModalReach::kOtherClause) continue;
      }
      int length = pattern.specificity - attempt.shortfall;
      if (matched && length <= matched_length) continue;
      match = attempt;
      code = &pattern.code;
      explicit_before = !pattern.before.empty();
      matched = true;
      matched_length = length;
    }
    if (matched) {
      c.source = match.source;
      c.target = match.target;
      c.action_first = match.first_token;
      c.action_last = std::max(match.last_token, v.continuation_last);
    }
    int owner = matched && options.dyad_rules ? possessive_pattern_target(v, c) : -1;
    if (owner >= 0) c.target = -1;
    if (!matched) {
      if (v.noun_position) return false;  // "the attack": a noun unless a pattern says more
      code = &verb.code;
    }
    // A discard or complex code on the matched pattern stops the whole sentence (TABARI 6.3-6.4).
    if (discard_code(*code) || text::is(code->code, "+++")) {
      sentence_stopped = true;
      return false;
    }
    // A null code stops here, unless it is paired: PETRARCH-2's "[:110]" ("X offended Y": Y does
    // 110 to X) codes the reverse event alone.
    if (null_code(*code) && code->paired.empty()) return false;
    // dyad's rules: a plain statement (010) coded by its verb alone stands only with its
    // addressee right after the verb (the speech rule below). Where no mention stands there,
    // nothing the source and target searches find can change that: stop before them. (Most
    // tries of SAY end here: 36,000 on Reuters.)
    if (options.dyad_rules && !matched && text::is(code->code, "010") &&
        !any_mention_directly_after(v.last))
      return false;
    if (options.dyad_rules && !explicit_before && negated(v)) return false;
    if (options.dyad_rules && hypothetical(v)) return false;
    if (options.dyad_rules && !explicit_before && possible_or_prevented(v)) return false;
    c.code = code->code;
    c.paired = code->paired;
    // Reported speech is the codebook's residual category: with dyad's rules a speech event
    // stands only where the clause has nothing else.
    c.subordinate =
        code->subordinate || (options.dyad_rules && !matched && is_speech_root(code->code));
    c.dominant = code->dominant;
    uint32_t clause_first = clause_starts[c.clause], clause_last = clause_end(c.clause);

    bool source_set = c.source >= 0, target_set = c.target >= 0;
    if (!source_set && !target_set) {
      int by = passive_agent(v);
      if (by >= 0) {
        c.source = by;
        c.target = clause_source >= 0 ? clause_source : first_mention(0, v.first, "");
        if (c.target >= 0 && scratch.mentions[c.target].code == scratch.mentions[by].code)
          c.target = -1;
        source_set = target_set = c.target >= 0;
        // dyad's rules: a subject that names no actor is still the one acted on ("Disha Ravi
        // was arrested by Delhi Police"): an uncoded target.
        if (options.dyad_rules && !target_set && alone_ok(code->code, by) &&
            passive_subject(v, clause_first, &c.object_first, &c.object_last)) {
          c.target = kNoActor;
          c.has_object = true;
          source_set = target_set = true;
        }
      } else if (options.dyad_rules && !is_speech_root(code->code) && !starts(code->code, "03") &&
                 !starts(code->code, "15") && agentless_passive(v)) {
        // The passive's subject is the one acted on; who acted is not named. Not for intents
        // (03: "is prepared to") nor force postures (15: the troops "being deployed" are the
        // actor's own).
        int subject = subject_before(v.first, clause_first);
        if (subject >= 0 && named_in_clause(subject, clause_first, v.first) &&
            alone_ok(code->code, subject)) {
          c.target = subject;
          c.source = kNoActor;
          source_set = target_set = true;
        }
      }
    }
    if (!source_set && options.dyad_rules) {
      // The verb's own subject when its clause has one before it. A bare role among the
      // pattern's words, right before the event noun, describes the noun ("a joint military
      // exercise", "military aid"): no subject.
      int subject = subject_before(v.first, clause_first);
      if (subject >= 0 && c.action_first < v.first &&
          scratch.mentions[subject].first_token >= c.action_first &&
          scratch.mentions[subject].last_token + 1 == v.first &&
          scratch.mentions[subject].base_code.empty() &&
          scratch.mentions[subject].referent_token < 0 &&
          !is_pronoun_key(tokens.key(scratch.mentions[subject].last_token)) &&
          scratch.mentions[subject].first_token > 0 &&
          (DYAD_KEY_IN(tokens.key(scratch.mentions[subject].first_token - 1), "A", "AN") ||
           is_preposition(tokens.key(scratch.mentions[subject].first_token - 1)) ||
           (c.action_first > 0 && (DYAD_KEY_IN(tokens.key(c.action_first - 1), "A", "AN") ||
                                   is_preposition(tokens.key(c.action_first - 1))))))
        subject = subject_before(c.action_first, clause_first);
      if (subject >= 0 &&
          (!target_set || scratch.mentions[subject].code != scratch.mentions[c.target].code)) {
        c.source = subject;
        source_set = true;
      }
    }
    if (!source_set) {
      // TABARI 5.8/7.6: the first actor before the verb in its clause; else the subject carried
      // over from the previous clause; else the first actor before the verb. dyad's rules never
      // take the object of a preposition ("a car bomb in Kiev killed ...").
      const std::string& not_code = target_set ? scratch.mentions[c.target].code : "";
      uint64_t prepositional = options.dyad_rules ? prepositional_mentions() : 0;
      bool carried = clause_source >= 0 &&
                     (not_code.empty() || scratch.mentions[clause_source].code != not_code);
      // TABARI: while the sentence has no event, a clause that opens with its verb ("Gondor
      // alleged and acknowledged that ... Osgiliath soldiers ... in Ithilen") does not take the
      // subject the failed first clause found: the source search goes on after the verb. After
      // an event the source is kept ("X promised ... and urged ...").
      bool tabari = !options.dyad_rules && !options.petrarch_rules;
      int after = -1;
      if (tabari && c.clause > 0 && !event_found && v.first == clause_first + 1 &&
          first_mention(clause_first, v.first, not_code, prepositional) < 0)
        after = first_mention(v.last + 1, clause_last, not_code);
      // TABARI 7.6: after a conjunction the source an earlier verb found is kept unless an actor
      // opens the new clause (which then is the carried source). A source that is only the
      // first clause's first actor gives way to the clause's own actor.
      if (after >= 0) {
        c.source = after;
        c.source_single = true;
      } else if (tabari && c.clause > 0 && carried && source_from_verb) {
        c.source = clause_source;
      } else {
        c.source = -1;
        // PETRARCH: an actor between the last phrase comma and the verb is the verb's subject,
        // not the first actor of the clause ("ties with Gondor, almost five years after
        // Calenardhon crowds burned down its embassy": Calenardhon burned it).
        if (options.petrarch_rules)
          if (int64_t comma = last_phrase_comma(clause_first, v.first); comma >= 0)
            c.source =
                first_mention(static_cast<uint32_t>(comma) + 1, v.first, not_code, prepositional);
        if (c.source < 0) c.source = first_mention(clause_first, v.first, not_code, prepositional);
      }
      if (c.source < 0 && carried) c.source = clause_source;
      if (c.source < 0) c.source = first_mention(0, v.first, not_code, prepositional);
      // A target placed by the pattern ("+ WAS * DEAD"): the source is the first other actor,
      // wherever it stands.
      if (c.source < 0 && target_set) {
        c.source = first_mention(v.last + 1, clause_last, not_code);
        c.source_single = true;
      }
      // Without PRIOR a DEFAULT source setting lets the search go on after the verb.
      if (c.source < 0 && !options.default_source.empty() && !options.default_source_prior) {
        c.source = first_mention(v.last + 1, clause_last, not_code);
        c.source_single = true;
      }
    }
    if (c.source < 0 && !options.default_source.empty()) c.source = -2;  // the DEFAULT code
    if (owner >= 0) {
      if (!possessed_object(c, owner, clause_last)) return false;
      target_set = true;
    }
    if (!target_set) {
      const std::string& not_code = source_code_of(c);
      // The target is looked for within the verb's clause ("might affirm or allow an attack by
      // Osgiliath": the attackers are not what is affirmed). Where no actor starts after the
      // verb in its clause, the search after the verb finds none however the object ends: the
      // two scans of the rest of the clause that end it are skipped (most tries that code
      // nothing).
      uint32_t object_end =
          options.dyad_rules && any_mention_in(v.last + 1, clause_last)
              ? std::min(subordinate_clause_start(std::max(v.last, c.action_last) + 1, clause_last),
                         gerund_after_object(std::max(v.last, c.action_last) + 1, clause_last))
              : clause_last;
      // A pattern that spells out what the object did ("* OF ATTACKING"): the object between
      // the verb and OF is the target, the words after it are not.
      if (options.dyad_rules && c.action_last > v.last && c.source >= 0) {
        uint32_t of = gerund_after_object(v.last + 1, clause_last);
        if (of < clause_last && of < c.action_last) {
          object_end = std::min(object_end, of);
          c.object_from = v.last + 1;
        }
      }
      c.target = -1;
      if (options.dyad_rules) {
        if (uint32_t main = violence_after_noun_event(v, c, clause_last); main > 0) {
          c.object_from = main + 1;
          c.target = first_mention(main + 1, subordinate_clause_start(main + 1, clause_last),
                                   not_code, 0, &c);
        }
      }
      if (c.target < 0) c.target = first_mention(v.last + 1, object_end, not_code, 0, &c);
      // TABARI then looks before the verb (unless DEFAULT ... AFTER); dyad's rules do not:
      // "X supports a settlement" has no target, it does not act on earlier actors.
      bool look_before =
          !options.dyad_rules && !(options.default_target_after && !options.default_target.empty());
      if (c.target < 0 && look_before) {
        // The nearest one before the verb ("urged Bree to assist them": Bree), within the verb's
        // clause only: a later clause does not reach back ("... or pleasant place to visit" has
        // no target).
        c.target = nearest_mention_before(v.first, clause_first, not_code, match.skipped);
        c.target_single = true;
      }
      // A compound acting on itself ("the two sides discussed the military situation": the
      // sides, not "military").
      bool role_only_target = c.target >= 0 && options.dyad_rules &&
                              scratch.mentions[c.target].base_code.empty() &&
                              !scratch.mentions[c.target].story_reference &&
                              scratch.mentions[c.target].referent_token < 0;
      // dyad's rules: the members of a compound that act mutually ("Mexico and the United
      // Kingdom signed an agreement to continue trading after the UK leaves the EU", "Britain
      // and Japan clashed today over U.K. ...": a code paired with itself) do it with each
      // other, not with an actor further on that is no direct object of the verb.
      bool mutual_compound =
          c.target >= 0 && options.dyad_rules && c.source >= 0 &&
          ((!c.paired.empty() && c.paired == c.code) || (c.paired.empty() && joint_act(c.code))) &&
          scratch.mentions[c.source].group >= 0 && group_has_two_codes(c.source) &&
          !directly_after(c.action_last, c.target) && !directly_after(v.last, c.target);
      // dyad's rules: a compound whose act is one-way stands as the one actor of its event
      // when one of its members may (mutual_act), the event written for every member.
      int alone_member = -1;
      if (options.dyad_rules && c.target < 0 && c.source >= 0 && !c.source_single &&
          scratch.mentions[c.source].group >= 0 && !mutual_act(c.code))
        for (int m : members(c.source))
          if (named_in_clause(m, clause_first, v.first) && alone_ok(c.code, m)) {
            alone_member = m;
            break;
          }
      if ((c.target < 0 || role_only_target || mutual_compound) && c.source >= 0 &&
          scratch.mentions[c.source].group >= 0 && options.default_target.empty() &&
          !(options.dyad_rules && c.target < 0 &&
            (!group_has_two_codes(c.source) || alone_member >= 0))) {
        c.target = c.source;
        c.target_single = false;
      }
      if (alone_member >= 0 && c.target < 0 && group_has_two_codes(c.source))
        c.source = alone_member;
      if (c.target < 0 && !options.default_target.empty()) c.target = -2;
      // PETRARCH's default target stands for an object the parse found: "said on Saturday"
      // has one, "said today" has none.
      if (c.target == -2 && options.petrarch_rules && !has_object(v.last + 1, clause_last))
        return false;
    }
    if (options.petrarch_rules && options.new_actor_length > 0) {
      if (c.source == -1) c.source = new_actor_before(clause_first, v.first);
      if (c.target == -1) c.target = new_actor_after(c.action_last + 1, clause_last);
      if (c.source >= 0) conjoined_new_actor(c.source, v.first);
    }
    if (options.dyad_rules && starts(c.code, "10")) demand_of_speaker(v, clause_first, c);
    if (options.dyad_rules && c.target >= 0 && c.source >= 0 &&
        !beyond_moved_forces(c, clause_last))
      restriction_place(c, clause_last);
    if (c.source >= 0) tried_source = c.source;
    if (options.dyad_rules && is_speech_root(c.code) && (!matched || text::is(c.code, "011")) &&
        (c.target < 0 || !directly_after(v.last, c.target) || reported_subject(c.target))) {
      // A plain statement (010) needs its addressee as direct object; a speech verb with a
      // meaning of its own ("declined to comment", "is skeptical", "appealed") stands without
      // a target, but never reaches for a distant one.
      if (text::is(c.code, "010")) return false;
      c.target = -1;
    }
    // dyad's rules: an appeal or request (root 02) addressed to the named actor right after its
    // verb ("Trump urges UN to renew Iran sanctions", "asked the Pentagon to look into") is an
    // act of its own, not reported speech that gives way to the act it asks for (which has not
    // happened).
    if (options.dyad_rules && c.subordinate && !matched && !code->subordinate &&
        starts(c.code, "02") && c.target >= 0 && !scratch.mentions[c.target].code.empty())
      c.subordinate = false;
    // dyad's rules keep an event whose target is not named ("Japan condemned the attack"):
    // its target is left empty (kNoActor) rather than the event dropped.
    if (options.dyad_rules && c.source >= 0 && c.target == -1 &&
        named_in_clause(c.source, clause_first, v.first) && alone_ok(c.code, c.source)) {
      c.target = kNoActor;
      // The object the verb acts on, named by its words (an uncoded target): after the words
      // that coded the event, else right after the verb.
      uint32_t* first = &c.object_first;
      uint32_t* last = &c.object_last;
      // A passive's object is its subject ("Ingabire was arrested in Rwanda").
      // Declining to comment (011) is said to no one: what it is about is no target ("declined
      // to comment on the bill").
      c.has_object = !text::is(c.code, "011") &&
                     ((agentless_passive(v) && passive_subject(v, clause_first, first, last)) ||
                      (c.object_from > 0 &&
                       object_phrase(*document, c.object_from, clause_last, first, last)) ||
                      object_phrase(*document, c.action_last + 1, clause_last, first, last) ||
                      (object_phrase(*document, v.last + 1, clause_last, first, last) &&
                       !event_noun_inside_action(c, *first, *last)) ||
                      hoped_for_subject(c, clause_last, first, last));
      // "rejects and condemns the decision": a verb right before a clause of "and" + verb
      // shares that verb's object.
      if (!c.has_object && c.action_last + 1 == clause_last &&
          c.clause + 1 < clause_starts.size() && is_conjunction(tokens.key(clause_last))) {
        for (const Verb& next : verbs)
          if (next.first == clause_last + 1 && !next.noun_position)
            c.has_object = object_phrase(*document, std::max(next.last, next.continuation_last) + 1,
                                         clause_end(c.clause + 1), first, last);
      }
    }
    if (options.dyad_rules && c.source >= 0 && c.target == kNoActor)
      protested_against(c, clause_last);
    if (options.dyad_rules && c.source >= 0 && c.target == kNoActor && !c.has_object &&
        starts(c.code, "10"))
      demanded_of_phrase(v, c);
    if (options.dyad_rules && c.source >= 0 && c.target != -1 && !recipient_of_gift(c, clause_last))
      served_by_peacekeeping(c, clause_last);
    // A curfew without a named target holds in the place after IN too ("will extend curfew
    // order in Maungtaw district": not "order").
    if (options.dyad_rules && c.source >= 0 && c.target == kNoActor && c.has_object)
      restriction_place(c, clause_last);
    if (options.dyad_rules && c.source >= 0 && c.target >= 0)
      counted_people_object(v, c, clause_last);
    if (options.dyad_rules && c.source >= 0 && c.target == kNoActor) died_of_violence(v, c);
    if (options.dyad_rules && c.target != -1 && !accusation_denied(c, clause_last)) return false;
    // dyad's rules: "Ingabire was arrested (on Monday) in Rwanda": a coercive act (root 17) in
    // the passive
    // without its agent, on a subject that names no actor, was done by the state of the place
    // after IN (TABARI's convention, "ARRESTED IN_ $"); the subject is its uncoded target.
    if (options.dyad_rules && c.target >= 0 && c.source == -1 && starts(c.code, "17") &&
        agentless_passive(v) && scratch.mentions[c.target].first_token > v.last) {
      uint32_t k = scratch.mentions[c.target].first_token;
      while (k > v.last + 1 && is_determiner(tokens.key(k - 1))) --k;
      // Time words may stand before IN ("was arrested on Monday in Niger").
      uint32_t in = v.last + 1;
      while (in + 1 < k && (is_time_word(tokens.key(in)) || tokens.key(in) == "ON")) ++in;
      uint32_t first = 0, last = 0;
      if (in + 1 == k && tokens.key(in) == "IN" &&
          scratch.mentions[c.target].base_code.size() == 3 &&
          passive_subject(v, clause_first, &first, &last)) {
        c.source = c.target;
        c.source_single = false;
        set_uncoded_target(c, first, last);
      }
    }
    if (options.dyad_rules && c.target >= 0 && c.source == -1 &&
        named_in_clause(c.target, v.last + 1, clause_last + 1) && alone_ok(c.code, c.target))
      c.source = kNoActor;
    if (c.source == -1 || c.target == -1) return false;
    return true;
  }

  void find_events(int* sentence_source) {
    candidates.clear();
    sentence_stopped = false;
    pattern_index.clear();
    // Sources carry over from clause to clause unless an actor opens the new clause.
    int clause_source = -1;
    int first_clause_source = -1;  // the first source a verb of the first clause found
    source_from_verb = false;
    event_found = false;
    bool any_event = false;
    size_t verb = 0;
    for (size_t clause = 0; clause < clause_starts.size(); ++clause) {
      uint32_t first = clause_starts[clause], last = clause_end(clause);
      uint32_t opener = clause == 0 ? 0 : first + 1;
      if (opener < last && is_article(tokens.key(opener)) && opener + 1 < last) ++opener;
      // An actor opening the clause starts there ("and an Orc leader" does not open with the
      // gapped DURTHANG ... ORC).
      auto opens = [&](uint32_t k) {
        int m = scratch.mention_of_token[k];
        return usable(m) && scratch.mentions[m].first_token >= first;
      };
      if (clause > 0 && opener < last && opens(opener)) {
        clause_source = scratch.mention_of_token[opener];
        source_from_verb = true;
      }
      if (clause == 1 && !any_event) {
        // No event in the first clause: the source its verbs found, else its first actor,
        // becomes the subject.
        int m =
            first_clause_source >= 0 ? first_clause_source : first_mention(0, clause_starts[1], "");
        if (m >= 0 && !(opener < last && opens(opener))) {
          clause_source = m;
          source_from_verb = first_clause_source >= 0;
        }
      }
      bool clause_has_event = false;
      Candidate fallback;  // the clause's first subordinate event
      bool has_fallback = false;
      for (; verb < verbs.size() && verbs[verb].first < last; ++verb) {
        // The next verb's key index and compiled verb are most likely out of cache: start
        // loading them while this one is tried.
        if (verb + 1 < verbs.size()) {
          const uint32_t next = verbs[verb + 1].verb_index;
          __builtin_prefetch(verb_key_arena.data() + verb_keys[next].offset);
          __builtin_prefetch(&model.verbs[next]);
        }
        Candidate c;
        tried_source = -1;
        bool coded = !(options.dyad_rules && participle_in_subject(verbs[verb], last)) &&
                     try_verb(verbs[verb], clause_source, c);
        if (clause == 0 && first_clause_source < 0 && tried_source >= 0 && !options.dyad_rules)
          first_clause_source = tried_source;
        if (!coded) {
          if (sentence_stopped) {
            candidates.clear();
            return;
          }
          continue;
        }
        if (clause == 0 && c.source >= 0 && clause_source < 0) {
          clause_source = c.source;
          source_from_verb = true;
        }
        if (c.subordinate) {
          if (!has_fallback) {
            fallback = c;
            has_fallback = true;
          }
          continue;
        }
        // TABARI: coding by clause or sentence stops at the first event, so a dominant code
        // later in the clause is not reached (only CODE ALL evaluates every verb).
        bool reach_dominant = options.dyad_rules && c.dominant;
        // dyad's rules: "At least 23 civilians were killed as Syrian government forces launched
        // air strikes against the enclave": a killing in the passive with no one named gives way
        // to the attack of the AS / WHEN / AFTER clause that names who made it.
        if (options.dyad_rules && clause_has_event && !candidates.empty() &&
            attack_explains_passive(candidates.back(), c)) {
          candidates.back() = c;
          if (c.source >= 0) {
            clause_source = c.source;
            source_from_verb = true;
          }
          continue;
        }
        if (options.code_by != CodingOptions::CodeBy::kAll && clause_has_event && !reach_dominant)
          continue;
        if (options.code_by == CodingOptions::CodeBy::kSentence && any_event && !reach_dominant)
          continue;
        candidates.push_back(c);
        clause_has_event = true;
        any_event = true;
        event_found = true;
        if (c.source >= 0) {
          clause_source = c.source;
          source_from_verb = true;
        }
      }
      if (!clause_has_event && has_fallback &&
          !(options.code_by == CodingOptions::CodeBy::kSentence && any_event)) {
        candidates.push_back(fallback);
        // A promoted subordinate event does not stop later clauses.
      }
    }
    // Subordinate events stand only where nothing else was found in the sentence, except by
    // clause (promoted per clause above).
    if (options.code_by != CodingOptions::CodeBy::kClause) {
      bool substantive = std::any_of(candidates.begin(), candidates.end(),
                                     [](const Candidate& c) { return !c.subordinate; });
      if (substantive)
        candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                        [](const Candidate& c) { return c.subordinate; }),
                         candidates.end());
    }
    // Dominant events replace all others.
    if (std::any_of(candidates.begin(), candidates.end(),
                    [](const Candidate& c) { return c.dominant; }))
      candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                      [](const Candidate& c) { return !c.dominant; }),
                       candidates.end());
    // dyad's rules: aid named twice ("Ireland provides 10 million euros in aid to the
    // Palestinian people", "donated a shipment of ventilators ... to assist Ethiopia"): an aid
    // event (07) whose target is only what is given takes the named target of a later event of
    // the same source and code, which then repeats it (emit writes it once).
    if (options.dyad_rules)
      for (size_t i = 0; i < candidates.size(); ++i)
        for (size_t j = i + 1; j < candidates.size(); ++j) {
          Candidate& a = candidates[i];
          const Candidate& b = candidates[j];
          if (a.target == kNoActor && a.source >= 0 && b.source >= 0 && b.target >= 0 &&
              a.code == b.code && a.paired.empty() && starts(a.code, "07") &&
              scratch.mentions[a.source].code == scratch.mentions[b.source].code &&
              !scratch.mentions[b.target].code.empty()) {
            a.target = b.target;
            a.target_single = b.target_single;
            a.has_object = false;
            break;
          }
        }
    // With dyad's rules a speech event gives way to any other event of the sentence, unless
    // it is a verbal act of its own addressed to a named actor (speech_gives_way).
    if (options.dyad_rules) {
      bool other = std::any_of(candidates.begin(), candidates.end(),
                               [](const Candidate& c) { return !is_speech_root(c.code); });
      if (other)
        candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                        [this](const Candidate& c) { return speech_gives_way(c); }),
                         candidates.end());
    }
    *sentence_source = clause_source;
  }

  // dyad's rules: `passive` is an act of violence (roots 18-20) in the passive with no one
  // named who did it, and `attack` a later act of violence in the same clause after AS, WHEN or
  // AFTER, whose source is named in that clause.
  bool attack_explains_passive(const Candidate& passive, const Candidate& attack) const {
    if (passive.source != kNoActor || passive.clause != attack.clause || attack.source < 0 ||
        !is_violence_root(passive.code) || !is_violence_root(attack.code) ||
        attack.action_first <= passive.action_last)
      return false;
    // The attacker is named in that clause, not carried over from the passive's subject.
    const uint32_t attacker = scratch.mentions[attack.source].first_token;
    for (uint32_t k = passive.action_last + 1; k < attack.action_first; ++k)
      if (DYAD_KEY_IN(tokens.key(k), "AS", "WHEN", "AFTER")) return attacker > k;
    return false;
  }

  // dyad's rules: a speech event (roots 01-02) that gives way to the sentence's other events.
  // A plain statement (010), or one without a named target, is the codebook's residual category
  // ("Rohan said Arnor attacked Gondor"); an appeal, a demand of someone, a denial, agreement or
  // condolences addressed to a named actor is an act of its own and stays beside them ("Trump
  // also called on Ankara to avoid actions that risked conflict with US forces").
  bool speech_gives_way(const Candidate& c) const {
    if (!is_speech_root(c.code)) return false;
    return c.code == "010" || c.target < 0 || scratch.mentions[c.target].code.empty();
  }

  bool too_complex() const {
    if (options.maximum_verbs > 0 && static_cast<int>(verbs.size()) >= options.maximum_verbs)
      return true;
    if (options.maximum_conjunctions > 0 &&
        static_cast<int>(clause_starts.size()) - 1 >= options.maximum_conjunctions)
      return true;
    if (options.no_actor_prior) {
      // The first verb with a code of its own: a null-coded root ("On accord Gondor repelled")
      // is a verb only through its patterns.
      for (const Verb& v : verbs) {
        if (null_code(model.verbs[v.verb_index].code)) continue;
        if (first_mention(0, v.first, "") < 0) return true;
        break;
      }
    }
    return false;
  }

  // ---- events out ---------------------------------------------------------------------------

  std::vector<int> members(int mention) const {
    std::vector<int> out;
    if (mention < 0) return out;
    const Mention& m = scratch.mentions[mention];
    if (m.group < 0) {
      out.push_back(mention);
      return out;
    }
    for (size_t k = 0; k < scratch.mentions.size(); ++k)
      if (scratch.mentions[k].group == m.group) out.push_back(static_cast<int>(k));
    return out;
  }

  // dyad's rules report an actor as its noun phrase: the words that named it plus the article,
  // number or quantifier and the rank words in front of them ("the Swiss court", "several
  // Boko Haram terrorists", "two senior officials"). Only words adjacent in the text are taken.
  uint32_t noun_phrase_start(const Document& doc, uint32_t first) const {
    uint32_t start = tokens.tokens[first].span.start;
    bool article_seen = false;
    for (uint32_t k = first; k > 0 && !article_seen; --k) {
      const text::Token& t = tokens.tokens[k - 1];
      if (t.span.end > start) break;
      std::string_view gap(doc.text.data() + t.span.end, start - t.span.end);
      if (gap.empty() || (gap.find_first_not_of(" \t\n") != std::string_view::npos &&
                          !(gap == " , " && t.kind == TokenKind::kNumber)))  // "2 , 374"
        break;
      std::string_view key = tokens.key(k - 1);
      bool number = t.kind == TokenKind::kNumber ||
                    DYAD_KEY_IN(key, "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                                "NINE", "TEN", "DOZENS", "HUNDREDS", "THOUSANDS");
      if (is_article(key) || DYAD_KEY_IN(key, "SEVERAL", "SOME", "MANY", "BOTH", "ALL", "OTHER"))
        article_seen = is_article(key);
      else if (!number && !(!t.capitalized && DYAD_KEY_IN(key, "SENIOR", "TOP", "FORMER")))
        break;
      start = t.span.start;
    }
    return start;
  }

  // dyad's rules: an actor in apposition to a name the knowledge lacks, right after the words
  // that coded the event, is reported from that name ("will release Odin Sanchez, a former
  // Colombian Congressman": the congressman's code, the span from "Odin"). The name: one to
  // four capitalized words, no actor or verb, then a comma, then the mention with its article,
  // number or rank words. Its first token, else m.first_token.
  uint32_t named_before_apposition(const Mention& m, const Candidate& c) const {
    // After the event's words, or opening the clause for a target before them, a passive's
    // subject ("Gul Rahman , a suspected militant , was tortured").
    const bool subject_target =
        m.first_token < c.action_first && c.target >= 0 && &scratch.mentions[c.target] == &m;
    const uint32_t name = subject_target ? clause_starts[c.clause] : c.action_last + 1;
    uint32_t k = m.first_token;
    while (k > name &&
           (is_article(tokens.key(k - 1)) ||
            DYAD_KEY_IN(tokens.key(k - 1), "FORMER", "SENIOR", "TOP", "SUSPECTED", "ALLEGED")))
      --k;
    if (k < name + 2 || k - name > 5 || tokens.tokens[k - 1].kind != TokenKind::kComma)
      return m.first_token;
    // Before the verb the apposition opens with an article ("Gul Rahman , a suspected
    // militant"; not "In November , Mladic").
    if (subject_target && !is_article(tokens.key(k))) return m.first_token;
    for (uint32_t j = name; j + 1 < k; ++j)
      if (tokens.tokens[j].kind != TokenKind::kWord || !tokens.tokens[j].capitalized ||
          scratch.mention_of_token[j] >= 0 || verb_at(j) ||
          (subject_target && is_preposition(tokens.key(j))))
        return m.first_token;
    return name;
  }

  // dyad's rules: an actor after the verb followed by "'s" is reported with what it possesses
  // ("rejected the Croatian government's request": the government's span runs to "request").
  void object_span(const Document& doc, const Mention& m, const Candidate& c,
                   TextSpan* span) const {
    if (uint32_t name = named_before_apposition(m, c); name < m.first_token)
      span->start = tokens.tokens[name].span.start;
    uint32_t end = clause_end(c.clause);
    uint32_t next = m.last_token + 1;
    if (m.first_token <= c.verb_last || next + 1 >= end ||
        tokens.tokens[next].kind != TokenKind::kPossessive || !adjacent(doc, next))
      return;
    uint32_t right = noun_phrase_end(doc, next + 1, end, true);
    if (right > next + 1) span->end = std::max(span->end, tokens.tokens[right - 1].span.end);
  }

  Actor make_actor(const Document& doc, int mention, const std::string& default_code,
                   const Candidate* candidate = nullptr) const {
    Actor a;
    if (mention < 0) {  // a DEFAULT: code from the options
      a.code = default_code;
      actors::split_actor_code(a.code, &a.country, &a.sector);
      return a;
    }
    const Mention& m = scratch.mentions[mention];
    a.code = m.code;
    actors::split_actor_code(m.code, &a.country, &a.sector);
    a.span.start = tokens.tokens[m.first_token].span.start;
    a.span.end = tokens.tokens[m.last_token].span.end;
    if (options.dyad_rules) a.span.start = noun_phrase_start(doc, m.first_token);
    if (options.dyad_rules && candidate != nullptr) object_span(doc, m, *candidate, &a.span);
    a.span.text = doc.text.substr(a.span.start, a.span.end - a.span.start);
    return a;
  }

  void emit(const Document& doc, uint32_t sentence_index, std::optional<int32_t> day,
            const lexicon::Place* place, std::vector<Event>& out, uint64_t* event_counter) {
    const size_t first_event = out.size();  // this sentence's events: out[first_event..]
    static const std::string no_code;
    auto code_of = [&](int m, bool source) -> const std::string& {
      if (m >= 0) return scratch.mentions[m].code;
      if (m == kNoActor) return no_code;
      return source ? options.default_source : options.default_target;
    };
    for (const Candidate& c : candidates) {
      std::vector<int> sources = c.source == kNoActor ? std::vector<int>{kNoActor}
                                 : c.source < 0       ? std::vector<int>{-2}
                                 : c.source_single    ? std::vector<int>{c.source}
                                                      : members(c.source);
      std::vector<int> targets = c.target == kNoActor ? std::vector<int>{kNoActor}
                                 : c.target < 0       ? std::vector<int>{-2}
                                 : c.target_single    ? std::vector<int>{c.target}
                                                      : members(c.target);
      // Every source member with every target member (a compound acting on itself gives
      // both directions), and the paired code the other way round.
      for (int s : sources) {
        for (int t : targets) {
          const std::string& sc = code_of(s, true);
          const std::string& tc = code_of(t, false);
          if (sc == tc) continue;
          if (!text::is(c.code, "---"))
            add_event(doc, sentence_index, day, place, c.code, s, t, c, first_event, out,
                      event_counter);
          if (!c.paired.empty() && t != kNoActor && s != kNoActor &&
              !(options.dyad_rules && c.paired == c.code && t >= 0 && place_after_in(t)))
            add_event(doc, sentence_index, day, place, c.paired, t, s, c, first_event, out,
                      event_counter);
        }
      }
    }
  }

  // dyad's rules: a target after "in" ("agreed to a ceasefire in Hodeidah", "in eastern
  // Ukraine") is where a mutual act happens: the place does not do it back.
  bool place_after_in(int m) const {
    int64_t k = static_cast<int64_t>(scratch.mentions[m].first_token) - 1;
    while (k >= 0) {
      std::string_view key = tokens.key(static_cast<size_t>(k));
      if (!is_determiner(key) && !ends(key, "ERN") && !text::is(key, "CENTRAL")) break;
      --k;
    }
    return k >= 0 && text::is(tokens.key(static_cast<size_t>(k)), "IN");
  }

  // The sentence's events so far (out[first_event..]) have one with the same source, target and
  // event codes. A scan: a sentence has a few events, where a set of copied code strings cost an
  // allocation per event.
  static bool emitted_before(const std::vector<Event>& out, size_t first_event, const Event& e,
                             const std::string& code) {
    auto code_of = [](const std::optional<Actor>& a) {
      return a ? std::string_view(a->code) : std::string_view();
    };
    for (size_t k = first_event; k < out.size(); ++k)
      if (out[k].cameo == code && code_of(out[k].source) == code_of(e.source) &&
          code_of(out[k].target) == code_of(e.target))
        return true;
    return false;
  }

  void add_event(const Document& doc, uint32_t sentence_index, std::optional<int32_t> day,
                 const lexicon::Place* place, const std::string& code, int s, int t,
                 const Candidate& c, size_t first_event, std::vector<Event>& out,
                 uint64_t* event_counter) {
    Event e;
    if (s != kNoActor) e.source = make_actor(doc, s, options.default_source, &c);
    if (t != kNoActor) {
      e.target = make_actor(doc, t, options.default_target, &c);
    } else if (c.has_object) {
      // An uncoded target: the object's words, no code.
      Actor a;
      a.span.start = tokens.tokens[c.object_first].span.start;
      a.span.end = tokens.tokens[c.object_last].span.end;
      a.span.text = doc.text.substr(a.span.start, a.span.end - a.span.start);
      e.target = std::move(a);
    }
    if (emitted_before(out, first_event, e, code)) return;
    e.event_id = fmt::format(FMT_COMPILE("{}-{}"), doc.id, ++*event_counter);
    e.doc_id = doc.id;
    e.sentence_index = sentence_index;
    if (day) e.date = dates::iso_from_day(*day);
    e.cameo = code;
    e.root = code.substr(0, std::min<size_t>(2, code.size()));
    if (const lexicon::EventCodeInfo* info = model.event_code(code)) {
      e.quad_class = info->quad_class;
      e.goldstein = info->goldstein;
      e.plover = info->plover;
    }  // else a code outside CAMEO (a custom dictionary's own): fields stay null
    e.action.start = tokens.tokens[c.action_first].span.start;
    e.action.end = tokens.tokens[c.action_last].span.end;
    e.action.text = doc.text.substr(e.action.start, e.action.end - e.action.start);
    if (place != nullptr) {
      Location loc;
      loc.name = place->name;
      loc.country = place->country;
      loc.lat = place->lat;
      loc.lon = place->lon;
      e.location = std::move(loc);
    }
    out.push_back(std::move(e));
  }

  void update_story(size_t events_before, const std::vector<Event>& out, int sentence_source) {
    if (state.first_actor.empty()) {
      // The first actor named in the words themselves: pronoun references are not.
      for (const Mention& m : scratch.mentions) {
        if (m.code.empty()) continue;
        std::string_view key = tokens.key(m.first_token);
        if (m.first_token == m.last_token &&
            DYAD_KEY_IN(key, "HE", "SHE", "IT", "ITS", "HIS", "HER", "THEY", "THEM", "THEIR"))
          continue;
        // TABARI forwards the actor without its agent ("Fornost President" -> FOR).
        state.first_actor = m.base_code.empty() ? m.code : m.base_code;
        break;
      }
    }
    for (size_t k = events_before; k < out.size() && state.dyad.size() < 2; ++k) {
      if (!out[k].source || !out[k].target || out[k].target->code.empty()) continue;
      state.dyad = {out[k].source->code, out[k].target->code};
    }
    if (sentence_source >= 0 && !scratch.mentions[sentence_source].story_reference)
      state.previous_subject = scratch.mentions[sentence_source].code;
    else if (int m = first_mention(0, static_cast<uint32_t>(tokens.size()), ""); m >= 0)
      state.previous_subject = scratch.mentions[m].code;
  }

  // Pre-tokenized text splits the period off a title or a number: "Sen . Mitch McConnell",
  // "352 . 5 million". text::split_sentences keeps such a sentence whole; its period is no
  // punctuation either ("Sen Mitch McConnell", "352 5 million"): a period with a space before
  // it and a word or number after it inside the sentence is dropped, and so is a thousands
  // separator with a space before it ("20 , 000 civilians").
  void drop_spaced_periods() {
    auto& ts = tokens.tokens;
    // Every rule below needs a period, comma or dash inside the sentence with a space before
    // it, which running text rarely has: most sentences leave here without a token copied.
    constexpr uint32_t kSpacedKinds = 1u << static_cast<unsigned>(TokenKind::kPeriod) |
                                      1u << static_cast<unsigned>(TokenKind::kComma) |
                                      1u << static_cast<unsigned>(TokenKind::kDash);
    // first: the first such token; the tokens before it stay as they are. first_period: the
    // first such period (dyad's initials below need one), n when none or not looked for.
    const size_t n = ts.size();
    size_t first = n, first_period = n;
    for (size_t k = 1; k + 1 < n; ++k)
      if ((kSpacedKinds >> static_cast<unsigned>(ts[k].kind) & 1) != 0 &&
          ts[k].span.start > ts[k - 1].span.end) {
        if (first == n) first = k;
        if (ts[k].kind == TokenKind::kPeriod) {
          first_period = k;
          break;
        }
        if (!options.dyad_rules) break;
      }
    if (first == n) return;
    // dyad's rules: initials split by spaced periods ("U . K .", "H . W .") are one word, as
    // "U.K." and "H.W." are in running text.
    auto single_capital = [&](size_t k) {
      return k < ts.size() && ts[k].kind == TokenKind::kWord && ts[k].key_length == 1 &&
             ts[k].span.end == ts[k].span.start + 1 && ts[k].capitalized;
    };
    auto spaced_period_at = [&](size_t k) {
      return k < ts.size() && ts[k].kind == TokenKind::kPeriod && tokens.key(k) == "." && k > 0 &&
             ts[k].span.start == ts[k - 1].span.end + 1;
    };
    if (options.dyad_rules && first_period < n) {
      for (size_t k = first_period - 1; k + 2 < ts.size(); ++k) {
        if (!single_capital(k) || !spaced_period_at(k + 1) || !single_capital(k + 2)) continue;
        std::string key(tokens.key(k));
        size_t last = k;
        while (last + 2 < ts.size() && spaced_period_at(last + 1) && single_capital(last + 2)) {
          key += tokens.key(last + 2);
          last += 2;
        }
        // The joined word keeps the first letter's place; its key goes to the end of keys.
        ts[k].key_offset = static_cast<uint32_t>(tokens.keys.size());
        ts[k].key_length = static_cast<uint32_t>(key.size());
        ts[k].span.end = ts[last].span.end;
        ts[k].all_caps = true;
        tokens.keys += key;
        ts.erase(ts.begin() + static_cast<std::ptrdiff_t>(k + 1),
                 ts.begin() + static_cast<std::ptrdiff_t>(last + 1));
      }
    }
    size_t out = first;
    for (size_t k = first; k < ts.size(); ++k) {
      if ((kSpacedKinds >> static_cast<unsigned>(ts[k].kind) & 1) == 0) {
        ts[out++] = ts[k];  // only a period, comma or dash can go
        continue;
      }
      const bool spaced_period =
          ts[k].kind == TokenKind::kPeriod && k > 0 && k + 1 < ts.size() &&
          text::is(tokens.key(k), ".") && ts[k].span.start > ts[k - 1].span.end &&
          (ts[k + 1].kind == TokenKind::kWord || ts[k + 1].kind == TokenKind::kNumber);
      // "20 , 000": a thousands separator split off, no comma of the sentence.
      const bool spaced_separator = ts[k].kind == TokenKind::kComma && k > 0 && k + 1 < ts.size() &&
                                    ts[k].span.start > ts[k - 1].span.end &&
                                    ts[k - 1].kind == TokenKind::kNumber &&
                                    ts[k + 1].kind == TokenKind::kNumber &&
                                    tokens.key(k + 1).size() == 3 && tokens.key(k - 1).size() <= 3;
      // "war - torn", "a 35 - year - old inmate": a hyphen split off between two words, the
      // second lower case, is the hyphen of one word ("war-torn"), no dash of the sentence.
      const bool spaced_hyphen =
          ts[k].kind == TokenKind::kDash && text::is(tokens.key(k), "-") && k > 0 &&
          k + 1 < ts.size() && ts[k].span.end == ts[k].span.start + 1 &&
          ts[k].span.start == ts[k - 1].span.end + 1 &&
          ts[k + 1].span.start == ts[k].span.end + 1 &&
          (ts[k - 1].kind == TokenKind::kWord || ts[k - 1].kind == TokenKind::kNumber) &&
          ((ts[k + 1].kind == TokenKind::kWord && !ts[k + 1].capitalized) ||
           ts[k + 1].kind == TokenKind::kNumber);
      if (!spaced_period && !spaced_separator && !(options.dyad_rules && spaced_hyphen))
        ts[out++] = ts[k];
    }
    ts.resize(out);
  }

  // std::swap(full_tokens, tokens), member by member: the generic swap moves each buffer three
  // times (the keys' string with its short-string checks), twice per sentence.
  void swap_token_buffers() {
    static_assert(
        sizeof(text::TokenBuffer) == sizeof(std::vector<text::Token>) + sizeof(std::string),
        "swap every member of TokenBuffer");
    full_tokens.tokens.swap(tokens.tokens);
    full_tokens.keys.swap(tokens.keys);
  }

  void code_sentence(const Document& doc, uint32_t index, std::optional<int32_t> publication_day,
                     std::vector<Event>& out, uint64_t* event_counter, CodingStats* stats) {
    if (stats) ++stats->sentences;
    tokens.clear();
    text::tokenize(doc.text, sentences[index], tokens);
    drop_spaced_periods();
    if (tokens.size() == 0) return;
    if (options.minimum_words > 0 && static_cast<int>(word_count()) < options.minimum_words) return;
    if (options.dyad_rules && is_table()) return;
    actors::match_words(model.words, tokens, scratch);
    if (discard_phrase_present()) return;
    actors::find_mentions(model, options, tokens, state, scratch);
    if (scratch.discard) return;
    // No actor, no default actor and no way to make one: no event can come of this sentence,
    // and nothing below would change the story state (most sentences of market news).
    if (scratch.mentions.empty() && options.default_source.empty() &&
        options.default_target.empty() &&
        !(options.petrarch_rules && options.new_actor_length > 0) && !trace)
      return;
    note_words();  // the seen-words table is filled again for this sentence when first needed
    // dyad's rules: the place of a wire dateline ("WASHINGTON, March 5 -") says where the story
    // was filed, it is no actor of the first sentence. (Parsed here: only a first sentence with
    // actors needs it.)
    if (index == 0 && options.dyad_rules) {
      size_t consumed = 0;
      if (doc.dateline_length)
        dateline_bytes = *doc.dateline_length;  // measured by the reader
      else if (ingest::parse_dateline(doc.text, &consumed))
        dateline_bytes = consumed;
    }
    if (dateline_bytes > 0 && index == 0)
      for (Mention& m : scratch.mentions)
        if (tokens.tokens[m.last_token].span.end <= dateline_bytes ||
            (m.referent_token >= 0 &&
             tokens.tokens[static_cast<size_t>(m.referent_token)].span.end <= dateline_bytes))
          m.code.clear();   // nor is a pronoun that was resolved to it ("... Corp said it")
    int32_t day_shift = 0;  // by a <TIME> phrase
    if (options.time_shift && !model.times.empty()) {
      TimeEffect effect = time_phrase();
      if (effect.discard || effect.complex || effect.null) return;
      day_shift = effect.shift;
    }
    swap_token_buffers();
    closing_dropped = false;
    const bool clauses_dropped = drop_comma_clauses();
    if (!clauses_dropped) swap_token_buffers();
    bool discard = scratch.discard, complex = scratch.complex;
    find_verbs(&discard, &complex);
    // dyad's rules: a headline in title case ("U.S. Lifts Travel Ban to Lebanon") has its verbs
    // capitalized too: where no other verb is found, capitalized words may be verbs.
    if (options.dyad_rules && verbs.empty() && !discard && !complex && title_case()) {
      find_verbs(&discard, &complex, /*title_case_verbs=*/true);
    }
    if (discard || complex) return;
    find_clauses();
    int sentence_source = -1;
    if (too_complex()) {
      if (trace) print_trace("complex");
      return;
    }
    find_events(&sentence_source);
    if (trace) print_trace("coded");
    size_t before = out.size();
    if (!candidates.empty()) {
      // The date is the whole sentence's, clauses dropped or not; TABARI's rules keep the
      // record's date unless a <TIME> phrase shifts it. Read only here: most sentences have no
      // event, and the date scan costs as much as finding the verbs.
      std::optional<int32_t> event_day =
          options.dyad_rules
              ? dates::sentence_day(clauses_dropped ? full_tokens : tokens, publication_day)
              : std::nullopt;
      if (!event_day) event_day = publication_day;
      if (event_day) *event_day += day_shift;
      const lexicon::Place* place = geo::place_in_sentence(model, tokens);
      if (place == nullptr) {
        if (!dateline_known) dateline = geo::dateline_place(model, doc.dateline_place);
        dateline_known = true;
        place = dateline;
      }
      emit(doc, index, event_day, place, out, event_counter);
    }
    update_story(before, out, sentence_source);
    if (stats) stats->events += out.size() - before;
  }

  void code(const Document& doc, std::vector<Event>& out, CodingStats* stats) {
    document = &doc;
    state.clear();
    state.forwarded = forwarded;
    int32_t day = 0;
    std::optional<int32_t> publication_day;
    if (dates::parse_iso_day(doc.date, &day)) {
      publication_day = day;
      state.day = day;
      state.has_day = true;
    }
    dateline_known = false;
    dateline_bytes = 0;  // set by the first sentence (code_sentence)
    sentences.clear();
    if (options.split_sentences)
      text::split_sentences(doc.text, sentences);
    else if (!doc.text.empty())
      sentences.push_back(text::Span{0, static_cast<uint32_t>(doc.text.size())});
    uint64_t event_counter = 0;
    story_discarded = false;
    const size_t first_event = out.size();
    for (uint32_t s = 0; s < sentences.size(); ++s)
      code_sentence(doc, s, publication_day, out, &event_counter, stats);
    // A story discard phrase in any sentence discards the whole document.
    if (story_discarded) {
      if (stats) stats->events -= out.size() - first_event;
      out.resize(first_event);
    }
  }
};

Coder::Coder(std::shared_ptr<const Model> model)
    : impl_(std::make_unique<Impl>(std::move(model))) {}
Coder::~Coder() = default;
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;

void Coder::set_options(const CodingOptions& options) {
  impl_->options = options;
}
void Coder::set_forwarded_actor(const std::string& code) {
  impl_->forwarded = code;
}
std::string Coder::first_actor_of_last_document() const {
  return impl_->state.first_actor;
}
const CodingOptions& Coder::options() const {
  return impl_->options;
}

void Coder::code(const Document& document, std::vector<Event>& out, CodingStats* stats) {
  impl_->code(document, out, stats);
}

}  // namespace dyad
