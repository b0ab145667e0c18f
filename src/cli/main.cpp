// The dyad command-line tool. Subcommands: code, dict stats, version.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/bench_command.h"
#include "cli/eval_command.h"
#include "cli/model_loading.h"
#include "cli/pipeline.h"
#include "dyad/dyad.h"
#include "ingest/ingest.h"
#include "output/writers.h"
#include "validate/petrarch_suite.h"
#include "validate/tabari_suite.h"

namespace {

constexpr const char* kExitStatusHelp =
    "Exit status: 0 every document was coded; 1 some input was rejected (each reject is reported "
    "on stderr, and in --rejects FILE); 2 usage error, unusable dictionary or unwritable output.";

struct OutputFile {
  FILE* file = stdout;
  bool owned = false;
  ~OutputFile() {
    if (owned && file) std::fclose(file);
  }
  bool open(const std::string& path) {
    if (path.empty() || path == "-") return true;
    file = std::fopen(path.c_str(), "wb");
    owned = file != nullptr;
    return file != nullptr;
  }
  bool write(const std::string& bytes) {
    return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  }
};

struct CodeOptions {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string output;
  std::string rejects;
  std::vector<std::string> dictionaries;
  bool dict_only = false;
  bool require_date = false;
  bool quiet_warnings = false;
  bool strict_dictionaries = false;  // --strict-dict: a malformed dictionary line is fatal
  unsigned threads = 0;              // 0 = every core
  size_t batch_documents = 256;
};

void append_reject_json(const dyad::ingest::Reject& r, std::string& out) {
  out += "{\"file\":";
  dyad::output::append_json_string(r.file, out);
  out += fmt::format(",\"line\":{},\"doc_id\":", r.line);
  if (r.doc_id.empty())
    out += "null";
  else
    dyad::output::append_json_string(r.doc_id, out);
  out += ",\"reason\":";
  dyad::output::append_json_string(r.reason, out);
  out += "}\n";
}

int run_code(const CodeOptions& options) {
  dyad::output::Format format;
  if (!dyad::output::parse_format(options.format, &format)) {
    fmt::print(stderr, "dyad: unknown output format '{}' (use jsonl or tsv)\n", options.format);
    return 2;
  }
  if (options.dict_only && options.dictionaries.empty()) {
    fmt::print(stderr, "dyad: --dict-only needs at least one --dict FILE\n");
    return 2;
  }
  std::shared_ptr<const dyad::Model> model;
  try {
    model =
        dyad::cli::load_model(options.dictionaries, options.dict_only, options.strict_dictionaries);
  } catch (const dyad::Error& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return 2;
  }
  OutputFile out;
  if (!out.open(options.output)) {
    fmt::print(stderr, "dyad: cannot write {}\n", options.output);
    return 2;
  }
  OutputFile rejects_out;
  bool want_rejects = !options.rejects.empty();
  if (want_rejects && !rejects_out.open(options.rejects)) {
    fmt::print(stderr, "dyad: cannot write {}\n", options.rejects);
    return 2;
  }
  dyad::ingest::ReaderOptions reader_options;
  reader_options.require_date = options.require_date;
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.push_back("-");
  dyad::ingest::DocumentReader reader(inputs, reader_options);

  uint64_t read = 0, coded = 0, rejected = 0, warnings = 0;
  dyad::CodingStats stats;
  std::string rejects_buffer;
  // A document id comes from the input: control characters are shown escaped, so each report
  // stays one line.
  auto id_part = [](const std::string& id) -> std::string {
    if (id.empty()) return "";
    std::string shown = " document ";
    for (unsigned char c : id) {
      if (c < 0x20 || c == 0x7f)
        shown += fmt::format("\\x{:02x}", c);
      else
        shown += static_cast<char>(c);
    }
    return shown;
  };
  auto on_reject = [&](const dyad::ingest::Reject& r) {
    ++read;
    ++rejected;
    fmt::print(stderr, "{}:{}: rejected{}: {}\n", r.file, r.line, id_part(r.doc_id), r.reason);
    if (want_rejects) {
      rejects_buffer.clear();
      append_reject_json(r, rejects_buffer);
      rejects_out.write(rejects_buffer);
    }
  };
  auto on_warning = [&](const dyad::ingest::Reject& w) {
    ++warnings;
    if (!options.quiet_warnings)
      fmt::print(stderr, "{}:{}: warning{}: {}\n", w.file, w.line, id_part(w.doc_id), w.reason);
  };

  // The reader stays on this thread; batches are coded on worker threads and written here in
  // input order (src/cli/pipeline.h), so the output does not depend on --threads.
  dyad::ingest::RawDocument raw;
  bool write_failed = !out.write(dyad::output::header(format));
  dyad::cli::PipelineOptions pipeline;
  // A TABARI .project among the dictionaries brings TABARI's coding rules and its .options.
  for (const std::string& dict : options.dictionaries) {
    if (dict.size() < 8 || dict.compare(dict.size() - 8, 8, ".project") != 0) continue;
    try {
      auto project = dyad::validate::read_project(dict);
      pipeline.coding = dyad::CodingOptions::tabari();
      pipeline.coding.split_sentences = true;
      if (!project.options_file.empty())
        dyad::validate::read_options_file(project.options_file, pipeline.coding);
    } catch (const dyad::Error& e) {
      fmt::print(stderr, "dyad: {}\n", e.what());
      return 2;
    }
  }
  // PETRARCH issue files among the dictionaries: events carry the issues of their sentence.
  try {
    if (auto issues = dyad::lexicon::IssueCoder::from_files(options.dictionaries);
        issues && !issues->empty())
      pipeline.issues = std::make_shared<const dyad::lexicon::IssueCoder>(std::move(*issues));
  } catch (const dyad::Error& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return 2;
  }
  pipeline.threads = options.threads;
  pipeline.batch_documents = options.batch_documents;
  pipeline.format = format;
  auto next = [&](dyad::Document& doc) {
    if (!reader.next(raw, on_reject, on_warning)) return false;
    ++read;
    dyad::cli::to_document(std::move(raw), doc);
    return true;
  };
  auto write = [&](const std::string& bytes) { write_failed |= !out.write(bytes); };
  auto result = dyad::cli::run_pipeline(model, pipeline, next, write);
  coded = result.documents;
  stats = result.coding;
  if (std::fflush(out.file) != 0) write_failed = true;
  fmt::print(stderr, "dyad: {} documents read: {} coded, {} rejected; {} sentences, {} events{}\n",
             read, coded, rejected, stats.sentences, stats.events,
             warnings ? fmt::format("; {} warnings", warnings) : "");
  if (write_failed) {
    fmt::print(stderr, "dyad: writing the output failed\n");
    return 2;
  }
  return rejected > 0 ? 1 : 0;
}

int run_dict_stats(const std::vector<std::string>& dictionaries, bool dict_only) {
  try {
    auto model = dyad::cli::load_model(dictionaries, dict_only);
    auto s = model->stats();
    fmt::print(
        "actor phrases\t{}\nagent phrases\t{}\nverbs\t{}\nverb patterns\t{}\nsynsets\t{}\n"
        "places\t{}\nevent codes\t{}\n",
        s.actor_phrases, s.agent_phrases, s.verbs, s.verb_patterns, s.synsets, s.places,
        s.event_codes);
    for (const auto& source : s.sources) fmt::print("source\t{}\n", source);
    fmt::print("model\t{}\n", s.origin);
    return 0;
  } catch (const dyad::Error& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dyad: news text in, dated and located CAMEO events out"};
  app.require_subcommand(1);
  app.footer(kExitStatusHelp);

  CodeOptions code;
  CLI::App* code_cmd = app.add_subcommand(
      "code", "Code documents (JSON Lines, wire-format .txt files, directories; '-' = stdin)");
  code_cmd->add_option("inputs", code.inputs, "Input files or directories (default: stdin)");
  code_cmd->add_option("-f,--format", code.format, "Output format: jsonl (default) or tsv");
  code_cmd->add_option("-o,--output", code.output, "Write events to FILE (default: stdout)");
  code_cmd->add_option("--rejects", code.rejects, "Write rejected input as JSON Lines to FILE");
  code_cmd
      ->add_option("--dict", code.dictionaries,
                   "Add a dictionary file (.actors, .agents, .verbs); repeatable")
      ->allow_extra_args(false);
  code_cmd->add_flag("--dict-only", code.dict_only,
                     "Code with the --dict dictionaries alone (no default knowledge)");
  code_cmd->add_flag("--strict-dict", code.strict_dictionaries,
                     "Stop on a malformed dictionary line (default: skip it with a warning)");
  code_cmd->add_flag("--require-date", code.require_date,
                     "Reject documents without a publication date (default: warn and code)");
  code_cmd->add_flag("--quiet-warnings", code.quiet_warnings, "Do not print warnings");
  code_cmd
      ->add_option("--threads", code.threads,
                   "Coding threads (default 0: every core); the output is the same for any N")
      ->check(CLI::NonNegativeNumber);
  code_cmd->add_option("--batch", code.batch_documents, "Documents per batch (default 256)")
      ->check(CLI::PositiveNumber);
  code_cmd->footer(kExitStatusHelp);

  std::vector<std::string> stats_dicts;
  bool stats_dict_only = false;
  CLI::App* dict_cmd = app.add_subcommand("dict", "Dictionary tools");
  dict_cmd->require_subcommand(1);
  CLI::App* stats_cmd = dict_cmd->add_subcommand("stats", "Summarize the compiled knowledge");
  stats_cmd->add_option("--dict", stats_dicts, "Add a dictionary file; repeatable")
      ->allow_extra_args(false);
  stats_cmd->add_flag("--dict-only", stats_dict_only, "Only the --dict dictionaries");

  std::string validate_file;
  bool validate_verbose = false;
  CLI::App* validate_cmd = app.add_subcommand(
      "validate",
      "Run a validation suite (TABARI .project, PETRARCH .xml); ends with 'N passed, N failed'");
  validate_cmd
      ->add_option("suite", validate_file,
                   "The suite: a TABARI .project or a PETRARCH records .xml file")
      ->required();
  validate_cmd->add_flag("-v,--verbose", validate_verbose, "Print every record");
  std::string validate_only;
  validate_cmd->add_option("--record", validate_only, "Run only the record with this id");
  bool validate_honour_include = false;
  validate_cmd->add_flag("--honour-include", validate_honour_include,
                         "PETRARCH records: skip categories not in the file's <Include>, as "
                         "PETRARCH does (by default every record is run)");

  dyad::cli::BenchOptions bench;
  CLI::App* bench_cmd = dyad::cli::add_bench_command(app, bench);

  dyad::cli::EvalCommand eval;
  dyad::cli::add_eval_command(app, eval);

  app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;
  }
  if (code_cmd->parsed()) return run_code(code);
  if (eval.parsed()) return dyad::cli::run_eval_command(eval);
  if (bench_cmd->parsed()) return dyad::cli::run_bench(bench);
  if (stats_cmd->parsed()) return run_dict_stats(stats_dicts, stats_dict_only);
  if (validate_cmd->parsed()) {
    try {
      if (validate_file.size() > 4 && validate_file.ends_with(".xml")) {  // PETRARCH records
        dyad::validate::PetrarchRunOptions run;
        run.verbose = validate_verbose;
        run.only = validate_only;
        run.honour_include = validate_honour_include;
        auto summary = dyad::validate::run_petrarch_suite(validate_file, stdout, run);
        return summary.failed == 0 && summary.skipped == 0 ? 0 : 1;
      }
      auto summary =
          dyad::validate::run_tabari_suite(validate_file, stdout, validate_verbose, validate_only);
      return summary.failed == 0 ? 0 : 1;
    } catch (const dyad::Error& e) {
      fmt::print(stderr, "dyad: {}\n", e.what());
      return 2;
    }
  }
  fmt::print("dyad {}\n", "0.1.0");
  return 0;
}
