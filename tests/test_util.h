// Helpers shared by tests: temporary files, running the dyad binary, reading JSON Lines.
#pragma once

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::testing {

// A fresh directory for one test. CTest runs tests as parallel processes, so the name carries the
// process id: two processes never share (and delete) each other's files.
// A copy of `s` in a heap buffer of exactly its size, so AddressSanitizer catches a read past
// its end (a std::string has a terminating NUL and often spare capacity). Used by the
// differential tests of the fast scanners, which may read 8 bytes at a time.
struct ExactBuffer {
  explicit ExactBuffer(std::string_view s) : bytes(new char[s.size() == 0 ? 1 : s.size()]) {
    std::copy(s.begin(), s.end(), bytes.get());
    view = std::string_view(bytes.get(), s.size());
  }
  std::unique_ptr<char[]> bytes;
  std::string_view view;
};

inline std::filesystem::path temp_dir(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::path(DYAD_TEST_TMP) / (name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return path.string();
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::filesystem::path shared_dir() {
  return std::filesystem::path(DYAD_SHARED_DIR);
}

inline bool have_shared() {
  return std::filesystem::exists(shared_dir() / "README.md");
}

struct RunResult {
  int status = -1;
  std::string out, err;
};

// Runs the dyad binary with `args` (shell-quoted by the caller), capturing stdout and stderr.
inline RunResult run_dyad(const std::string& args, const std::string& stdin_path = "") {
  std::filesystem::path dir = std::filesystem::path(DYAD_TEST_TMP) / "run";
  std::filesystem::create_directories(dir);
  static int counter = 0;
  std::string base =
      (dir / fmt::format("r{}_{}", ++counter, static_cast<long>(::getpid()))).string();
  std::string input = stdin_path.empty() ? std::string("/dev/null") : stdin_path;
  std::string cmd =
      fmt::format("'{}' {} >'{}.out' 2>'{}.err' <'{}'", DYAD_BINARY, args, base, base, input);
  int raw = std::system(cmd.c_str());
  RunResult r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(base + ".out");
  r.err = read_file(base + ".err");
  return r;
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(line);
  return out;
}

// A model from small dictionaries given inline (no default knowledge).
inline std::shared_ptr<const Model> model_from(const std::string& name, const std::string& actors,
                                               const std::string& agents,
                                               const std::string& verbs) {
  auto dir = temp_dir("dict_" + name);
  KnowledgeOptions options;
  options.use_default = false;
  if (!actors.empty()) options.dictionaries.push_back(write_file(dir / "t.actors", actors));
  if (!agents.empty()) options.dictionaries.push_back(write_file(dir / "t.agents", agents));
  if (!verbs.empty()) options.dictionaries.push_back(write_file(dir / "t.verbs", verbs));
  return Model::compile(options);
}

inline std::vector<Event> code_text(const std::shared_ptr<const Model>& model,
                                    const std::string& text,
                                    const std::string& date = "2019-07-11",
                                    const CodingOptions& options = CodingOptions{}) {
  Coder coder(model);
  coder.set_options(options);
  Document doc;
  doc.id = "t";
  doc.date = date;
  doc.text = text;
  std::vector<Event> events;
  coder.code(doc, events);
  return events;
}

// "SRC>TGT:CODE" strings, for compact assertions; "-" for an actor without a code (none, or
// an uncoded target named by its words only).
inline std::vector<std::string> summary(const std::vector<Event>& events) {
  std::vector<std::string> out;
  auto code = [](const std::optional<Actor>& a) {
    return a && !a->code.empty() ? a->code : std::string("-");
  };
  for (const auto& e : events) out.push_back(code(e.source) + ">" + code(e.target) + ":" + e.cameo);
  return out;
}

}  // namespace dyad::testing
