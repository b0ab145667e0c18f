#include "validate/petrarch_suite.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace dyad::validate {
namespace {

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return trim(out);
}

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the five XML entities and numeric character references; anything else stays as is.
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "amp")
      out.push_back('&');
    else if (name == "lt")
      out.push_back('<');
    else if (name == "gt")
      out.push_back('>');
    else if (name == "quot")
      out.push_back('"');
    else if (name == "apos")
      out.push_back('\'');
    else if (name.size() > 1 && name[0] == '#') {
      uint32_t cp = 0;
      bool hex = name[1] == 'x' || name[1] == 'X';
      bool ok = name.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
        int d = std::isdigit(static_cast<unsigned char>(name[k]))
                    ? name[k] - '0'
                    : (hex && std::isxdigit(static_cast<unsigned char>(name[k]))
                           ? std::tolower(static_cast<unsigned char>(name[k])) - 'a' + 10
                           : -1);
        if (d < 0 || cp > 0x10FFFF)
          ok = false;
        else
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      }
      if (!ok || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.push_back('&');
        continue;
      }
      append_utf8(cp, out);
    } else {
      out.push_back('&');
      continue;
    }
    i = semi;
  }
  return out;
}

// A minimal XML scanner: tags with attributes, text, comments and processing instructions
// skipped. Enough for PETRARCH's validation files, which are not namespaced and have no CDATA.
struct XmlToken {
  enum Kind { kStart, kEnd, kText } kind = kText;
  std::string name;  // tag name
  std::vector<std::pair<std::string, std::string>> attributes;
  bool self_closing = false;
  std::string text;  // kText, raw (entities not decoded)
  uint32_t line = 0;
};

class XmlScanner {
 public:
  XmlScanner(std::string_view xml, const std::string& path) : xml_(xml), path_(path) {}

  bool next(XmlToken& token) {
    token = XmlToken{};
    while (pos_ < xml_.size()) {
      token.line = line_;
      if (xml_[pos_] != '<') {
        size_t end = xml_.find('<', pos_);
        if (end == std::string_view::npos) end = xml_.size();
        token.kind = XmlToken::kText;
        token.text = std::string(xml_.substr(pos_, end - pos_));
        advance(end);
        return true;
      }
      if (xml_.substr(pos_, 4) == "<!--") {
        size_t end = xml_.find("-->", pos_ + 4);
        if (end == std::string_view::npos) fail("comment '<!--' without '-->'");
        advance(end + 3);
        continue;
      }
      if (xml_.substr(pos_, 2) == "<?" || xml_.substr(pos_, 2) == "<!") {
        size_t end = xml_.find('>', pos_);
        if (end == std::string_view::npos) fail("'<' without '>'");
        advance(end + 1);
        continue;
      }
      size_t end = tag_end(pos_);
      std::string_view tag = xml_.substr(pos_ + 1, end - pos_ - 1);
      advance(end + 1);
      if (!tag.empty() && tag.front() == '/') {
        token.kind = XmlToken::kEnd;
        token.name = trim(tag.substr(1));
        return true;
      }
      token.kind = XmlToken::kStart;
      if (!tag.empty() && tag.back() == '/') {
        token.self_closing = true;
        tag.remove_suffix(1);
      }
      size_t i = 0;
      while (i < tag.size() && !is_space(tag[i])) ++i;
      token.name = std::string(tag.substr(0, i));
      if (token.name.empty()) fail("tag without a name", token.line);
      parse_attributes(tag.substr(i), token);
      return true;
    }
    return false;
  }

  [[noreturn]] void fail(std::string_view why, uint32_t line = 0) const {
    throw Error(fmt::format("{}:{}: {}", path_, line ? line : line_, why));
  }

 private:
  // The '>' closing the tag at `start`, outside quoted attribute values.
  size_t tag_end(size_t start) const {
    char quote = 0;
    for (size_t i = start + 1; i < xml_.size(); ++i) {
      char c = xml_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      } else if (c == '<') {
        break;
      }
    }
    fail("'<' without '>'");
  }

  void parse_attributes(std::string_view s, XmlToken& token) const {
    size_t i = 0;
    while (true) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) return;
      size_t name_start = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != '=') ++i;
      std::string name(s.substr(name_start, i - name_start));
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size() || s[i] != '=') {
        token.attributes.emplace_back(name, "");  // an attribute without a value
        continue;
      }
      ++i;
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size() || (s[i] != '"' && s[i] != '\''))
        fail(fmt::format("attribute {} without a quoted value", name), token.line);
      char quote = s[i++];
      size_t close = s.find(quote, i);
      if (close == std::string_view::npos)
        fail(fmt::format("attribute {} without its closing quote", name), token.line);
      token.attributes.emplace_back(name, decode_entities(s.substr(i, close - i)));
      i = close + 1;
    }
  }

  void advance(size_t to) {
    for (size_t i = pos_; i < to; ++i)
      if (xml_[i] == '\n') ++line_;
    pos_ = to;
  }

  std::string_view xml_;
  const std::string& path_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
};

const std::string* attribute(const XmlToken& t, std::string_view name) {
  for (const auto& [k, v] : t.attributes)
    if (k == name) return &v;
  return nullptr;
}

// "YYYYMMDD" (or TABARI's "YYMMDD") -> "YYYY-MM-DD"; "" when malformed.
std::string iso_date(const std::string& digits) {
  if (!std::all_of(digits.begin(), digits.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return "";
  if (digits.size() == 8)
    return fmt::format("{}-{}-{}", digits.substr(0, 4), digits.substr(4, 2), digits.substr(6, 2));
  if (digits.size() == 6) {
    int yy = std::stoi(digits.substr(0, 2));
    return fmt::format("{}-{}-{}", yy < 30 ? 2000 + yy : 1900 + yy, digits.substr(2, 2),
                       digits.substr(4, 2));
  }
  return "";
}

bool parse_bool(std::string value, bool* out) {
  value = lower(trim(value));
  if (value == "true" || value == "1" || value == "yes") {
    *out = true;
    return true;
  }
  if (value == "false" || value == "0" || value == "no") {
    *out = false;
    return true;
  }
  return false;
}

bool parse_int(const std::string& value, int* out) {
  std::string v = trim(value);
  if (v.empty() || !std::all_of(v.begin(), v.end(),
                                [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  if (v.size() > 6) return false;
  *out = std::stoi(v);
  return true;
}

// dyad writes an agent without an actor as "~AGT" (TABARI); PETRARCH as "---AGT".
std::string petrarch_code(const std::string& code) {
  if (code.size() > 1 && code.front() == '~') return "---" + code.substr(1);
  return code;
}

std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : "; ") + x;
  return out.empty() ? std::string("none") : out;
}

}  // namespace

std::vector<std::string> PetrarchEnvironment::dictionaries() const {
  std::vector<std::string> all;
  for (const auto* list : {&verbs, &actors, &agents, &discards, &issues})
    all.insert(all.end(), list->begin(), list->end());
  return all;
}

PetrarchSuite parse_petrarch_suite(std::string_view xml, const std::string& path) {
  PetrarchSuite suite;
  suite.path = path;
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  XmlScanner scanner(xml, path);
  XmlToken token;
  bool in_environment = false, in_record = false;
  std::string capture_tag;  // the element whose text is being collected
  std::string captured;
  uint32_t capture_line = 0;
  PetrarchRecord record;
  bool record_has_text = false;
  PetrarchConfig pending;  // <Config> between records
  auto config_of = [&](const XmlToken& t, PetrarchConfig& into) {
    const std::string* option = attribute(t, "option");
    const std::string* value = attribute(t, "value");
    if (option == nullptr && value == nullptr) return;  // an empty <Config>
    if (option == nullptr || value == nullptr)
      scanner.fail("<Config> needs option=\"...\" and value=\"...\"", t.line);
    into.emplace_back(*option, *value);
  };
  while (scanner.next(token)) {
    if (token.kind == XmlToken::kText) {
      if (!capture_tag.empty()) captured += token.text;
      continue;
    }
    if (!capture_tag.empty()) {
      if (token.kind == XmlToken::kEnd && token.name == capture_tag) {
        std::string value = collapse_spaces(decode_entities(captured));
        if (capture_tag == "Text") {
          record.text = value;
          record_has_text = true;
        } else if (capture_tag == "Include") {
          std::istringstream words(value);
          std::string w;
          while (words >> w) suite.include.push_back(w);
        } else if (capture_tag != "Parse") {
          if (value.empty())
            scanner.fail(fmt::format("<{}> without a file", capture_tag), capture_line);
          std::string resolved = (dir / value).string();
          PetrarchEnvironment& env = suite.environments.back();
          if (capture_tag == "Verbfile")
            env.verbs.push_back(resolved);
          else if (capture_tag == "Actorfile")
            env.actors.push_back(resolved);
          else if (capture_tag == "Agentfile")
            env.agents.push_back(resolved);
          else if (capture_tag == "Discardfile")
            env.discards.push_back(resolved);
          else if (capture_tag == "Issuefile")
            env.issues.push_back(resolved);
        }
        capture_tag.clear();
        captured.clear();
        continue;
      }
      if (capture_tag == "Parse") continue;  // never read: any markup inside is skipped
      scanner.fail(fmt::format("<{}> inside <{}>", token.name, capture_tag), token.line);
    }
    if (token.kind == XmlToken::kStart) {
      const std::string& name = token.name;
      if (name == "Environment" && !token.self_closing) {
        in_environment = true;
        suite.environments.emplace_back();
      } else if (name == "Config") {
        config_of(token, in_environment ? suite.config : pending);
      } else if (in_environment &&
                 (name == "Verbfile" || name == "Actorfile" || name == "Agentfile" ||
                  name == "Discardfile" || name == "Issuefile" || name == "Include")) {
        if (!token.self_closing) {
          capture_tag = name;
          capture_line = token.line;
        }
      } else if (name == "Sentence") {
        if (in_record) scanner.fail("<Sentence> inside <Sentence>", token.line);
        if (suite.environments.empty())
          scanner.fail("<Sentence> before any <Environment>", token.line);
        in_record = true;
        record = PetrarchRecord{};
        record_has_text = false;
        record.line = token.line;
        record.environment = suite.environments.size() - 1;
        const std::string* id = attribute(token, "id");
        const std::string* date = attribute(token, "date");
        if (id == nullptr || id->empty()) scanner.fail("<Sentence> without id=\"...\"", token.line);
        record.id = *id;
        if (date == nullptr || iso_date(trim(*date)).empty())
          scanner.fail(fmt::format("<Sentence id=\"{}\"> without a date=\"YYYYMMDD\"", *id),
                       token.line);
        record.date = trim(*date);
        if (const std::string* c = attribute(token, "category")) record.category = *c;
        if (const std::string* s = attribute(token, "sentence")) {
          bool b = true;
          if (!parse_bool(*s, &b))
            scanner.fail(fmt::format("sentence=\"{}\" is not true or false", *s), token.line);
          record.sentence = b;
        }
        record.config = std::move(pending);
        pending.clear();
        if (token.self_closing) scanner.fail("<Sentence/> without <Text>", token.line);
      } else if (name == "EventCoding") {
        if (!in_record) scanner.fail("<EventCoding> outside <Sentence>", token.line);
        if (const std::string* error = attribute(token, "error")) {
          record.error = *error;
        } else if (attribute(token, "noevents") != nullptr) {
          // nothing expected
        } else {
          const std::string* s = attribute(token, "sourcecode");
          const std::string* t = attribute(token, "targetcode");
          const std::string* c = attribute(token, "eventcode");
          if (s == nullptr || t == nullptr || c == nullptr)
            scanner.fail("<EventCoding> needs sourcecode, targetcode and eventcode", token.line);
          record.expected.push_back(PetrarchExpected{trim(*s), trim(*t), trim(*c)});
        }
      } else if ((name == "Text" || name == "Parse") && in_record && !token.self_closing) {
        capture_tag = name;
        capture_line = token.line;
      }
      // Anything else (<Validation>, <Sentences>, <Errorfile>, <Pause>, <Stop> ...) is ignored.
      continue;
    }
    // End tags.
    if (token.name == "Environment") {
      in_environment = false;
    } else if (token.name == "Sentence") {
      if (!in_record) scanner.fail("</Sentence> without <Sentence>", token.line);
      if (!record_has_text)
        scanner.fail(fmt::format("<Sentence id=\"{}\"> without <Text>", record.id), record.line);
      suite.records.push_back(std::move(record));
      in_record = false;
    }
  }
  if (!capture_tag.empty())
    scanner.fail(fmt::format("<{}> without </{}>", capture_tag, capture_tag), capture_line);
  if (in_record)
    scanner.fail(fmt::format("<Sentence id=\"{}\"> without </Sentence>", record.id), record.line);
  return suite;
}

PetrarchSuite read_petrarch_suite(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_petrarch_suite(buffer.str(), path);
}

CodingOptions petrarch_coding_options() {
  CodingOptions o;
  o.split_sentences = false;  // a record is one sentence (sentence="false" records are split)
  o.minimum_words = 0;
  o.dyad_rules = false;     // see docs/petrarch.md: TABARI's clause rules code more records
  o.convert_agents = true;  // PETRARCH codes an agent alone ("---GOV")
  o.petrarch_rules = true;  // PETRARCH's parse-based readings (docs/petrarch.md)
  o.code_by = CodingOptions::CodeBy::kClause;
  // PETRARCH's defaults (PETRglobals.py): internal 2-8 words, opening phrase off, closing 2-8.
  o.comma_clauses = true;
  o.comma_min = 2;
  o.comma_max = 8;
  o.comma_bmin = 0;
  o.comma_bmax = 0;
  o.comma_emin = 2;
  o.comma_emax = 8;
  return o;
}

bool apply_petrarch_config(const std::string& option_in, const std::string& value,
                           CodingOptions& options, std::string* why) {
  std::string option = lower(trim(option_in));
  auto integer = [&](int* out) {
    if (parse_int(value, out)) return true;
    *why = fmt::format("{}: '{}' is not a whole number", option, value);
    return false;
  };
  if (option == "require_dyad") {
    bool require = true;
    if (!parse_bool(value, &require)) {
      *why = fmt::format("require_dyad: '{}' is not true or false", value);
      return false;
    }
    // Without require_dyad PETRARCH codes events whose source or target is unknown as "---".
    options.default_source = require ? "" : "---";
    options.default_target = require ? "" : "---";
    options.default_source_prior = !require;
    options.default_target_after = !require;
    return true;
  }
  if (option == "comma_min") return integer(&options.comma_min);
  if (option == "comma_max") return integer(&options.comma_max);
  if (option == "comma_bmin") return integer(&options.comma_bmin);
  if (option == "comma_bmax") return integer(&options.comma_bmax);
  if (option == "comma_emin") return integer(&options.comma_emin);
  if (option == "comma_emax") return integer(&options.comma_emax);
  if (option == "new_actor_length") return integer(&options.new_actor_length);
  return true;  // stop_on_error, write_actor_root ... change nothing dyad codes
}

PetrarchSummary run_petrarch_suite(const std::string& xml_path, FILE* report,
                                   const PetrarchRunOptions& run) {
  PetrarchSuite suite = read_petrarch_suite(xml_path);
  return run_petrarch_suite(suite, petrarch_coding_options(), report, run);
}

PetrarchSummary run_petrarch_suite(const PetrarchSuite& suite, const CodingOptions& start,
                                   FILE* report, const PetrarchRunOptions& run) {
  const bool verbose = run.verbose;
  const std::string& only = run.only;
  PetrarchSummary summary;
  CodingOptions options = start;
  std::string why;
  for (const auto& [option, value] : suite.config)
    if (!apply_petrarch_config(option, value, options, &why))
      throw Error(fmt::format("{}: <Config> {}", suite.path, why));
  const std::set<std::string> include(suite.include.begin(), suite.include.end());
  // One model (and Coder) per dictionary set, compiled on first use.
  struct Compiled {
    std::shared_ptr<const Model> model;
    std::unique_ptr<Coder> coder;
  };
  std::map<std::vector<std::string>, Compiled> models;
  std::vector<std::string> skipped;
  std::vector<Event> events;
  for (const PetrarchRecord& record : suite.records) {
    for (const auto& [option, value] : record.config)
      if (!apply_petrarch_config(option, value, options, &why))
        throw Error(fmt::format("{}:{}: <Config> {}", suite.path, record.line, why));
    ++summary.records;
    if (!only.empty() && record.id != only) continue;
    if (run.honour_include && !include.empty() && !include.count(record.category)) {
      skipped.push_back(fmt::format("{} (category {} is not in <Include>)", record.id,
                                    record.category.empty() ? "\"\"" : record.category));
      continue;
    }
    if (record.error == "bad_input_parse") {
      skipped.push_back(
          fmt::format("{} (expects a <Parse> error; dyad never reads <Parse>)", record.id));
      continue;
    }
    const PetrarchEnvironment& env = suite.environments.at(record.environment);
    std::vector<std::string> dictionaries = env.dictionaries();
    Compiled& compiled = models[dictionaries];
    if (!compiled.model) {
      KnowledgeOptions knowledge;
      knowledge.use_default = false;
      knowledge.dictionaries = dictionaries;
      compiled.model = Model::compile(knowledge);
      compiled.coder = std::make_unique<Coder>(compiled.model);
    }
    CodingOptions record_options = options;
    record_options.split_sentences = !record.sentence;
    compiled.coder->set_options(record_options);
    Document doc;
    doc.id = record.id;
    doc.date = iso_date(record.date);
    doc.text = record.text;
    events.clear();
    compiled.coder->code(doc, events);
    std::set<std::string> expected, got;
    for (const auto& e : record.expected)
      expected.insert(fmt::format("{} / {} / {}", e.source, e.target, e.code));
    for (const auto& e : events)
      got.insert(fmt::format("{} / {} / {}", e.source ? petrarch_code(e.source->code) : "---",
                             e.target ? petrarch_code(e.target->code) : "---", e.cameo));
    if (expected == got) {
      ++summary.passed;
      if (verbose) fmt::print(report, "ok   {}\n", record.id);
      continue;
    }
    ++summary.failed;
    std::string expected_text =
        record.error.empty() ? join(expected) : fmt::format("none (error=\"{}\")", record.error);
    fmt::print(report, "FAIL {} ({}:{})\n  expected: {}\n  got:      {}\n", record.id, suite.path,
               record.line, expected_text, join(got));
    if (verbose) fmt::print(report, "  text: {}\n", record.text);
  }
  summary.skipped = static_cast<int>(skipped.size());
  if (!skipped.empty()) {
    fmt::print(report, "{} skipped:\n", skipped.size());
    for (const auto& s : skipped) fmt::print(report, "  {}\n", s);
  }
  // The share of the records in scope (all of them, or those with the --record id), skipped
  // ones counted as not passed.
  const int in_scope = summary.passed + summary.failed + summary.skipped;
  if (in_scope > 0)
    fmt::print(report, "{} of {} records passed ({:.1f}%)\n", summary.passed, in_scope,
               100.0 * summary.passed / in_scope);
  if (summary.skipped > 0)
    fmt::print(report, "{} passed, {} failed, {} skipped\n", summary.passed, summary.failed,
               summary.skipped);
  else
    fmt::print(report, "{} passed, {} failed\n", summary.passed, summary.failed);
  return summary;
}

}  // namespace dyad::validate
