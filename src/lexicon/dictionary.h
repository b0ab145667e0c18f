// Lexicon: dictionaries as parsed from their files, before compilation into the matching model.
//
// Readers (tabari_reader.cpp) fill a Dictionary; model.cpp compiles one or more Dictionaries
// into tries over interned word ids. Everything here is plain data owned by value.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::lexicon {

// One word of a dictionary phrase or pattern, in token-key form (upper case, see text.h).
struct Word {
  std::string text;
  bool exact = false;           // written with a trailing '_' or '=' (else a stem: prefix match)
  bool endings = false;         // exact, and also matches the regular endings S ES ED EN ING
                                // (TABARI 5.2.3: final word of a phrase written with '_')
  bool joined_to_next = false;  // written "A_B": the next word must follow immediately
};
using Phrase = std::vector<Word>;

constexpr int32_t kOpenPast = std::numeric_limits<int32_t>::min();
constexpr int32_t kOpenFuture = std::numeric_limits<int32_t>::max();

// An actor code valid on [from_day, to_day] (days since 1970-01-01, inclusive).
struct DatedCode {
  std::string code;
  int32_t from_day = kOpenPast;
  int32_t to_day = kOpenFuture;
};

struct SourceLine {
  uint32_t file = 0;  // index into Dictionary::files
  uint32_t line = 0;  // 1-based
};

struct ActorEntry {
  Phrase phrase;
  std::vector<DatedCode> codes;  // several undated codes = a multiple-code actor
  SourceLine where;
};

struct AgentEntry {
  Phrase phrase;
  std::string code;    // without the '~'
  bool suffix = true;  // "~GOV": appended to the actor code; "NGO~": prefixed
  SourceLine where;
};

enum class ElementKind : uint8_t {
  kWord,          // a literal word (stem or exact)
  kSynset,        // &NAME: any phrase of the synonym set
  kAlternatives,  // { A | B C }: any of the alternative phrases
  kSource,        // $
  kTarget,        // +
  kCompound,      // %
  kSkip,          // ^
};

struct PatternElement {
  ElementKind kind = ElementKind::kWord;
  Word word;                         // kWord
  std::string synset;                // kSynset, name without '&'
  std::vector<Phrase> alternatives;  // kAlternatives
  std::vector<std::string> alternatives_written;  // as written (they may name &SYNSETs)
  bool joined_to_next = false;       // followed by '_' connector
};

// An event code, possibly paired ("032:033"), null ("---") or discard ("###").
struct EventCode {
  std::string code;          // primary (source -> target)
  std::string paired;        // secondary (target -> source), "" when none
  bool subordinate = false;  // "023?": coded only when the clause has no other event
  bool dominant = false;     // "031!": when present, only dominant events are coded
  bool null() const { return code == "---"; }
  bool discard() const { return code == "###"; }
};

struct VerbPattern {
  std::vector<PatternElement> before;  // elements before '*', in written order
  std::vector<PatternElement> after;   // elements after '*'
  EventCode code;
  bool verb_joined_to_next = false;  // "*_X": the first element after the verb is adjacent
  SourceLine where;
  int specificity = 0;  // number of literal words; longer patterns are tried first
};

struct VerbEntry {
  Phrase headword;
  std::vector<Phrase> forms;  // irregular forms from the {...} line
  EventCode code;             // default code of the bare verb
  std::vector<VerbPattern> patterns;
  SourceLine where;
};

struct Synset {
  std::string name;
  std::vector<Phrase> phrases;
  std::vector<std::string> written;  // members as written; may name other synsets (&TIES_MEMOS)
};

// A PETRARCH issue phrase (Phoenix.IssueCoding.txt): tags the events of a sentence that contains
// it with an issue code. Read by petrarch_reader.cpp; applied by lexicon::IssueCoder.
struct IssueEntry {
  enum class Kind : uint8_t {
    kIssue,           // "phrase [CODE]"
    kIgnoreSentence,  // "~phrase": no issues of its category in that sentence
    kIgnoreStory,     // "~~phrase": no issues of its category in the whole story
  };
  Phrase phrase;         // exact words, consecutive
  std::string code;      // issue code; "" for the ignore kinds
  std::string category;  // <ISSUE CATEGORY="..."> block it is in, "" outside any block
  Kind kind = Kind::kIssue;
  SourceLine where;
};

struct Dictionary {
  std::vector<std::string> files;
  std::vector<std::string> warnings;  // "FILE:LINE: reason" for each malformed line skipped
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<VerbEntry> verbs;
  std::vector<VerbEntry> times;  // TABARI <TIME> phrases: codes are day shifts or ---/###/+++
  std::vector<Synset> synsets;
  std::vector<Phrase> nouns, adjectives;  // TABARI <NOUN>/<ADJECTIVE> lists (parsing hints)
  std::vector<Phrase> discards;           // discard phrases: a sentence containing one is skipped
  // PETRARCH story discards ('+' lines): the whole story is skipped. Each is also in `discards`,
  // so until the Coder knows stories it at least skips the sentence.
  std::vector<Phrase> story_discards;
  std::vector<IssueEntry> issues;  // PETRARCH issue phrases (not used by the Coder)
};

// Parses a phrase as written in a dictionary ("NAGORNO_KARABAKH_", "US_", "ACCUS") into words.
// Underscore between words = joined; trailing underscore = exact; hyphens act as underscores.
Phrase parse_phrase(std::string_view written);

// "yymmdd" (TABARI, years < 30 are 20xx) or "yyyymmdd" to days since 1970-01-01.
// Returns false for a malformed or impossible date.
bool parse_dictionary_date(std::string_view digits, int32_t* day);

}  // namespace dyad::lexicon
