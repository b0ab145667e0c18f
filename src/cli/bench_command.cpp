#include "cli/bench_command.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <system_error>

#include "cli/allocator.h"
#include "cli/model_loading.h"
#include "cli/pipeline.h"
#include "dyad/dyad.h"
#include "ingest/ingest.h"
#include "output/writers.h"

namespace dyad::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The process's CPU time (user + system, every thread), minor page faults and peak resident
// memory so far. Over the coding run: CPU seconds against wall seconds say how busy the threads
// kept the cores, and the faults how much fresh memory the run wrote (each costs a few
// microseconds on some hosts).
struct ProcessUsage {
  double cpu_seconds = 0;
  uint64_t minor_faults = 0;
  double peak_rss_mib = 0;
};
ProcessUsage process_usage() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return {};
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return {seconds(usage.ru_utime) + seconds(usage.ru_stime), static_cast<uint64_t>(usage.ru_minflt),
          static_cast<double>(usage.ru_maxrss) / 1024.0};  // ru_maxrss is in KiB on Linux
}

}  // namespace

FloorResult tokenizer_floor(const std::vector<std::string>& files) {
  constexpr size_t kChunk = 1u << 20;
  auto buffer = std::make_unique_for_overwrite<unsigned char[]>(kChunk);
  FloorResult r;
  const auto start = Clock::now();
  for (const auto& path : files) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) {
      r.ok = false;
      continue;
    }
    bool in_token = false;  // a token never spans two files
    for (;;) {
      ssize_t got = ::read(fd, buffer.get(), kChunk);
      if (got < 0) r.ok = false;
      if (got <= 0) break;
      r.bytes += static_cast<uint64_t>(got);
      unsigned char* p = buffer.get();
      for (ssize_t i = 0; i < got; ++i) {
        unsigned char c = p[i];
        if (c == ' ' || static_cast<unsigned>(c - '\t') < 5u) {  // space \t \n \v \f \r
          in_token = false;
          continue;
        }
        r.tokens += in_token ? 0 : 1;
        in_token = true;
        if (static_cast<unsigned>(c - 'A') < 26u) c = static_cast<unsigned char>(c | 0x20);
        p[i] = c;
        r.checksum += c;
      }
    }
    ::close(fd);
  }
  r.seconds = seconds_since(start);
  return r;
}

CLI::App* add_bench_command(CLI::App& app, BenchOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "Time coding FILEs (events discarded unless -o) against a tokenizer floor timed in the same "
      "run; prints documents, sentences, events, bytes, seconds, sentences/s, MB/s, CPU seconds, "
      "page faults, peak RSS");
  cmd->add_option("inputs", options.inputs, "Input files (JSON Lines or wire .txt)")->required();
  cmd->add_option("--dict", options.dictionaries,
                  "Add a dictionary file (.actors, .agents, .verbs); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--dict-only", options.dict_only,
                "Code with the --dict dictionaries alone (no default knowledge)");
  cmd->add_option("--threads", options.threads, "Coding threads (default 0: every core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--batch", options.batch_documents, "Documents per batch (default 256)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("-o,--output", options.output, "Write the events to FILE (default: discard)");
  cmd->add_option("-f,--format", options.format, "Output format: jsonl (default) or tsv");
  return cmd;
}

int run_bench(const BenchOptions& options) {
  output::Format format;
  if (!output::parse_format(options.format, &format)) {
    fmt::print(stderr, "dyad: unknown output format '{}' (use jsonl or tsv)\n", options.format);
    return 2;
  }
  if (options.dict_only && options.dictionaries.empty()) {
    fmt::print(stderr, "dyad: --dict-only needs at least one --dict FILE\n");
    return 2;
  }
  for (const auto& input : options.inputs) {
    std::error_code ec;
    if (input == "-" || !std::filesystem::is_regular_file(input, ec)) {
      fmt::print(stderr, "dyad: bench needs regular files ('{}' is not one)\n", input);
      return 2;
    }
  }
  // Events go to stdout only with -o -; the report then goes to stderr.
  FILE* report = options.output == "-" ? stderr : stdout;

  // Warms the page cache so that neither the coder nor the floor pays for the first read.
  FloorResult floor = tokenizer_floor(options.inputs);
  if (!floor.ok) {
    fmt::print(stderr, "dyad: cannot read the input\n");
    return 2;
  }

  const auto load_start = Clock::now();
  std::shared_ptr<const Model> model;
  try {
    model = load_model(options.dictionaries, options.dict_only);
  } catch (const Error& e) {
    fmt::print(stderr, "dyad: {}\n", e.what());
    return 2;
  }
  const double load_seconds = seconds_since(load_start);

  FILE* out = nullptr;
  bool close_out = false;
  if (options.output == "-") {
    out = stdout;
  } else if (!options.output.empty()) {
    out = std::fopen(options.output.c_str(), "wb");
    if (!out) {
      fmt::print(stderr, "dyad: cannot write {}\n", options.output);
      return 2;
    }
    close_out = true;
  }
  bool write_failed = false;
  auto write = [&](const std::string& bytes) {
    if (out && !bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size())
      write_failed = true;
  };

  PipelineOptions pipeline;
  pipeline.threads = resolve_threads(options.threads);
  pipeline.batch_documents = options.batch_documents;
  pipeline.format = format;
  uint64_t rejected = 0, warnings = 0;
  ingest::DocumentReader reader(options.inputs, ingest::ReaderOptions{});
  ingest::RawDocument raw;
  auto on_reject = [&](const ingest::Reject&) { ++rejected; };
  auto on_warning = [&](const ingest::Reject&) { ++warnings; };
  auto next = [&](Document& doc) {
    if (!reader.next(raw, on_reject, on_warning)) return false;
    to_document(std::move(raw), doc);
    return true;
  };

  const ProcessUsage usage_before = process_usage();
  const auto code_start = Clock::now();
  write(output::header(format));
  PipelineStats stats = run_pipeline(model, pipeline, next, write);
  if (out && std::fflush(out) != 0) write_failed = true;
  const double wall = seconds_since(code_start);
  const ProcessUsage usage_after = process_usage();
  if (close_out && std::fclose(out) != 0) write_failed = true;

  // The floor again, now that the coder has run; the fastest pass counts.
  for (int i = 0; i < 3; ++i) {
    FloorResult again = tokenizer_floor(options.inputs);
    if (again.seconds < floor.seconds) floor = again;
  }

  const double mb = static_cast<double>(floor.bytes) / 1e6;
  auto per_second = [&](double amount) { return wall > 0 ? amount / wall : 0.0; };
  std::string text;
  text += fmt::format("threads                {}\n", pipeline.threads);
  text += fmt::format("documents              {}\n", stats.documents);
  text += fmt::format("rejected               {}\n", rejected);
  text += fmt::format("sentences              {}\n", stats.coding.sentences);
  text += fmt::format("events                 {}\n", stats.coding.events);
  text += fmt::format("input bytes            {}\n", floor.bytes);
  text += fmt::format("model load s           {:.4f}\n", load_seconds);
  text += fmt::format("wall s                 {:.4f}\n", wall);
  text += fmt::format("sentences/s            {:.0f}\n",
                      per_second(static_cast<double>(stats.coding.sentences)));
  text += fmt::format("MB/s                   {:.2f}\n", per_second(mb));
  text += fmt::format("cpu s                  {:.4f}\n",
                      usage_after.cpu_seconds - usage_before.cpu_seconds);
  text += fmt::format("minor page faults      {}\n",
                      usage_after.minor_faults - usage_before.minor_faults);
  text += fmt::format("peak RSS MiB           {:.1f}\n", usage_after.peak_rss_mib);
  text += fmt::format("allocator              {}\n", allocator_description());
  text += fmt::format("floor s                {:.4f}\n", floor.seconds);
  text +=
      fmt::format("floor MB/s             {:.1f}\n", floor.seconds > 0 ? mb / floor.seconds : 0.0);
  text += fmt::format("floor tokens           {} (checksum {})\n", floor.tokens, floor.checksum);
  text += fmt::format("ratio to floor         {:.1f}\n",
                      floor.seconds > 0 ? wall / floor.seconds : 0.0);
  text += fmt::format("ratio to floor + load  {:.1f}\n",
                      floor.seconds > 0 ? (wall + load_seconds) / floor.seconds : 0.0);
  std::fputs(text.c_str(), report);
  if (warnings > 0) fmt::print(stderr, "dyad: {} warnings\n", warnings);
  if (write_failed) {
    fmt::print(stderr, "dyad: writing the output failed\n");
    return 2;
  }
  return 0;
}

}  // namespace dyad::cli
