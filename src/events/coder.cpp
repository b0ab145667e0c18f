// The Coder: runs text -> actors -> events -> dates/geo over one document.
//
// Per sentence: tokenize, match dictionary words once, find actor mentions, then for every
// verb occurrence pick its most specific matching pattern (or the verb's default code) and
// assign source and target. See docs/design.md for the coding rules (negation, nominal verbs,
// speech verbs, passive voice, compound actors, story references).
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "actors/mentions.h"
#include "dates/calendar.h"
#include "dates/resolve.h"
#include "dyad/dyad.h"
#include "events/patterns.h"
#include "geo/locate.h"
#include "lexicon/model.h"
#include "text/text.h"

namespace dyad {
namespace {

using actors::Mention;
using text::TokenKind;

bool is_any(std::string_view key, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), key) != words.end();
}

bool is_determiner(std::string_view key) {
  return is_any(key, {"THE", "A", "AN", "ITS", "HIS", "HER", "THEIR", "THIS", "THESE", "THOSE",
                      "OUR", "MY", "YOUR", "ANY", "NO", "EVERY", "EACH", "'S"});
}

bool is_negation(std::string_view key) {
  if (key == "NOT" || key == "NEVER" || key == "NO" || key == "NEITHER" || key == "NOR" ||
      key == "CANNOT")
    return true;
  return key.size() > 3 && key.substr(key.size() - 3) == "N'T";
}

bool is_preposition(std::string_view key) {
  return is_any(key, {"TO", "FOR", "WITH", "OF", "ON", "AGAINST", "FROM", "IN", "AT", "BY",
                      "ABOUT", "INTO", "OVER", "UNDER", "BETWEEN", "AMONG", "TOWARD", "TOWARDS",
                      "NEAR", "VIA", "WITHOUT", "AFTER", "BEFORE", "DURING"});
}

bool is_be_form(std::string_view key) {
  return is_any(key, {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "GET", "GOT"});
}

// Words that may stand between a negation and its verb: "did not immediately meet".
bool is_verb_group_filler(std::string_view key) {
  return is_any(key, {"DID", "DO", "DOES", "HAS", "HAVE", "HAD", "WILL", "WOULD", "SHALL",
                      "SHOULD", "CAN", "COULD", "MAY", "MIGHT", "MUST", "BE", "BEEN", "YET",
                      "ALSO", "STILL", "EVER", "IMMEDIATELY", "TO", "IS", "ARE", "WAS", "WERE",
                      "FORMALLY", "OFFICIALLY", "DIRECTLY", "PUBLICLY", "EVEN"});
}

bool is_speech_root(std::string_view code) {
  return code.size() >= 2 && code[0] == '0' && (code[1] == '1' || code[1] == '2');
}

struct Candidate {
  int source = -1, target = -1;  // mention indices
  std::string code;
  uint32_t action_first = 0, action_last = 0;
  bool speech = false;
  bool from_pattern = false;
};

}  // namespace

struct Coder::Impl {
  std::shared_ptr<const Model> model_holder;
  const Model::Impl& model;
  text::TokenBuffer tokens;
  std::vector<text::Span> sentences;
  actors::SentenceScratch scratch;
  actors::DocumentState state;
  std::vector<Candidate> candidates;
  CodingOptions options;

  explicit Impl(std::shared_ptr<const Model> m) : model_holder(std::move(m)), model(model_holder->impl()) {}

  bool sentence_discarded() const {
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    if (model.discard_trie.nodes() <= 1) return false;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t payload = 0;
      if (actors::longest_match(model.discard_trie, scratch, i, n, &payload) > 0) return true;
    }
    return false;
  }

  bool negated(uint32_t verb_first) const {
    int looked = 0;
    for (int64_t k = static_cast<int64_t>(verb_first) - 1; k >= 0 && looked < 4; --k, ++looked) {
      std::string_view key = tokens.key(static_cast<size_t>(k));
      if (is_negation(key)) return true;
      if (key == "FAILED" || key == "REFUSED" || key == "DECLINED") {
        // "failed to meet": only when TO follows directly.
        if (static_cast<size_t>(k + 1) < tokens.size() && tokens.key(static_cast<size_t>(k + 1)) == "TO")
          return true;
      }
      if (!is_verb_group_filler(key)) break;
    }
    return false;
  }

  // Passive voice: "X was attacked by Y" -> source Y, target X.
  bool passive(uint32_t verb_first, uint32_t verb_last, int* by_mention) const {
    bool be = false;
    for (int64_t k = static_cast<int64_t>(verb_first) - 1, looked = 0; k >= 0 && looked < 3;
         --k, ++looked) {
      std::string_view key = tokens.key(static_cast<size_t>(k));
      if (is_be_form(key)) {
        be = true;
        break;
      }
      if (!is_any(key, {"REPORTEDLY", "ALLEGEDLY", "ALSO", "BEEN", "BADLY", "SERIOUSLY"})) break;
    }
    if (!be) return false;
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    for (uint32_t k = verb_last + 1; k < n && k <= verb_last + 6; ++k) {
      if (tokens.key(k) == "BY" && k + 1 < n) {
        for (uint32_t j = k + 1; j < n && j <= k + 3; ++j) {
          int mi = scratch.mention_of_token[j];
          if (mi >= 0 && !scratch.mentions[mi].code.empty()) {
            *by_mention = mi;
            return true;
          }
        }
        return false;
      }
      if (events::is_clause_boundary({tokens, scratch}, k)) break;
    }
    return false;
  }

  // The subject of a verb at `pos`: the nearest mention before it that is not the object of a
  // preposition ("gratitude TO the leadership of Azerbaijan" is not a subject).
  int subject_before(uint32_t pos) const {
    for (size_t m = scratch.mentions.size(); m-- > 0;) {
      const Mention& mention = scratch.mentions[m];
      if (mention.first_token >= pos || mention.code.empty()) continue;
      int64_t k = static_cast<int64_t>(mention.first_token) - 1;
      while (k >= 0 && is_determiner(tokens.key(static_cast<size_t>(k)))) --k;
      if (k >= 0 && is_preposition(tokens.key(static_cast<size_t>(k)))) continue;
      return static_cast<int>(m);
    }
    return -1;
  }

  int first_mention_after(uint32_t pos, const std::string& not_code) const {
    for (size_t m = 0; m < scratch.mentions.size(); ++m) {
      const Mention& mention = scratch.mentions[m];
      if (mention.first_token < pos || mention.code.empty()) continue;
      if (mention.code == not_code) continue;
      return static_cast<int>(m);
    }
    return -1;
  }

  // Direct object: a mention starting within two words of the verb ("told the Russian side").
  bool directly_after(uint32_t verb_last, int mention) const {
    if (mention < 0) return false;
    uint32_t first = scratch.mentions[mention].first_token;
    if (first <= verb_last) return false;
    for (uint32_t k = verb_last + 1; k < first; ++k) {
      std::string_view key = tokens.key(k);
      if (!is_determiner(key) && key != "TO" && key != "WITH") return false;
    }
    return first - verb_last <= 3;
  }

  void find_candidates() {
    candidates.clear();
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    size_t capitalized = 0, words = 0;
    for (const auto& t : tokens.tokens)
      if (t.kind == TokenKind::kWord) {
        ++words;
        if (t.capitalized) ++capitalized;
      }
    // Headline-style text: capitalization says nothing about nouns.
    bool title_case = words > 0 && capitalized * 10 > words * 7;
    events::SentenceView view{tokens, scratch};
    for (uint32_t i = 0; i < n;) {
      if (scratch.mention_of_token[i] >= 0 || tokens.tokens[i].kind != TokenKind::kWord) {
        ++i;
        continue;
      }
      uint32_t payload = 0;
      uint32_t len = actors::longest_match(model.verb_trie, scratch, i, n, &payload);
      if (len == 0) {
        ++i;
        continue;
      }
      uint32_t verb_first = i, verb_last = i + len - 1;
      i = verb_last + 1;
      // A capitalized word inside a sentence is a name or a title, not a verb.
      if (verb_first > 0 && tokens.tokens[verb_first].capitalized && !title_case) continue;
      bool noun_position =
          verb_first > 0 && is_determiner(tokens.key(verb_first - 1));
      const lexicon::CompiledVerb& verb = model.verbs[payload];
      Candidate c;
      c.action_first = verb_first;
      c.action_last = verb_last;
      events::PatternMatch match;
      bool matched = false;
      for (const auto& pattern : verb.patterns) {
        if (events::match_pattern(pattern, view, verb_first, verb_last, &match)) {
          c.code = pattern.code.code;
          if (!pattern.code.paired.empty()) c.code += ":" + pattern.code.paired;
          c.source = match.source;
          c.target = match.target;
          c.action_first = match.first_token;
          c.action_last = match.last_token;
          matched = true;
          break;
        }
      }
      if (!matched) {
        if (noun_position) continue;  // "the restore", "a visit": needs a pattern
        c.code = verb.code.code;
        if (!verb.code.paired.empty()) c.code += ":" + verb.code.paired;
      }
      c.from_pattern = matched;
      if (c.code.starts_with("###")) {
        candidates.clear();  // discard code: the whole sentence is not coded
        return;
      }
      if (c.code.starts_with("---")) continue;
      if (negated(verb_first)) continue;
      int by = -1;
      if (c.source < 0 && passive(verb_first, verb_last, &by)) {
        c.source = by;
        if (c.target < 0) c.target = subject_before(verb_first);
      }
      if (c.source < 0) c.source = subject_before(verb_first);
      if (c.source < 0 && c.target < 0) continue;
      if (c.target < 0 && c.source >= 0)
        c.target = first_mention_after(verb_last + 1, scratch.mentions[c.source].code);
      c.speech = is_speech_root(c.code);
      if (c.speech && !matched && !directly_after(verb_last, c.target)) continue;
      candidates.push_back(std::move(c));
    }
  }

  void emit(const Document& doc, uint32_t sentence_index, std::optional<int32_t> day,
            const lexicon::Place* place, std::vector<Event>& out, uint64_t* event_counter) {
    bool has_substantive = std::any_of(candidates.begin(), candidates.end(),
                                       [](const Candidate& c) { return !c.speech; });
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    auto members = [&](int mention) {
      std::vector<int> out_members;
      if (mention < 0) return out_members;
      const Mention& m = scratch.mentions[mention];
      if (m.group < 0) {
        out_members.push_back(mention);
        return out_members;
      }
      for (size_t k = 0; k < scratch.mentions.size(); ++k)
        if (scratch.mentions[k].group == m.group) out_members.push_back(static_cast<int>(k));
      return out_members;
    };
    for (const Candidate& c : candidates) {
      if (c.speech && has_substantive) continue;
      std::string primary = c.code, paired;
      if (size_t colon = c.code.find(':'); colon != std::string::npos) {
        primary = c.code.substr(0, colon);
        paired = c.code.substr(colon + 1);
      }
      std::vector<std::pair<int, int>> dyads;
      auto sources = members(c.source);
      auto targets = members(c.target);
      if (targets.empty() && sources.size() >= 2) {
        // "The two sides discussed ...": the members act on each other.
        for (int s : sources)
          for (int t : sources)
            if (s != t) dyads.emplace_back(s, t);
        paired.clear();
      } else {
        for (int s : sources)
          for (int t : targets) dyads.emplace_back(s, t);
      }
      for (auto [s, t] : dyads) {
        const std::string& sc = scratch.mentions[s].code;
        const std::string& tc = scratch.mentions[t].code;
        if (sc == tc) continue;
        add_event(doc, sentence_index, day, place, primary, s, t, c, seen, out, event_counter);
        if (!paired.empty())
          add_event(doc, sentence_index, day, place, paired, t, s, c, seen, out, event_counter);
      }
    }
  }

  Actor make_actor(const Document& doc, int mention) const {
    const Mention& m = scratch.mentions[mention];
    Actor a;
    a.code = m.code;
    actors::split_actor_code(m.code, &a.country, &a.sector);
    a.span.start = tokens.tokens[m.first_token].span.start;
    a.span.end = tokens.tokens[m.last_token].span.end;
    a.span.text = doc.text.substr(a.span.start, a.span.end - a.span.start);
    return a;
  }

  void add_event(const Document& doc, uint32_t sentence_index, std::optional<int32_t> day,
                 const lexicon::Place* place, const std::string& code, int s, int t,
                 const Candidate& c, std::set<std::tuple<std::string, std::string, std::string>>& seen,
                 std::vector<Event>& out, uint64_t* event_counter) {
    const lexicon::EventCodeInfo* info = model.event_code(code);
    if (!seen.emplace(scratch.mentions[s].code, scratch.mentions[t].code, code).second) return;
    Event e;
    e.event_id = fmt::format("{}-{}", doc.id, ++*event_counter);
    e.doc_id = doc.id;
    e.sentence_index = sentence_index;
    if (day) e.date = dates::iso_from_day(*day);
    e.cameo = code;
    e.root = code.substr(0, std::min<size_t>(2, code.size()));
    if (info != nullptr) {  // else a code outside CAMEO (a custom dictionary's own)
      e.quad_class = info->quad_class;
      e.goldstein = info->goldstein;
      e.plover = info->plover;
    }
    e.source = make_actor(doc, s);
    e.target = make_actor(doc, t);
    e.action.start = tokens.tokens[c.action_first].span.start;
    e.action.end = tokens.tokens[c.action_last].span.end;
    e.action.text = doc.text.substr(e.action.start, e.action.end - e.action.start);
    if (place != nullptr) {
      Location loc;
      loc.name = place->name;
      loc.country = place->country;
      loc.lat = place->lat;
      loc.lon = place->lon;
      e.location = std::move(loc);
    }
    out.push_back(std::move(e));
  }

  void update_story(size_t events_before, const std::vector<Event>& out) {
    for (size_t k = events_before; k < out.size() && state.dyad.size() < 2; ++k) {
      if (!out[k].source || !out[k].target) continue;
      state.dyad = {out[k].source->code, out[k].target->code};
    }
    for (const Mention& m : scratch.mentions) {
      if (!m.code.empty() && !m.story_reference) {
        state.previous_subject = m.code;
        break;
      }
    }
  }

  void code(const Document& doc, std::vector<Event>& out, CodingStats* stats) {
    state.clear();
    int32_t day = 0;
    std::optional<int32_t> publication_day;
    if (dates::parse_iso_day(doc.date, &day)) {
      publication_day = day;
      state.day = day;
      state.has_day = true;
    }
    const lexicon::Place* dateline = geo::dateline_place(model, doc.dateline_place);
    sentences.clear();
    if (options.split_sentences)
      text::split_sentences(doc.text, sentences);
    else if (!doc.text.empty())
      sentences.push_back(text::Span{0, static_cast<uint32_t>(doc.text.size())});
    uint64_t event_counter = 0;
    for (uint32_t s = 0; s < sentences.size(); ++s) {
      tokens.clear();
      text::tokenize(doc.text, sentences[s], tokens);
      if (tokens.size() == 0) continue;
      if (stats) ++stats->sentences;
      actors::match_words(model.words, tokens, scratch);
      if (sentence_discarded()) continue;
      actors::find_mentions(model, doc.text, tokens, state, scratch);
      find_candidates();
      size_t before = out.size();
      if (!candidates.empty()) {
        std::optional<int32_t> event_day = dates::sentence_day(tokens, publication_day);
        if (!event_day) event_day = publication_day;
        const lexicon::Place* place = geo::place_in_sentence(model, tokens);
        if (place == nullptr) place = dateline;
        emit(doc, s, event_day, place, out, &event_counter);
      }
      update_story(before, out);
      if (stats) stats->events += out.size() - before;
    }
  }
};

Coder::Coder(std::shared_ptr<const Model> model) : impl_(std::make_unique<Impl>(std::move(model))) {}
Coder::~Coder() = default;
Coder::Coder(Coder&&) noexcept = default;
Coder& Coder::operator=(Coder&&) noexcept = default;

void Coder::set_options(const CodingOptions& options) { impl_->options = options; }
const CodingOptions& Coder::options() const { return impl_->options; }

void Coder::code(const Document& document, std::vector<Event>& out, CodingStats* stats) {
  impl_->code(document, out, stats);
}

}  // namespace dyad
