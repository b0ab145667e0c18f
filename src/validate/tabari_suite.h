// TABARI compatibility: .project and .options files, and the validation-suite runner behind
// `dyad validate FILE.project`.
//
// A TABARI text file holds records: a line "DATE ID", the sentence, and a /* ... */ block whose
// {SRC / TGT / CODE} lines are the expected events ({---} none, {+++} too complex to code,
// {###} discarded) and whose { OPTION: ... } lines change the options from then on.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::validate {

struct TabariProject {
  std::string path;
  std::vector<std::string> dictionaries;  // actors, agents, verbs files (resolved paths)
  std::string options_file;               // "" when none
  std::string text_file;                  // "" when none
};

// Reads a .project file; paths inside are relative to its folder. Throws dyad::Error.
TabariProject read_project(const std::string& path);

// Applies one .options command ("SET: MINIMUM WORDS = 4", "DEFAULT: SOURCE [X] TARGET [Y]",
// "COMPLEX: ...", ...) to `options`. Unknown or display-only commands are accepted and ignored;
// returns false (with *why) for a malformed one.
bool apply_option(const std::string& command, CodingOptions& options, std::string* why);

// Reads a whole .options file into `options`. Throws dyad::Error naming file and line.
void read_options_file(const std::string& path, CodingOptions& options);

struct ExpectedEvent {
  std::string source, target, code;
  std::string date;  // YYYY-MM-DD when the record gives one after the braces, else ""
};

struct ValidationRecord {
  std::string date;  // as written (yymmdd or yyyymmdd)
  std::string id;
  std::string idinfo;  // the header after the date, as written (FORWARD masks apply to it)
  std::string text;
  std::vector<ExpectedEvent> expected;
  // A "-{...}" after the expected events: "do not check additional records" (manual 10.1), the
  // listing is partial and events beyond it are not checked.
  bool open_ended = false;
  // Expected events and also {---}, {+++} or {###}: the special code is checked first (10.1),
  // so a record that codes nothing passes as well.
  bool or_no_events = false;
  std::vector<std::string> options;  // OPTION commands, in order
  // kUnchecked: no active {...} at all (only disabled "-{...}" ones): TABARI does not check it.
  enum class Expect {
    kEvents,
    kNone,
    kComplex,
    kDiscard,
    kOptionsOnly,
    kUnchecked
  } expect = Expect::kNone;
  uint32_t line = 0;  // of the header
};

// Parses the records of a TABARI text file, up to (not including) the record "FINAL-01" when
// stop_at_final. Throws dyad::Error for an unreadable file.
std::vector<ValidationRecord> read_records(const std::string& path, bool stop_at_final);

struct ValidationSummary {
  int passed = 0, failed = 0, options_applied = 0;
};

// Runs the suite of a .project file, printing each mismatch to `report` and the closing line
// "N passed, N failed". Throws dyad::Error for unusable project files or dictionaries.
// `only`: when not empty, run just the records with that id (for debugging a record).
ValidationSummary run_tabari_suite(const std::string& project_path, FILE* report, bool verbose,
                                   const std::string& only = "");

}  // namespace dyad::validate
