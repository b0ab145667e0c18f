#include "lexicon/model.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <fstream>
#include <sstream>

#include "lexicon/embedded.h"
#include "validate/tabari_suite.h"
#include "lexicon/petrarch_reader.h"
#include "lexicon/tables.h"
#include "lexicon/tabari_reader.h"
#include "text/text.h"

namespace dyad::lexicon {

WordId WordTable::intern(const Word& word) {
  FlatStringMap& map = !word.exact ? stems_ : word.endings ? endings_ : exact_;
  auto [id, inserted] = map.insert(word.text, count_);
  if (inserted) {
    ++count_;
    add_to_pair_filter(word.text);
    if (!word.exact) {
      add_to_stem_filter(word.text);
      min_stem_ = std::min<uint64_t>(min_stem_, word.text.size());
      max_stem_ = std::max<uint64_t>(max_stem_, word.text.size());
    }
  }
  return id;
}

namespace {
// Function words are never a dictionary word plus an ending ("WAS" is not WA_ + S), nor is a
// function word plus an ending a form of it ("USING" is not US_ + ING).
bool is_function_word(std::string_view key) {
  return DYAD_KEY_IN(key, "WAS", "HAS", "IS", "ITS", "US", "AS", "THIS", "HIS", "BEING", "DOES",
                     "GOES");
}
}  // namespace

void WordTable::rebuild_filters() {
  std::fill(stem_filter_.begin(), stem_filter_.end(), 0);
  std::fill(pair_filter_.begin(), pair_filter_.end(), 0);
  stems_.for_each([&](std::string_view stem, uint32_t) {
    add_to_stem_filter(stem);
    add_to_pair_filter(stem);
  });
  for (const FlatStringMap* map : {&exact_, &endings_})
    map->for_each([&](std::string_view word, uint32_t) { add_to_pair_filter(word); });
}

void WordTable::match(std::string_view key, uint64_t hash, std::vector<WordId>& out) const {
  if (key.size() >= 2 && !pair_filter_has(key)) {
    // No word of two or more bytes starts as the key does: only a one-byte stem can match.
    if (min_stem_ == 1) finish_stems(key.substr(0, 1), out);
    return;
  }
  if (const uint32_t* id = exact_.find(key, hash)) out.push_back(*id);
  if (!endings_.empty()) {
    if (const uint32_t* id = endings_.find(key, hash)) out.push_back(*id);
    if (is_function_word(key)) return finish_stems(key, out);
    // The endings S, ES, ED, EN, ING and D, tried in that order: the key's last letters say
    // which of them it can have (at most two), so the others are not compared. `length` is
    // the ending's, which the key is known to end with; the stem keeps at least two letters.
    const size_t n = key.size();
    auto try_ending = [&](size_t length) {
      if (n <= length + 1) return;
      const std::string_view stem = key.substr(0, n - length);
      if (is_function_word(stem)) return;
      if (const uint32_t* id = endings_.find(stem)) out.push_back(*id);
    };
    const bool e_before_last = n >= 2 && key[n - 2] == 'E';
    switch (n == 0 ? 0 : key.back()) {
      case 'S':
        try_ending(1);                     // S
        if (e_before_last) try_ending(2);  // ES
        break;
      case 'D':
        // "D" only completes a word that ends in E (DEPLORE_ + D = DEPLORED).
        if (e_before_last) {
          try_ending(2);  // ED
          try_ending(1);  // D
        }
        break;
      case 'N':
        if (e_before_last) try_ending(2);  // EN
        break;
      case 'G':
        if (n >= 3 && key[n - 3] == 'I' && key[n - 2] == 'N') try_ending(3);  // ING
        break;
      default:
        break;
    }
  }
  finish_stems(key, out);
}

namespace {
// stem_filter_bit of a stem of n bytes whose packed bytes (below) are `bytes`.
size_t stem_bit(uint64_t bytes, size_t n, unsigned filter_bits) {
  return static_cast<size_t>(((bytes ^ n) * 0x9E3779B97F4A7C15ULL) >> (64 - filter_bits));
}
}  // namespace

size_t WordTable::stem_filter_bit(std::string_view stem) {
  const size_t n = stem.size();
  uint64_t bytes = text::prefix_code(stem);  // the first 8 bytes, and the last 8 of a longer one
  if (n > 8) bytes ^= std::rotl(text::detail::load_u64(stem.data() + n - 8), 29);
  return stem_bit(bytes, n, kStemFilterBits);
}

void WordTable::finish_stems(std::string_view key, std::vector<WordId>& out) const {
  const size_t longest = std::min<uint64_t>(key.size(), max_stem_);
  // stem_filter_bit of each prefix, from one load of the key's first 8 bytes (prefix_code of a
  // prefix of up to 8 bytes is that load masked) and, past 8 bytes, the prefix's last 8.
  const uint64_t first = text::prefix_code(key.substr(0, std::min<size_t>(key.size(), 8)));
  for (size_t k = min_stem_; k <= longest; ++k) {
    uint64_t bytes;
    if (k < 8)
      bytes = first & ((uint64_t{1} << (8 * k)) - 1);
    else if (k == 8)
      bytes = first;
    else
      bytes = first ^ std::rotl(text::detail::load_u64(key.data() + k - 8), 29);
    if (!stem_filter_has(stem_bit(bytes, k, kStemFilterBits))) continue;
    if (const uint32_t* id = stems_.find(key.substr(0, k))) out.push_back(*id);
  }
}

void PhraseTrie::insert(const std::vector<WordId>& words, uint32_t payload) {
  if (last_payload_.size() != nodes_.size()) find_tails();  // a trie read from a model file
  // path[i]: the node reached before words[i] (path[0] is the root), then the last one.
  std::vector<uint32_t> path;
  path.reserve(words.size() + 1);
  uint32_t node = 0;
  for (WordId w : words) {
    path.push_back(node);
    uint32_t next = static_cast<uint32_t>(nodes_.size());
    uint32_t found;
    if (node == 0) {
      if (w >= root_links_.size()) root_links_.resize(w + 1, 0);
      found = Link(root_links_[w]).node();
      if (found == 0) root_links_[w] = found = next;
    } else {
      found = edges_.insert(edge_key(node, w), next) & kNodeMask;
      nodes_[node].child_signature |= child_bit(w);
    }
    if (found == next) {
      nodes_.push_back(Node{});
      last_payload_.push_back(kNone);
    }
    node = found;
  }
  uint32_t link = static_cast<uint32_t>(payload_links_.size());
  payload_links_.push_back(payload);
  payload_links_.push_back(kNone);
  if (nodes_[node].first_payload == kNone)
    nodes_[node].first_payload = link;
  else
    payload_links_[last_payload_[node] + 1] = link;
  last_payload_[node] = link;
  path.push_back(node);
  // The nodes on the path may have a new child or payload: the edges into them carry it.
  for (size_t i = 0; i < words.size(); ++i) set_link(path[i], words[i], path[i + 1]);
}

uint64_t PhraseTrie::link_bits(uint32_t node) const {
  const Node& n = nodes_[node];
  return node | uint64_t{n.first_payload != kNone} << 31 | uint64_t{n.child_signature} << 32;
}

void PhraseTrie::set_link(uint32_t from, WordId word, uint32_t node) {
  const uint64_t bits = link_bits(node);
  if (from == 0)
    root_links_[word] = bits;
  else
    edges_.set_both(edge_key(from, word), static_cast<uint32_t>(bits),
                    static_cast<uint32_t>(bits >> 32));
}

void PhraseTrie::find_tails() {
  last_payload_.assign(nodes_.size(), kNone);
  for (size_t n = 0; n < nodes_.size(); ++n)
    for (uint32_t link = nodes_[n].first_payload; link != kNone; link = payload_links_[link + 1])
      last_payload_[n] = link;
}

namespace {

std::vector<WordId> intern_phrase(WordTable& words, const Phrase& phrase,
                                  bool allow_endings = true) {
  std::vector<WordId> ids;
  ids.reserve(phrase.size());
  for (Word w : phrase) {
    if (!allow_endings) w.endings = false;
    ids.push_back(words.intern(w));
  }
  return ids;
}

// Written length of a phrase in characters (TABARI 5.7.1): letters and connectors; a synset
// named inside it ("&CURRENCY_EXCHANGE") counts its connector only, as a synset element does.
int written_length(const Phrase& phrase) {
  int n = 0;
  for (const Word& w : phrase) {
    if (w.text.empty() || w.text[0] != '&') n += static_cast<int>(w.text.size());
    n += w.joined_to_next ? 1 : 0;
  }
  return n;
}

ElementKind slot_of(const std::string& text) {
  if (text == "$") return ElementKind::kSource;
  if (text == "+") return ElementKind::kTarget;
  if (text == "%") return ElementKind::kCompound;
  return ElementKind::kWord;
}

CompiledPhrase compile_phrase(WordTable& words, const Phrase& phrase) {
  CompiledPhrase out;
  for (Word w : phrase) {
    out.joined.push_back(w.joined_to_next);
    out.slots.push_back(slot_of(w.text));
    if (out.slots.back() != ElementKind::kWord) {
      out.length += w.joined_to_next ? 1 : 0;  // a token weighs nothing (TABARI 5.7.1)
      out.words.push_back(kNoWord);
      continue;
    }
    out.length += static_cast<int>(w.text.size()) + (w.joined_to_next ? 1 : 0);
    w.endings = false;
    out.words.push_back(words.intern(w));
  }
  if (!out.joined.empty()) out.joined.pop_back();
  return out;
}

std::string where_of(const Dictionary& dict, SourceLine where) {
  return fmt::format("{}:{}", dict.files.at(where.file), where.line);
}

// Expands a synset's members, substituting nested synsets ("&TIETYPES_MEMOS" = each TIETYPES
// phrase followed by MEMOS). Depth-limited against cycles.
std::vector<Phrase> expand_synset(const Synset& synset,
                                  const std::unordered_map<std::string, const Synset*>& synsets,
                                  int depth = 0);

// Expands one written phrase that may name synsets ("&TIETYPES_MEMOS" = each TIETYPES phrase
// followed by MEMOS). `parsed` is the phrase as parse_phrase read it, used when there is no '&'.
std::vector<Phrase> expand_written(const std::string& written, const Phrase& parsed,
                                   const std::unordered_map<std::string, const Synset*>& synsets,
                                   int depth) {
  // Synset names and actor tokens ("PESO_$") are read atom by atom; other phrases as parsed.
  bool has_token = false;
  for (size_t i = 0; i < written.size(); ++i)
    if ((written[i] == '$' || written[i] == '+' || written[i] == '%') &&
        (i == 0 || written[i - 1] == '_' || written[i - 1] == ' ') &&
        (i + 1 == written.size() || written[i + 1] == '_' || written[i + 1] == ' '))
      has_token = true;
  if (written.find('&') == std::string::npos && !has_token) return {parsed};
  std::vector<Phrase> partial(1);
  size_t i = 0;
  while (i < written.size()) {
    size_t j = written.find_first_of("_ \t", i);
    if (j == std::string::npos) j = written.size();
    std::string atom = written.substr(i, j - i);
    bool joined = j < written.size() && written[j] == '_' && j + 1 < written.size();
    i = j + 1;
    if (atom.empty()) continue;
    std::vector<Phrase> pieces;
    if (atom[0] == '&') {
      auto it = synsets.find(atom.substr(1));
      if (it != synsets.end()) pieces = expand_synset(*it->second, synsets, depth + 1);
    } else if (atom == "$" || atom == "+" || atom == "%") {
      pieces.push_back(Phrase{Word{atom, true, false, false}});
    } else {
      pieces.push_back(parse_phrase(atom + (joined || j >= written.size() ? "_" : "")));
    }
    std::vector<Phrase> next;
    for (const Phrase& head : partial)
      for (Phrase tail : pieces) {
        if (!tail.empty()) tail.back().joined_to_next = joined;
        Phrase both = head;
        both.insert(both.end(), tail.begin(), tail.end());
        next.push_back(std::move(both));
      }
    partial = std::move(next);
  }
  std::vector<Phrase> out;
  for (Phrase& p : partial)
    if (!p.empty()) out.push_back(std::move(p));
  return out;
}

// Expands a synset's members, substituting nested synsets. Depth-limited against cycles.
std::vector<Phrase> expand_synset(const Synset& synset,
                                  const std::unordered_map<std::string, const Synset*>& synsets,
                                  int depth) {
  std::vector<Phrase> out;
  if (depth > 8) return out;
  for (size_t m = 0; m < synset.written.size(); ++m)
    for (Phrase& p : expand_written(synset.written[m], synset.phrases[m], synsets, depth))
      out.push_back(std::move(p));
  return out;
}

// Expanded synsets by name, so each is built once and shared by the patterns naming it.
// Every set is kept by the model (`owner`: Model::Impl::alternative_sets).
struct SynsetSets {
  std::unordered_map<std::string, const AlternativeSet*> by_name;
  std::vector<std::unique_ptr<const AlternativeSet>>* owner;
};

const AlternativeSet* make_set(std::vector<CompiledPhrase> phrases, WordTable& words,
                               SynsetSets& sets) {
  auto owned = std::make_unique<AlternativeSet>();
  AlternativeSet* set = owned.get();
  sets.owner->push_back(std::move(owned));
  set->phrases.reserve(phrases.size());
  for (CompiledPhrase& phrase : phrases) set->phrases.push_back(std::move(phrase));
  for (uint32_t a = 0; a < set->phrases.size(); ++a) {
    const CompiledPhrase& alt = set->phrases[a];
    if (alt.words.empty()) continue;
    auto is_slot = [&](size_t k) {
      return !alt.slots.empty() && alt.slots[k] != ElementKind::kWord;
    };
    if (is_slot(0)) {
      set->slot_first.push_back(a);
    } else {
      set->by_first_word.push_back(AlternativeByWord{alt.words.front(), a});
      words.add_flags(alt.words.front(), WordTable::kStartsAlternative);
    }
    if (is_slot(alt.words.size() - 1)) {
      set->slot_last.push_back(a);
    } else {
      set->by_last_word.push_back(AlternativeByWord{alt.words.back(), a});
      words.add_flags(alt.words.back(), WordTable::kEndsAlternative);
    }
  }
  std::sort(set->by_first_word.begin(), set->by_first_word.end());
  std::sort(set->by_last_word.begin(), set->by_last_word.end());
  return set;
}

CompiledElement compile_element(const PatternElement& el, const Dictionary& dict,
                                const std::unordered_map<std::string, const Synset*>& synsets,
                                SynsetSets& synset_sets, WordTable& words, SourceLine where) {
  CompiledElement out;
  out.kind = el.kind;
  out.joined_to_next = el.joined_to_next;
  switch (el.kind) {
    case ElementKind::kWord:
      out.word = words.intern(el.word);
      break;
    case ElementKind::kAlternatives: {
      // An alternative may name a synset ("{ &TIETYPES | CLOSER | &CURRENCY_EXCHANGE }").
      std::vector<CompiledPhrase> phrases;
      for (size_t a = 0; a < el.alternatives.size(); ++a) {
        const std::string& written =
            a < el.alternatives_written.size() ? el.alternatives_written[a] : std::string();
        // Every expansion of an alternative weighs what the alternative is written with.
        int length = written_length(el.alternatives[a]);
        for (const Phrase& p : expand_written(written, el.alternatives[a], synsets, 0)) {
          phrases.push_back(compile_phrase(words, p));
          phrases.back().length = length;
        }
      }
      // Only explicit { | } alternatives weigh in pattern order; a synset weighs nothing.
      int longest = 0;
      for (const CompiledPhrase& alt : phrases) longest = std::max(longest, alt.length);
      out.longest = static_cast<int16_t>(std::min<int>(longest, INT16_MAX));
      out.alternatives = make_set(std::move(phrases), words, synset_sets);
      break;
    }
    case ElementKind::kSynset: {
      auto it = synsets.find(el.synset);
      if (it == synsets.end())
        throw Error(fmt::format("{}: unknown synset &{}", where_of(dict, where), el.synset));
      const AlternativeSet*& set = synset_sets.by_name[el.synset];
      if (!set) {
        std::vector<CompiledPhrase> phrases;
        for (const Phrase& p : expand_synset(*it->second, synsets))
          phrases.push_back(compile_phrase(words, p));
        set = make_set(std::move(phrases), words, synset_sets);
      }
      out.alternatives = set;
      break;
    }
    default:
      break;
  }
  return out;
}

}  // namespace

namespace {

// TABARI orders a verb's patterns by length in characters (manual 5.7.1): letters, digits and
// connectors of the literal words count, tokens ($ + % ^ *) and blanks do not; an alternative
// set counts as its longest alternative.

int pattern_length(const VerbPattern& p) {
  int n = 0;
  auto element = [&](const PatternElement& el) {
    switch (el.kind) {
      case ElementKind::kWord:
        n += static_cast<int>(el.word.text.size()) + (el.joined_to_next ? 1 : 0);
        break;
      case ElementKind::kAlternatives: {
        int longest = 0;
        for (const Phrase& alt : el.alternatives) longest = std::max(longest, written_length(alt));
        n += longest + (el.joined_to_next ? 1 : 0);
        break;
      }
      case ElementKind::kSynset:
        // A synset is a token like $ and +: it adds nothing (SYNSET-07: "* DOLLAR" is tried
        // before "* &CURRENCY").
        n += el.joined_to_next ? 1 : 0;
        break;
      default:
        n += el.joined_to_next ? 1 : 0;
        break;
    }
  };
  for (const auto& el : p.before) element(el);
  for (const auto& el : p.after) element(el);
  return n;
}

// Builds verb.unkeyed_patterns / key_words / key_begin / key_patterns from each pattern's key
// word (kNoWord: none), given in pattern order.
void index_patterns(const std::vector<WordId>& keys, CompiledVerb& verb) {
  std::vector<std::pair<WordId, uint32_t>> keyed;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == kNoWord)
      verb.unkeyed_patterns.push_back(i);
    else
      keyed.emplace_back(keys[i], i);
  }
  std::sort(keyed.begin(), keyed.end());
  for (size_t k = 0; k < keyed.size(); ++k) {
    if (k == 0 || keyed[k].first != keyed[k - 1].first) {
      verb.key_words.push_back(keyed[k].first);
      verb.key_begin.push_back(static_cast<uint32_t>(verb.key_patterns.size()));
    }
    verb.key_patterns.push_back(keyed[k].second);
  }
  verb.key_begin.push_back(static_cast<uint32_t>(verb.key_patterns.size()));
}

void compile_verbs(const std::vector<VerbEntry>& entries, const Dictionary& dict,
                   const std::unordered_map<std::string, const Synset*>& synsets,
                   SynsetSets& synset_sets, Model::Impl& impl,
                   PhraseTrie& trie, std::vector<CompiledVerb>& out) {
  std::vector<WordId> pattern_keys;
  for (const VerbEntry& verb : entries) {
    CompiledVerb compiled;
    compiled.code = verb.code;
    compiled.where = verb.where;
    for (const VerbPattern& p : verb.patterns) {
      CompiledPattern cp;
      for (const auto& el : p.before)
        cp.before.push_back(compile_element(el, dict, synsets, synset_sets, impl.words, p.where));
      for (const auto& el : p.after)
        cp.after.push_back(compile_element(el, dict, synsets, synset_sets, impl.words, p.where));
      cp.code = p.code;
      cp.verb_joined_to_next = p.verb_joined_to_next;
      cp.specificity = pattern_length(p);
      cp.has_alternatives =
          std::any_of(cp.before.begin(), cp.before.end(),
                      [](const CompiledElement& e) { return !e.phrases().empty(); }) ||
          std::any_of(cp.after.begin(), cp.after.end(),
                      [](const CompiledElement& e) { return !e.phrases().empty(); });
      cp.where = p.where;
      size_t key_length = 0;
      WordId key = kNoWord;
      for (const auto* side : {&cp.before, &cp.after}) {
        for (const CompiledElement& el : *side)
          if (el.kind == ElementKind::kWord) cp.required.push_back(el.word);
        if (side == &cp.before) cp.required_before = static_cast<uint32_t>(cp.required.size());
      }
      for (const auto* side : {&p.before, &p.after})
        for (size_t e = 0; e < side->size(); ++e)
          if ((*side)[e].kind == ElementKind::kWord && (*side)[e].word.text.size() > key_length) {
            key_length = (*side)[e].word.text.size();
            key = (side == &p.before ? cp.before : cp.after)[e].word;
          }
      compiled.patterns.push_back(std::move(cp));
      pattern_keys.push_back(key);
    }
    // Most specific first; the keys follow their patterns.
    std::vector<uint32_t> order(compiled.patterns.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return compiled.patterns[a].specificity > compiled.patterns[b].specificity;
    });
    Array<CompiledPattern> sorted;
    sorted.reserve(order.size());
    std::vector<WordId> sorted_keys;
    for (uint32_t i : order) {
      sorted.push_back(std::move(compiled.patterns[i]));
      sorted_keys.push_back(pattern_keys[i]);
    }
    compiled.patterns = std::move(sorted);
    index_patterns(sorted_keys, compiled);
    pattern_keys.clear();
    // Headword: the joined prefix goes in the trie; words after a blank are a continuation.
    Phrase prefix;
    size_t split = 0;
    while (split < verb.headword.size()) {
      prefix.push_back(verb.headword[split]);
      if (!verb.headword[split].joined_to_next) break;
      ++split;
    }
    compiled.headword_words = static_cast<uint32_t>(verb.headword.size());
    for (const Word& w : verb.headword)
      compiled.headword_chars += static_cast<uint32_t>(w.text.size());
    for (size_t w = prefix.size(); w < verb.headword.size(); ++w) {
      PatternElement el;
      el.kind = ElementKind::kWord;
      el.word = verb.headword[w];
      el.word.endings = w + 1 == verb.headword.size() ? el.word.endings : false;
      el.joined_to_next = verb.headword[w].joined_to_next;
      compiled.continuation.after.push_back(
          compile_element(el, dict, synsets, synset_sets, impl.words, verb.where));
      compiled.has_continuation = true;
    }
    uint32_t index = static_cast<uint32_t>(out.size());
    out.push_back(std::move(compiled));
    trie.insert(intern_phrase(impl.words, prefix), index);
    for (const Phrase& form : verb.forms) trie.insert(intern_phrase(impl.words, form), index);
    impl.stats.verb_patterns += verb.patterns.size();
  }
}

}  // namespace

void compile_dictionary(const Dictionary& dict, Model::Impl& impl) {
  for (const ActorEntry& actor : dict.actors) {
    uint32_t index = static_cast<uint32_t>(impl.actor_codes.size());
    Array<DatedCode>& codes = impl.actor_codes.emplace_back();
    codes.reserve(actor.codes.size());
    for (const DatedCode& code : actor.codes) codes.push_back(code);
    size_t prefix = 0;
    while (prefix + 1 < actor.phrase.size() && actor.phrase[prefix].joined_to_next) ++prefix;
    if (prefix + 1 >= actor.phrase.size()) {
      impl.actor_trie.insert(intern_phrase(impl.words, actor.phrase), index);
      continue;
    }
    // Written with a blank inside: the words after it may follow at a distance.
    GappedActor gapped;
    gapped.codes = index;
    gapped.words = static_cast<uint32_t>(actor.phrase.size());
    for (size_t w = prefix + 1; w < actor.phrase.size(); ++w) {
      CompiledElement el;
      el.kind = ElementKind::kWord;
      el.joined_to_next = actor.phrase[w].joined_to_next;
      el.word = impl.words.intern(actor.phrase[w]);
      gapped.continuation.after.push_back(std::move(el));
    }
    Phrase head(actor.phrase.begin(), actor.phrase.begin() + static_cast<long>(prefix) + 1);
    head.back().endings = false;
    impl.actor_gap_trie.insert(intern_phrase(impl.words, head),
                               static_cast<uint32_t>(impl.actor_gaps.size()));
    impl.actor_gaps.push_back(std::move(gapped));
  }
  for (const AgentEntry& agent : dict.agents) {
    uint32_t index = static_cast<uint32_t>(impl.agents.size());
    impl.agents.push_back(AgentInfo{agent.code, agent.suffix});
    impl.agent_trie.insert(intern_phrase(impl.words, agent.phrase), index);
  }
  std::unordered_map<std::string, const Synset*> synsets;
  for (const Synset& s : dict.synsets) synsets[s.name] = &s;
  SynsetSets synset_sets{{}, &impl.alternative_sets};
  compile_verbs(dict.verbs, dict, synsets, synset_sets, impl, impl.verb_trie, impl.verbs);
  compile_verbs(dict.times, dict, synsets, synset_sets, impl, impl.time_trie, impl.times);
  for (const Phrase& noun : dict.nouns) impl.noun_trie.insert(intern_phrase(impl.words, noun), 0);
  for (const Phrase& adjective : dict.adjectives)
    impl.adjective_trie.insert(intern_phrase(impl.words, adjective), 0);
  // Payload 1: a story discard (PETRARCH '+'), inserted first so that it is the phrase's first
  // payload; 0: a sentence discard. Story discards are also in dict.discards.
  for (const Phrase& discard : dict.story_discards)
    impl.discard_trie.insert(intern_phrase(impl.words, discard), 1);
  for (const Phrase& discard : dict.discards)
    impl.discard_trie.insert(intern_phrase(impl.words, discard), 0);
  impl.stats.actor_phrases += dict.actors.size();
  impl.stats.agent_phrases += dict.agents.size();
  impl.stats.verbs += dict.verbs.size();
  impl.stats.synsets += dict.synsets.size();
  // Flag the words that start a phrase, so the coder asks a trie only at tokens that do.
  const std::pair<const PhraseTrie*, uint8_t> first_words[] = {
      {&impl.actor_trie, WordTable::kStartsActor},
      {&impl.agent_trie, WordTable::kStartsAgent},
      {&impl.actor_gap_trie, WordTable::kStartsGappedActor},
      {&impl.verb_trie, WordTable::kStartsVerb}};
  for (const auto& [trie, flag] : first_words) {
    const uint8_t starts = flag;  // a structured binding is not captured before C++20 (clang 14)
    trie->for_each_first_word([&](WordId w) { impl.words.add_flags(w, starts); });
  }
  // And the words that continue one, so a walk stops at a token no phrase goes on with.
  impl.actor_trie.for_each_later_word(
      [&](WordId w) { impl.words.add_flags(w, WordTable::kContinuesActor); });
  impl.agent_trie.for_each_later_word(
      [&](WordId w) { impl.words.add_flags(w, WordTable::kContinuesAgent); });
}

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    cols.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cols;
}

template <typename Fn>
void for_each_data_line(std::string_view content, Fn&& fn) {
  size_t pos = 0;
  uint32_t number = 0;
  bool header_seen = false;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    ++number;
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    fn(line, number);
  }
}

// A number in [lo, hi] ("nan" and "inf", which std::stod reads, are not numbers here: they
// would reach the JSON output, which has no such values).
double parse_double(std::string_view s, const std::string& where, const char* what, double lo,
                    double hi) {
  double v = 0;
  try {
    size_t used = 0;
    v = std::stod(std::string(s), &used);
    if (used != s.size()) throw std::invalid_argument("trailing");
  } catch (const std::exception&) {
    throw Error(fmt::format("{}: '{}' is not a number", where, s));
  }
  if (!(v >= lo && v <= hi))
    throw Error(fmt::format("{}: {} '{}' is not in [{}, {}]", where, what, s, lo, hi));
  return v;
}

}  // namespace

void load_event_codes(std::string_view name, std::string_view content, Model::Impl& impl) {
  for_each_data_line(content, [&](std::string_view line, uint32_t number) {
    auto cols = split_tabs(line);
    std::string where = fmt::format("{}:{}", name, number);
    if (cols.size() < 4) throw Error(where + ": expected code, label, goldstein, quad_class");
    EventCodeInfo info;
    info.label = std::string(cols[1]);
    info.goldstein = parse_double(cols[2], where, "Goldstein score", -10, 10);
    double quad = parse_double(cols[3], where, "quad class", 1, 4);
    if (quad != static_cast<int>(quad))
      throw Error(fmt::format("{}: quad class '{}' is not 1, 2, 3 or 4", where, cols[3]));
    info.quad_class = static_cast<int>(quad);
    if (cols.size() > 4) info.plover = std::string(cols[4]);
    impl.event_codes[std::string(cols[0])] = std::move(info);
  });
}

void load_places(std::string_view name, std::string_view content, Model::Impl& impl) {
  for_each_data_line(content, [&](std::string_view line, uint32_t number) {
    auto cols = split_tabs(line);
    std::string where = fmt::format("{}:{}", name, number);
    if (cols.size() < 4) throw Error(where + ": expected name, country, lat, lon, kind");
    Place place{std::string(cols[0]), std::string(cols[1]),
                parse_double(cols[2], where, "latitude", -90, 90),
                parse_double(cols[3], where, "longitude", -180, 180),
                cols.size() > 4 ? std::string(cols[4]) : ""};
    std::string key = text::key_of_phrase(place.name);
    // The first entry of a name wins: places.tsv lists capitals before other cities.
    if (impl.place_index.insert(key, static_cast<uint32_t>(impl.places.size())).second)
      impl.places.push_back(std::move(place));
  });
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Loads one file's bytes into the dictionary or the tables, by its name.
void load_file(std::string_view name, std::string_view content, Dictionary& dict,
               Model::Impl& impl) {
  if (ends_with(name, "cameo.tsv")) {
    load_event_codes(name, content, impl);
  } else if (ends_with(name, "places.tsv")) {
    load_places(name, content, impl);
  } else if (ends_with(name, ".md") ||
             (ends_with(name, ".txt") && name.find("README") != name.npos)) {
    // documentation beside the data
  } else if (is_petrarch_file(name)) {
    read_petrarch(name, content, dict);  // PETRARCH dictionaries (*.txt)
  } else {
    read_tabari(name, content, kind_from_name(name), dict);
  }
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open dictionary file", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace
}  // namespace dyad::lexicon

namespace dyad {

const lexicon::EventCodeInfo* Model::Impl::event_code(std::string_view code) const {
  std::string key(code);
  while (key.size() >= 2) {
    auto it = event_codes.find(key);
    if (it != event_codes.end()) return &it->second;
    key.pop_back();
  }
  return nullptr;
}

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

ModelStats Model::stats() const {
  return impl_->stats;
}

std::shared_ptr<const Model> Model::compile(const KnowledgeOptions& options) {
  auto impl = std::make_unique<Impl>();
  lexicon::Dictionary dict;
  // The CAMEO table always comes from the embedded knowledge: it is reference data, not a
  // dictionary choice.
  // The user's dictionaries come first: when two entries have the same phrase, the first one
  // read is kept (TABARI's rule), so a --dict entry overrides the default knowledge.
  for (const std::string& given : options.dictionaries) {
    // A TABARI .project brings its actors, agents and verbs files (its options are coding
    // options: the caller applies them, see validate::read_options_file).
    std::vector<std::string> paths = {given};
    if (lexicon::ends_with(given, ".project")) paths = validate::read_project(given).dictionaries;
    for (const std::string& path : paths) {
      std::string content = lexicon::read_whole_file(path);
      lexicon::load_file(path, content, dict, *impl);
      impl->stats.sources.push_back(path);
    }
  }
  for (const lexicon::EmbeddedFile* f = lexicon::kEmbeddedKnowledge; f->name != nullptr; ++f) {
    std::string_view name = f->name;
    bool table = lexicon::ends_with(name, "cameo.tsv") || lexicon::ends_with(name, "places.tsv");
    if (!options.use_default && !table) continue;
    std::string label = fmt::format("<default>/{}", name);
    lexicon::load_file(label, std::string_view(f->data, f->size), dict, *impl);
    impl->stats.sources.push_back(label);
  }
  if (options.strict && !dict.warnings.empty()) throw Error(dict.warnings.front());
  lexicon::compile_dictionary(dict, *impl);
  impl->stats.warnings = dict.warnings;
  impl->files = dict.files;
  impl->stats.places = impl->places.size();
  impl->stats.event_codes = impl->event_codes.size();
  return std::shared_ptr<const Model>(new Model(std::move(impl)));
}

}  // namespace dyad
