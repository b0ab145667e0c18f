// `dyad eval`: score dyad's events against a gold standard (docs/accuracy.md).
#include "cli/eval_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>

#include "cli/model_loading.h"
#include "dyad/dyad.h"
#include "eval/gold.h"
#include "eval/metrics.h"
#include "eval/predictions.h"
#include "eval/report.h"
#include "ingest/ingest.h"

namespace dyad::cli {
namespace {

constexpr size_t kMaxListedSkips = 20;

bool write_file(const std::string& path, const std::string& bytes) {
  FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  if (f == stdout)
    ok = std::fflush(f) == 0 && ok;
  else
    ok = std::fclose(f) == 0 && ok;
  return ok;
}

bool read_file(const std::string& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string knowledge_description(const EvalOptions& o) {
  std::string s = o.dict_only ? "" : "default knowledge";
  for (const auto& d : o.dictionaries) s += (s.empty() ? "" : " + ") + d;
  return s;
}

}  // namespace

bool EvalCommand::parsed() const {
  return command && command->parsed();
}

void add_eval_command(CLI::App& app, EvalCommand& command) {
  EvalOptions& o = command.options;
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score events against a gold standard (class TSV, spans CoNLL or JSON Lines); without "
      "EVENTS the gold sentences are coded on the fly");
  cmd->add_option("gold", o.gold, "Gold file: .tsv (sentence TAB class 0-4), .conll, .jsonl")
      ->required();
  cmd->add_option("events", o.events,
                  "dyad JSON Lines events for the gold sentences (doc_id = gold sentence id)");
  cmd->add_option("--dict", o.dictionaries,
                  "Add a dictionary file (.actors, .agents, .verbs) for coding; repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--dict-only", o.dict_only,
                "Code with the --dict dictionaries alone (no default knowledge)");
  cmd->add_option("--date", o.date,
                  "Publication date of gold sentences without their own (default 2018-01-01)");
  cmd->add_option("--gold-format", o.gold_format,
                  "Gold format: tsv, conll or jsonl (default: "
                  "by extension, then content)");
  cmd->add_flag("--json", o.json, "Print the figures as one JSON object");
  cmd->add_option("--write-corpus", o.write_corpus,
                  "Also write the gold sentences as dyad JSON Lines input to FILE");
  cmd->add_option("--details", o.details,
                  "Also write one JSON line per gold sentence (gold, prediction, events) to FILE");
  cmd->footer(
      "Exit status: 0 scored; 1 scored, but gold lines were skipped or EVENTS lines were "
      "unreadable; 2 usage error, unreadable input, unusable dictionary or unwritable output.");
  command.command = cmd;
}

int run_eval_command(const EvalCommand& command) {
  const EvalOptions& o = command.options;
  std::optional<eval::GoldFormat> format;
  if (!o.gold_format.empty()) {
    eval::GoldFormat f;
    if (!eval::parse_gold_format(o.gold_format, &f)) {
      fmt::print(stderr, "dyad: unknown gold format '{}' (use tsv, conll or jsonl)\n",
                 o.gold_format);
      return 2;
    }
    format = f;
  }
  if (!o.date.empty() && !ingest::valid_iso_date(o.date)) {
    fmt::print(stderr, "dyad: --date {} is not a YYYY-MM-DD date\n", o.date);
    return 2;
  }
  if (!o.events.empty() && (!o.dictionaries.empty() || o.dict_only)) {
    fmt::print(stderr, "dyad: --dict and --dict-only code the gold sentences; not with EVENTS\n");
    return 2;
  }
  if (o.dict_only && o.dictionaries.empty()) {
    fmt::print(stderr, "dyad: --dict-only needs at least one --dict FILE\n");
    return 2;
  }

  eval::GoldSet gold;
  try {
    gold = eval::read_gold_file(o.gold, format);
  } catch (const Error& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return 2;
  }
  size_t listed = 0, skipped = 0;
  for (const auto& q : gold.quirks) {
    if (!q.skipped) continue;
    if (++skipped > kMaxListedSkips) continue;
    fmt::print(stderr, "{}:{}: skipped: {}\n", o.gold, q.line, q.kind);
    ++listed;
  }
  if (skipped > listed)
    fmt::print(stderr, "dyad: ... {} more gold lines skipped\n", skipped - listed);
  if (gold.sentences.empty()) {
    fmt::print(stderr, "dyad: {} has no gold sentences\n", o.gold);
    return 2;
  }
  if (!o.write_corpus.empty() && !write_file(o.write_corpus, eval::gold_as_corpus(gold, o.date))) {
    fmt::print(stderr, "dyad: cannot write {}\n", o.write_corpus);
    return 2;
  }

  std::vector<std::vector<Event>> predicted;
  eval::ReportContext ctx;
  ctx.gold_path = o.gold;
  if (!o.events.empty()) {
    std::string bytes;
    if (!read_file(o.events, &bytes)) {
      fmt::print(stderr, "dyad: cannot read {}: {}\n", o.events, std::strerror(errno));
      return 2;
    }
    eval::PredictionLoad load = eval::read_events_jsonl(bytes, gold, predicted);
    for (size_t i = 0; i < load.invalid_lines.size() && i < kMaxListedSkips; ++i)
      fmt::print(stderr, "{}:{}: not a dyad event\n", o.events, load.invalid_lines[i]);
    if (load.unknown_doc_events)
      fmt::print(stderr, "dyad: {} events in {} name no gold sentence (ignored)\n",
                 load.unknown_doc_events, o.events);
    ctx.predictions = "events from " + o.events;
    ctx.invalid_event_lines = load.invalid_lines.size();
    ctx.unknown_doc_events = load.unknown_doc_events;
  } else {
    std::shared_ptr<const Model> model;
    try {
      model = load_model(o.dictionaries, o.dict_only);
    } catch (const Error& e) {
      fmt::print(stderr, "dyad: {}\n", e.what());
      return 2;
    }
    Coder coder(model);
    Document doc;
    predicted.assign(gold.sentences.size(), {});
    for (size_t i = 0; i < gold.sentences.size(); ++i) {
      const eval::GoldSentence& s = gold.sentences[i];
      doc.id = s.id;
      doc.date = s.date.empty() ? o.date : s.date;
      doc.text = s.text;
      coder.code(doc, predicted[i]);
    }
    ctx.predictions = fmt::format("coded: {}; date {}", knowledge_description(o),
                                  o.date.empty() ? "none" : o.date);
  }

  std::vector<eval::SentenceOutcome> outcomes;
  eval::EvalResult result = eval::evaluate(gold, predicted, &outcomes);
  if (!o.details.empty() &&
      !write_file(o.details, eval::format_details(gold, predicted, outcomes))) {
    fmt::print(stderr, "dyad: cannot write {}\n", o.details);
    return 2;
  }
  std::string report =
      o.json ? eval::format_json(gold, result, ctx) : eval::format_table(gold, result, ctx);
  if (!write_file("-", report)) {
    fmt::print(stderr, "dyad: writing the report failed\n");
    return 2;
  }
  return skipped > 0 || ctx.invalid_event_lines > 0 ? 1 : 0;
}

}  // namespace dyad::cli
