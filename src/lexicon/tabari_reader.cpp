// TABARI 0.8 dictionary readers. Format reference: TABARI manual ch. 5-6; dyad's additions
// (8-digit dates) are documented in docs/knowledge.md.
#include "lexicon/tabari_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "dates/calendar.h"
#include "dyad/dyad.h"
#include "lexicon/reader_util.h"
#include "text/text.h"

namespace dyad::lexicon {
namespace {

using detail::fail;
using detail::LineReader;
using detail::lower;
using detail::trim;
using detail::valid_code_chars;

// Removes a trailing "; comment" (TABARI comments start at the first ';').
std::string_view strip_comment(std::string_view line) {
  size_t semi = line.find(';');
  return semi == std::string_view::npos ? line : line.substr(0, semi);
}

// Parses "CODE", "CODE:CODE", "---", "###" (with optional spaces, e.g. "- - -").
EventCode parse_event_code(std::string_view text, const std::string& where) {
  std::string compact;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
  EventCode code;
  // Subordinate '?' and dominant '!' markers may follow either code of a pair.
  std::string plain;
  for (char c : compact) {
    if (c == '?')
      code.subordinate = true;
    else if (c == '!')
      code.dominant = true;
    else
      plain.push_back(c);
  }
  compact = plain;
  size_t colon = compact.find(':');
  code.code = compact.substr(0, colon);
  if (colon != std::string::npos) code.paired = compact.substr(colon + 1);
  auto ok = [](const std::string& c) {
    return c == "---" || c == "###" || c == "+++" || c == "***" || valid_code_chars(c);
  };
  if (!ok(code.code) || (colon != std::string::npos && !ok(code.paired)))
    fail(where, fmt::format("malformed event code [{}]", text));
  return code;
}

// <TIME> codes: a day shift ("-7", "+1") or one of the special codes.
EventCode parse_time_code(std::string_view text, const std::string& where) {
  std::string compact;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
  bool shift = compact.size() >= 2 && (compact[0] == '+' || compact[0] == '-') &&
               std::all_of(compact.begin() + 1, compact.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (shift) return EventCode{compact, ""};
  return parse_event_code(text, where);
}

// Splits "PHRASE [CODE] [CODE2]" into the phrase and its bracket blocks.
void split_blocks(std::string_view line, std::string_view* phrase,
                  std::vector<std::string_view>* blocks, const std::string& where) {
  size_t open = line.find('[');
  *phrase = trim(line.substr(0, open));
  while (open != std::string_view::npos) {
    size_t close = line.find(']', open);
    if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
    blocks->push_back(trim(line.substr(open + 1, close - open - 1)));
    open = line.find('[', close);
  }
}

bool is_comment(std::string_view trimmed) {
  return trimmed.empty() || trimmed.front() == '#' || trimmed.front() == ';' ||
         trimmed.starts_with("//");
}

// ---------------------------------------------------------------------------------------------
// Actors and agents

void read_actors_or_agents(std::string_view file_name, std::string_view content, bool agents,
                           uint32_t file_index, Dictionary& out) {
  LineReader reader(file_name, content);
  std::string_view raw;
  enum class Section { kEntries, kNouns, kAdjectives } section = Section::kEntries;
  // The entry that continuation lines (+synonym, indented [code]) attach to.
  std::vector<size_t> open_group;  // indices into out.actors of the current synonym group
  bool group_has_codes = false;
  // Synonyms ("+NAME") share the group's codes: those on the head line and on indented code
  // lines, unless they carry codes of their own.
  auto close_group = [&](const std::string& where) {
    // Reported without stopping the line being read (it starts the next entry).
    if (!open_group.empty() && !group_has_codes)
      out.warnings.push_back(fmt::format("{}: actor entry without a code block", where));
    if (!open_group.empty()) {
      const std::vector<DatedCode> shared = out.actors[open_group.front()].codes;
      for (size_t i : open_group)
        if (out.actors[i].codes.empty()) out.actors[i].codes = shared;
    }
    open_group.clear();
    group_has_codes = false;
  };
  // A malformed line is reported and skipped, as TABARI does; the caller decides whether
  // warnings are fatal.
  while (reader.next(&raw)) try {
      std::string where = reader.where();
      bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
      std::string_view line = trim(strip_comment(raw));
      std::string_view full = trim(raw);
      if (full.starts_with("~") && full.find("FINISH") != std::string_view::npos) break;
      if (is_comment(full) && !full.starts_with(";")) {
        continue;
      }
      if (line.empty()) continue;
      if (line == "<NOUN>") {
        section = Section::kNouns;
        continue;
      }
      if (line == "<ADJECTIVE>") {
        section = Section::kAdjectives;
        continue;
      }
      if (line == "</NOUN>" || line == "</ADJECTIVE>") {
        section = Section::kEntries;
        continue;
      }
      if (section != Section::kEntries) {
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        split_blocks(line, &phrase, &blocks, where);
        if (!phrase.empty())
          (section == Section::kNouns ? out.nouns : out.adjectives).push_back(parse_phrase(phrase));
        continue;
      }
      if (agents) {
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        split_blocks(line, &phrase, &blocks, where);
        if (phrase.empty()) fail(where, "agent code without a phrase");
        if (blocks.empty()) fail(where, fmt::format("agent '{}' has no [code]", phrase));
        std::string_view code = blocks.front();
        AgentEntry agent;
        agent.phrase = parse_phrase(phrase);
        agent.where = {file_index, reader.number()};
        std::string compact;
        for (char c : code)
          if (!std::isspace(static_cast<unsigned char>(c))) compact.push_back(c);
        if (compact.starts_with("~")) {
          agent.suffix = true;
          agent.code = compact.substr(1);
        } else if (compact.ends_with("~")) {
          agent.suffix = false;
          agent.code = compact.substr(0, compact.size() - 1);
        } else {
          fail(where, fmt::format("agent code [{}] needs a '~' before or after it", code));
        }
        if (!valid_code_chars(agent.code) && agent.code != "---")
          fail(where, fmt::format("malformed agent code [{}]", code));
        if (agent.phrase.empty()) fail(where, "empty agent phrase");
        out.agents.push_back(std::move(agent));
        continue;
      }
      // Actors: "PHRASE [codes]", "+SYNONYM", or an indented "[code]" continuation.
      if (line.front() == '+') {
        if (open_group.empty()) fail(where, "synonym '+' line without a preceding actor");
        ActorEntry entry;
        entry.phrase = parse_phrase(trim(line.substr(1)));
        entry.where = {file_index, reader.number()};
        if (entry.phrase.empty()) fail(where, "empty synonym");
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        split_blocks(line.substr(1), &phrase, &blocks, where);
        entry.phrase = parse_phrase(phrase);
        for (auto b : blocks) entry.codes.push_back(parse_code_block(b, where));
        if (!entry.codes.empty()) group_has_codes = true;
        out.actors.push_back(std::move(entry));
        open_group.push_back(out.actors.size() - 1);
        continue;
      }
      if (line.front() == '[') {
        if (open_group.empty()) fail(where, "code block without a preceding actor");
        std::string_view phrase;
        std::vector<std::string_view> blocks;
        split_blocks(line, &phrase, &blocks, where);
        for (auto b : blocks) {
          DatedCode code = parse_code_block(b, where);
          out.actors[open_group.front()].codes.push_back(code);
        }
        group_has_codes = true;
        continue;
      }
      (void)indented;
      close_group(where);
      std::string_view phrase;
      std::vector<std::string_view> blocks;
      split_blocks(line, &phrase, &blocks, where);
      if (phrase.empty()) fail(where, "code block without a phrase");
      ActorEntry entry;
      entry.phrase = parse_phrase(phrase);
      entry.where = {file_index, reader.number()};
      if (entry.phrase.empty()) fail(where, "empty actor phrase");
      for (auto b : blocks) entry.codes.push_back(parse_code_block(b, where));
      group_has_codes = !entry.codes.empty();
      out.actors.push_back(std::move(entry));
      open_group.push_back(out.actors.size() - 1);
    } catch (const Error& e) {
      out.warnings.emplace_back(e.what());
    }
  try {
    close_group(reader.where());
  } catch (const Error& e) {
    out.warnings.emplace_back(e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Verbs

// Splits a pattern body into atoms: whitespace-separated, but a "{ ... }" group (with anything
// glued to it by underscores) stays one atom.
std::vector<std::string> pattern_atoms(std::string_view body, const std::string& where) {
  std::vector<std::string> atoms;
  std::string current;
  int depth = 0;
  for (char c : body) {
    if (c == '{') ++depth;
    if (c == '}') {
      if (depth == 0) fail(where, "'}' without '{'");
      --depth;
    }
    if (depth == 0 && std::isspace(static_cast<unsigned char>(c))) {
      if (!current.empty()) atoms.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(c);
  }
  if (depth != 0) fail(where, "'{' without a closing '}'");
  if (!current.empty()) atoms.push_back(std::move(current));
  // A group's closing "}_X" or "X_{" is glued; a "}" followed by whitespace then "_" is rare.
  return atoms;
}

struct RawElement {
  enum Kind { kVerb, kElement } kind = kElement;
  PatternElement element;
};

// Splits one atom ("NEW_&TIETYPES_RELATIONS", "IN_*", "BACK~", "{ A | B }_X") into elements.
void atom_elements(const std::string& atom, std::vector<RawElement>& out,
                   const std::string& where) {
  size_t i = 0;
  while (i < atom.size()) {
    RawElement raw;
    PatternElement& el = raw.element;
    size_t end;
    if (atom[i] == '{') {
      end = atom.find('}', i);
      std::string_view inside(atom.data() + i + 1, end - i - 1);
      el.kind = ElementKind::kAlternatives;
      size_t start = 0;
      while (true) {
        size_t bar = inside.find('|', start);
        std::string_view alt = trim(inside.substr(
            start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (alt.empty()) fail(where, "empty alternative in { | }");
        el.alternatives.push_back(parse_phrase(alt));
        el.alternatives_written.emplace_back(alt);
        if (bar == std::string_view::npos) break;
        start = bar + 1;
      }
      end += 1;
    } else {
      end = i;
      while (end < atom.size() && atom[end] != '_' && atom[end] != '~' && atom[end] != '{') ++end;
      std::string_view piece(atom.data() + i, end - i);
      if (piece == "*") {
        raw.kind = RawElement::kVerb;
      } else if (piece == "$") {
        el.kind = ElementKind::kSource;
      } else if (piece == "+") {
        el.kind = ElementKind::kTarget;
      } else if (piece == "%") {
        el.kind = ElementKind::kCompound;
      } else if (piece == "^") {
        el.kind = ElementKind::kSkip;
      } else if (piece.starts_with("&")) {
        el.kind = ElementKind::kSynset;
        el.synset = std::string(piece.substr(1));
        if (el.synset.empty()) fail(where, "'&' without a synset name");
      } else if (!piece.empty()) {
        Phrase words = parse_phrase(piece);
        if (words.empty()) fail(where, fmt::format("unusable pattern word '{}'", piece));
        // A word may fold into several keys ("ISRAEL'S"): all but the last are joined.
        for (size_t w = 0; w + 1 < words.size(); ++w) {
          RawElement part;
          part.element.kind = ElementKind::kWord;
          part.element.word = words[w];
          part.element.word.exact = true;
          part.element.joined_to_next = true;
          out.push_back(std::move(part));
        }
        el.kind = ElementKind::kWord;
        el.word = words.back();
        el.word.endings = false;
      } else {
        // Empty piece: e.g. a leading '_' ("_ * BONE" typo form); ignore.
        i = end + 1;
        continue;
      }
    }
    // Connector after the element.
    if (end < atom.size() && (atom[end] == '_' || atom[end] == '~')) {
      bool tilde = atom[end] == '~';
      bool more = end + 1 < atom.size();
      if (el.kind == ElementKind::kWord && !tilde) el.word.exact = true;
      if (more) el.joined_to_next = true;            // "A_B" or "A~B": B must follow immediately
      if (tilde && !more) el.joined_to_next = true;  // "A~ B": joined across the blank
      end += 1;
    }
    el.word.joined_to_next = el.joined_to_next;
    out.push_back(std::move(raw));
    i = end;
  }
}

}  // namespace

DictionaryKind kind_from_name(std::string_view file_name) {
  std::string name = lower(file_name);
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.find("agent") != std::string::npos) return DictionaryKind::kAgents;
  if (name.find("actor") != std::string::npos) return DictionaryKind::kActors;
  if (name.find("verb") != std::string::npos) return DictionaryKind::kVerbs;
  return DictionaryKind::kUnknown;
}

DatedCode parse_code_block(std::string_view block, const std::string& where) {
  DatedCode out;
  block = trim(block);
  size_t space = block.find_first_of(" \t");
  std::string_view code = block.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : trim(block.substr(space));
  // Undated blocks may be a date alone in malformed files: "[ 991201-010114]".
  if (code.empty()) fail(where, "empty code block []");
  auto valid_compound = [](std::string_view c) {  // "ELR/GAL": a coded compound actor
    size_t start = 0;
    while (true) {
      size_t slash = c.find('/', start);
      if (!valid_code_chars(
              c.substr(start, slash == std::string_view::npos ? slash : slash - start)))
        return false;
      if (slash == std::string_view::npos) return true;
      start = slash + 1;
    }
  };
  if (!(code == "---" || code == "###" || code == "+++" || code == "***" || valid_compound(code)))
    fail(where, fmt::format("malformed actor code '{}'", code));
  out.code = std::string(code);
  if (rest.empty()) return out;
  int32_t day = 0;
  if (rest.front() == '<') {
    if (!parse_dictionary_date(trim(rest.substr(1)), &day))
      fail(where, fmt::format("malformed date '{}'", rest));
    out.to_day = day;  // "<date": prior to and including the date
  } else if (rest.front() == '>') {
    if (!parse_dictionary_date(trim(rest.substr(1)), &day))
      fail(where, fmt::format("malformed date '{}'", rest));
    out.from_day = day;
  } else {
    size_t dash = rest.find('-');
    if (dash == std::string_view::npos) fail(where, fmt::format("malformed date range '{}'", rest));
    int32_t from = 0, to = 0;
    std::string_view first = trim(rest.substr(0, dash));
    if (!parse_dictionary_date(first, &from) ||
        !parse_dictionary_date(trim(rest.substr(dash + 1)), &to))
      fail(where, fmt::format("malformed date range '{}'", rest));
    // Two-digit years pivot at 30 (TABARI); a range that would end before it starts means its
    // first year is in the 1900s ("270101-730717" is 1927-1973).
    if (to < from && first.size() == 6) {
      std::string nineteen = "19" + std::string(first);
      parse_dictionary_date(nineteen, &from);
    }
    if (to < from) fail(where, fmt::format("date range '{}' ends before it starts", rest));
    out.from_day = from;
    out.to_day = to;
  }
  return out;
}

VerbPattern parse_verb_pattern(std::string_view body, const std::string& where, bool time_codes) {
  VerbPattern pattern;
  std::string_view text = trim(strip_comment(body));
  size_t open = text.rfind('[');
  if (open == std::string_view::npos) fail(where, "pattern without a [code]");
  size_t close = text.find(']', open);
  if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
  std::string_view code_text = text.substr(open + 1, close - open - 1);
  pattern.code =
      time_codes ? parse_time_code(code_text, where) : parse_event_code(code_text, where);
  std::vector<RawElement> raw;
  for (const std::string& atom : pattern_atoms(trim(text.substr(0, open)), where))
    atom_elements(atom, raw, where);
  bool seen_verb = false;
  for (auto& r : raw) {
    if (r.kind == RawElement::kVerb) {
      if (seen_verb) fail(where, "pattern has more than one '*'");
      seen_verb = true;
      pattern.verb_joined_to_next = r.element.joined_to_next;  // "*_X"
      continue;
    }
    if (r.element.kind == ElementKind::kWord || r.element.kind == ElementKind::kAlternatives ||
        r.element.kind == ElementKind::kSynset)
      ++pattern.specificity;
    (seen_verb ? pattern.after : pattern.before).push_back(std::move(r.element));
  }
  if (!seen_verb) {
    // TABARI requires '*'; PETRARCH-style noun patterns may omit it. Treat as verb-first.
    pattern.after = std::move(pattern.before);
    pattern.before.clear();
  }
  return pattern;
}

void read_tabari(std::string_view file_name, std::string_view content, DictionaryKind kind,
                 Dictionary& out) {
  uint32_t file_index = static_cast<uint32_t>(out.files.size());
  out.files.emplace_back(file_name);
  if (kind == DictionaryKind::kUnknown)
    throw Error(
        fmt::format("{}: cannot tell whether this is an actors, agents or verbs "
                    "dictionary (name it *.actors, *.agents or *.verbs)",
                    file_name));
  if (kind == DictionaryKind::kActors || kind == DictionaryKind::kAgents) {
    read_actors_or_agents(file_name, content, kind == DictionaryKind::kAgents, file_index, out);
    return;
  }
  LineReader reader(file_name, content);
  std::string_view raw;
  enum class Section { kVerbs, kSynsets, kTime, kDiscards } section = Section::kVerbs;
  VerbEntry* current = nullptr;
  Synset* synset = nullptr;
  while (reader.next(&raw)) try {
      std::string where = reader.where();
      std::string_view full = trim(raw);
      if (full.starts_with("~") && full.find("FINISH") != std::string_view::npos) break;
      if (full.empty() || full.front() == '#' || full.front() == ';' || full.starts_with("//"))
        continue;
      std::string_view line = trim(strip_comment(full));
      if (line.empty()) continue;
      if (line == "<SYNSETS>") {
        section = Section::kSynsets;
        continue;
      }
      if (line == "</SYNSETS>") {
        section = Section::kVerbs;
        synset = nullptr;
        continue;
      }
      if (line == "<TIME>") {
        section = Section::kTime;
        current = nullptr;
        continue;
      }
      if (line == "</TIME>") {
        section = Section::kVerbs;
        current = nullptr;
        continue;
      }
      if (line == "<DISCARDS>") {
        section = Section::kDiscards;
        continue;
      }
      if (line == "</DISCARDS>") {
        section = Section::kVerbs;
        continue;
      }
      // <TIME> entries have the verbs' shape: a phrase, its code (a day shift or a special
      // code) and patterns.
      std::vector<VerbEntry>& entries = section == Section::kTime ? out.times : out.verbs;
      bool time_codes = section == Section::kTime;
      if (section == Section::kDiscards) {
        out.discards.push_back(parse_phrase(line));
        continue;
      }
      if (section == Section::kSynsets) {
        if (line.front() == '&') {
          out.synsets.push_back(Synset{std::string(trim(line.substr(1))), {}});
          synset = &out.synsets.back();
        } else if (line.front() == '+') {
          if (synset == nullptr) fail(where, "synonym '+' line before any '&SYNSET' name");
          out.synsets.back().phrases.push_back(parse_phrase(trim(line.substr(1))));
          out.synsets.back().written.emplace_back(trim(line.substr(1)));
        } else {
          fail(where, "inside <SYNSETS> a line must start with '&' or '+'");
        }
        continue;
      }
      if (line.front() == '-') {
        if (current == nullptr) fail(where, "pattern line before any verb");
        VerbPattern p = parse_verb_pattern(line.substr(1), where, time_codes);
        p.where = {file_index, reader.number()};
        current->patterns.push_back(std::move(p));
        continue;
      }
      if (line.front() == '{') {
        if (current == nullptr) fail(where, "verb forms '{...}' before any verb");
        size_t close = line.find('}');
        if (close == std::string_view::npos) fail(where, "'{' without a closing '}'");
        std::string_view inside = line.substr(1, close - 1);
        size_t i = 0;
        while (i < inside.size()) {
          while (i < inside.size() && std::isspace(static_cast<unsigned char>(inside[i]))) ++i;
          size_t j = i;
          while (j < inside.size() && !std::isspace(static_cast<unsigned char>(inside[j]))) ++j;
          if (j > i) {
            Phrase form = parse_phrase(inside.substr(i, j - i));
            if (!form.empty()) current->forms.push_back(std::move(form));
          }
          i = j;
        }
        continue;
      }
      if (line.front() == '&' || line.front() == '+' || line.front() == '<')
        fail(where, fmt::format("unexpected line '{}' outside <SYNSETS>", line));
      // A headword: "WORD [CODE]" or "WORD" (no code: null).
      std::string_view phrase;
      std::vector<std::string_view> blocks;
      split_blocks(line, &phrase, &blocks, where);
      if (phrase.empty()) fail(where, "verb code without a headword");
      VerbEntry entry;
      entry.headword = parse_phrase(phrase);
      if (entry.headword.empty()) fail(where, fmt::format("unusable headword '{}'", phrase));
      entry.code = blocks.empty() ? EventCode{"---", ""}
                   : time_codes   ? parse_time_code(blocks.front(), where)
                                  : parse_event_code(blocks.front(), where);
      entry.where = {file_index, reader.number()};
      entries.push_back(std::move(entry));
      current = &entries.back();
    } catch (const Error& e) {
      out.warnings.emplace_back(e.what());
    }
}

Phrase parse_phrase(std::string_view written) {
  Phrase phrase;
  written = trim(written);
  size_t i = 0;
  while (i < written.size()) {
    size_t j = i;
    while (j < written.size() && written[j] != '_' && written[j] != ' ' && written[j] != '\t' &&
           written[j] != '-' && written[j] != '=')
      ++j;
    char terminator = j < written.size() ? written[j] : ' ';
    std::string_view raw = written.substr(i, j - i);
    if (!raw.empty()) {
      std::string key = text::key_of_phrase(raw);
      // An abbreviation written with periods ("U.N.") is a whole word, never a stem: its key
      // drops the periods, and "UN" as a stem would match UNGOL.
      bool abbreviation = raw.find('.') != std::string_view::npos && raw.size() > 1;
      size_t k = 0;
      bool first_piece = true;
      while (k < key.size()) {
        size_t space = key.find(' ', k);
        if (space == std::string::npos) space = key.size();
        if (!first_piece) {
          phrase.back().joined_to_next = true;
          phrase.back().exact = true;
        }
        phrase.push_back(Word{key.substr(k, space - k), abbreviation, false, false});
        first_piece = false;
        k = space + 1;
      }
      if (!phrase.empty() && (terminator == '_' || terminator == '-' || terminator == '=')) {
        phrase.back().exact = true;
        // "A_B": joined when another word follows the underscore directly.
        if (terminator != '=' && j + 1 < written.size() && written[j + 1] != ' ' &&
            written[j + 1] != '\t')
          phrase.back().joined_to_next = true;
      }
    }
    i = j + 1;
  }
  // Regular endings apply to the final word of a phrase written with '_' (not '=').
  if (!phrase.empty() && phrase.back().exact && !written.empty() && written.back() != '=')
    phrase.back().endings = true;
  return phrase;
}

bool parse_dictionary_date(std::string_view digits, int32_t* day) {
  if (digits.size() != 6 && digits.size() != 8) return false;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  int year, month, dom;
  if (digits.size() == 6) {
    int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
    year = yy < 30 ? 2000 + yy : 1900 + yy;  // TABARI's pivot
    digits.remove_prefix(2);
  } else {
    year = std::stoi(std::string(digits.substr(0, 4)));
    digits.remove_prefix(4);
  }
  month = (digits[0] - '0') * 10 + (digits[1] - '0');
  dom = (digits[2] - '0') * 10 + (digits[3] - '0');
  // Dictionaries write "31" for the end of any month (CountryInfo: 020631).
  if (month >= 1 && month <= 12 && dom > 28 && dom <= 31)
    while (dom > 28 && !dates::day_from_ymd(year, month, dom, day)) --dom;
  return dates::day_from_ymd(year, month, dom, day);
}

}  // namespace dyad::lexicon
