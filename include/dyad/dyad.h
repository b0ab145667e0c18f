// dyad: news text in, dated and located CAMEO events out.
//
// This is the only public header. It exposes no third-party types.
//
// Usage:
//   dyad::KnowledgeOptions knowledge;                 // shipped default knowledge
//   auto model = dyad::Model::compile(knowledge);     // once; immutable, shared by all threads
//   dyad::Coder coder(model);                         // one per thread (holds scratch state)
//   std::vector<dyad::Event> events;
//   coder.code(document, events);
//
// Thread-safety: a Model is immutable after compile() and may be used by any number of Coders
// on any threads. A Coder is not thread-safe; give each thread its own.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dyad {

// Thrown for unusable dictionaries or options. what() names the file and line where known.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Document {
  std::string id;
  std::string date;  // publication date, YYYY-MM-DD; "" when unknown (relative dates stay null)
  std::string text;
  std::string title, source, url;  // optional, "" when absent
  // A dateline place ("Baku", "LONDON") and its country as written, when the input gave one.
  std::string dateline_place, dateline_country;
  // Bytes of `text` its opening dateline takes (0: none), when the reader measured it; unset,
  // the coder finds the dateline in the text itself (the same parse, done again).
  std::optional<size_t> dateline_length;
};

// A span of the document text: `text` is exactly text.substr(start, end - start).
struct TextSpan {
  std::string text;
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Actor {
  std::string code;     // full CAMEO actor code, e.g. "RUSMIL", "IGOWSTNAT"
  std::string country;  // 3-letter country code, "" for international/non-state actors
  std::string sector;   // first sector code after the country (GOV, MIL, ...), "" when none
  TextSpan span;        // the words that named the actor
};

struct Location {
  std::string name;     // as resolved, e.g. "Baku"
  std::string country;  // 3-letter code
  std::optional<double> lat, lon;
};

struct Event {
  std::string event_id;  // "<doc_id>-<n>", n counting events of the document from 1
  std::string doc_id;
  uint32_t sentence_index = 0;  // 0-based
  std::string date;             // YYYY-MM-DD, "" when unknown
  std::string cameo;            // event code, e.g. "043"
  std::string root;             // first two digits
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict;
                       // 0 for a code outside CAMEO (a custom dictionary's own codes)
  std::optional<double> goldstein;  // none for a code outside CAMEO
  std::string plover;               // PLOVER category, "" when CAMEO2PLOVER drops the code
  std::optional<Actor> source, target;
  TextSpan action;
  std::optional<Location> location;
  std::vector<std::string> issues;  // issue codes (PETRARCH issue coding), empty by default
};

struct KnowledgeOptions {
  bool use_default = true;                // include the shipped default knowledge
  std::vector<std::string> dictionaries;  // extra dictionary files (TABARI or dyad formats)
  // A malformed dictionary line is skipped with a warning (ModelStats::warnings), as TABARI
  // does; with strict, the first one is an error.
  bool strict = false;
  // Model::load keeps compiled models in this directory, one file per set of dictionaries
  // (named by a hash of their paths and contents, these options and the dyad build). "" means
  // $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad, else $HOME/.cache/dyad. See docs/formats.md.
  std::string cache_dir;
};

struct ModelStats {
  size_t actor_phrases = 0, agent_phrases = 0, verbs = 0, verb_patterns = 0, synsets = 0;
  size_t places = 0, event_codes = 0;
  std::vector<std::string> sources;   // the dictionary files compiled in, in order
  std::vector<std::string> warnings;  // "FILE:LINE: reason" for each malformed line skipped
  // Where the model came from: "compiled", "cache: PATH" (read from a compiled model file),
  // "compiled, cached: PATH" or "compiled (cache not used: REASON)".
  std::string origin = "compiled";
};

// How sentences are coded. The defaults suit news copy. tabari() gives TABARI 0.8's defaults,
// which .options files then change (see docs/tabari.md); `dyad validate` starts from them.
struct CodingOptions {
  bool split_sentences = true;  // false: each document is one sentence (TABARI records)
  int minimum_words = 0;        // SET: MINIMUM WORDS: shorter sentences are not coded
  // COMPLEX: sentences meeting any condition are too complex to code (0 = inactive).
  int maximum_verbs = 0;              // VERBS[n]: n or more verbs
  int maximum_conjunctions = 0;       // CONJ[n]: n or more clause conjunctions
  bool no_actor_prior = false;        // NOACTPRIOR: no actor before the first verb
  bool convert_agents = true;         // SET: CONVERT AGENTS: an agent alone codes as its agent code
  std::string default_source;         // DEFAULT: SOURCE [code], used when no source is found
  std::string default_target;         // DEFAULT: TARGET [code]
  bool default_source_prior = false;  // PRIOR: the default when no actor precedes the verb
                                      // (without it the source may be found after the verb)
  bool default_target_after = false;  // AFTER: the default when no actor follows the verb
                                      // (without it the target may be found before the verb)
  enum class CodeBy { kClause, kSentence, kAll } code_by = CodeBy::kClause;
  // COMMA: comma-delimited nonrestrictive clauses of more than MIN and at most MAX words are
  // dropped before coding (B*: the opening phrase, E*: the closing one).
  bool comma_clauses = true;
  int comma_min = 2, comma_max = 10, comma_emin = 2, comma_emax = 10, comma_bmin = 128,
      comma_bmax = 0;
  bool time_shift = false;  // TIME phrases in .verbs move the event date
  // TABARI: two actors across a possessive ("Arnor's Elrond") are two actors, both members of
  // a compound they stand in; otherwise they are one mention (the first actor's code).
  bool possessive_separates_actors = false;
  // TABARI: before the verb, a '_' joining a synset to the next pattern element holds only after
  // a one-word member; after a member of several words other words may stand between.
  bool loose_synset_join = false;
  // dyad's refinements over TABARI's rules: negation cancels an event unless a pattern spells
  // it out; a verb after a determiner codes through its patterns (nominal events); speech verbs
  // need a direct object; learned names, story references ("the two sides") and pronouns
  // reaching back to the previous sentence. Off for TABARI validation suites.
  bool dyad_rules = true;
  // PETRARCH-1's readings where its parse tree decides what TABARI's word rules cannot (off by
  // default; `dyad validate` turns it on for PETRARCH records, see docs/petrarch.md): a closing
  // ", <subject> <verb> ..." phrase is a clause of its own; a conjunction between two plain
  // words ("heavily and unjustly") does not divide clauses; list members may carry modifiers
  // ("and the evil awful Gondor"); an agent joins its actor across FROM and across modifiers
  // after a possessive; prefix and suffix agents both apply; the agents of a compound are
  // distributed over its actors; possessive pronouns name no actor.
  bool petrarch_rules = false;
  // PETRARCH's new_actor_length (with petrarch_rules): a subject or object noun phrase of at
  // most this many words that names no known actor is an actor coded as its words in quotes
  // ("\"THE MINISTRY OF MAGIC\""). 0 = off.
  int new_actor_length = 0;

  static CodingOptions tabari() {
    CodingOptions o;
    o.split_sentences = false;
    o.minimum_words = 8;
    o.dyad_rules = false;
    o.convert_agents = false;
    o.possessive_separates_actors = true;
    o.loose_synset_join = true;
    return o;
  }
};

struct CodingStats {
  uint64_t sentences = 0;
  uint64_t events = 0;
};

class Model {
 public:
  // Compiles the dictionaries. Cost: proportional to dictionary size (tens of ms for the default
  // knowledge). Throws dyad::Error naming file and line for a malformed dictionary.
  static std::shared_ptr<const Model> compile(const KnowledgeOptions& options);
  // Like compile(), through the compiled-model cache (KnowledgeOptions::cache_dir): reads the
  // model file written for the same dictionaries, options and build when there is one and it
  // passes its checks (version, build, key, checksum); otherwise compiles and writes the file
  // (atomically). A stale, corrupt or unreadable file is never trusted, only replaced. Cost:
  // reading and hashing the dictionary files, plus either the file load or a compile.
  static std::shared_ptr<const Model> load(const KnowledgeOptions& options);
  // Writes the compiled model to `path` / reads one written by this build. read() throws
  // dyad::Error naming the file when it is not a valid model file of this build.
  void write(const std::string& path) const;
  static std::shared_ptr<const Model> read(const std::string& path);
  ~Model();
  ModelStats stats() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Model(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class Coder {
 public:
  explicit Coder(std::shared_ptr<const Model> model);
  ~Coder();
  Coder(Coder&&) noexcept;
  Coder& operator=(Coder&&) noexcept;

  void set_options(const CodingOptions& options);
  const CodingOptions& options() const;

  // Story continuation for coders fed one sentence at a time (TABARI's FORWARD): a pronoun that
  // opens the next document, before any actor, stands for `code`. Cleared by passing "".
  void set_forwarded_actor(const std::string& code);
  // The first actor named (not a pronoun) in the last document coded, "" when none.
  std::string first_actor_of_last_document() const;

  // Codes one document and appends its events to `out` in text order.
  // The document's text must be valid UTF-8 (the ingest stage guarantees it).
  void code(const Document& document, std::vector<Event>& out, CodingStats* stats = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
