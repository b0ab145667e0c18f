// Small text helpers shared by the dictionary readers (TABARI and PETRARCH formats).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "dyad/dyad.h"

namespace dyad::lexicon::detail {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Throws dyad::Error "WHERE: WHY" (WHERE is "FILE:LINE").
[[noreturn]] inline void fail(const std::string& where, std::string_view why) {
  throw Error(fmt::format("{}: {}", where, why));
}

// Letters and digits only, at least one.
inline bool valid_code_chars(std::string_view code) {
  return !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
}

// Lines of an in-memory file, without their line ends, counted from 1 for messages.
class LineReader {
 public:
  LineReader(std::string_view file_name, std::string_view content)
      : file_(file_name), content_(content) {}
  bool next(std::string_view* line) {
    if (pos_ >= content_.size()) return false;
    size_t end = content_.find('\n', pos_);
    if (end == std::string_view::npos) end = content_.size();
    *line = content_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  std::string where() const { return fmt::format("{}:{}", file_, number_); }
  uint32_t number() const { return number_; }

 private:
  std::string_view file_;
  std::string_view content_;
  size_t pos_ = 0;
  uint32_t number_ = 0;
};

}  // namespace dyad::lexicon::detail
