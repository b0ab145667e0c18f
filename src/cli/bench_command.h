// `dyad bench FILE...`: codes the files as `dyad code` would (events discarded, or written with
// -o) and reports documents, sentences, events, input bytes, model load time, wall seconds,
// sentences/s, MB/s, the coding run's CPU seconds and minor page faults, peak RSS and the ratio
// to a tokenizer floor timed in the same process: a plain pass that reads the same bytes and
// splits them into ASCII case-folded, white-space-separated tokens (the least any coder has to
// do with its input).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace dyad::cli {

struct BenchOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> dictionaries;
  bool dict_only = false;
  unsigned threads = 0;  // 0 = every core
  size_t batch_documents = 256;
  std::string output;  // "" = discard the events
  std::string format = "jsonl";
};

// Adds the `bench` subcommand to `app`, storing its options in `options`.
CLI::App* add_bench_command(CLI::App& app, BenchOptions& options);

// Runs the benchmark; returns the exit status (0, or 2 for a usage error or unusable input).
int run_bench(const BenchOptions& options);

// The tokenizer floor over `files`: reads them in 1 MiB chunks and splits the bytes into tokens
// separated by ASCII white space (space, \t \n \v \f \r), folding A-Z to a-z in place.
struct FloorResult {
  uint64_t bytes = 0, tokens = 0, checksum = 0;  // checksum: sum of the folded token bytes
  double seconds = 0;
  bool ok = true;  // false when a file could not be read
};
FloorResult tokenizer_floor(const std::vector<std::string>& files);

}  // namespace dyad::cli
