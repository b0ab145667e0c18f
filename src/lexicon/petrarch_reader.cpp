// PETRARCH dictionary readers. Format references: PETRARCH's DICTIONARY-FORMATS.md and the
// comments of PETRreader.py (PETRARCH-1 and PETRARCH-2); the mapping onto lexicon::Dictionary is
// documented in docs/petrarch.md.
#include "lexicon/petrarch_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "lexicon/reader_util.h"
#include "lexicon/tabari_reader.h"
#include "text/text.h"

namespace dyad::lexicon {
namespace {

using detail::fail;
using detail::LineReader;
using detail::lower;
using detail::trim;
using detail::upper;
using detail::valid_code_chars;

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

void note(PetrarchNotes* notes, const std::string& where, std::string_view why) {
  if (notes != nullptr) notes->skipped.push_back(fmt::format("{}: {}", where, why));
}

std::vector<std::string_view> split_blanks(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// PETRARCH comments: "<!-- ... -->" (possibly over several lines), a line starting "<!", and
// anything after '#' or the legacy ';' -- except inside [...], where "[###]" is a code.
class CommentStripper {
 public:
  std::string strip(std::string_view raw) {
    std::string line(raw);
    if (in_xml_) {
      size_t end = line.find("-->");
      if (end == std::string::npos) return "";
      line.erase(0, end + 3);
      in_xml_ = false;
    }
    std::string_view t = trim(line);
    if (t.starts_with("<!") && !t.starts_with("<!--")) return "";
    while (true) {
      size_t open = line.find("<!--");
      if (open == std::string::npos) break;
      size_t close = line.find("-->", open + 4);
      if (close == std::string::npos) {
        line.erase(open);
        in_xml_ = true;
        break;
      }
      line.erase(open, close + 3 - open);
    }
    int depth = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (depth == 0 && (c == '#' || c == ';')) {
        line.erase(i);
        break;
      }
    }
    return std::string(trim(line));
  }

 private:
  bool in_xml_ = false;
};

bool valid_event_code(std::string_view c) {
  return c == "---" || c == "###" || c == "+++" || c == "***" || valid_code_chars(c);
}

bool is_vowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

void add_unique(std::vector<std::string>& out, std::string s) {
  if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

// Splits "A_B C" into pieces at blanks and underscores.
std::vector<std::string> pieces_of(std::string_view written) {
  std::vector<std::string> out;
  std::string current;
  for (char c : written) {
    if (c == '_' || is_space(c)) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

std::string join(const std::vector<std::string>& pieces, char sep) {
  std::string out;
  for (const auto& p : pieces) {
    if (!out.empty()) out.push_back(sep);
    out += p;
  }
  return out;
}

// A contraction piece that TreeBank splits off and dyad's tokenizer keeps on its word.
bool is_contraction(std::string_view key) {
  return key == "N'T" || key == "'LL" || key == "'RE" || key == "'VE" || key == "'D" || key == "'M";
}

// ---------------------------------------------------------------------------------------------
// Actors

// A date limit as PETRARCH reads it (PETRreader.dstr_to_ordate): up to 7 digits are YYMMDD (the
// first six), 8 or more YYYYMMDD (the first eight); the Phoenix files have a few such slips.
bool petrarch_date(std::string_view digits, int32_t* day, bool* irregular) {
  if (digits.size() < 6 || !std::all_of(digits.begin(), digits.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      }))
    return false;
  *irregular = digits.size() != 6 && digits.size() != 8;
  return parse_dictionary_date(digits.substr(0, digits.size() < 8 ? 6 : 8), day);
}

// "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE date-date]" (the contents, without brackets).
DatedCode actor_code_block(std::string_view block, const std::string& where, PetrarchNotes* notes) {
  block = trim(block);
  size_t space = block.find_first_of(" \t");
  std::string_view code = block.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : trim(block.substr(space));
  if (code.empty()) fail(where, "empty code block []");
  DatedCode out = parse_code_block(code, where);  // checks the code's characters
  if (rest.empty()) return out;
  bool irregular = false, odd = false;
  auto date = [&](std::string_view digits) {
    int32_t day = 0;
    if (!petrarch_date(trim(digits), &day, &odd))
      fail(where, fmt::format("malformed date '{}' in [{}]", trim(digits), block));
    irregular = irregular || odd;
    return day;
  };
  if (rest.front() == '<') {
    out.to_day = date(rest.substr(1));  // "<date": up to and including it
  } else if (rest.front() == '>') {
    out.from_day = date(rest.substr(1));
  } else if (rest.find('-') == std::string_view::npos) {
    // A bare date: PETRARCH-2 treats it as a lower limit.
    out.from_day = date(rest);
    note(notes, where, fmt::format("date in [{}] without '<', '>' or '-' read as '>date'", block));
  } else {
    size_t dash = rest.find('-');
    out.from_day = date(rest.substr(0, dash));
    out.to_day = date(rest.substr(dash + 1));
    if (out.to_day < out.from_day)  // never applies, as in PETRARCH
      note(notes, where, fmt::format("date range in [{}] ends before it starts", block));
  }
  if (irregular)
    note(notes, where,
         fmt::format("date in [{}] read as PETRARCH reads it (YYMMDD up to 7 digits, "
                     "else the first 8 as YYYYMMDD)",
                     block));
  return out;
}

void read_actors(std::string_view file_name, std::string_view content, uint32_t file_index,
                 Dictionary& out, PetrarchNotes* notes) {
  LineReader reader(file_name, content);
  CommentStripper stripper;
  std::vector<size_t> group;  // out.actors of the current record (primary phrase and synonyms)
  std::vector<DatedCode> codes;
  auto close_group = [&] {
    for (size_t i : group) out.actors[i].codes = codes;
    group.clear();
    codes.clear();
  };
  auto blocks_of = [&](std::string_view text, const std::string& where) {
    size_t open = text.find('[');
    while (open != std::string_view::npos) {
      size_t close = text.find(']', open);
      if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
      codes.push_back(actor_code_block(text.substr(open + 1, close - open - 1), where, notes));
      open = text.find('[', close);
    }
  };
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    std::string where = reader.where();
    if (line.front() == '[') {  // a (dated) code of the current record
      if (group.empty()) fail(where, "code block without a preceding actor");
      blocks_of(line, where);
      continue;
    }
    bool synonym = line.front() == '+';
    if (synonym && group.empty()) fail(where, "synonym '+' line without a preceding actor");
    if (!synonym) close_group();
    std::string_view text = synonym ? std::string_view(line).substr(1) : std::string_view(line);
    size_t open = text.find('[');
    ActorEntry entry;
    // A blank lets other words come between (PETRARCH matches "ITHILEN TELEVISION" in
    // "Ithilen state-run television"); an underscore joins.
    entry.phrase = petrarch_phrase(text.substr(0, open), /*blank_is_gap=*/true);
    entry.where = {file_index, reader.number()};
    if (entry.phrase.empty()) fail(where, synonym ? "empty synonym" : "empty actor phrase");
    if (open != std::string_view::npos) blocks_of(text.substr(open), where);
    out.actors.push_back(std::move(entry));
    group.push_back(out.actors.size() - 1);
  }
  close_group();
}

// ---------------------------------------------------------------------------------------------
// Agents

void read_agents(std::string_view file_name, std::string_view content, uint32_t file_index,
                 Dictionary& out, PetrarchNotes* notes) {
  LineReader reader(file_name, content);
  CommentStripper stripper;
  std::unordered_map<std::string, std::vector<std::string>> markers;  // "PERSON" -> MAN, MEN...
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    std::string where = reader.where();
    size_t open = line.find('[');
    if (line.front() == '!' && line.find('=') != std::string::npos &&
        (open == std::string::npos || line.find('=') < open)) {
      // "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON"
      size_t close = line.find('!', 1);
      size_t equals = line.find('=');
      if (close == std::string::npos || close > equals)
        fail(where, "substitution marker must be written !NAME! = A, B, ...");
      std::vector<std::string>& list = markers[upper(line.substr(1, close - 1))];
      list.clear();
      std::string_view rest = std::string_view(line).substr(equals + 1);
      size_t start = 0;
      while (start <= rest.size()) {
        size_t comma = rest.find(',', start);
        std::string_view item =
            trim(rest.substr(start, comma == std::string_view::npos ? comma : comma - start));
        if (!item.empty()) list.emplace_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      if (list.empty()) fail(where, "substitution marker without substitutes");
      continue;
    }
    if (open == std::string::npos) {  // PETRARCH skips it with a warning
      note(notes, where, "agent without an [agent code] skipped");
      continue;
    }
    size_t close = line.find(']', open);
    if (close == std::string::npos) {
      close = line.find('}', open);  // "[~ENV}" in Phoenix.agents.txt
      if (close == std::string::npos) fail(where, "'[' without a closing ']'");
      note(notes, where, "agent code closed with '}' instead of ']'");
    }
    std::string code;
    for (char c : line.substr(open + 1, close - open - 1))
      if (!is_space(c)) code.push_back(c);
    AgentEntry agent;
    agent.where = {file_index, reader.number()};
    if (code.size() > 1 && code.front() == '~') {
      agent.suffix = true;
      agent.code = code.substr(1);
    } else if (code.size() > 1 && code.back() == '~') {
      agent.suffix = false;
      agent.code = code.substr(0, code.size() - 1);
    } else {
      fail(where, fmt::format("agent code [{}] needs a '~' before or after it", code));
    }
    if (!valid_code_chars(agent.code) && agent.code != "---")
      fail(where, fmt::format("malformed agent code [{}]", code));
    std::string_view phrase = trim(std::string_view(line).substr(0, open));
    std::vector<std::string> written;  // the phrases this line stands for
    size_t brace = phrase.find('{');
    std::optional<std::string> plural;  // given in {...}; "" = none
    if (brace != std::string_view::npos) {
      size_t end = phrase.find('}', brace);
      if (end == std::string_view::npos) fail(where, "'{' without a closing '}'");
      plural = std::string(trim(phrase.substr(brace + 1, end - brace - 1)));
      phrase = trim(phrase.substr(0, brace));
    }
    if (phrase.empty()) fail(where, "agent code without a phrase");
    size_t bang = phrase.find('!');
    if (bang != std::string_view::npos) {
      // "CONGRESS!PERSON!": every substitute in turn, no plurals.
      size_t bang2 = phrase.find('!', bang + 1);
      if (bang2 == std::string_view::npos)
        fail(where, "substitution marker without its closing '!'");
      auto it = markers.find(upper(phrase.substr(bang + 1, bang2 - bang - 1)));
      if (it == markers.end()) {
        note(notes, where,
             fmt::format("agent skipped: substitution marker {} is not defined",
                         phrase.substr(bang, bang2 - bang + 1)));
        continue;
      }
      for (const std::string& s : it->second)
        written.push_back(std::string(phrase.substr(0, bang)) + s +
                          std::string(phrase.substr(bang2 + 1)));
    } else {
      written.emplace_back(phrase);
      std::string p = plural ? *plural : regular_plural(trim(phrase));
      if (!p.empty()) written.push_back(p);
    }
    for (const std::string& w : written) {
      AgentEntry entry = agent;
      entry.phrase = petrarch_phrase(w, /*blank_is_gap=*/true);
      if (entry.phrase.empty()) fail(where, "empty agent phrase");
      out.agents.push_back(std::move(entry));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Discards

void read_discards(std::string_view file_name, std::string_view content, Dictionary& out) {
  LineReader reader(file_name, content);
  CommentStripper stripper;
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    bool story = line.front() == '+';
    std::string_view text = trim(story ? std::string_view(line).substr(1) : std::string_view(line));
    Phrase phrase = petrarch_phrase(text);
    if (phrase.empty()) fail(reader.where(), "empty discard phrase");
    // The match is a prefix match of the whole string: the last word is a stem unless it is
    // written with a final '_' (or is an abbreviation such as "U.S.").
    std::string_view last = text;
    if (size_t blank = last.find_last_of(" \t"); blank != std::string_view::npos)
      last = last.substr(blank + 1);
    if (!text.ends_with('_') && last.find('.') == std::string_view::npos)
      phrase.back().exact = false;
    if (story) out.story_discards.push_back(phrase);
    out.discards.push_back(std::move(phrase));
  }
}

// ---------------------------------------------------------------------------------------------
// Issues

// Expands PETRARCH's issue shorthand: "n:" singular and plural, "v:" regular verb forms, '+' a
// blank or a hyphen (the same two words to dyad's tokenizer).
std::vector<std::string> issue_forms(std::string_view written) {
  std::vector<std::string> partial(1);
  for (std::string_view word : split_blanks(written)) {
    std::vector<std::string> variants(1);
    size_t start = 0;
    while (start <= word.size()) {
      size_t plus = word.find('+', start);
      std::string_view part =
          word.substr(start, plus == std::string_view::npos ? plus : plus - start);
      std::vector<std::string> options;
      std::string p = upper(part);
      if (p.starts_with("N:") && p.size() > 2) {
        options = {p.substr(2), regular_plural(p.substr(2))};
      } else if (p.starts_with("V:") && p.size() > 2) {
        options.push_back(p.substr(2));
        for (auto& f : regular_verb_forms(p.substr(2))) options.push_back(f);
      } else if (!p.empty()) {
        options.push_back(p);
      }
      std::vector<std::string> next;
      for (const auto& v : variants)
        for (const auto& o : options) next.push_back(v.empty() ? o : v + " " + o);
      if (!options.empty()) variants = std::move(next);
      if (plus == std::string_view::npos) break;
      start = plus + 1;
    }
    std::vector<std::string> next;
    for (const auto& a : partial)
      for (const auto& v : variants) next.push_back(a.empty() ? v : a + " " + v);
    partial = std::move(next);
  }
  std::vector<std::string> out;
  for (auto& p : partial)
    if (!p.empty()) add_unique(out, std::move(p));
  return out;
}

void read_issues(std::string_view file_name, std::string_view content, uint32_t file_index,
                 Dictionary& out, PetrarchNotes* notes) {
  LineReader reader(file_name, content);
  CommentStripper stripper;
  std::string category;
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    std::string where = reader.where();
    if (line.starts_with("<ISSUE")) {
      category.clear();
      size_t at = line.find("CATEGORY");
      size_t q1 = at == std::string::npos ? at : line.find('"', at);
      size_t q2 = q1 == std::string::npos ? q1 : line.find('"', q1 + 1);
      if (q2 == std::string::npos) fail(where, "<ISSUE> without CATEGORY=\"...\"");
      category = line.substr(q1 + 1, q2 - q1 - 1);
      continue;
    }
    if (line.starts_with("</ISSUE")) {
      category.clear();
      continue;
    }
    IssueEntry entry;
    entry.category = category;
    entry.where = {file_index, reader.number()};
    std::string_view text = line;
    if (text.starts_with("~~")) {
      entry.kind = IssueEntry::Kind::kIgnoreStory;
      text.remove_prefix(2);
    } else if (text.starts_with("~")) {
      entry.kind = IssueEntry::Kind::kIgnoreSentence;
      text.remove_prefix(1);
    } else {
      size_t open = text.find('[');
      if (open == std::string_view::npos) {
        note(notes, where, "issue phrase without an [ISSUE CODE] skipped");
        continue;
      }
      size_t close = text.find(']', open);
      if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
      entry.code = std::string(trim(text.substr(open + 1, close - open - 1)));
      if (entry.code.empty()) fail(where, "empty issue code []");
      text = text.substr(0, open);
    }
    std::vector<std::string> forms = issue_forms(trim(text));
    if (forms.empty()) fail(where, "empty issue phrase");
    for (const std::string& form : forms) {
      IssueEntry e = entry;
      e.phrase = petrarch_phrase(form);
      if (!e.phrase.empty()) out.issues.push_back(std::move(e));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Verbs

// A verb as written ("SAY", "+CORDON_OFF", "WIRE_+TAP", "LASH OUT") without its '+' marker.
Phrase verb_phrase(std::string_view written) {
  std::string plain;
  for (char c : written)
    if (c != '+') plain.push_back(c);
  return petrarch_phrase(plain, /*blank_is_gap=*/true);
}

// The regular forms of a multi-word verb: the word marked '+' (else the first) takes the forms.
std::vector<std::string> regular_phrase_forms(std::string_view head) {
  std::vector<std::string> pieces = pieces_of(head);
  size_t marked = 0;
  for (size_t i = 0; i < pieces.size(); ++i)
    if (pieces[i].starts_with('+')) marked = i;
  std::vector<std::string> out;
  if (pieces.empty()) return out;
  std::string verb = pieces[marked];
  if (verb.starts_with('+')) verb.erase(0, 1);
  for (const std::string& form : regular_verb_forms(upper(verb))) {
    std::vector<std::string> copy = pieces;
    copy[marked] = form;
    out.push_back(join(copy, ' '));
  }
  return out;
}

struct PendingVerb {
  VerbEntry entry;  // headword and forms, code, where
  size_t block = 0;
};

struct Block {
  std::string key;  // what its patterns are filed under (see read_verbs)
  std::vector<VerbPattern> patterns;
};

std::string phrase_key(const Phrase& p) {
  std::string key;
  for (const Word& w : p) {
    if (!key.empty()) key.push_back(' ');
    key += w.text;
  }
  return key;
}

void read_verbs(std::string_view file_name, std::string_view content, uint32_t file_index,
                Dictionary& out, PetrarchNotes* notes) {
  const PetrarchDialect dialect = detect_verb_dialect(content);
  LineReader reader(file_name, content);
  CommentStripper stripper;
  std::vector<PendingVerb> verbs;
  std::vector<Block> blocks(1);  // block 0: verbs before any "--- NAME [code] ---" header
  EventCode block_code{"---", ""};
  std::set<std::string> synset_names;
  for (const Synset& s : out.synsets) synset_names.insert(s.name);
  Synset* synset = nullptr;  // the synset whose '+' members are being read
  bool synset_plurals = true;
  size_t transformations = 0;
  uint32_t first_transformation = 0;
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    std::string where = reader.where();
    if (line.front() == '+' && synset != nullptr) {
      // A synset member: words or a phrase of consecutive words; a final '_' (on the member or
      // the label) means no plural. Members may name other synsets ("+&TIETYPES").
      std::string_view member = trim(std::string_view(line).substr(1));
      if (member.empty()) fail(where, "empty synset member");
      bool plural = synset_plurals && !member.ends_with('_');
      if (member.find('&') != std::string_view::npos) {
        synset->phrases.emplace_back();  // expanded by the model from `written`
        synset->written.emplace_back(member);
        continue;
      }
      Phrase phrase = petrarch_phrase(member);
      if (phrase.empty()) fail(where, "empty synset member");
      synset->phrases.push_back(phrase);
      synset->written.emplace_back(member);
      if (plural) {
        std::string p = regular_plural(join(pieces_of(member), ' '));
        Phrase pp = petrarch_phrase(p);
        if (!pp.empty() && !(pp.size() == phrase.size() && pp.back().text == phrase.back().text)) {
          synset->phrases.push_back(std::move(pp));
          synset->written.push_back(p);
        }
      }
      continue;
    }
    synset = nullptr;
    if (line.front() == '&') {
      std::string name(trim(std::string_view(line).substr(1)));
      synset_plurals = !name.ends_with('_');
      while (!name.empty() && name.back() == '_') name.pop_back();
      if (name.empty() || name.find_first_of(" \t") != std::string::npos)
        fail(where, fmt::format("malformed synset name '{}'", line));
      out.synsets.push_back(Synset{name, {}, {}});
      synset = &out.synsets.back();
      synset_names.insert(name);
      continue;
    }
    if (line.starts_with("---")) {
      // "--- NAME [CODE] ---": a new block; its code is the default of the verbs listed in it.
      Block block;
      block_code = EventCode{"---", ""};
      size_t open = line.find('[');
      if (open != std::string::npos) {
        size_t close = line.find(']', open);
        if (close == std::string::npos) fail(where, "'[' without a closing ']'");
        block_code = parse_petrarch_code(line.substr(open + 1, close - open - 1), dialect, where);
        if (block_code.code == "+++") block_code = EventCode{"---", ""};
      }
      // PETRARCH-2 files a block's patterns under its NAME; PETRARCH-1 under its first verb.
      if (dialect == PetrarchDialect::kPetrarch2) {
        std::string_view name = std::string_view(line).substr(0, open);
        while (!name.empty() && (name.front() == '-' || is_space(name.front())))
          name.remove_prefix(1);
        while (!name.empty() && (name.back() == '-' || is_space(name.back())))
          name.remove_suffix(1);
        block.key = upper(name);
      }
      blocks.push_back(std::move(block));
      continue;
    }
    if (line.front() == '-') {
      std::string unusable;
      VerbPattern pattern =
          parse_petrarch_pattern(std::string_view(line).substr(1), dialect, where, &unusable);
      if (!unusable.empty()) {
        note(notes, where, fmt::format("pattern skipped: {}", unusable));
        continue;
      }
      pattern.where = {file_index, reader.number()};
      // PETRARCH has no complexity code: a TABARI [+++] pattern is not used (DEMO-04 codes the
      // next pattern), and a [+++] verb codes nothing.
      if (pattern.code.code == "+++" || pattern.code.paired == "+++") {
        note(notes, where, "pattern skipped: PETRARCH has no complexity code [+++]");
        continue;
      }
      blocks.back().patterns.push_back(std::move(pattern));
      continue;
    }
    if (line.front() == '~') {
      // Verb transformations ("~ a (a b ATTACK) SAY = a b 015") rewrite nested events of the
      // parse tree: nothing in dyad's model can hold them.
      if (transformations++ == 0) first_transformation = reader.number();
      continue;
    }
    // A verb: "SAY {SAYS SAID SAYING} [010]", "+CORDON_OFF {...}", "WIRE_+TAP", "LASH OUT".
    PendingVerb verb;
    verb.block = blocks.size() - 1;
    verb.entry.code = block_code;
    verb.entry.where = {file_index, reader.number()};
    std::string_view rest = line;
    if (size_t open = rest.find('['); open != std::string_view::npos) {
      size_t close = rest.find(']', open);
      if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
      verb.entry.code =
          parse_petrarch_code(rest.substr(open + 1, close - open - 1), dialect, where);
      if (verb.entry.code.code == "+++") verb.entry.code = EventCode{"---", ""};
      rest = rest.substr(0, open);
    }
    std::string_view head = rest;
    bool braces = false;
    std::vector<std::string_view> forms;
    if (size_t lb = rest.find('{'); lb != std::string_view::npos) {
      size_t rb = rest.find('}', lb);
      if (rb == std::string_view::npos) fail(where, "'{' without a closing '}'");
      braces = true;
      forms = split_blanks(rest.substr(lb + 1, rb - lb - 1));
      head = rest.substr(0, lb);
    }
    head = trim(head);
    if (head.empty()) fail(where, "verb forms or code without a verb");
    if (head.find_first_of("()[]{}&$%^*") != std::string_view::npos)
      fail(where, fmt::format("unexpected line '{}'", line));
    verb.entry.headword = verb_phrase(head);
    if (verb.entry.headword.empty()) fail(where, fmt::format("unusable verb '{}'", head));
    if (blocks.back().key.empty()) blocks.back().key = phrase_key(verb.entry.headword);
    // Irregular forms are listed in {...} (all of them: none are generated then); otherwise the
    // regular forms of the verb, or of the word marked '+' in a multi-word verb, are generated.
    if (braces) {
      for (std::string_view f : forms) {
        Phrase p = verb_phrase(f);
        if (!p.empty()) verb.entry.forms.push_back(std::move(p));
      }
    } else {
      for (const std::string& f : regular_phrase_forms(head))
        verb.entry.forms.push_back(petrarch_phrase(f));
    }
    verbs.push_back(std::move(verb));
  }
  if (transformations > 0)
    note(notes, fmt::format("{}:{}", file_name, first_transformation),
         fmt::format("{} verb transformation(s) skipped: dyad has no nested events",
                     transformations));
  // Patterns are filed under their block's key: blocks with the same key share them all
  // (PETRARCH stores them in one tree). Patterns naming a synset that is nowhere defined are
  // skipped, as PETRARCH skips them. A pattern before any verb of its block goes with the
  // previous block, whose key PETRARCH-1 still holds.
  std::map<std::string, std::vector<VerbPattern>> patterns;
  std::string last_key;
  for (Block& block : blocks) {
    if (block.key.empty()) block.key = last_key;
    last_key = block.key;
    for (VerbPattern& p : block.patterns) {
      std::string missing;
      for (const auto* side : {&p.before, &p.after})
        for (const PatternElement& e : *side)
          if (e.kind == ElementKind::kSynset && !synset_names.count(e.synset)) missing = e.synset;
      if (!missing.empty()) {
        note(notes, fmt::format("{}:{}", file_name, p.where.line),
             fmt::format("pattern skipped: synset &{} is not defined", missing));
        continue;
      }
      if (block.key.empty()) {
        note(notes, fmt::format("{}:{}", file_name, p.where.line),
             "pattern skipped: no verb before it");
        continue;
      }
      patterns[block.key].push_back(std::move(p));
    }
  }
  // A word (or multi-word verb) written twice belongs to its last definition, as in PETRARCH's
  // verb dictionary, where each form is one key: the later code and block replace the earlier.
  std::unordered_map<std::string, size_t> owner;  // form key -> index into verbs
  for (size_t v = 0; v < verbs.size(); ++v) {
    owner[phrase_key(verbs[v].entry.headword)] = v;
    for (const Phrase& f : verbs[v].entry.forms) owner[phrase_key(f)] = v;
  }
  for (size_t v = 0; v < verbs.size(); ++v) {
    VerbEntry& e = verbs[v].entry;
    std::vector<const Phrase*> all{&e.headword};
    for (const Phrase& f : e.forms) all.push_back(&f);
    std::set<std::string> seen;
    std::vector<Phrase> kept;  // the headword first when it is still this verb's
    for (const Phrase* p : all) {
      std::string key = phrase_key(*p);
      if (owner[key] == v && seen.insert(key).second) kept.push_back(*p);
    }
    if (kept.empty()) continue;  // every form was redefined later
    e.headword = std::move(kept.front());
    e.forms.assign(std::make_move_iterator(kept.begin() + 1), std::make_move_iterator(kept.end()));
    auto it = patterns.find(blocks[verbs[v].block].key);
    if (it != patterns.end()) e.patterns = it->second;
    out.verbs.push_back(std::move(e));
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------

bool is_petrarch_file(std::string_view file_name) {
  std::string name = lower(file_name);
  return name.size() > 4 && name.ends_with(".txt");
}

PetrarchKind petrarch_kind_from_name(std::string_view file_name) {
  std::string name = lower(file_name);
  size_t slash = name.find_last_of('/');
  if (slash != std::string::npos) name = name.substr(slash + 1);
  if (name.find("issue") != std::string::npos) return PetrarchKind::kIssues;
  if (name.find("discard") != std::string::npos) return PetrarchKind::kDiscards;
  if (name.find("agent") != std::string::npos) return PetrarchKind::kAgents;
  if (name.find("actor") != std::string::npos) return PetrarchKind::kActors;
  if (name.find("verb") != std::string::npos || name.find("cameo") != std::string::npos)
    return PetrarchKind::kVerbs;
  return PetrarchKind::kUnknown;
}

PetrarchDialect detect_verb_dialect(std::string_view content) {
  LineReader reader("", content);
  CommentStripper stripper;
  std::string_view raw;
  while (reader.next(&raw)) {
    std::string line = stripper.strip(raw);
    if (line.empty()) continue;
    if (line.front() == '~') return PetrarchDialect::kPetrarch2;
    if (line.front() == '-' && !line.starts_with("---")) {
      std::string_view body = std::string_view(line).substr(0, line.find('['));
      if (body.find('(') != std::string_view::npos) return PetrarchDialect::kPetrarch2;
      if (body.find('{') != std::string_view::npos && body.find('|') == std::string_view::npos)
        return PetrarchDialect::kPetrarch2;
    }
  }
  return PetrarchDialect::kPetrarch1;
}

Phrase petrarch_phrase(std::string_view written, bool blank_is_gap) {
  Phrase phrase;
  size_t i = 0;
  while (i < written.size()) {
    while (i < written.size() && (written[i] == '_' || is_space(written[i]))) ++i;
    size_t j = i;
    while (j < written.size() && written[j] != '_' && !is_space(written[j])) ++j;
    if (j == i) break;
    // Joined to the next piece: an underscore, or a blank unless blanks leave a gap.
    bool joined = j < written.size() && (written[j] == '_' || !blank_is_gap);
    std::string key = text::key_of_phrase(written.substr(i, j - i));
    i = j;
    size_t k = 0;
    size_t before = phrase.size();
    while (k < key.size()) {
      size_t space = key.find(' ', k);
      if (space == std::string::npos) space = key.size();
      std::string word = key.substr(k, space - k);
      k = space + 1;
      if (word.empty()) continue;
      if (is_contraction(word) && !phrase.empty()) {
        phrase.back().text += word;
        continue;
      }
      phrase.push_back(Word{std::move(word), true, false, true});
    }
    if (phrase.size() > before) phrase.back().joined_to_next = joined;
  }
  if (!phrase.empty()) phrase.back().joined_to_next = false;
  return phrase;
}

EventCode parse_petrarch_code(std::string_view text, PetrarchDialect dialect,
                              const std::string& where) {
  EventCode code;
  std::string compact;
  for (char c : text) {
    if (is_space(c)) continue;
    if (c == '?') {
      code.subordinate = true;
    } else if (c == '!') {
      code.dominant = true;
    } else {
      compact.push_back(c);
    }
  }
  if (compact.empty()) fail(where, "empty event code []");
  size_t colon = compact.find(':');
  std::string first = compact.substr(0, colon);
  std::string second = colon == std::string::npos ? "" : compact.substr(colon + 1);
  if (colon != std::string::npos && second.empty() && first.empty())
    fail(where, fmt::format("malformed event code [{}]", text));
  if (dialect == PetrarchDialect::kPetrarch2 && !first.empty()) {
    code.code = first;  // [active:passive]: the passive-voice code has no place in the model
  } else {
    code.code = first.empty() ? "---" : first;
    code.paired = second == "---" ? "" : second;
  }
  if (!valid_event_code(code.code) || (!code.paired.empty() && !valid_event_code(code.paired)))
    fail(where, fmt::format("malformed event code [{}]", text));
  return code;
}

VerbPattern parse_petrarch_pattern(std::string_view body, PetrarchDialect dialect,
                                   const std::string& where, std::string* unusable) {
  auto give_up = [&](std::string_view why) {
    if (unusable == nullptr) fail(where, why);
    *unusable = std::string(why);
    return VerbPattern{};
  };
  body = trim(body);
  size_t open = body.find('[');
  if (open == std::string_view::npos) return give_up("pattern without a [code]");
  size_t close = body.find(']', open);
  if (close == std::string_view::npos) fail(where, "'[' without a closing ']'");
  VerbPattern pattern;
  pattern.code = parse_petrarch_code(body.substr(open + 1, close - open - 1), dialect, where);

  // PETRARCH-2 groups: "(PREP NOUN ...)" and "{MODIFIER ... HEAD}" are word sequences in dyad's
  // linear patterns; a "{ A | B }" group (TABARI) is a set of alternatives and stays one atom.
  std::string text(body.substr(0, open));
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' || text[i] == ')') text[i] = ' ';
    if (text[i] == '{') {
      size_t end = text.find('}', i);
      if (end == std::string::npos) return give_up("'{' without a closing '}'");
      if (text.substr(i, end - i).find('|') == std::string::npos) {
        text[i] = ' ';
        text[end] = ' ';
      } else {
        i = end;
      }
    } else if (text[i] == '}') {
      return give_up("'}' without '{'");
    }
  }
  std::vector<std::string> atoms;
  {
    std::string current;
    int depth = 0;
    for (char c : text) {
      if (c == '{') ++depth;
      if (c == '}') --depth;
      if (depth == 0 && is_space(c)) {
        if (!current.empty()) atoms.push_back(std::move(current));
        current.clear();
        continue;
      }
      current.push_back(c);
    }
    if (!current.empty()) atoms.push_back(std::move(current));
  }

  struct Raw {
    bool verb = false;
    PatternElement element;
  };
  std::vector<Raw> raw;
  struct Piece {
    std::string text;
    bool joined = false;  // the next piece follows immediately
  };
  for (const std::string& atom : atoms) {
    // Pieces joined by '_' must be adjacent; a final '_' before a blank is an open connector.
    std::vector<std::string> split;
    {
      std::string current;
      int depth = 0;
      for (char c : atom) {
        if (c == '{') ++depth;
        if (c == '}') --depth;
        if (c == '_' && depth == 0) {
          split.push_back(std::move(current));
          current.clear();
          continue;
        }
        current.push_back(c);
      }
      split.push_back(std::move(current));
    }
    std::vector<Piece> pieces;
    for (size_t i = 0; i < split.size(); ++i) {
      const std::string& text = split[i];
      if (text.empty()) continue;
      bool joined = i + 1 < split.size() && !split[i + 1].empty();
      if (text == "*" || text == "**" || text.front() == '{' ||
          text.find('*') == std::string::npos) {
        pieces.push_back(Piece{text, joined});
        continue;
      }
      // A '*' glued to a word ("*SCEPTICAL") is still the verb: PETRARCH splits at '*'.
      std::string current;
      for (char c : text) {
        if (c != '*') {
          current.push_back(c);
          continue;
        }
        if (!current.empty()) pieces.push_back(Piece{std::move(current), false});
        current.clear();
        pieces.push_back(Piece{"*", false});
      }
      if (!current.empty()) pieces.push_back(Piece{std::move(current), false});
      pieces.back().joined = joined;
    }
    for (const Piece& p : pieces) {
      const std::string& piece = p.text;
      const bool joined = p.joined;
      Raw r;
      PatternElement& el = r.element;
      el.joined_to_next = joined;
      if (piece == "*" || piece == "**") {
        r.verb = true;
      } else if (piece == "$") {
        el.kind = ElementKind::kSource;
      } else if (piece == "+") {
        el.kind = ElementKind::kTarget;
      } else if (piece == "%") {
        el.kind = ElementKind::kCompound;
      } else if (piece == "^") {
        el.kind = ElementKind::kSkip;
      } else if (piece.front() == '&') {
        el.kind = ElementKind::kSynset;
        el.synset = piece.substr(1);
        if (el.synset.empty()) fail(where, "'&' without a synset name");
      } else if (piece.front() == '{') {
        el.kind = ElementKind::kAlternatives;
        std::string_view inside(piece);
        inside = inside.substr(1, inside.find('}') - 1);
        size_t start = 0;
        while (true) {
          size_t bar = inside.find('|', start);
          std::string_view alt =
              trim(inside.substr(start, bar == std::string_view::npos ? bar : bar - start));
          Phrase alt_phrase = petrarch_phrase(alt);
          if (alt_phrase.empty()) fail(where, "empty alternative in { | }");
          el.alternatives.push_back(std::move(alt_phrase));
          if (bar == std::string_view::npos) break;
          start = bar + 1;
        }
      } else {
        std::string key = text::key_of_phrase(piece);
        std::vector<std::string> words;
        size_t k = 0;
        while (k < key.size()) {
          size_t space = key.find(' ', k);
          if (space == std::string::npos) space = key.size();
          if (space > k) words.push_back(key.substr(k, space - k));
          k = space + 1;
        }
        for (size_t w = 0; w < words.size(); ++w) {
          Raw part;
          part.element.kind = ElementKind::kWord;
          part.element.word = Word{words[w], true, false, false};
          part.element.joined_to_next = w + 1 < words.size() || joined;
          part.element.word.joined_to_next = part.element.joined_to_next;
          raw.push_back(std::move(part));
        }
        continue;
      }
      el.word.joined_to_next = el.joined_to_next;
      raw.push_back(std::move(r));
    }
  }
  // TreeBank contractions rejoin their word: "WO N'T" -> WON'T.
  for (size_t i = 1; i < raw.size();) {
    Raw& cur = raw[i];
    Raw& prev = raw[i - 1];
    if (!cur.verb && !prev.verb && cur.element.kind == ElementKind::kWord &&
        prev.element.kind == ElementKind::kWord && is_contraction(cur.element.word.text)) {
      prev.element.word.text += cur.element.word.text;
      prev.element.joined_to_next = cur.element.joined_to_next;
      prev.element.word.joined_to_next = cur.element.joined_to_next;
      raw.erase(raw.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    ++i;
  }
  bool seen_verb = false;
  for (Raw& r : raw) {
    if (r.verb) {
      if (seen_verb) return give_up("pattern has more than one '*'");
      seen_verb = true;
      pattern.verb_joined_to_next = r.element.joined_to_next;
      continue;
    }
    if (r.element.kind == ElementKind::kWord || r.element.kind == ElementKind::kAlternatives ||
        r.element.kind == ElementKind::kSynset)
      ++pattern.specificity;
    // PETRARCH-1: '%' after the verb is a compound target ("* WITH %": the subject acts on each
    // member); dyad's '%' would make the members act on each other, so it becomes '+'.
    if (seen_verb && r.element.kind == ElementKind::kCompound)
      r.element.kind = ElementKind::kTarget;
    (seen_verb ? pattern.after : pattern.before).push_back(std::move(r.element));
  }
  // Without '*' every element went before the verb: PETRARCH-1 reads them all as "upper" words.
  return pattern;
}

std::vector<std::string> regular_verb_forms(std::string_view verb_in) {
  std::string verb = upper(verb_in);
  std::vector<std::string> out;
  if (verb.empty()) return out;
  const char last = verb.back();
  const char before = verb.size() > 1 ? verb[verb.size() - 2] : ' ';
  const bool consonant_y = last == 'Y' && !is_vowel(before);
  // Third person.
  if (last == 'S' || last == 'X' || last == 'Z' || verb.ends_with("CH") || verb.ends_with("SH"))
    add_unique(out, verb + "ES");
  else
    add_unique(out, verb + "S");  // PETRARCH-1 (also DENYS)
  if (consonant_y) add_unique(out, verb.substr(0, verb.size() - 1) + "IES");
  // Past.
  if (last == 'E') {
    add_unique(out, verb + "D");
  } else {
    add_unique(out, verb + "ED");
    if (consonant_y) add_unique(out, verb.substr(0, verb.size() - 1) + "IED");
  }
  // Gerund: PETRARCH-1 drops a final E always, PETRARCH-2 only after a consonant.
  if (last == 'E' && verb.size() > 1) {
    add_unique(out, verb.substr(0, verb.size() - 1) + "ING");
    if (is_vowel(before)) add_unique(out, verb + "ING");
  } else {
    add_unique(out, verb + "ING");
  }
  return out;
}

std::string regular_plural(std::string_view noun_in) {
  std::string noun = upper(trim(noun_in));
  while (!noun.empty() && noun.back() == '_') noun.pop_back();
  if (noun.empty()) return noun;
  const char last = noun.back();
  const char before = noun.size() > 1 ? noun[noun.size() - 2] : ' ';
  if (last == 'S' || last == 'X' || last == 'Z' || noun.ends_with("CH") || noun.ends_with("SH"))
    return noun + "ES";
  if (last == 'Y' && !is_vowel(before) && std::isalpha(static_cast<unsigned char>(before)))
    return noun.substr(0, noun.size() - 1) + "IES";
  return noun + "S";
}

void read_petrarch(std::string_view file_name, std::string_view content, Dictionary& out,
                   PetrarchNotes* notes) {
  read_petrarch(file_name, content, petrarch_kind_from_name(file_name), out, notes);
}

void read_petrarch(std::string_view file_name, std::string_view content, PetrarchKind kind,
                   Dictionary& out, PetrarchNotes* notes) {
  uint32_t file_index = static_cast<uint32_t>(out.files.size());
  out.files.emplace_back(file_name);
  switch (kind) {
    case PetrarchKind::kVerbs:
      read_verbs(file_name, content, file_index, out, notes);
      break;
    case PetrarchKind::kActors:
      read_actors(file_name, content, file_index, out, notes);
      break;
    case PetrarchKind::kAgents:
      read_agents(file_name, content, file_index, out, notes);
      break;
    case PetrarchKind::kDiscards:
      read_discards(file_name, content, out);
      break;
    case PetrarchKind::kIssues:
      read_issues(file_name, content, file_index, out, notes);
      break;
    case PetrarchKind::kUnknown:
      throw Error(fmt::format(
          "{}: cannot tell which PETRARCH dictionary this is (the name should say verbs/CAMEO, "
          "actors, agents, discards or issues)",
          file_name));
  }
}

// ---------------------------------------------------------------------------------------------
// Issues

IssueCoder::IssueCoder(std::vector<IssueEntry> entries) : entries_(std::move(entries)) {
  for (uint32_t i = 0; i < entries_.size(); ++i)
    if (!entries_[i].phrase.empty()) by_first_word_[entries_[i].phrase.front().text].push_back(i);
}

std::optional<IssueCoder> IssueCoder::from_files(const std::vector<std::string>& paths) {
  Dictionary dict;
  bool any = false;
  for (const std::string& path : paths) {
    if (!is_petrarch_file(path) || petrarch_kind_from_name(path) != PetrarchKind::kIssues) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(fmt::format("{}: cannot open dictionary file", path));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    read_petrarch(path, buffer.str(), PetrarchKind::kIssues, dict);
    any = true;
  }
  if (!any) return std::nullopt;
  return IssueCoder(std::move(dict.issues));
}

std::vector<std::vector<std::string>> IssueCoder::sentence_issues(std::string_view document,
                                                                  bool split_sentences) const {
  std::vector<text::Span> spans;
  if (split_sentences)
    text::split_sentences(document, spans);
  else if (!document.empty())
    spans.push_back(text::Span{0, static_cast<uint32_t>(document.size())});
  struct Found {
    std::string code, category;
  };
  std::vector<std::vector<Found>> found(spans.size());
  std::vector<std::set<std::string>> ignored(spans.size());
  std::set<std::string> story_ignored;
  text::TokenBuffer tokens;
  for (size_t s = 0; s < spans.size(); ++s) {
    tokens.clear();
    text::tokenize(document, spans[s], tokens);
    const size_t n = tokens.size();
    for (size_t i = 0; i < n; ++i) {
      auto bucket = by_first_word_.find(tokens.key(i));
      if (bucket == by_first_word_.end()) continue;
      for (uint32_t index : bucket->second) {
        const IssueEntry& e = entries_[index];
        if (i + e.phrase.size() > n) continue;
        bool match = true;
        for (size_t k = 1; k < e.phrase.size() && match; ++k)
          match = tokens.key(i + k) == e.phrase[k].text;
        if (!match) continue;
        switch (e.kind) {
          case IssueEntry::Kind::kIssue:
            if (std::none_of(found[s].begin(), found[s].end(),
                             [&](const Found& f) { return f.code == e.code; }))
              found[s].push_back(Found{e.code, e.category});
            break;
          case IssueEntry::Kind::kIgnoreSentence:
            ignored[s].insert(e.category);
            break;
          case IssueEntry::Kind::kIgnoreStory:
            story_ignored.insert(e.category);
            break;
        }
      }
    }
  }
  std::vector<std::vector<std::string>> out(spans.size());
  for (size_t s = 0; s < spans.size(); ++s)
    for (const Found& f : found[s])
      if (!ignored[s].count(f.category) && !story_ignored.count(f.category))
        out[s].push_back(f.code);
  return out;
}

void IssueCoder::assign(const Document& document, bool split_sentences, std::vector<Event>& events,
                        size_t first) const {
  if (entries_.empty() || first >= events.size()) return;
  std::vector<std::vector<std::string>> issues = sentence_issues(document.text, split_sentences);
  for (size_t i = first; i < events.size(); ++i)
    if (events[i].sentence_index < issues.size())
      events[i].issues = issues[events[i].sentence_index];
}

}  // namespace dyad::lexicon
