// `dyad eval`: accuracy against a gold standard (docs/accuracy.md).
//
//   dyad eval GOLD [EVENTS] [--dict FILE]... [--dict-only] [--date YYYY-MM-DD] [--json] ...
//
// Registered on the main CLI::App by add_eval_command(); main() runs run_eval_command() when
// the subcommand was given.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dyad::cli {

struct EvalOptions {
  std::string gold;    // gold file (class TSV, spans CoNLL or JSON Lines)
  std::string events;  // dyad JSON Lines events; "" = code the gold sentences on the fly
  std::vector<std::string> dictionaries;
  bool dict_only = false;
  std::string date = "2018-01-01";  // publication date of gold sentences without their own
  std::string gold_format;          // "" = detect; tsv, conll, jsonl
  bool json = false;
  std::string write_corpus;  // write the gold sentences as dyad input JSON Lines
  std::string details;       // write one JSON line per gold sentence (gold, prediction, events)
};

struct EvalCommand {
  EvalOptions options;
  CLI::App* command = nullptr;
  bool parsed() const;
};

void add_eval_command(CLI::App& app, EvalCommand& command);

// Exit status: 0 scored; 1 scored, but gold lines were skipped or EVENTS lines were unreadable;
// 2 usage error, unreadable gold or events, unusable dictionary or unwritable output.
int run_eval_command(const EvalCommand& command);

}  // namespace dyad::cli
