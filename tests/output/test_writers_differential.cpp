// The JSON Lines writer (append_event, append_json_string) writes into room reserved up front
// and scans strings 8 bytes at a time. Its simple twin is the writer it replaced, kept here: one
// string append per piece, a byte loop for escapes and fmt for every number. Both must give the
// same bytes for every event.
#include <fmt/compile.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "output/writers.h"

namespace dyad::output {
namespace {

void reference_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), FMT_COMPILE("\\u{:04x}"), c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void reference_span(const TextSpan& span, std::string& out) {
  out += "\"text\":";
  reference_json_string(span.text, out);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"start\":{},\"end\":{}"), span.start,
                 span.end);
}

void reference_nullable(std::string_view s, std::string& out) {
  if (s.empty())
    out += "null";
  else
    reference_json_string(s, out);
}

void reference_actor(const std::optional<Actor>& actor, std::string& out) {
  if (!actor) {
    out += "null";
    return;
  }
  out += "{\"code\":";
  reference_nullable(actor->code, out);
  out += ",\"country\":";
  reference_nullable(actor->country, out);
  out += ",\"sector\":";
  reference_nullable(actor->sector, out);
  out += ',';
  reference_span(actor->span, out);
  out += '}';
}

void reference_event(const Event& e, std::string& out) {
  out += "{\"event_id\":";
  reference_json_string(e.event_id, out);
  out += ",\"doc_id\":";
  reference_json_string(e.doc_id, out);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"sentence_index\":{},\"date\":"),
                 e.sentence_index);
  reference_nullable(e.date, out);
  out += ",\"cameo\":";
  reference_json_string(e.cameo, out);
  out += ",\"root\":";
  reference_json_string(e.root, out);
  if (e.quad_class > 0)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"quad_class\":{}"), e.quad_class);
  else
    out += ",\"quad_class\":null";
  if (e.goldstein)
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"goldstein\":{:.1f}"), *e.goldstein);
  else
    out += ",\"goldstein\":null";
  out += ",\"plover\":";
  reference_nullable(e.plover, out);
  out += ",\"source\":";
  reference_actor(e.source, out);
  out += ",\"target\":";
  reference_actor(e.target, out);
  out += ",\"action\":{";
  reference_span(e.action, out);
  out += "},\"location\":";
  if (e.location) {
    out += "{\"name\":";
    reference_json_string(e.location->name, out);
    out += ",\"country\":";
    reference_nullable(e.location->country, out);
    if (e.location->lat && e.location->lon)
      fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"lat\":{:.2f},\"lon\":{:.2f}}}"),
                     *e.location->lat, *e.location->lon);
    else
      out += ",\"lat\":null,\"lon\":null}";
  } else {
    out += "null";
  }
  if (!e.issues.empty()) {
    out += ",\"issues\":[";
    for (size_t i = 0; i < e.issues.size(); ++i) {
      if (i) out += ',';
      reference_json_string(e.issues[i], out);
    }
    out += ']';
  }
  out += "}\n";
}

// Strings that reach every case of the escape scan: empty, short and long, plain ASCII, UTF-8,
// every control character, quotes and backslashes at every position of an 8-byte step.
class Strings {
 public:
  explicit Strings(uint32_t seed) : rng_(seed) {}
  std::string next() {
    const int shape = pick(10);
    if (shape == 0) return "";
    const size_t n = shape < 4 ? pick(9) : shape < 8 ? pick(40) : pick(400);
    std::string s;
    for (size_t i = 0; i < n; ++i) {
      const int k = pick(20);
      if (k == 0) {
        s.push_back(static_cast<char>(pick(0x20)));  // control character
      } else if (k == 1) {
        s.push_back(pick(2) ? '"' : '\\');
      } else if (k == 2) {
        s.push_back(static_cast<char>(0x80 + pick(0x80)));  // any high byte
      } else if (k == 3) {
        s += "\xE2\x80\x9C";  // “
      } else if (k == 4) {
        s.push_back(static_cast<char>(0x7F));
      } else {
        s.push_back(static_cast<char>(0x20 + pick(0x5F)));
      }
    }
    return s;
  }
  int pick(int n) { return static_cast<int>(rng_() % static_cast<uint32_t>(n)); }
  // Scores and coordinates as the tables give them (one or two decimals), and the cases the
  // writer's fast path must leave to fmt: ties, more digits, huge values, -0.0, NaN, infinity.
  double number() {
    static constexpr double kEdges[] = {-0.0,  0.25,  0.125, 2.675,      -2.675,
                                        0.05,  0.005, 1e14,  1e13 + 0.5, 99999.995,
                                        1e-20, 1e15,  NAN,   INFINITY,   -INFINITY};
    switch (pick(7)) {
      case 5:
        return kEdges[pick(static_cast<int>(std::size(kEdges)))];
      case 6:
        return (pick(2) ? -1 : 1) * pick(100000000) / 100.0;
      case 0:
        return 0.0;
      case 1:
        return -10.0 + pick(201) / 10.0;
      case 2:
        return (pick(2) ? -1 : 1) * (rng_() / 1000.0);
      case 3:
        return (pick(2) ? -1 : 1) * 1e300 / (1 + pick(1000));
      default:
        return (pick(2) ? -1 : 1) * 0.005 * pick(100000);
    }
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
};

TextSpan span(Strings& g) {
  return TextSpan{g.next(), static_cast<uint32_t>(g.rng()()), static_cast<uint32_t>(g.pick(100))};
}

std::optional<Actor> actor(Strings& g) {
  if (g.pick(4) == 0) return std::nullopt;
  return Actor{g.next(), g.next(), g.next(), span(g)};
}

Event random_event(Strings& g) {
  Event e;
  e.event_id = g.next();
  e.doc_id = g.next();
  e.sentence_index = g.pick(3) == 0 ? static_cast<uint32_t>(g.rng()()) : g.pick(40);
  e.date = g.pick(3) == 0 ? "" : g.next();
  e.cameo = g.next();
  e.root = g.next();
  e.quad_class = g.pick(3) == 0 ? -g.pick(5) : g.pick(5);
  if (g.pick(4) != 0) e.goldstein = g.number();
  e.plover = g.next();
  e.source = actor(g);
  e.target = actor(g);
  e.action = span(g);
  if (g.pick(3) != 0) {
    Location l{g.next(), g.next(), std::nullopt, std::nullopt};
    if (g.pick(3) != 0) l.lat = g.number();
    if (g.pick(3) != 0) l.lon = g.number();
    e.location = l;
  }
  if (g.pick(5) == 0)
    for (int i = g.pick(4); i > 0; --i) e.issues.push_back(g.next());
  return e;
}

TEST(WritersDifferential, JsonStringsMatchTheByteLoop) {
  Strings g(7);
  std::string got, want;
  for (int i = 0; i < 20000; ++i) {
    const std::string s = g.next();
    got = "x";  // appends after what is there
    want = "x";
    append_json_string(s, got);
    reference_json_string(s, want);
    ASSERT_EQ(got, want) << i;
  }
  // One escape at every offset of strings up to 24 bytes long.
  for (size_t n = 1; n <= 24; ++n)
    for (size_t at = 0; at < n; ++at)
      for (char c : {'"', '\\', '\n', '\x01', '\x1f'}) {
        std::string s(n, 'a');
        s[at] = c;
        got.clear();
        want.clear();
        append_json_string(s, got);
        reference_json_string(s, want);
        ASSERT_EQ(got, want) << n << " " << at;
      }
}

TEST(WritersDifferential, JsonEventsMatchTheAppendingWriter) {
  Strings g(11);
  std::string got, want;
  for (int i = 0; i < 5000; ++i) {
    const Event e = random_event(g);
    // Events follow each other in one batch string, as in the pipeline.
    if (i % 50 == 0) {
      got.clear();
      want.clear();
    }
    const size_t before = got.size();
    append_event(Format::kJsonLines, e, got);
    reference_event(e, want);
    ASSERT_EQ(got.substr(before), want.substr(before)) << i;
    ASSERT_EQ(got, want) << i;
  }
}

}  // namespace
}  // namespace dyad::output
