// Shared helpers for dyad's fuzz targets (fuzz/fuzz_*.cpp).
//
// A target defines LLVMFuzzerTestOneInput and is linked either with libFuzzer (clang,
// -DDYAD_FUZZ=ON) or with fuzz/standalone_driver.cpp (any compiler; the CTest tests fuzz.*).
// dyad::Error is an expected outcome of a parser given bad input; anything else that escapes
// (another exception, a broken invariant) is a bug and aborts, so both drivers report it.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>
#include <typeinfo>

#include "dyad/dyad.h"
#include "text/text.h"

namespace dyad::fuzz {

// Reports a bug found by a target and aborts (the drivers save the input that caused it).
[[noreturn]] inline void bug(std::string_view what) {
  std::fprintf(stderr, "fuzz target bug: %.*s\n", static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

inline void check(bool ok, std::string_view what) {
  if (!ok) bug(what);
}

// Only ASCII white space (the ingest targets' independent view of a blank id, text or line).
inline bool blank(std::string_view s) {
  for (char c : s)
    if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v')) return false;
  return true;
}

// Runs `body`; dyad::Error is fine (returns false), any other exception is a bug.
template <typename F>
bool expect_only_dyad_errors(const char* what, F&& body) {
  try {
    body();
    return true;
  } catch (const dyad::Error&) {
    return false;
  } catch (const std::exception& e) {
    bug(std::string(what) + ": unexpected " + typeid(e).name() + ": " + e.what());
  } catch (...) {
    bug(std::string(what) + ": unexpected non-standard exception");
  }
}

// A reader that only takes a path gets the input through one file per process, rewritten for
// each input: <tmp>/dyad-fuzz-<pid>/<name>. The directory is removed at exit.
class ScratchDir {
 public:
  static ScratchDir& get() {
    static ScratchDir dir;
    return dir;
  }
  std::string write(const std::string& name, const uint8_t* data, size_t size) {
    std::string path = (dir_ / name).string();
    // Unlinked first: on ext4, truncating a file and rewriting it forces a flush to disk.
    ::unlink(path.c_str());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) bug("cannot write the scratch file " + path);
    return path;
  }
  const std::filesystem::path& path() const { return dir_; }

 private:
  ScratchDir() {
    // $DYAD_FUZZ_TMP, else /dev/shm (memory: no disk traffic), else the temp directory.
    std::error_code ec;
    std::filesystem::path base;
    if (const char* env = std::getenv("DYAD_FUZZ_TMP"); env != nullptr && *env != '\0') {
      base = env;
    } else if (::access("/dev/shm", W_OK) == 0) {
      base = "/dev/shm";
    } else {
      base = std::filesystem::temp_directory_path(ec);
      if (ec) base = "/tmp";
    }
    dir_ = base / ("dyad-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_, ec);
    if (ec) bug("cannot create " + dir_.string() + ": " + ec.message());
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(get().dir_, ignored);
    });
  }
  std::filesystem::path dir_;
};


// Counts outcomes by name and prints them at exit when $DYAD_FUZZ_STATS is set: shows whether
// inputs get past the early checks (a target whose inputs all fail at once tests little).
inline void count(const char* what) {
  static std::map<std::string, uint64_t>* counts = [] {
    auto* m = new std::map<std::string, uint64_t>;
    if (std::getenv("DYAD_FUZZ_STATS") != nullptr) {
      static std::map<std::string, uint64_t>* printed = m;
      std::atexit([] {
        for (const auto& [name, n] : *printed)
          std::fprintf(stderr, "fuzz stats: %s %llu\n", name.c_str(),
                       static_cast<unsigned long long>(n));
      });
    }
    return m;
  }();
  ++(*counts)[what];
}

}  // namespace dyad::fuzz
