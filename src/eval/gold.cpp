// Gold readers for `dyad eval`: class TSV, spans CoNLL, JSON Lines.
#include "eval/gold.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_set>

#include "dyad/dyad.h"

namespace dyad::eval {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Calls f(line_number, line) for every line of `bytes`, without its "\n" or "\r\n"; a UTF-8
// byte order mark at the start is dropped.
template <typename F>
void for_each_line(std::string_view bytes, F&& f) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  uint64_t number = 0;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(++number, line);
  }
}

bool valid_text(std::string_view s) {
  return simdjson::validate_utf8(s.data(), s.size()) && s.find('\0') == std::string_view::npos;
}

// CSV quoting: "a ""b"" c" is a "b" c.
std::string unquote_csv(std::string_view s) {
  s = s.substr(1, s.size() - 2);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '"' && i + 1 < s.size() && s[i + 1] == '"') ++i;
  }
  return out;
}

struct QuirkLog {
  GoldSet& set;
  void skip(uint64_t line, std::string kind) {
    set.quirks.push_back({line, std::move(kind), true});
  }
  void repair(uint64_t line, std::string kind) {
    set.quirks.push_back({line, std::move(kind), false});
  }
};

// --- CoNLL ---------------------------------------------------------------------------------------

struct Token {
  std::string_view word;
  char bio = 'O';  // 'B', 'I' or 'O'
  Role role = Role::kSource;
  uint64_t line = 0;
};

bool parse_tag(std::string_view tag, Token* token) {
  if (tag == "O") {
    token->bio = 'O';
    return true;
  }
  if (tag.size() != 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') return false;
  switch (tag[2]) {
    case 'S':
      token->role = Role::kSource;
      break;
    case 'T':
      token->role = Role::kTarget;
      break;
    case 'R':
      token->role = Role::kReciprocal;
      break;
    default:
      return false;
  }
  token->bio = tag[0];
  return true;
}

void flush_conll_sentence(std::vector<Token>& tokens, GoldSet& set, QuirkLog& log) {
  if (tokens.empty()) return;
  GoldSentence sentence;
  sentence.line = tokens.front().line;
  sentence.id = std::to_string(sentence.line);
  std::optional<GoldSpan> open;
  auto close = [&] {
    if (open) sentence.spans.push_back(*open);
    open.reset();
  };
  for (const Token& token : tokens) {
    if (!sentence.text.empty()) sentence.text += ' ';
    auto start = static_cast<uint32_t>(sentence.text.size());
    sentence.text += token.word;
    auto end = static_cast<uint32_t>(sentence.text.size());
    if (token.bio == 'O') {
      close();
    } else if (token.bio == 'I' && open && open->role == token.role) {
      open->end = end;
    } else {
      if (token.bio == 'I') log.repair(token.line, "I- tag without B- (starts a span)");
      close();
      open = GoldSpan{token.role, start, end};
    }
  }
  close();
  set.sentences.push_back(std::move(sentence));
  tokens.clear();
}

// --- JSON Lines ----------------------------------------------------------------------------------

// Reads a gold actor: a string is an actor code; an object has "code" and/or a span
// ("start"/"end" byte offsets, or "text" looked up in the sentence).
GoldActor read_actor(simdjson::dom::element value, Role role, std::string_view text, uint64_t line,
                     QuirkLog& log) {
  GoldActor actor;
  if (value.is_null()) return actor;
  if (value.is_string()) {
    actor.code = std::string(trim(std::string_view(value.get_string().value_unsafe())));
    return actor;
  }
  if (!value.is_object()) {
    log.repair(line, "actor neither code nor object (not judged)");
    return actor;
  }
  simdjson::dom::object object = value.get_object().value_unsafe();
  std::string_view code;
  if (object["code"].get_string().get(code) == simdjson::SUCCESS)
    actor.code = std::string(trim(code));
  uint64_t start = 0, end = 0;
  std::string_view span_text;
  bool has_offsets = object["start"].get_uint64().get(start) == simdjson::SUCCESS &&
                     object["end"].get_uint64().get(end) == simdjson::SUCCESS;
  bool has_text =
      object["text"].get_string().get(span_text) == simdjson::SUCCESS && !span_text.empty();
  if (has_offsets) {
    if (start < end && end <= text.size())
      actor.span = GoldSpan{role, static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    else
      log.repair(line, "actor offsets outside the text (span ignored)");
  } else if (has_text) {
    size_t at = text.find(span_text);
    if (at != std::string_view::npos)
      actor.span =
          GoldSpan{role, static_cast<uint32_t>(at), static_cast<uint32_t>(at + span_text.size())};
    else
      log.repair(line, "actor text not in the sentence (span ignored)");
  }
  return actor;
}

}  // namespace

const char* gold_format_name(GoldFormat format) {
  switch (format) {
    case GoldFormat::kClassTsv:
      return "class TSV";
    case GoldFormat::kSpansConll:
      return "spans CoNLL";
    case GoldFormat::kJsonLines:
      return "JSON Lines";
  }
  return "?";
}

bool parse_gold_format(std::string_view name, GoldFormat* out) {
  std::string n = lower(name);
  if (n == "tsv") {
    *out = GoldFormat::kClassTsv;
  } else if (n == "conll") {
    *out = GoldFormat::kSpansConll;
  } else if (n == "jsonl" || n == "json") {
    *out = GoldFormat::kJsonLines;
  } else {
    return false;
  }
  return true;
}

GoldFormat detect_gold_format(std::string_view path, std::string_view head) {
  std::string p = lower(path);
  if (ends_with(p, ".tsv")) return GoldFormat::kClassTsv;
  for (const char* ext : {".conll", ".conllu", ".bio", ".iob"})
    if (ends_with(p, ext)) return GoldFormat::kSpansConll;
  for (const char* ext : {".jsonl", ".json", ".ndjson"})
    if (ends_with(p, ext)) return GoldFormat::kJsonLines;
  std::optional<GoldFormat> found;
  for_each_line(head, [&](uint64_t, std::string_view line) {
    line = trim(line);
    if (found || line.empty()) return;
    if (line.front() == '{') {
      found = GoldFormat::kJsonLines;
      return;
    }
    size_t tab = line.rfind('\t');
    if (tab != std::string_view::npos) {
      std::string_view last = trim(line.substr(tab + 1));
      if (last.empty() || (last.size() == 1 && last[0] >= '0' && last[0] <= '9')) {
        found = GoldFormat::kClassTsv;
        return;
      }
    }
    size_t blank = line.find_last_of(" \t");
    if (blank != std::string_view::npos) {
      Token token;
      if (parse_tag(line.substr(blank + 1), &token)) found = GoldFormat::kSpansConll;
    }
    if (!found) found = GoldFormat::kClassTsv;
  });
  return found.value_or(GoldFormat::kClassTsv);
}

size_t GoldSet::skipped_lines() const {
  std::unordered_set<uint64_t> lines;
  for (const auto& q : quirks)
    if (q.skipped) lines.insert(q.line);
  return lines.size();
}

size_t GoldSet::repaired_lines() const {
  std::unordered_set<uint64_t> lines;
  for (const auto& q : quirks)
    if (!q.skipped) lines.insert(q.line);
  return lines.size();
}

int cameo_class(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
    return -1;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 1 && root <= 2) return 0;
  if (root >= 3 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if ((root >= 9 && root <= 13) || root == 16) return 3;
  if (root == 14 || root == 15 || (root >= 17 && root <= 20)) return 4;
  return -1;
}

const char* class_name(int gold_class) {
  switch (gold_class) {
    case 0:
      return "statement";
    case 1:
      return "verbal cooperation";
    case 2:
      return "material cooperation";
    case 3:
      return "verbal conflict";
    case 4:
      return "material conflict";
    default:
      return "none";
  }
}

GoldSet read_class_tsv(std::string_view bytes) {
  GoldSet set;
  set.format = GoldFormat::kClassTsv;
  set.has_classes = true;
  QuirkLog log{set};
  for_each_line(bytes, [&](uint64_t number, std::string_view line) {
    if (trim(line).empty()) return;  // blank lines are not sentences
    if (!valid_text(line)) return log.skip(number, "invalid UTF-8 or NUL byte");
    size_t tab = line.rfind('\t');
    if (tab == std::string_view::npos) return log.skip(number, "no tab (no class)");
    std::string_view label = trim(line.substr(tab + 1));
    std::string_view raw = trim(line.substr(0, tab));
    if (label.empty()) return log.skip(number, "empty class");
    if (label.size() != 1 || label[0] < '0' || label[0] > '4')
      return log.skip(number, "class not 0-4");
    std::string text;
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      text = std::string(trim(unquote_csv(raw)));
      log.repair(number, "CSV-quoted sentence (unquoted)");
    } else {
      text = std::string(raw);
    }
    if (text.empty()) return log.skip(number, "empty sentence");
    if (text.find('\t') != std::string::npos) log.repair(number, "tab inside the sentence");
    GoldSentence sentence;
    sentence.line = number;
    sentence.id = std::to_string(number);
    sentence.text = std::move(text);
    sentence.gold_class = label[0] - '0';
    set.sentences.push_back(std::move(sentence));
  });
  return set;
}

GoldSet read_spans_conll(std::string_view bytes) {
  GoldSet set;
  set.format = GoldFormat::kSpansConll;
  set.has_spans = true;
  QuirkLog log{set};
  std::vector<Token> tokens;
  for_each_line(bytes, [&](uint64_t number, std::string_view line) {
    line = trim(line);
    if (line.empty() || line.substr(0, 10) == "-DOCSTART-") {
      flush_conll_sentence(tokens, set, log);
      return;
    }
    if (!valid_text(line)) return log.skip(number, "invalid UTF-8 or NUL byte");
    Token token;
    token.line = number;
    size_t first_blank = line.find_first_of(" \t");
    token.word = line.substr(0, first_blank);
    if (first_blank == std::string_view::npos) {
      log.repair(number, "token without a tag (O)");
    } else {
      size_t last_blank = line.find_last_of(" \t");
      if (!parse_tag(line.substr(last_blank + 1), &token)) {
        token.bio = 'O';
        log.repair(number, "unknown tag (O)");
      }
    }
    tokens.push_back(token);
  });
  flush_conll_sentence(tokens, set, log);
  return set;
}

GoldSet read_gold_jsonl(std::string_view bytes) {
  GoldSet set;
  set.format = GoldFormat::kJsonLines;
  QuirkLog log{set};
  simdjson::dom::parser parser;
  std::unordered_set<std::string> ids;
  for_each_line(bytes, [&](uint64_t number, std::string_view line) {
    if (trim(line).empty()) return;
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(line)).get(root) != simdjson::SUCCESS)
      return log.skip(number, "invalid JSON");
    simdjson::dom::object object;
    if (root.get_object().get(object) != simdjson::SUCCESS)
      return log.skip(number, "not a JSON object");
    std::string_view text_view;
    if (object["text"].get_string().get(text_view) != simdjson::SUCCESS || trim(text_view).empty())
      return log.skip(number, "missing or empty text");
    if (text_view.find('\0') != std::string_view::npos) return log.skip(number, "NUL byte");
    GoldSentence sentence;
    sentence.line = number;
    sentence.text = std::string(text_view);
    simdjson::dom::element id;
    std::string_view id_text;
    if (object["id"].get(id) == simdjson::SUCCESS && !id.is_null()) {
      if (id.get_string().get(id_text) == simdjson::SUCCESS) {
        sentence.id = std::string(id_text);
      } else if (id.is_number()) {
        sentence.id = simdjson::minify(id);
      }
    }
    if (sentence.id.empty()) sentence.id = std::to_string(number);
    if (!ids.insert(sentence.id).second) return log.skip(number, "duplicate id");
    std::string_view date;
    if (object["date"].get_string().get(date) == simdjson::SUCCESS)
      sentence.date = std::string(date.substr(0, 10));
    simdjson::dom::element label;
    if (object["class"].get(label) == simdjson::SUCCESS && !label.is_null()) {
      int64_t value = -1;
      std::string_view label_text;
      if (label.get_string().get(label_text) == simdjson::SUCCESS && label_text.size() == 1)
        value = label_text[0] - '0';
      else if (label.get_int64().get(value) != simdjson::SUCCESS)
        value = -1;
      if (value >= 0 && value <= 4)
        sentence.gold_class = static_cast<int>(value);
      else
        log.repair(number, "class not 0-4 (ignored)");
    }
    simdjson::dom::element events;
    if (object["events"].get(events) == simdjson::SUCCESS && !events.is_null()) {
      set.has_events = true;
      simdjson::dom::array array;
      if (events.get_array().get(array) != simdjson::SUCCESS) {
        log.repair(number, "events not an array (no events)");
      } else {
        for (simdjson::dom::element e : array) {
          simdjson::dom::object event;
          std::string_view cameo;
          if (e.get_object().get(event) != simdjson::SUCCESS ||
              event["cameo"].get_string().get(cameo) != simdjson::SUCCESS || trim(cameo).empty()) {
            log.repair(number, "event without a CAMEO code (dropped)");
            continue;
          }
          GoldEvent gold;
          gold.cameo = std::string(trim(cameo));
          if (cameo_class(gold.cameo) < 0) log.repair(number, "event code outside CAMEO");
          simdjson::dom::element actor;
          if (event["source"].get(actor) == simdjson::SUCCESS)
            gold.source = read_actor(actor, Role::kSource, sentence.text, number, log);
          if (event["target"].get(actor) == simdjson::SUCCESS)
            gold.target = read_actor(actor, Role::kTarget, sentence.text, number, log);
          sentence.events.push_back(std::move(gold));
        }
      }
    }
    if (sentence.gold_class < 0)
      for (const auto& e : sentence.events)
        if ((sentence.gold_class = cameo_class(e.cameo)) >= 0) break;
    if (sentence.gold_class >= 0) set.has_classes = true;
    set.sentences.push_back(std::move(sentence));
  });
  return set;
}

GoldSet read_gold(std::string_view bytes, GoldFormat format) {
  switch (format) {
    case GoldFormat::kSpansConll:
      return read_spans_conll(bytes);
    case GoldFormat::kJsonLines:
      return read_gold_jsonl(bytes);
    case GoldFormat::kClassTsv:
      break;
  }
  return read_class_tsv(bytes);
}

GoldSet read_gold_file(const std::string& path, std::optional<GoldFormat> format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read " + path + ": " + std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error("cannot read " + path);
  GoldFormat f =
      format ? *format : detect_gold_format(path, std::string_view(bytes).substr(0, 4096));
  return read_gold(bytes, f);
}

}  // namespace dyad::eval
