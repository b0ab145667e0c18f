// Readers for PETRARCH dictionaries (PETRARCH-1 and PETRARCH-2, Open Event Data Alliance):
// verb patterns, Phoenix actors, agents, discards and issues. Everything is mapped onto the
// format-neutral lexicon::Dictionary; docs/petrarch.md says what maps how and what cannot be
// represented. Errors throw dyad::Error "FILE:LINE: reason".
//
// PETRARCH matches complete words only (its input is a parsed sentence), so every word read here
// is exact: no TABARI stems. Regular verb forms, noun plurals and substitution sets are expanded
// at read time instead.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dyad.h"
#include "lexicon/dictionary.h"

namespace dyad::lexicon {

enum class PetrarchKind { kVerbs, kActors, kAgents, kDiscards, kIssues, kUnknown };

// True for the files load_file() routes here: names ending in ".txt" (any case). The TABARI
// readers keep .actors/.agents/.verbs.
bool is_petrarch_file(std::string_view file_name);

// The kind from the file name, case-insensitively: "issue", "discard", "agent", "actor", then
// "verb" or "cameo" anywhere in the base name ("Phoenix.Countries.actors.txt",
// "CAMEO.2.0.txt", "PETR.Validate.verbs.txt").
PetrarchKind petrarch_kind_from_name(std::string_view file_name);

// PETRARCH-1 verb files (CAMEO.verbpatterns.*, PETR.Validate.verbs.txt) write TABARI-like
// patterns and "[a:b]" paired codes; PETRARCH-2 files (CAMEO.2.0.txt) add noun phrases "{...}",
// prepositional phrases "(...)", transformations "~ ..." and "[active:passive]" codes.
enum class PetrarchDialect { kPetrarch1, kPetrarch2 };

// PETRARCH-2 when a pattern line has '(' or '{' outside its comment, or a line starts with '~'.
PetrarchDialect detect_verb_dialect(std::string_view content);

// What a reader skipped, the way PETRARCH skips it (undefined synsets, transformations, agents
// with an undefined substitution marker ...): one "FILE:LINE: reason" per item.
struct PetrarchNotes {
  std::vector<std::string> skipped;
};

// Parses `content` (the bytes of `file_name`) into `out`; the kind comes from the name.
void read_petrarch(std::string_view file_name, std::string_view content, Dictionary& out,
                   PetrarchNotes* notes = nullptr);
void read_petrarch(std::string_view file_name, std::string_view content, PetrarchKind kind,
                   Dictionary& out, PetrarchNotes* notes = nullptr);

// ---- pieces exposed for tests ----------------------------------------------------------------

// A phrase as PETRARCH writes it ("NORTH_KOREA_", "AL-QAEDA", "DID N'T") in key form: words
// split at blanks and underscores, all exact and consecutive (joined), except that with
// `blank_is_gap` a blank lets other words come between. TreeBank contractions ("N'T", "'LL",
// "'RE", "'VE", "'D", "'M") rejoin the word before them: dyad keeps "didn't" as one token.
Phrase petrarch_phrase(std::string_view written, bool blank_is_gap = false);

// One pattern line body (after the leading '-', comment already removed), e.g.
// "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS [111]" or "* (TO BORDER) [154]". Throws dyad::Error
// with `where` for a malformed pattern. A pattern PETRARCH would read but never match (no [code],
// a second '*') sets *unusable to the reason when `unusable` is given, instead of throwing.
// Without '*' every element is before the verb, as PETRARCH-1 reads it. Synset names are not
// checked here.
VerbPattern parse_petrarch_pattern(std::string_view body, PetrarchDialect dialect,
                                   const std::string& where, std::string* unusable = nullptr);

// "[...]" contents: PETRARCH-1 "032:033" is a paired code (TABARI); PETRARCH-2 "042:043" is
// active:passive (the passive code is dropped), ":110" a passive-only code, represented as a
// null code paired with 110 (the target does 110 to the source).
EventCode parse_petrarch_code(std::string_view text, PetrarchDialect dialect,
                              const std::string& where);

// Regular forms of a verb, without the verb itself: PETRARCH-1's and PETRARCH-2's rules together
// (S/ES/IES, D/ED/IED, ING with the final E dropped). "DEPART" -> DEPARTS DEPARTED DEPARTING.
std::vector<std::string> regular_verb_forms(std::string_view verb);

// The regular plural of a noun (its last word): +S, +ES after S X Z CH SH, consonant+Y -> IES.
std::string regular_plural(std::string_view noun);

// ---- issues --------------------------------------------------------------------------------

// Tags events with the issues of their sentence (PETRARCH issue coding). Built from the issue
// phrases of a Dictionary. An ignore phrase ("~") drops its category's issues in its sentence,
// a story ignore ("~~") in the whole document. Codes come once each, in order of first match.
// Thread-safety: immutable after construction; const methods may run concurrently.
class IssueCoder {
 public:
  explicit IssueCoder(std::vector<IssueEntry> entries);
  // Reads the issue files among `paths` (petrarch_kind_from_name == kIssues); nullopt when
  // there is none. Throws dyad::Error for an unreadable or malformed file.
  static std::optional<IssueCoder> from_files(const std::vector<std::string>& paths);

  bool empty() const { return entries_.empty(); }

  // Issue codes of every sentence of `document` (split as the Coder splits them when
  // `split_sentences`, else one sentence), story ignores applied.
  std::vector<std::vector<std::string>> sentence_issues(std::string_view document,
                                                        bool split_sentences) const;

  // Sets the issues of events[first..] from their sentence_index.
  void assign(const Document& document, bool split_sentences, std::vector<Event>& events,
              size_t first = 0) const;

 private:
  std::vector<IssueEntry> entries_;
  std::map<std::string, std::vector<uint32_t>, std::less<>> by_first_word_;  // entry indices
};

}  // namespace dyad::lexicon
