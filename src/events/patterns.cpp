#include "events/patterns.h"

#include <algorithm>

#include "text/short_strings.h"

namespace dyad::events {
namespace {

using lexicon::CompiledElement;
using lexicon::ElementKind;

bool token_has(const SentenceView& s, uint32_t i, lexicon::WordId id) {
  const auto& sc = s.scratch;
  for (uint32_t k = sc.match_begin[i]; k < sc.match_begin[i + 1]; ++k)
    if (sc.ids[k] == id) return true;
  return false;
}

// Words a '^' never passes over: it skips a noun phrase, not its preposition or determiner.
bool is_function_word(std::string_view key) {
  static constexpr text::WordList kFunctionWords{
      {"THE",  "A",    "AN",    "TO",   "FOR",  "WITH",    "OF",    "ON",    "IN",      "AT",
       "BY",   "FROM", "ABOUT", "INTO", "OVER", "AGAINST", "AND",   "OR",    "BUT",     "NOR",
       "THAT", "ITS",  "THEIR", "HIS",  "HER",  "THIS",    "THESE", "THOSE", "BETWEEN", "AFTER"}};
  return kFunctionWords.contains(key);
}

bool boundary_outside_mention(const SentenceView& s, uint32_t i) {
  return is_clause_boundary(s, i) && s.scratch.mention_of_token[i] < 0;
}

int usable_mention(const SentenceView& s, uint32_t p) {
  int mi = s.scratch.mention_of_token[p];
  if (mi < 0 || s.scratch.mentions[mi].code.empty()) return -1;
  return mi;
}

// First and last token of a mention's whole compound.
uint32_t compound_first(const SentenceView& s, int mi) {
  uint32_t start = s.scratch.mentions[mi].first_token;
  if (s.scratch.mentions[mi].group >= 0)
    for (const auto& other : s.scratch.mentions)
      if (other.group == s.scratch.mentions[mi].group) start = std::min(start, other.first_token);
  return start;
}
uint32_t compound_last(const SentenceView& s, int mi) {
  uint32_t end = s.scratch.mentions[mi].last_token;
  if (s.scratch.mentions[mi].group >= 0)
    for (const auto& other : s.scratch.mentions)
      if (other.group == s.scratch.mentions[mi].group) end = std::max(end, other.last_token);
  return end;
}

// Actors bound by the tokens of a synset member ("PESO_$").
struct PhraseBinding {
  int source = -1, target = -1;
  void bind(lexicon::ElementKind kind, int mention) {
    if (kind != ElementKind::kSource) target = mention;
    if (kind != ElementKind::kTarget) source = mention;
  }
};

// Does element k of `phrase` stand at token q? A word matches the token; an actor token
// matches an actor mention starting (forward) or ending (backward) there, and the phrase then
// goes on past the whole compound: *other is set to its far end.
bool phrase_element_at(const SentenceView& s, const lexicon::CompiledPhrase& phrase, size_t k,
                       uint32_t q, bool forward, uint32_t* other, PhraseBinding* binding) {
  ElementKind slot = phrase.slots.empty() ? ElementKind::kWord : phrase.slots[k];
  if (slot == ElementKind::kWord) {
    *other = q;
    return token_has(s, q, phrase.words[k]);
  }
  int mi = usable_mention(s, q);
  if (mi < 0) return false;
  if (slot == ElementKind::kCompound && s.scratch.mentions[mi].group < 0) return false;
  if (forward ? s.scratch.mentions[mi].first_token != q : s.scratch.mentions[mi].last_token != q)
    return false;
  *other = forward ? compound_last(s, mi) : compound_first(s, mi);
  binding->bind(slot, mi);
  return true;
}

// A word of `phrase` the sentence does not have (by SentenceView::word_filter): the phrase
// cannot match anywhere, and the tests and scans for its words are saved.
bool phrase_word_absent(const SentenceView& s, const lexicon::CompiledPhrase& phrase) {
  if (s.word_filter == nullptr) return false;
  for (size_t k = 0; k < phrase.words.size(); ++k)
    if ((phrase.slots.empty() || phrase.slots[k] == ElementKind::kWord) &&
        !s.may_have(phrase.words[k]))
      return true;
  return false;
}

// Matches `phrase` with its first word at `start`; later words follow immediately when joined,
// otherwise after skipped words (never across a clause boundary). Returns one past the last
// matched token, or 0 when there is no match.
uint32_t phrase_forward(const SentenceView& s, const lexicon::CompiledPhrase& phrase,
                        uint32_t start, PhraseBinding* binding) {
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  uint32_t pos = 0;
  if (phrase.words.empty() || start >= n || phrase_word_absent(s, phrase) ||
      !phrase_element_at(s, phrase, 0, start, true, &pos, binding))
    return 0;
  for (size_t k = 1; k < phrase.words.size(); ++k) {
    uint32_t q = pos + 1, end = 0;
    if (phrase.joined[k - 1]) {
      if (q >= n || !phrase_element_at(s, phrase, k, q, true, &end, binding)) return 0;
    } else {
      while (q < n && !phrase_element_at(s, phrase, k, q, true, &end, binding)) {
        if (boundary_outside_mention(s, q)) return 0;
        ++q;
      }
      if (q >= n) return 0;
    }
    pos = end;
  }
  return pos + 1;
}

// Matches `phrase` with its last word at `end`, earlier words before it. Returns the first
// matched token, or -1 when there is no match.
int64_t phrase_backward(const SentenceView& s, const lexicon::CompiledPhrase& phrase, uint32_t end,
                        PhraseBinding* binding) {
  uint32_t first = 0;
  if (phrase.words.empty() || phrase_word_absent(s, phrase) ||
      !phrase_element_at(s, phrase, phrase.words.size() - 1, end, false, &first, binding))
    return -1;
  int64_t pos = first;
  for (size_t k = phrase.words.size() - 1; k-- > 0;) {
    int64_t q = pos - 1;
    if (phrase.joined[k]) {
      if (q < 0 ||
          !phrase_element_at(s, phrase, k, static_cast<uint32_t>(q), false, &first, binding))
        return -1;
    } else {
      while (q >= 0 &&
             !phrase_element_at(s, phrase, k, static_cast<uint32_t>(q), false, &first, binding)) {
        if (boundary_outside_mention(s, static_cast<uint32_t>(q))) return -1;
        --q;
      }
      if (q < 0) return -1;
    }
    pos = first;
  }
  return pos;
}

// The alternatives of a set that can start (forward) or end (backward) at token i, in
// alternative order: those whose first/last word token i has, found by binary search, and
// those that start/end with an actor slot ("PESO_$"), which any token may hold.
class AlternativesAt {
 public:
  AlternativesAt(const SentenceView& s, const lexicon::AlternativeSet& set, uint32_t i,
                 bool forward) {
    const auto& sc = s.scratch;
    const auto& slots = forward ? set.slot_first : set.slot_last;
    const uint8_t flag = forward ? lexicon::WordTable::kStartsAlternative
                                 : lexicon::WordTable::kEndsAlternative;
    const auto& index = forward ? set.by_first_word : set.by_last_word;
    // Else no alternative anywhere starts/ends with the token's words.
    if ((sc.token_flags[i] & flag) && !index.empty()) {
      const lexicon::WordId lowest = index.front().word, highest = index.back().word;
      for (uint32_t k = sc.match_begin[i]; k < sc.match_begin[i + 1]; ++k) {
        lexicon::WordId id = sc.ids[k];
        if (id < lowest || id > highest) continue;  // most words of most sets
        auto it = std::lower_bound(
            index.begin(), index.end(), id,
            [](const lexicon::AlternativeByWord& x, lexicon::WordId w) { return x.word < w; });
        for (; it != index.end() && it->word == id; ++it) add(it->alternative);
      }
    }
    for (uint32_t a : slots) add(a);
    if (!all_ && count_ > 1) std::sort(found_, found_ + count_);
  }
  // Calls fn(alternative index) in order.
  template <typename Fn>
  void for_each(size_t total, Fn&& fn) const {
    if (all_) {
      for (uint32_t a = 0; a < total; ++a) fn(a);
    } else {
      for (size_t k = 0; k < count_; ++k) fn(found_[k]);
    }
  }

 private:
  void add(uint32_t alternative) {
    if (count_ == kCapacity) {  // more than fit: fall back to trying them all
      all_ = true;
      return;
    }
    if (!all_) found_[count_++] = alternative;
  }
  static constexpr size_t kCapacity = 64;
  uint32_t found_[kCapacity];
  size_t count_ = 0;
  bool all_ = false;
};

struct Matcher {
  const SentenceView& s;
  const lexicon::Array<CompiledElement>& elems;
  PatternMatch* m;
  uint32_t n;  // matching stops before token n

  int usable_mention_at(uint32_t p) const {
    int mi = s.scratch.mention_of_token[p];
    if (mi < 0 || s.scratch.mentions[mi].code.empty()) return -1;
    return mi;
  }

  void bind_phrase(const PhraseBinding& binding) {
    if (binding.source >= 0) m->source = binding.source;
    if (binding.target >= 0) m->target = binding.target;
  }

  // '%' binds a compound as both source and target: its members act on each other.
  void bind(const CompiledElement& e, int mention) {
    if (e.kind != ElementKind::kSource) m->target = mention;
    if (e.kind != ElementKind::kTarget) m->source = mention;
  }
  void unbind(const CompiledElement& e) {
    if (e.kind != ElementKind::kSource) m->target = -1;
    if (e.kind != ElementKind::kTarget) m->source = -1;
  }
  bool bindable(const CompiledElement& e, int mention) const {
    return mention >= 0 &&
           (e.kind != ElementKind::kCompound || s.scratch.mentions[mention].group >= 0);
  }

  uint32_t group_last(int mi) const {
    uint32_t end = s.scratch.mentions[mi].last_token;
    if (s.scratch.mentions[mi].group >= 0)
      for (const auto& other : s.scratch.mentions)
        if (other.group == s.scratch.mentions[mi].group) end = std::max(end, other.last_token);
    return end;
  }
  uint32_t group_first(int mi) const {
    uint32_t start = s.scratch.mentions[mi].first_token;
    if (s.scratch.mentions[mi].group >= 0)
      for (const auto& other : s.scratch.mentions)
        if (other.group == s.scratch.mentions[mi].group) start = std::min(start, other.first_token);
    return start;
  }

  // Element k, a { | } or synset, with one of its alternatives starting at token p, then the
  // elements after it.
  bool alternatives_forward(size_t k, const CompiledElement& e, uint32_t p) {
    bool done = false;
    AlternativesAt(s, *e.alternatives, p, true)
        .for_each(e.alternatives->phrases.size(), [&](uint32_t a) {
          if (done) return;
          const auto& alt = e.alternatives->phrases[a];
          PhraseBinding binding;
          uint32_t next = phrase_forward(s, alt, p, &binding);
          if (next > 0 && next <= n) {
            uint32_t first = m->first_token, last = m->last_token;
            int source = m->source, target = m->target;
            m->first_token = std::min(m->first_token, p);
            m->last_token = std::max(m->last_token, next - 1);
            bind_phrase(binding);
            int shortfall = e.longest > 0 ? e.longest - alt.length : 0;
            m->shortfall += shortfall;
            if (forward(k + 1, next, e.joined_to_next)) {
              done = true;
              return;
            }
            m->shortfall -= shortfall;
            m->first_token = first;
            m->last_token = last;
            m->source = source;
            m->target = target;
          }
        });
    return done;
  }

  // Element k, a { | } or synset, with one of its alternatives ending at token p, then the
  // elements before it. multiword_only: a loosely joined synset past the adjacent token.
  bool alternatives_backward(int k, const CompiledElement& e, uint32_t p, bool multiword_only) {
    bool joined_prev = k > 0 && elems[static_cast<size_t>(k - 1)].joined_to_next;
    bool done = false;
    AlternativesAt(s, *e.alternatives, p, false)
        .for_each(e.alternatives->phrases.size(), [&](uint32_t a) {
          if (done) return;
          const auto& alt = e.alternatives->phrases[a];
          if (multiword_only && alt.words.size() < 2) return;
          PhraseBinding binding;
          int64_t first = phrase_backward(s, alt, p, &binding);
          if (first >= 0) {
            int source = m->source, target = m->target;
            m->first_token = std::min(m->first_token, static_cast<uint32_t>(first));
            bind_phrase(binding);
            int shortfall = e.longest > 0 ? e.longest - alt.length : 0;
            m->shortfall += shortfall;
            if (backward(k - 1, first - 1, joined_prev)) {
              done = true;
              return;
            }
            m->shortfall -= shortfall;
            m->source = source;
            m->target = target;
          }
        });
    return done;
  }

  // With a SentenceIndex, an element of alternatives not joined to what precedes it is tried
  // only at the tokens that can start (end) one of them, up to the next clause boundary: the
  // tokens in between can neither match nor stop the scan.
  bool jumps(const CompiledElement& e, bool adjacent, bool forward) const {
    if (s.index == nullptr || adjacent ||
        (e.kind != ElementKind::kAlternatives && e.kind != ElementKind::kSynset))
      return false;
    return (forward ? e.alternatives->slot_first : e.alternatives->slot_last).empty() &&
           n == s.tokens.size();
  }

  // A literal word with SentenceView::word_span: *first and *last, the tokens that have it,
  // or false when the sentence has it nowhere.
  bool word_span(const CompiledElement& e, uint32_t* first, uint32_t* last) const {
    return s.word_span(s.word_span_context, e.word, first, last);
  }
  bool spans_words(const CompiledElement& e) const {
    return e.kind == ElementKind::kWord && s.word_span != nullptr && s.index != nullptr &&
           n == s.tokens.size();
  }

  // Elements k.. from token pos on.
  bool forward(size_t k, uint32_t pos, bool adjacent) {
    if (k == elems.size()) return true;
    const CompiledElement& e = elems[k];
    if (jumps(e, adjacent, true)) {
      const uint32_t stop = s.index->next_stop(s)[pos];
      const std::vector<uint32_t>& next_start = s.index->next_start(s);
      for (uint32_t p = next_start[pos]; p < stop; p = next_start[p + 1])
        if (alternatives_forward(k, e, p)) return true;
      return false;
    }
    uint32_t end = n;  // the scan stops before `end`
    if (spans_words(e)) {
      // No token before the word's first can match it: the scan goes there at once unless a
      // boundary stops it on the way; none after its last can either.
      uint32_t first = 0, last = 0;
      if (!word_span(e, &first, &last) || last < pos) return false;
      if (first > pos) {
        if (adjacent || s.index->next_stop(s)[pos] < first) return false;
        pos = first;
      }
      end = last + 1;
    }
    for (uint32_t p = pos; p < end; ++p) {
      if (p > pos && adjacent) break;
      if (is_clause_boundary(s, p) && s.scratch.mention_of_token[p] < 0) {
        // A literal comma/conjunction in the pattern may still match it.
        if (!(e.kind == ElementKind::kWord && token_has(s, p, e.word))) break;
      }
      switch (e.kind) {
        case ElementKind::kWord:
          if (token_has(s, p, e.word)) {
            uint32_t first = m->first_token, last = m->last_token;
            m->first_token = std::min(m->first_token, p);
            m->last_token = std::max(m->last_token, p);
            if (forward(k + 1, p + 1, e.joined_to_next)) return true;
            m->first_token = first;
            m->last_token = last;
          }
          break;
        case ElementKind::kAlternatives:
        case ElementKind::kSynset:
          if (alternatives_forward(k, e, p)) return true;
          break;
        case ElementKind::kSource:
        case ElementKind::kTarget:
        case ElementKind::kCompound: {
          int mi = usable_mention_at(p);
          if (bindable(e, mi) && s.scratch.mentions[mi].first_token == p && group_last(mi) < n) {
            // A compound binds from its first member and is passed over whole.
            uint32_t end = group_last(mi);
            bind(e, mi);
            if (forward(k + 1, end + 1, e.joined_to_next)) return true;
            unbind(e);
          }
          break;
        }
        case ElementKind::kSkip: {
          // '^' passes over the next actor (a whole compound counts as one).
          int mi = s.scratch.mention_of_token[p];
          if (mi >= 0 && s.scratch.mentions[mi].first_token == p && group_last(mi) < n) {
            uint32_t end = group_last(mi);
            uint64_t bit = mi < 64 ? uint64_t{1} << mi : 0;
            m->skipped |= bit;
            if (forward(k + 1, end + 1, e.joined_to_next)) return true;
            m->skipped &= ~bit;
          } else if (mi < 0 && s.skip_words && s.tokens.tokens[p].kind == text::TokenKind::kWord &&
                     !is_function_word(s.tokens.key(p))) {
            if (forward(k + 1, p + 1, e.joined_to_next)) return true;
          }
          break;
        }
      }
      // An actor slot or skip looks at mentions only: the rest of a mention is passed over.
      // Literal words may match inside a mention ("expelled two British DIPLOMATS").
      if (e.kind != ElementKind::kWord && e.kind != ElementKind::kAlternatives &&
          e.kind != ElementKind::kSynset) {
        int mi = s.scratch.mention_of_token[p];
        if (mi >= 0) p = std::max(p, s.scratch.mentions[mi].last_token);
      }
    }
    return false;
  }

  // Elements k, k-1, ..., 0 before the verb; the element k must end at or before `pos`.
  bool backward(int k, int64_t pos, bool adjacent) {
    if (k < 0) return true;
    const CompiledElement& e = elems[static_cast<size_t>(k)];
    if (jumps(e, adjacent, false)) {
      if (pos < 0) return false;
      const int64_t stop = s.index->prev_stop(s)[static_cast<size_t>(pos)];
      const std::vector<int32_t>& prev_end = s.index->prev_end(s);
      for (int64_t q = prev_end[static_cast<size_t>(pos)]; q > stop;
           q = q > 0 ? prev_end[static_cast<size_t>(q - 1)] : -1)
        if (alternatives_backward(k, e, static_cast<uint32_t>(q), false)) return true;
      return false;
    }
    bool loose = adjacent && s.loose_synset_join && e.kind == ElementKind::kSynset;
    int64_t end = -1;  // the scan stops after `end`
    if (pos >= 0 && spans_words(e)) {
      // As in forward(), from the word's last token down to its first.
      uint32_t first = 0, last = 0;
      if (!word_span(e, &first, &last) || first > pos) return false;
      if (last < pos) {
        if (adjacent ||
            s.index->prev_stop(s)[static_cast<size_t>(pos)] > static_cast<int64_t>(last))
          return false;
        pos = last;
      }
      end = static_cast<int64_t>(first) - 1;
    }
    for (int64_t q = pos; q > end; --q) {
      uint32_t p = static_cast<uint32_t>(q);
      if (q < pos && adjacent && !loose) break;
      if (is_clause_boundary(s, p) && s.scratch.mention_of_token[p] < 0) {
        if (!(e.kind == ElementKind::kWord && token_has(s, p, e.word))) break;
      }
      bool joined_prev = k > 0 && elems[static_cast<size_t>(k - 1)].joined_to_next;
      switch (e.kind) {
        case ElementKind::kWord:
          if (token_has(s, p, e.word)) {
            m->first_token = std::min(m->first_token, p);
            if (backward(k - 1, q - 1, joined_prev)) return true;
          }
          break;
        case ElementKind::kAlternatives:
        case ElementKind::kSynset:
          if (alternatives_backward(k, e, p, q < pos && adjacent)) return true;
          break;
        case ElementKind::kSource:
        case ElementKind::kTarget:
        case ElementKind::kCompound: {
          int mi = usable_mention_at(p);
          if (bindable(e, mi) && s.scratch.mentions[mi].last_token == p) {
            uint32_t start = group_first(mi);
            bind(e, mi);
            if (backward(k - 1, static_cast<int64_t>(start) - 1, joined_prev)) return true;
            unbind(e);
          }
          break;
        }
        case ElementKind::kSkip: {
          int mi = s.scratch.mention_of_token[p];
          if (mi >= 0 && s.scratch.mentions[mi].last_token == p) {
            uint64_t bit = mi < 64 ? uint64_t{1} << mi : 0;
            m->skipped |= bit;
            if (backward(k - 1, static_cast<int64_t>(group_first(mi)) - 1, joined_prev))
              return true;
            m->skipped &= ~bit;
          }
          break;
        }
      }
      if (e.kind != ElementKind::kWord && e.kind != ElementKind::kAlternatives &&
          e.kind != ElementKind::kSynset) {
        int mi = s.scratch.mention_of_token[p];
        if (mi >= 0) q = std::min<int64_t>(q, s.scratch.mentions[mi].first_token);
      }
    }
    return false;
  }
};

}  // namespace

void SentenceIndex::build_forward(const SentenceView& s) {
  const auto& sc = s.scratch;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  next_stop_.resize(n + 1);
  next_start_.resize(n + 1);
  uint32_t stop = n, start = n;
  next_stop_[n] = n;
  next_start_[n] = n;
  for (uint32_t i = n; i-- > 0;) {
    if (sc.clause_boundary[i] != 0 && boundary_outside_mention(s, i)) stop = i;
    if (sc.token_flags[i] & lexicon::WordTable::kStartsAlternative) start = i;
    next_stop_[i] = stop;
    next_start_[i] = start;
  }
  forward_ready_ = true;
}

void SentenceIndex::build_backward(const SentenceView& s) {
  const auto& sc = s.scratch;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  prev_stop_.resize(n);
  prev_end_.resize(n);
  int32_t stop = -1, end = -1;
  for (uint32_t i = 0; i < n; ++i) {
    if (sc.clause_boundary[i] != 0 && boundary_outside_mention(s, i))
      stop = static_cast<int32_t>(i);
    if (sc.token_flags[i] & lexicon::WordTable::kEndsAlternative) end = static_cast<int32_t>(i);
    prev_stop_[i] = stop;
    prev_end_[i] = end;
  }
  backward_ready_ = true;
}

bool match_pattern(const lexicon::CompiledPattern& pattern, const SentenceView& sentence,
                   uint32_t verb_first, uint32_t verb_last, PatternMatch* match) {
  *match = PatternMatch{};
  match->first_token = verb_first;
  match->last_token = verb_last;
  uint32_t n = static_cast<uint32_t>(sentence.tokens.size());
  Matcher after{sentence, pattern.after, match, n};
  if (!after.forward(0, verb_last + 1, pattern.verb_joined_to_next)) return false;
  // Elements before the verb are matched right to left from it: '$' takes the nearest actor.
  Matcher before{sentence, pattern.before, match, n};
  bool joined_to_verb = !pattern.before.empty() && pattern.before.back().joined_to_next;
  return before.backward(static_cast<int>(pattern.before.size()) - 1,
                         static_cast<int64_t>(verb_first) - 1, joined_to_verb);
}

}  // namespace dyad::events
