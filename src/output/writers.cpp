#include "output/writers.h"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace dyad::output {
namespace {

void append_tsv_field(std::string_view s, std::string& out) {
  // Tabs and newlines inside a field would break the row: they become spaces.
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

// 0x80 in the first byte of w (8 bytes of text, little-endian) that a JSON string must escape:
// a control character (< 0x20), '"' or '\\'. Flags above the first may be spurious (a borrow
// only runs upwards from a true hit); bytes >= 0x80 are never flagged.
inline uint64_t escape_bytes(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  return (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) |
          ((backslash - kOnes) & ~backslash)) &
         kHigh;
}

inline bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// Offset of the first byte of s[i, n) that needs an escape, or n: 8 bytes per step.
inline size_t next_escape(const char* s, size_t i, size_t n) {
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (const uint64_t m = escape_bytes(w); m != 0)
      return i + (static_cast<size_t>(__builtin_ctzll(m)) >> 3);
  }
  while (i < n && !needs_escape(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// Writes the escape of c (needs_escape(c)) at p; returns its length (2 or 6).
inline size_t write_escape(unsigned char c, char* p) {
  p[0] = '\\';
  switch (c) {
    case '"':
    case '\\':
      p[1] = static_cast<char>(c);
      return 2;
    case '\n':
      p[1] = 'n';
      return 2;
    case '\r':
      p[1] = 'r';
      return 2;
    case '\t':
      p[1] = 't';
      return 2;
    default: {  // \u00XX, lower-case hex (as fmt's {:04x} wrote it)
      static constexpr char kHex[] = "0123456789abcdef";
      std::memcpy(p + 1, "u00", 3);
      p[4] = kHex[c >> 4];
      p[5] = kHex[c & 15];
      return 6;
    }
  }
}

// Writes one JSON Lines event into room reserved at the end of a string: the room is a bound
// computed from the event's strings before anything is written (the *_room() functions), so
// every write is a plain store and the literals are fixed-size copies, where appending to the
// string checked its capacity and called memcpy for each of the ~40 pieces of an event.
class JsonWriter {
 public:
  JsonWriter(std::string& out, size_t room) : out_(out), base_(out.size()) {
    out_.resize(base_ + room);
    p_ = out_.data() + base_;
    end_ = p_ + room;
  }
  ~JsonWriter() {
    assert(p_ <= end_);  // the room was enough
    out_.resize(static_cast<size_t>(p_ - out_.data()));
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  template <size_t N>
  void lit(const char (&s)[N]) {
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void bytes(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // A JSON string: at most 6 bytes per byte of s, plus the quotes (kStringRoom).
  void string(std::string_view s) {
    const char* d = s.data();
    const size_t n = s.size();
    *p_++ = '"';
    size_t run = 0;
    for (size_t i = next_escape(d, 0, n); i < n; i = next_escape(d, run, n)) {
      std::memcpy(p_, d + run, i - run);
      p_ += i - run;
      run = i + 1;
      p_ += write_escape(static_cast<unsigned char>(d[i]), p_);
    }
    std::memcpy(p_, d + run, n - run);
    p_ += n - run;
    *p_++ = '"';
  }
  void nullable(std::string_view s) {
    if (s.empty())
      lit("null");
    else
      string(s);
  }
  // Decimal digits of v (at most 20: kNumberRoom).
  void number(uint64_t v) {
    char digits[20];
    char* q = digits + sizeof digits;
    do {
      *--q = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v != 0);
    bytes(std::string_view(q, static_cast<size_t>(digits + sizeof digits - q)));
  }

 private:
  std::string& out_;
  size_t base_;
  char* p_;
  char* end_;  // of the room
};

constexpr size_t kStringRoom = 2;  // quotes; plus 6 per byte
constexpr size_t kNumberRoom = 20;

size_t string_room(std::string_view s) {
  return kStringRoom + 6 * s.size();
}

void write_span_json(const TextSpan& span, JsonWriter& w) {
  w.lit("\"text\":");
  w.string(span.text);
  w.lit(",\"start\":");
  w.number(span.start);
  w.lit(",\"end\":");
  w.number(span.end);
}

size_t span_room(const TextSpan& span) {
  return 32 + string_room(span.text) + 2 * kNumberRoom;
}

void write_actor_json(const std::optional<Actor>& actor, JsonWriter& w) {
  if (!actor) {
    w.lit("null");
    return;
  }
  // An uncoded actor (dyad's rules: a target named by its words only) has a null code.
  w.lit("{\"code\":");
  w.nullable(actor->code);
  w.lit(",\"country\":");
  w.nullable(actor->country);
  w.lit(",\"sector\":");
  w.nullable(actor->sector);
  w.lit(",");
  write_span_json(actor->span, w);
  w.lit("}");
}

size_t actor_room(const std::optional<Actor>& actor) {
  if (!actor) return 8;
  return 64 + string_room(actor->code) + string_room(actor->country) + string_room(actor->sector) +
         span_room(actor->span);
}

// x with `decimals` (1 or 2) digits after the point, as fmt's "{:.1f}" / "{:.2f}" write it.
// Fast path for the values dyad writes (Goldstein scores, coordinates of places.tsv): a double
// that is the nearest one to k / 10^decimals for an integer k is within half an ulp of it, far
// less than half a unit of the last digit, so the correctly rounded digits are those of k.
// Anything else (more digits, huge, NaN) goes to fmt.
void format_fixed(double x, int decimals, fmt::memory_buffer& out) {
  const double scale = decimals == 1 ? 10.0 : 100.0;
  const double scaled = x * scale;
  if (std::fabs(scaled) < 1e15) {
    const auto k = static_cast<int64_t>(std::llround(scaled));
    if (static_cast<double>(k) / scale == x) {
      char digits[24];
      char* q = digits + sizeof digits;
      uint64_t v = static_cast<uint64_t>(k < 0 ? -k : k);
      for (int d = 0; d < decimals; ++d, v /= 10) *--q = static_cast<char>('0' + v % 10);
      *--q = '.';
      do {
        *--q = static_cast<char>('0' + v % 10);
        v /= 10;
      } while (v != 0);
      if (std::signbit(x)) *--q = '-';  // also "-0.0", as fmt writes it
      out.append(q, digits + sizeof digits);
      return;
    }
  }
  if (decimals == 1)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.1f}"), x);
  else
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.2f}"), x);
}

void append_event_json(const Event& e, std::string& out) {
  // Floats are formatted first, so that their length is known.
  fmt::memory_buffer goldstein, lat, lon;
  if (e.goldstein) format_fixed(*e.goldstein, 1, goldstein);
  const bool has_lat_lon = e.location && e.location->lat && e.location->lon;
  if (has_lat_lon) {
    format_fixed(*e.location->lat, 2, lat);
    format_fixed(*e.location->lon, 2, lon);
  }
  // Every literal below is shorter than the constant allowances of these bounds.
  size_t room = 256 + string_room(e.event_id) + string_room(e.doc_id) + kNumberRoom +
                string_room(e.date) + string_room(e.cameo) + string_room(e.root) + kNumberRoom +
                goldstein.size() + string_room(e.plover) + actor_room(e.source) +
                actor_room(e.target) + span_room(e.action) + lat.size() + lon.size();
  if (e.location) room += 64 + string_room(e.location->name) + string_room(e.location->country);
  for (const std::string& issue : e.issues) room += 1 + string_room(issue);
  if (!e.issues.empty()) room += 16;

  JsonWriter w(out, room);
  w.lit("{\"event_id\":");
  w.string(e.event_id);
  w.lit(",\"doc_id\":");
  w.string(e.doc_id);
  w.lit(",\"sentence_index\":");
  w.number(e.sentence_index);
  w.lit(",\"date\":");
  w.nullable(e.date);
  w.lit(",\"cameo\":");
  w.string(e.cameo);
  w.lit(",\"root\":");
  w.string(e.root);
  if (e.quad_class > 0) {
    w.lit(",\"quad_class\":");
    w.number(static_cast<uint64_t>(e.quad_class));
  } else {
    w.lit(",\"quad_class\":null");
  }
  if (e.goldstein) {
    w.lit(",\"goldstein\":");
    w.bytes(std::string_view(goldstein.data(), goldstein.size()));
  } else {
    w.lit(",\"goldstein\":null");
  }
  w.lit(",\"plover\":");
  w.nullable(e.plover);
  w.lit(",\"source\":");
  write_actor_json(e.source, w);
  w.lit(",\"target\":");
  write_actor_json(e.target, w);
  w.lit(",\"action\":{");
  write_span_json(e.action, w);
  w.lit("},\"location\":");
  if (e.location) {
    w.lit("{\"name\":");
    w.string(e.location->name);
    w.lit(",\"country\":");
    w.nullable(e.location->country);
    if (has_lat_lon) {
      w.lit(",\"lat\":");
      w.bytes(std::string_view(lat.data(), lat.size()));
      w.lit(",\"lon\":");
      w.bytes(std::string_view(lon.data(), lon.size()));
      w.lit("}");
    } else {
      w.lit(",\"lat\":null,\"lon\":null}");
    }
  } else {
    w.lit("null");
  }
  if (!e.issues.empty()) {
    w.lit(",\"issues\":[");
    for (size_t i = 0; i < e.issues.size(); ++i) {
      if (i) w.lit(",");
      w.string(e.issues[i]);
    }
    w.lit("]");
  }
  w.lit("}\n");
}

}  // namespace

bool parse_format(std::string_view name, Format* out) {
  if (name == "jsonl" || name == "json") {
    *out = Format::kJsonLines;
    return true;
  }
  if (name == "tsv") {
    *out = Format::kTsv;
    return true;
  }
  return false;
}

std::string header(Format format) {
  if (format != Format::kTsv) return "";
  return "event_id\tdoc_id\tsentence_index\tdate\tcameo\troot\tquad_class\tgoldstein\tplover\t"
         "source_code\tsource_country\tsource_sector\tsource_text\tsource_start\tsource_end\t"
         "target_code\ttarget_country\ttarget_sector\ttarget_text\ttarget_start\ttarget_end\t"
         "action_text\taction_start\taction_end\tlocation_name\tlocation_country\tlat\tlon\n";
}

void append_json_string(std::string_view s, std::string& out) {
  // Runs of bytes that need no escape (nearly all of them) are appended whole.
  const char* d = s.data();
  const size_t n = s.size();
  out.push_back('"');
  size_t run = 0;
  for (size_t i = next_escape(d, 0, n); i < n; i = next_escape(d, run, n)) {
    out.append(d + run, i - run);
    run = i + 1;
    char escape[6];
    out.append(escape, write_escape(static_cast<unsigned char>(d[i]), escape));
  }
  out.append(d + run, n - run);
  out.push_back('"');
}

void append_event(Format format, const Event& e, std::string& out) {
  if (format == Format::kJsonLines) {
    append_event_json(e, out);
    return;
  }
  auto field = [&](std::string_view s) {
    append_tsv_field(s, out);
    out += '\t';
  };
  auto actor = [&](const std::optional<Actor>& a) {
    if (!a) {
      out += "\t\t\t\t\t\t";
      return;
    }
    field(a->code);
    field(a->country);
    field(a->sector);
    field(a->span.text);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t{}\t"), a->span.start, a->span.end);
  };
  field(e.event_id);
  field(e.doc_id);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t"), e.sentence_index);
  field(e.date);
  field(e.cameo);
  field(e.root);
  if (e.quad_class > 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), e.quad_class);
  out += '\t';
  if (e.goldstein) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.1f}"), *e.goldstein);
  out += '\t';
  field(e.plover);
  actor(e.source);
  actor(e.target);
  field(e.action.text);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t{}\t"), e.action.start, e.action.end);
  if (e.location) {
    field(e.location->name);
    field(e.location->country);
    if (e.location->lat && e.location->lon)
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.2f}\t{:.2f}\n"), *e.location->lat,
                     *e.location->lon);
    else
      out += "\t\n";
  } else {
    out += "\t\t\t\n";
  }
}

}  // namespace dyad::output
