// DocumentReader: streams JSON Lines files and plain-text wire articles into RawDocuments.
//
// Memory: one read buffer per reader (1 MiB, growing to at most max_document_bytes + 1 for a
// long line, plus simdjson padding), one reusable simdjson parser, and for wire files one
// buffer holding the current file (at most max_document_bytes). Nothing grows with the corpus.
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "ingest/ingest.h"
#include "text/text.h"

namespace dyad::ingest {
namespace {

namespace fs = std::filesystem;
namespace od = simdjson::ondemand;

constexpr size_t kChunkBytes = size_t{1} << 20;
constexpr std::string_view kNoDateWarning = "no publication date; relative dates stay unresolved";
constexpr std::string_view kStdinLabel = "<stdin>";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_space(c); });
}
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}
bool has_bom(std::string_view s) {
  return s.substr(0, 3) == "\xEF\xBB\xBF";
}

std::string errno_text(int err) {
  return std::error_code(err, std::generic_category()).message();
}

// Offset of the first byte that is not part of well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF), or npos. Only called after simdjson's fast check has failed.
size_t first_invalid_utf8(std::string_view s) {
  size_t at = 0;
  return text::valid_utf8(s, &at) ? std::string_view::npos : at;
}

size_t find_invalid_utf8(std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
  size_t at = first_invalid_utf8(s);
  return at == std::string_view::npos ? 0 : at;  // disagreement: blame the start, never accept
}

std::string hex_byte(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[c >> 4] + kHex[c & 15];
}

// A short, single-line, printable rendering of a value for a reason message.
std::string quote(std::string_view s, size_t max = 40) {
  std::string out = "\"";
  size_t n = std::min(s.size(), max);
  // Cut at a character boundary, so that the reason stays valid UTF-8 where the value was.
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out += "\\x" + hex_byte(c).substr(2);
    } else {
      out += static_cast<char>(c);
    }
  }
  if (s.size() > max) out += "...";
  return out + "\"";
}

// "invalid JSON: <what simdjson said>" with simdjson's sentence lower-cased and unterminated.
std::string json_error(simdjson::error_code e, const char* where, const char* line_start) {
  std::string msg = simdjson::error_message(e);
  bool etc = msg.size() >= 4 && msg.compare(msg.size() - 4, 4, "etc.") == 0;
  while (!etc && !msg.empty() && (msg.back() == '.' || msg.back() == ' ')) msg.pop_back();
  if (!msg.empty() && msg[0] >= 'A' && msg[0] <= 'Z' &&
      !(msg.size() > 1 && msg[1] >= 'A' && msg[1] <= 'Z'))
    msg[0] = static_cast<char>(msg[0] - 'A' + 'a');
  std::string out = "invalid JSON: " + msg;
  if (where != nullptr && line_start != nullptr && where >= line_start)
    out += " (near column " + std::to_string(where - line_start + 1) + ")";
  return out;
}

// JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool valid_json_number(std::string_view t) {
  size_t i = 0;
  auto digits = [&] {
    size_t s = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > s;
  };
  if (i < t.size() && t[i] == '-') ++i;
  if (i < t.size() && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == t.size();
}

const char* type_name(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "an unknown value";
}

// Fully reads a value we otherwise ignore, so that malformed JSON inside it is still detected
// (on-demand parsing would skip it unchecked). Depth is bounded by the parser's max depth.
simdjson::error_code check_value(od::value v) {
  od::json_type t{};
  if (auto e = v.type().get(t)) return e;
  switch (t) {
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return e;
      for (auto item : a) {
        od::value iv;
        if (auto e = std::move(item).get(iv)) return e;
        if (auto e = check_value(iv)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return e;
      for (auto member : o) {
        od::field f;
        if (auto e = std::move(member).get(f)) return e;
        std::string_view key;
        if (auto e = f.unescaped_key().get(key)) return e;
        if (auto e = check_value(f.value())) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::number:
      return valid_json_number(trim(v.raw_json_token())) ? simdjson::SUCCESS
                                                         : simdjson::NUMBER_ERROR;
    case od::json_type::string: {
      std::string_view s;
      return v.get_string().get(s);
    }
    case od::json_type::boolean: {
      bool b = false;
      if (v.get_bool().get(b)) return simdjson::T_ATOM_ERROR;
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      bool is_null = false;
      if (v.is_null().get(is_null) || !is_null) return simdjson::N_ATOM_ERROR;
      return simdjson::SUCCESS;
    }
  }
  return simdjson::INCORRECT_TYPE;
}

enum class Kind { kJsonLines, kWire };

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext;
}

// Kind implied by a file name, if any.
std::optional<Kind> kind_by_extension(const fs::path& p) {
  std::string ext = lower_extension(p);
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return Kind::kJsonLines;
  if (ext == ".txt") return Kind::kWire;
  return std::nullopt;
}

// A byte source (a FILE* we own, or stdin) read through a buffer that always has
// SIMDJSON_PADDING allocated bytes after its usable capacity, so lines can be parsed in place.
class Input {
 public:
  enum class Status { kLine, kTooLong, kEnd, kReadError };

  Input() = default;
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  ~Input() { close(); }

  bool open(const std::string& path, size_t max_bytes, int* err) {
    close();
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) {
      *err = errno;
      return false;
    }
    owned_ = true;
    reset(max_bytes);
    return true;
  }
  void open_stdin(size_t max_bytes) {
    close();
    file_ = stdin;
    owned_ = false;
    reset(max_bytes);
  }
  void close() {
    if (file_ != nullptr && owned_) std::fclose(file_);
    file_ = nullptr;
    owned_ = false;
  }
  bool is_open() const { return file_ != nullptr; }
  int read_errno() const { return read_errno_; }

  // Bytes read but not yet consumed; fills the buffer once if it is empty (for sniffing).
  std::string_view peek() {
    if (begin_ == end_ && !eof_ && read_errno_ == 0) fill();
    return {buf_.data() + begin_, end_ - begin_};
  }

  // Next line without its '\n'. A line longer than the limit is skipped, without being held in
  // memory, and reported as kTooLong with its length in *long_bytes. A kLine view stays valid until
  // the next call, and simdjson may read up to SIMDJSON_PADDING bytes past its end (*padded_size).
  Status next_line(std::string_view* line, size_t* padded_size, uint64_t* long_bytes) {
    for (;;) {
      char* base = buf_.data();
      if (scan_ < end_) {
        if (void* nl = std::memchr(base + scan_, '\n', end_ - scan_)) {
          size_t at = static_cast<size_t>(static_cast<char*>(nl) - base);
          return emit(at, at + 1, line, padded_size, long_bytes);
        }
        scan_ = end_;
      }
      if (eof_ || read_errno_ != 0) {
        if (begin_ < end_) {
          base[end_] = '\n';  // padding area: gives the last line a terminator for the parser
          return emit(end_, end_, line, padded_size, long_bytes);
        }
        return read_errno_ != 0 ? Status::kReadError : Status::kEnd;
      }
      size_t pending = end_ - begin_;
      if (pending > max_) return skip_long_line(pending, long_bytes);
      if (begin_ > 0) {
        std::memmove(base, base + begin_, pending);
        scan_ -= begin_;
        end_ = pending;
        begin_ = 0;
      }
      if (end_ == cap_) grow();
      fill();
    }
  }

  // Reads everything that is left into *out (which is cleared). When the input is longer than
  // the limit, the rest is read and counted but not kept; returns the total length.
  uint64_t read_rest(std::string* out) {
    out->clear();
    uint64_t total = 0;
    for (;;) {
      size_t n = end_ - begin_;
      total += n;
      if (out->size() + n <= max_) out->append(buf_.data() + begin_, n);
      begin_ = end_ = scan_ = 0;
      if (eof_ || read_errno_ != 0) break;
      fill();
    }
    if (total > max_) out->clear();
    return total;
  }

 private:
  void reset(size_t max_bytes) {
    max_ = std::min(max_bytes, size_t{1} << 40);
    size_t want = std::min(kChunkBytes, max_ + 1);
    if (cap_ != want || buf_.size() != want + simdjson::SIMDJSON_PADDING) {
      cap_ = want;
      buf_.assign(cap_ + simdjson::SIMDJSON_PADDING, ' ');
      buf_.shrink_to_fit();
    }
    begin_ = end_ = scan_ = 0;
    eof_ = false;
    read_errno_ = 0;
  }

  void fill() {
    size_t want = cap_ - end_;
    size_t got = std::fread(buf_.data() + end_, 1, want, file_);
    end_ += got;
    if (got < want) {
      if (std::ferror(file_)) {
        read_errno_ = errno != 0 ? errno : EIO;
      } else {
        eof_ = true;
      }
    }
  }

  void grow() {
    size_t cap = std::min(cap_ * 2, max_ + 1);
    std::vector<char> bigger(cap + simdjson::SIMDJSON_PADDING, ' ');
    std::memcpy(bigger.data(), buf_.data(), end_);
    buf_.swap(bigger);
    cap_ = cap;
  }

  Status emit(size_t line_end, size_t next, std::string_view* line, size_t* padded_size,
              uint64_t* long_bytes) {
    size_t start = begin_;
    begin_ = scan_ = next;
    if (line_end - start > max_) {
      *long_bytes = line_end - start;
      return Status::kTooLong;
    }
    *line = std::string_view(buf_.data() + start, line_end - start);
    *padded_size = buf_.size() - start;
    return Status::kLine;
  }

  // Discards the current line up to its '\n' (or the end of input), counting its bytes.
  Status skip_long_line(size_t pending, uint64_t* long_bytes) {
    uint64_t total = pending;
    begin_ = end_ = scan_ = 0;
    for (;;) {
      if (eof_ || read_errno_ != 0) break;
      fill();
      if (void* nl = std::memchr(buf_.data(), '\n', end_)) {
        size_t at = static_cast<size_t>(static_cast<char*>(nl) - buf_.data());
        total += at;
        begin_ = scan_ = at + 1;
        break;
      }
      total += end_;
      end_ = 0;
    }
    *long_bytes = total;
    return Status::kTooLong;
  }

  FILE* file_ = nullptr;
  bool owned_ = false;
  std::vector<char> buf_;
  size_t cap_ = 0;    // usable bytes of buf_ (buf_.size() - SIMDJSON_PADDING)
  size_t max_ = 0;    // longest line / file accepted
  size_t begin_ = 0;  // first unconsumed byte
  size_t end_ = 0;    // end of the bytes read
  size_t scan_ = 0;   // bytes in [begin_, scan_) are known to hold no '\n'
  bool eof_ = false;
  int read_errno_ = 0;
};

// Position of byte `offset` of `s`: 1-based line and column.
std::pair<uint64_t, uint64_t> line_col(std::string_view s, size_t offset) {
  uint64_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, offset - line_start + 1};
}

// Share of bytes in a sample that no text file would contain: C0 controls other than
// whitespace, DEL, and bytes that are not well-formed UTF-8.
double non_text_share(std::string_view s) {
  if (s.empty()) return 0;
  size_t bad = 0;
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !is_space(static_cast<char>(c))) || c == 0x7F) ++bad;
      ++i;
      continue;
    }
    size_t at = first_invalid_utf8(s.substr(i, std::min<size_t>(4, s.size() - i)));
    if (at == 0) {
      ++bad;
      ++i;
    } else {
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      i += len;
    }
  }
  return static_cast<double>(bad) / static_cast<double>(s.size());
}

constexpr unsigned kFieldId = 1;
constexpr unsigned kFieldDate = 2;
constexpr unsigned kFieldText = 4;
constexpr unsigned kFieldTitle = 8;
constexpr unsigned kFieldSource = 16;
constexpr unsigned kFieldUrl = 32;

// Where `date_value` is acceptable: "YYYY-MM-DD", or an ISO date-time whose first ten characters
// are a date ("2019-04-10T08:00:00Z"); returns the date part, or "" with *reason set.
std::string_view check_date(std::string_view s, std::string* reason) {
  std::string_view day = s.substr(0, 10);
  bool shaped = day.size() == 10 && day[4] == '-' && day[7] == '-' &&
                std::all_of(day.begin(), day.end(),
                            [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  bool tail_ok = s.size() == 10 || (s.size() > 10 && (s[10] == 'T' || s[10] == ' '));
  if (shaped && tail_ok) {
    if (valid_iso_date(day)) return day;
    *reason = "impossible date " + quote(s);
    return {};
  }
  *reason = "date " + quote(s) + " is not YYYY-MM-DD";
  return {};
}

}  // namespace

struct DocumentReader::Impl {
  using Callback = std::function<void(const Reject&)>;

  // One directory being walked: its entries in name order.
  struct DirFrame {
    std::vector<fs::path> entries;
    size_t next = 0;
    fs::path canonical;  // to detect symbolic-link cycles
  };

  Impl(std::vector<std::string> in, ReaderOptions opt)
      : inputs(std::move(in)), options(opt), parser(std::max<size_t>(opt.max_document_bytes, 64)) {}

  std::vector<std::string> inputs;
  size_t next_input = 0;
  ReaderOptions options;
  std::vector<DirFrame> dirs;

  // The JSON Lines file being read, if any.
  Input input;
  bool jsonl_active = false;
  std::string file_label;
  uint64_t line_no = 0;
  uint64_t documents_in_file = 0;  // non-blank lines seen

  od::parser parser;
  std::string wire;                   // the wire file being read
  std::vector<std::string> warnings;  // for the current document, sent once it is accepted

  void reject(const Callback& cb, std::string_view file, uint64_t line, std::string_view id,
              std::string reason) {
    if (!cb) return;
    Reject r;
    r.file.assign(file);
    r.line = line;
    r.doc_id.assign(id);
    r.reason = std::move(reason);
    cb(r);
  }

  static void clear(RawDocument& doc) {
    doc.id.clear();
    doc.date.clear();
    doc.title.clear();
    doc.source.clear();
    doc.url.clear();
    doc.text.clear();
    doc.dateline.reset();
    doc.dateline_length.reset();
    doc.origin_file.clear();
    doc.origin_line = 0;
  }

  bool next(RawDocument& doc, const Callback& on_reject, const Callback& on_warning) {
    for (;;) {
      if (jsonl_active) {
        if (next_json(doc, on_reject, on_warning)) return true;
        jsonl_active = false;
        input.close();
        continue;
      }
      std::string path;
      bool is_stdin = false;
      std::optional<Kind> kind;
      if (!next_unit(&path, &is_stdin, &kind, on_reject)) return false;
      if (open_unit(path, is_stdin, kind, doc, on_reject, on_warning)) return true;
    }
  }

  // The next input unit (a file or stdin), walking directories; false at the end.
  bool next_unit(std::string* path, bool* is_stdin, std::optional<Kind>* kind,
                 const Callback& on_reject) {
    for (;;) {
      if (!dirs.empty()) {
        DirFrame& top = dirs.back();
        if (top.next == top.entries.size()) {
          dirs.pop_back();
          continue;
        }
        fs::path p = top.entries[top.next++];
        std::error_code ec;
        fs::file_status st = fs::status(p, ec);  // follows symbolic links
        std::optional<Kind> by_ext = kind_by_extension(p);
        if (ec) {
          if (by_ext) reject(on_reject, p.string(), 0, "", "cannot open: " + ec.message());
          continue;
        }
        if (fs::is_directory(st)) {
          push_dir(p, on_reject);
          continue;
        }
        if (!fs::is_regular_file(st) || !by_ext) continue;  // not an input unit
        *path = p.string();
        *is_stdin = false;
        *kind = by_ext;
        return true;
      }
      if (next_input == inputs.size()) return false;
      const std::string& in = inputs[next_input++];
      if (in == "-") {
        *path = std::string(kStdinLabel);
        *is_stdin = true;
        kind->reset();
        return true;
      }
      std::error_code ec;
      fs::file_status st = fs::status(in, ec);
      if (ec) {
        reject(on_reject, in, 0, "", "cannot open: " + ec.message());
        continue;
      }
      if (fs::is_directory(st)) {
        push_dir(in, on_reject);
        continue;
      }
      *path = in;
      *is_stdin = false;
      *kind = kind_by_extension(in);
      return true;
    }
  }

  void push_dir(const fs::path& dir, const Callback& on_reject) {
    std::error_code ec;
    DirFrame frame;
    frame.canonical = fs::canonical(dir, ec);
    if (ec) frame.canonical = dir;
    for (const DirFrame& f : dirs) {
      if (f.canonical == frame.canonical) {
        reject(on_reject, dir.string(), 0, "",
               "directory cycle: a symbolic link leads back to " + f.canonical.string() +
                   "; not read again");
        return;
      }
    }
    fs::directory_iterator it(dir, ec);
    if (ec) {
      reject(on_reject, dir.string(), 0, "", "cannot read directory: " + ec.message());
      return;
    }
    while (it != fs::directory_iterator()) {
      frame.entries.push_back(it->path());
      it.increment(ec);
      if (ec) break;
    }
    if (ec) {  // keep what was listed; the rest of the directory is reported, not read
      reject(on_reject, dir.string(), 0, "",
             "cannot read directory: " + ec.message() + " (after " +
                 std::to_string(frame.entries.size()) + " entries)");
    }
    std::sort(frame.entries.begin(), frame.entries.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().native() < b.filename().native();
    });
    dirs.push_back(std::move(frame));
  }

  // Opens one unit. A wire file is read at once (returns true when it became a document); a JSON
  // Lines file becomes the active input for next_json.
  bool open_unit(const std::string& path, bool is_stdin, std::optional<Kind> kind, RawDocument& doc,
                 const Callback& on_reject, const Callback& on_warning) {
    if (is_stdin) {
      input.open_stdin(options.max_document_bytes);
    } else {
      int err = 0;
      if (!input.open(path, options.max_document_bytes, &err)) {
        reject(on_reject, path, 0, "", "cannot open: " + errno_text(err));
        return false;
      }
    }
    if (options.format == Format::kJsonLines) kind = Kind::kJsonLines;
    if (options.format == Format::kWire) kind = Kind::kWire;
    std::string_view head = input.peek();
    if (input.read_errno() != 0 && head.empty()) {
      reject(on_reject, path, 0, "", "cannot read: " + errno_text(input.read_errno()));
      input.close();
      return false;
    }
    if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1F &&
        static_cast<unsigned char>(head[1]) == 0x8B) {
      reject(on_reject, path, 0, "", "gzip-compressed file; decompress it first");
      input.close();
      return false;
    }
    if (!kind) {
      std::string_view h = has_bom(head) ? head.substr(3) : head;
      size_t first = 0;
      while (first < h.size() && is_space(h[first])) ++first;
      kind = first < h.size() && h[first] == '{' ? Kind::kJsonLines : Kind::kWire;
    }
    file_label = path;
    if (*kind == Kind::kJsonLines) {
      jsonl_active = true;
      line_no = 0;
      documents_in_file = 0;
      return false;
    }
    std::string id = is_stdin ? "stdin" : fs::path(path).stem().string();
    bool produced = read_wire(id, doc, on_reject, on_warning);
    input.close();
    return produced;
  }

  // ---- JSON Lines ----

  bool next_json(RawDocument& doc, const Callback& on_reject, const Callback& on_warning) {
    for (;;) {
      std::string_view line;
      size_t padded = 0;
      uint64_t long_bytes = 0;
      Input::Status st = input.next_line(&line, &padded, &long_bytes);
      if (st == Input::Status::kEnd || st == Input::Status::kReadError) {
        if (st == Input::Status::kReadError) {
          reject(on_reject, file_label, line_no + 1, "",
                 "read error: " + errno_text(input.read_errno()) + "; rest of the file not read");
        } else if (documents_in_file == 0) {
          Reject w;
          w.file = file_label;
          w.reason = "empty file: no documents";
          if (on_warning) on_warning(w);
        }
        return false;
      }
      ++line_no;
      if (st == Input::Status::kTooLong) {
        ++documents_in_file;
        reject(on_reject, file_label, line_no, "",
               "line of " + std::to_string(long_bytes) + " bytes exceeds the limit of " +
                   std::to_string(options.max_document_bytes));
        continue;
      }
      size_t offset = 0;
      if (line_no == 1 && has_bom(line)) offset = 3;
      std::string_view body = line.substr(offset);
      if (is_blank(body)) continue;
      ++documents_in_file;
      if (parse_json_line(body, padded - offset, doc, on_reject)) {
        for (const std::string& w : warnings) {
          Reject r;
          r.file = file_label;
          r.line = line_no;
          r.doc_id = doc.id;
          r.reason = w;
          if (on_warning) on_warning(r);
        }
        return true;
      }
    }
  }

  // Parses one non-blank line into doc, or rejects it. Returns true for a document.
  bool parse_json_line(std::string_view line, size_t padded, RawDocument& doc,
                       const Callback& on_reject) {
    warnings.clear();
    std::string id;
    auto fail = [&](std::string reason) {
      reject(on_reject, file_label, line_no, id, std::move(reason));
      return false;
    };
    if (const void* nul = std::memchr(line.data(), '\0', line.size())) {
      size_t col = static_cast<size_t>(static_cast<const char*>(nul) - line.data()) + 1;
      return fail("NUL byte at column " + std::to_string(col) + " (binary content, not JSON)");
    }
    if (size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      return fail("invalid UTF-8 at column " + std::to_string(bad + 1) + " (byte " +
                  hex_byte(static_cast<unsigned char>(line[bad])) + ")");
    }

    od::document json;
    simdjson::padded_string_view view(line.data(), line.size(), padded);
    if (auto e = parser.iterate(view).get(json)) return fail(json_error(e, nullptr, nullptr));
    auto location = [&]() -> const char* {
      const char* p = nullptr;
      if (json.current_location().get(p)) return nullptr;
      return p >= line.data() && p <= line.data() + line.size() ? p : nullptr;
    };
    od::json_type top{};
    if (auto e = json.type().get(top)) return fail(json_error(e, location(), line.data()));
    if (top != od::json_type::object) {
      return fail(std::string("not a JSON object (found ") + type_name(top) +
                  "; expected one object per line)");
    }
    od::object obj;
    if (auto e = json.get_object().get(obj)) {
      if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) {
        return fail(json_error(e, nullptr, nullptr) +
                    " (the line does not end with the object's closing brace: truncated, or"
                    " followed by something else)");
      }
      return fail(json_error(e, location(), line.data()));
    }

    clear(doc);
    unsigned seen = 0;
    bool date_given = false;
    std::string problem;  // first content problem; reported once the id is known
    auto note = [&](std::string p) {
      if (problem.empty()) problem = std::move(p);
    };
    for (auto member : obj) {
      od::field field;
      if (auto e = std::move(member).get(field))
        return fail(json_error(e, location(), line.data()));
      std::string_view key;
      if (auto e = field.unescaped_key().get(key))
        return fail(json_error(e, location(), line.data()));
      unsigned bit = key == "id"       ? kFieldId
                     : key == "date"   ? kFieldDate
                     : key == "text"   ? kFieldText
                     : key == "title"  ? kFieldTitle
                     : key == "source" ? kFieldSource
                     : key == "url"    ? kFieldUrl
                                       : 0;
      std::string name(key);  // key's view does not outlive the next string read
      od::value value = field.value();
      if (bit == 0) {
        if (auto e = check_value(value))
          return fail(json_error(e, location(), line.data()) + " in " + quote(name));
        continue;
      }
      if (seen & bit) note("duplicate key \"" + name + "\"");
      seen |= bit;
      od::json_type t{};
      if (auto e = value.type().get(t)) return fail(json_error(e, location(), line.data()));
      std::string_view s;
      if (t == od::json_type::string) {
        if (auto e = value.get_string().get(s))
          return fail(json_error(e, location(), line.data()) + " in \"" + name + "\"");
        if (s.find('\0') != std::string_view::npos)
          note("\"" + name + "\" contains a NUL character");
      } else if (auto e = check_value(value)) {
        return fail(json_error(e, location(), line.data()) + " in \"" + name + "\"");
      }
      switch (bit) {
        case kFieldId:
          if (t == od::json_type::string) {
            id.assign(s);
            if (trim(s).empty()) note("empty \"id\"");
          } else if (t == od::json_type::number) {
            id.assign(trim(value.raw_json_token()));
          } else {
            note(std::string("\"id\" must be a string or a number (found ") + type_name(t) + ")");
          }
          break;
        case kFieldDate:
          if (t == od::json_type::string && !s.empty()) {
            std::string reason;
            std::string_view d = check_date(s, &reason);
            if (d.empty()) {
              note(reason);
            } else {
              doc.date.assign(d);
              date_given = true;
            }
          } else if (t != od::json_type::null && t != od::json_type::string) {
            note(std::string("\"date\" must be a YYYY-MM-DD string or null (found ") +
                 type_name(t) + ")");
          }
          break;
        case kFieldText:
          if (t != od::json_type::string) {
            note(std::string("\"text\" is not a string (found ") + type_name(t) + ")");
          } else if (is_blank(s)) {
            note("empty text");
          } else {
            doc.text.assign(s);
          }
          break;
        default: {
          std::string* target = bit == kFieldTitle    ? &doc.title
                                : bit == kFieldSource ? &doc.source
                                                      : &doc.url;
          if (t == od::json_type::string) {
            target->assign(s);
          } else if (t != od::json_type::null) {
            warnings.push_back("\"" + name + "\" is " + type_name(t) + ", not a string; ignored");
          }
        }
      }
    }
    const char* trailing = nullptr;
    if (json.current_location().get(trailing) == simdjson::SUCCESS) {
      size_t col = static_cast<size_t>(trailing - line.data()) + 1;
      return fail("invalid JSON: unexpected content after the object (near column " +
                  std::to_string(col) + ")");
    }
    if (!problem.empty()) return fail(problem);
    if (!(seen & kFieldId)) return fail("missing \"id\"");
    if (!(seen & kFieldText)) return fail("missing \"text\"");
    if (!date_given) {
      if (options.require_date) return fail("no publication date (a date is required)");
      warnings.emplace_back(kNoDateWarning);
    }
    doc.id = std::move(id);
    doc.origin_file = file_label;
    doc.origin_line = line_no;
    const std::string_view opening = first_line(doc.text);
    size_t consumed = 0;
    doc.dateline = parse_dateline(opening, &consumed);
    // A text that opens with its first line: the coder's parse of the text would read this same
    // line, so it takes the length from here instead of parsing again.
    if (opening.data() == doc.text.data()) doc.dateline_length = doc.dateline ? consumed : 0;
    return true;
  }

  static std::string_view first_line(std::string_view text) {
    size_t start = 0;
    while (start < text.size() && is_space(text[start])) ++start;  // skip leading blank lines
    text.remove_prefix(start);
    return text.substr(0, text.find('\n'));
  }

  // ---- Wire articles ----

  // The whole remaining input is one article. Returns true when it became a document.
  bool read_wire(const std::string& id, RawDocument& doc, const Callback& on_reject,
                 const Callback& on_warning) {
    uint64_t total = input.read_rest(&wire);
    const std::string& file = file_label;
    if (input.read_errno() != 0) {
      reject(on_reject, file, 0, id, "read error: " + errno_text(input.read_errno()));
      return false;
    }
    if (total > options.max_document_bytes) {
      reject(on_reject, file, 0, id,
             "file of " + std::to_string(total) + " bytes exceeds the limit of " +
                 std::to_string(options.max_document_bytes));
      return false;
    }
    std::string_view all = wire;
    size_t start = has_bom(all) ? 3 : 0;
    std::string_view content = all.substr(start);
    if (is_blank(content)) {
      reject(on_reject, file, 0, id, "empty file");
      return false;
    }
    if (size_t nul = content.find('\0'); nul != std::string_view::npos) {
      auto [line, col] = line_col(all, start + nul);
      reject(on_reject, file, line, id,
             "binary file (NUL byte at line " + std::to_string(line) + ", column " +
                 std::to_string(col) + ")");
      return false;
    }
    if (non_text_share(content.substr(0, 4096)) > 0.10) {
      reject(on_reject, file, 0, id, "binary file (mostly non-text bytes)");
      return false;
    }
    if (size_t bad = find_invalid_utf8(content); bad != std::string_view::npos) {
      auto [line, col] = line_col(all, start + bad);
      reject(on_reject, file, line, id,
             "invalid UTF-8 at column " + std::to_string(col) + " (byte " +
                 hex_byte(static_cast<unsigned char>(content[bad])) + ")");
      return false;
    }

    // Lines as [begin, end) offsets into `all`, end excluding '\n'.
    auto line_end = [&](size_t pos) {
      size_t nl = all.find('\n', pos);
      return nl == std::string_view::npos ? all.size() : nl;
    };
    auto after_line = [&](size_t pos) {
      size_t e = line_end(pos);
      return e == all.size() ? e : e + 1;
    };
    auto skip_blank_lines = [&](size_t pos, uint64_t* line) {
      while (pos < all.size() && is_blank(all.substr(pos, line_end(pos) - pos))) {
        pos = after_line(pos);
        ++*line;
      }
      return pos;
    };

    clear(doc);
    uint64_t line = 1;
    size_t pos = skip_blank_lines(start, &line);
    uint64_t header_line = line;

    // Header: optional leading blanks, "date", optional ':', blanks, YYYY-MM-DD.
    std::string_view first = all.substr(pos, line_end(pos) - pos);
    size_t k = 0;
    while (k < first.size() && (first[k] == ' ' || first[k] == '\t')) ++k;
    bool has_date_line = false;
    if (first.size() > k + 4 && (first.substr(k, 4) == "date" || first.substr(k, 4) == "Date" ||
                                 first.substr(k, 4) == "DATE")) {
      size_t v = k + 4;
      if (first[v] == ':') ++v;
      size_t blanks = v;
      while (v < first.size() && (first[v] == ' ' || first[v] == '\t')) ++v;
      std::string_view token = first.substr(v, 10);
      bool shaped = token.size() == 10 && token[4] == '-' && token[7] == '-' &&
                    std::all_of(token.begin(), token.end(),
                                [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
      bool ends = shaped && (v + 10 == first.size() || is_space(first[v + 10]));
      if (shaped && ends && (v > blanks || first[k + 4] == ':')) {
        if (!valid_iso_date(token)) {
          reject(on_reject, file, header_line, id, "impossible date " + quote(token));
          return false;
        }
        has_date_line = true;
        doc.date.assign(token);
        size_t rest = v + 10;
        while (rest < first.size() && (first[rest] == ' ' || first[rest] == '\t')) ++rest;
        pos += rest;  // the rest of the header line (a dateline, usually) starts the text
        if (is_blank(all.substr(pos, line_end(pos) - pos))) {
          pos = after_line(pos);
          ++line;
        }
      }
    }
    pos = skip_blank_lines(pos, &line);

    // Dateline: on what is left of the header line, else on the first line of text. A dateline
    // that fills its line is a header line; one followed by text stays in the text.
    std::string_view text_line = all.substr(pos, line_end(pos) - pos);
    size_t consumed = 0;
    doc.dateline = parse_dateline(text_line, &consumed);
    if (doc.dateline && is_blank(text_line.substr(consumed))) {
      pos = after_line(pos);
      ++line;
      pos = skip_blank_lines(pos, &line);
    }

    if (pos >= all.size() || is_blank(all.substr(pos))) {
      reject(on_reject, file, header_line, id, "empty text (nothing after the header)");
      return false;
    }
    if (!has_date_line && options.require_date) {
      reject(on_reject, file, header_line, id,
             "no publication date (expected a first line \" date YYYY-MM-DD\")");
      return false;
    }
    doc.id = id;
    doc.text.assign(all.substr(pos));
    doc.origin_file = file;
    doc.origin_line = 1;
    if (!has_date_line && on_warning) {
      Reject w;
      w.file = file;
      w.line = 1;
      w.doc_id = id;
      w.reason = std::string(kNoDateWarning);
      on_warning(w);
    }
    return true;
  }
};

DocumentReader::DocumentReader(std::vector<std::string> inputs, ReaderOptions options)
    : impl_(std::make_unique<Impl>(std::move(inputs), options)) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::next(RawDocument& doc, const std::function<void(const Reject&)>& on_reject,
                          const std::function<void(const Reject&)>& on_warning) {
  return impl_->next(doc, on_reject, on_warning);
}

}  // namespace dyad::ingest
