// A small driver for dyad's fuzz targets where libFuzzer is not available (GCC builds, CTest):
// runs LLVMFuzzerTestOneInput over seed inputs, then over a bounded number of deterministic
// mutations of them (byte flips, interesting bytes, insertions, deletions, duplications,
// truncations, splices of two seeds), from a fixed PRNG seed, so every run tries the same inputs.
//
//   fuzz_NAME_standalone [--runs N] [--seed S] [--max-len L] [--max-seconds T]
//                        [--crash-dir DIR] SEED_FILE_OR_DIR...
//
// A crash, sanitizer report, abort (a target's fuzz::bug) or an input taking longer than 10 s
// ends the run; the input is first written to DIR/crash-NAME (default: the current directory),
// so it can be replayed: fuzz_NAME_standalone --runs 0 crash-NAME.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

#if defined(__has_include)
#if __has_include(<sanitizer/common_interface_defs.h>) && \
    (defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__))
#include <sanitizer/common_interface_defs.h>
#define DYAD_FUZZ_DEATH_CALLBACK 1
#endif
#endif

namespace {

namespace fs = std::filesystem;

// The input being run, kept where a signal handler can reach it.
std::vector<uint8_t> g_current;
char g_crash_path[4096] = "crash-input";
volatile sig_atomic_t g_saved = 0;

void save_current() {
  if (g_saved) return;
  g_saved = 1;
  int fd = ::open(g_crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  size_t done = 0;
  while (done < g_current.size()) {
    ssize_t n = ::write(fd, g_current.data() + done, g_current.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  const char msg[] = "\nfuzz: the failing input was written to ";
  (void)!::write(2, msg, sizeof msg - 1);
  (void)!::write(2, g_crash_path, std::strlen(g_crash_path));
  (void)!::write(2, "\n", 1);
}

void on_signal(int sig) {
  if (sig == SIGALRM) {
    const char msg[] = "\nfuzz: an input ran longer than the time limit (hang?)\n";
    (void)!::write(2, msg, sizeof msg - 1);
  }
  save_current();
  ::signal(sig == SIGALRM ? SIGABRT : sig, SIG_DFL);
  ::raise(sig == SIGALRM ? SIGABRT : sig);
}

// splitmix64: small, fast, and the same sequence everywhere.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
};

constexpr uint8_t kInteresting[] = {0,   1,   '\n', '\r', '\t', ' ', '"', '\\', '{', '}',
                                    '[', ']', '<',  '>',  '/',  '-', '+', '*',  '_', '&',
                                    '$', '^', '~',  '#',  ';',  ':', '0', '9',  0x7F, 0x80,
                                    0xBF, 0xC0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF};

void mutate_once(std::vector<uint8_t>& b, const std::vector<std::vector<uint8_t>>& seeds,
                 Rng& rng, size_t max_len) {
  switch (rng.below(9)) {
    case 0:  // flip a bit
      if (!b.empty()) b[rng.below(b.size())] ^= static_cast<uint8_t>(1u << rng.below(8));
      break;
    case 1:  // an interesting byte over another
      if (!b.empty()) b[rng.below(b.size())] = kInteresting[rng.below(sizeof kInteresting)];
      break;
    case 2: {  // insert interesting or random bytes
      size_t at = rng.below(b.size() + 1), n = 1 + rng.below(4);
      for (size_t i = 0; i < n; ++i)
        b.insert(b.begin() + static_cast<long>(at),
                 rng.below(2) ? kInteresting[rng.below(sizeof kInteresting)]
                              : static_cast<uint8_t>(rng.next()));
      break;
    }
    case 3:  // delete a range
      if (!b.empty()) {
        size_t at = rng.below(b.size());
        size_t n = 1 + rng.below(std::min<size_t>(16, b.size() - at));
        b.erase(b.begin() + static_cast<long>(at), b.begin() + static_cast<long>(at + n));
      }
      break;
    case 4:  // duplicate a range
      if (!b.empty()) {
        size_t at = rng.below(b.size());
        size_t n = 1 + rng.below(std::min<size_t>(32, b.size() - at));
        std::vector<uint8_t> piece(b.begin() + static_cast<long>(at),
                                   b.begin() + static_cast<long>(at + n));
        size_t to = rng.below(b.size() + 1);
        b.insert(b.begin() + static_cast<long>(to), piece.begin(), piece.end());
      }
      break;
    case 5:  // truncate
      if (!b.empty()) b.resize(rng.below(b.size()));
      break;
    case 6: {  // insert a piece of another seed (words and tokens of the format)
      const auto& other = seeds[rng.below(seeds.size())];
      if (other.empty()) break;
      size_t from = rng.below(other.size());
      size_t n = 1 + rng.below(std::min<size_t>(24, other.size() - from));
      size_t to = rng.below(b.size() + 1);
      b.insert(b.begin() + static_cast<long>(to), other.begin() + static_cast<long>(from),
               other.begin() + static_cast<long>(from + n));
      break;
    }
    case 7: {  // splice: a prefix of this input and a suffix of another seed
      const auto& other = seeds[rng.below(seeds.size())];
      size_t keep = rng.below(b.size() + 1), from = rng.below(other.size() + 1);
      b.resize(keep);
      b.insert(b.end(), other.begin() + static_cast<long>(from), other.end());
      break;
    }
    default:  // change a digit or an ASCII letter's case, keeping text mostly text
      if (!b.empty()) {
        uint8_t& c = b[rng.below(b.size())];
        if (c >= '0' && c <= '9')
          c = static_cast<uint8_t>('0' + rng.below(10));
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
          c ^= 0x20;
        else
          c = static_cast<uint8_t>(rng.next());
      }
  }
  if (b.size() > max_len) b.resize(max_len);
}

bool read_file(const fs::path& p, std::vector<uint8_t>* out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void run_one(const std::vector<uint8_t>& input) {
  g_current = input;
  ::alarm(10);
  // Run a heap copy of exactly the input's size, so ASan sees reads past its end.
  std::unique_ptr<uint8_t[]> copy(new uint8_t[std::max<size_t>(input.size(), 1)]);
  if (!input.empty()) std::memcpy(copy.get(), input.data(), input.size());
  LLVMFuzzerTestOneInput(input.empty() ? nullptr : copy.get(), input.size());
  ::alarm(0);
}

int usage(const char* self) {
  std::fprintf(stderr,
               "usage: %s [--runs N] [--seed S] [--max-len L] [--max-seconds T] "
               "[--crash-dir DIR] SEED_FILE_OR_DIR...\n",
               self);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t runs = 1000, seed = 1;
  size_t max_len = 4096;
  double max_seconds = 0;  // 0: no limit
  std::string crash_dir = ".";
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (a == "--runs" || a == "--seed" || a == "--max-len" || a == "--max-seconds" ||
        a == "--crash-dir") {
      const char* v = value();
      if (v == nullptr) return usage(argv[0]);
      if (a == "--runs") runs = std::strtoull(v, nullptr, 10);
      if (a == "--seed") seed = std::strtoull(v, nullptr, 10);
      if (a == "--max-len") max_len = std::strtoull(v, nullptr, 10);
      if (a == "--max-seconds") max_seconds = std::strtod(v, nullptr);
      if (a == "--crash-dir") crash_dir = v;
    } else if (!a.empty() && a[0] == '-') {
      return usage(argv[0]);
    } else {
      paths.push_back(a);
    }
  }

  std::vector<std::vector<uint8_t>> seeds;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file()) files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) {
        seeds.emplace_back();
        if (!read_file(f, &seeds.back())) seeds.pop_back();
      }
    } else {
      seeds.emplace_back();
      if (!read_file(p, &seeds.back())) {
        std::fprintf(stderr, "fuzz: cannot read %s\n", p.c_str());
        return 2;
      }
    }
  }
  if (seeds.empty()) seeds.emplace_back();  // at least the empty input

  std::string self = fs::path(argv[0]).filename().string();
  std::error_code dir_error;
  fs::create_directories(crash_dir, dir_error);
  std::string crash = (fs::path(crash_dir) / ("crash-" + self)).string();
  std::snprintf(g_crash_path, sizeof g_crash_path, "%s", crash.c_str());
#ifdef DYAD_FUZZ_DEATH_CALLBACK
  // The sanitizers handle faults themselves (and report them); they call this before dying.
  __sanitizer_set_death_callback(save_current);
  for (int sig : {SIGABRT, SIGALRM}) ::signal(sig, on_signal);
#else
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM}) ::signal(sig, on_signal);
#endif

  auto start = std::chrono::steady_clock::now();
  uint64_t executed = 0;
  run_one({});
  ++executed;
  for (const auto& s : seeds) {
    run_one(s);
    ++executed;
  }
  Rng rng{seed};
  uint64_t mutants = 0;
  bool stopped = false;
  for (; mutants < runs; ++mutants) {
    if (max_seconds > 0 && (mutants & 63) == 0) {
      std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
      if (spent.count() > max_seconds) {
        stopped = true;
        break;
      }
    }
    std::vector<uint8_t> input = seeds[rng.below(seeds.size())];
    size_t rounds = 1 + rng.below(rng.below(2) ? 3 : 8);
    for (size_t r = 0; r < rounds; ++r) mutate_once(input, seeds, rng, max_len);
    run_one(input);
    ++executed;
  }
  std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  std::printf("fuzz: %s: %llu inputs (%zu seeds + empty, %llu mutations%s) in %.2f s\n",
              self.c_str(), static_cast<unsigned long long>(executed), seeds.size(),
              static_cast<unsigned long long>(mutants),
              stopped ? ", stopped at --max-seconds" : "", spent.count());
  return 0;
}
