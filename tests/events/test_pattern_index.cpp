// events::match_pattern with and without its SentenceIndex (the jump tables that let the matcher
// go from one token that can start or end an alternative to the next) and its word spans (where
// each literal word first and last stands): all must give exactly the same result for every
// pattern at every verb position.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>

#include "actors/mentions.h"
#include "events/patterns.h"
#include "test_util.h"
#include "text/text.h"

namespace dyad::testing {
namespace {

struct Result {
  bool matched;
  events::PatternMatch match;
  bool operator==(const Result& o) const {
    if (matched != o.matched) return false;
    if (!matched) return true;
    const auto& a = match;
    const auto& b = o.match;
    return a.source == b.source && a.target == b.target && a.first_token == b.first_token &&
           a.last_token == b.last_token && a.shortfall == b.shortfall && a.skipped == b.skipped;
  }
};

Result run(const lexicon::CompiledPattern& pattern, const events::SentenceView& view,
           uint32_t first, uint32_t last) {
  Result r{};
  r.matched = events::match_pattern(pattern, view, first, last, &r.match);
  return r;
}

// SentenceView::word_span by scanning the tokens' word ids.
bool scan_word_span(const void* context, lexicon::WordId id, uint32_t* first, uint32_t* last) {
  const auto& scratch = *static_cast<const actors::SentenceScratch*>(context);
  bool found = false;
  for (uint32_t i = 0; i + 1 < scratch.match_begin.size(); ++i)
    for (uint32_t k = scratch.match_begin[i]; k < scratch.match_begin[i + 1]; ++k)
      if (scratch.ids[k] == id) {
        if (!found) *first = i;
        *last = i;
        found = true;
      }
  return found;
}

// Sentence `trial`: a real one, or (past the real ones) its words with six extra words in a
// random order (odd orders reach odd corners).
std::string sentence(int trial, std::mt19937& random, const std::vector<std::string>& sentences,
                     const std::vector<std::string>& extra) {
  std::vector<std::string> words;
  std::istringstream in(sentences[static_cast<size_t>(trial) % sentences.size()]);
  for (std::string w; in >> w;) words.push_back(w);
  if (trial >= static_cast<int>(sentences.size())) {
    for (int k = 0; k < 6; ++k) words.push_back(extra[random() % extra.size()]);
    std::shuffle(words.begin(), words.end(), random);
  }
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

// The model's patterns that `keep` accepts, in verb order.
template <typename Keep>
std::vector<const lexicon::CompiledPattern*> PatternsWhere(const Model::Impl& impl, Keep keep) {
  std::vector<const lexicon::CompiledPattern*> patterns;
  for (const auto& verb : impl.verbs)
    for (const auto& pattern : verb.patterns)
      if (keep(pattern)) patterns.push_back(&pattern);
  return patterns;
}

struct Agreement {
  size_t compared = 0, matched = 0;
};

// Matches every `stride`-th pattern (offset by the trial) at every token of `trials` sentences
// (sentence() below) through two views of the sentence, set up by `configure`, and expects the
// same result from both.
template <typename Configure>
Agreement CompareViews(const Model::Impl& impl,
                       const std::vector<const lexicon::CompiledPattern*>& patterns,
                       const std::vector<std::string>& sentences,
                       const std::vector<std::string>& extra, unsigned seed, int trials,
                       size_t stride, Configure configure) {
  std::mt19937 random(seed);
  Agreement agreement;
  for (int trial = 0; trial < trials; ++trial) {
    const std::string text = sentence(trial, random, sentences, extra);
    text::TokenBuffer tokens;
    text::tokenize(text, text::Span{0, static_cast<uint32_t>(text.size())}, tokens);
    actors::SentenceScratch scratch;
    actors::DocumentState state;
    actors::match_words(impl.words, tokens, scratch);
    actors::find_mentions(impl, CodingOptions{}, tokens, state, scratch);
    events::SentenceIndex index_a, index_b;
    events::SentenceView a{tokens, scratch};
    events::SentenceView b{tokens, scratch};
    configure(a, b, index_a, index_b);
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    for (uint32_t verb = 0; verb < n; ++verb)
      for (size_t p = static_cast<size_t>(trial) % stride; p < patterns.size(); p += stride) {
        Result ra = run(*patterns[p], a, verb, verb);
        Result rb = run(*patterns[p], b, verb, verb);
        EXPECT_EQ(ra, rb) << "trial " << trial << " verb " << verb << " pattern " << p << ": "
                          << text;
        if (ra != rb) return agreement;
        ++agreement.compared;
        if (ra.matched) ++agreement.matched;
      }
  }
  return agreement;
}

TEST(PatternIndexTest, JumpTablesChangeNoMatch) {
  auto model = Model::compile(KnowledgeOptions{});
  const Model::Impl& impl = model->impl();
  // The patterns with { | } or synset elements, the ones the tables serve.
  const auto patterns =
      PatternsWhere(impl, [](const lexicon::CompiledPattern& p) { return p.has_alternatives; });
  ASSERT_GT(patterns.size(), 100u);

  // Real sentences, then the same words shuffled (odd orders reach odd corners), each with
  // extra words of the patterns' alternatives so that many alternatives can start and end.
  const std::vector<std::string> sentences = {
      "Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev and signed an "
      "agreement on energy, trade and security with the Azerbaijani government.",
      "Iran will not accept the proposal to ease sanctions, but Iraq said it would send troops "
      "and provide military aid to Syria.",
      "The United Nations urged Israel and the Palestinians to resume peace negotiations and "
      "to reach a ceasefire agreement soon.",
      "China accused Japan of violating its airspace, and Japan denied the charge on Friday.",
      "The rebels released two hostages after talks with the government of Colombia in Havana.",
  };
  // Words of the default knowledge's synsets and { | } alternatives.
  const std::vector<std::string> extra = {
      "talks",    "negotiations", "dialogue", "peace",     "meeting", "summit",    "agreement",
      "accord",   "deal",         "treaty",   "pact",      "not",     "never",     "will",
      "would",    "military",     "aid",      "sanctions", "troops",  "ceasefire", "assistance",
      "missiles", "army",         "requests", "reversal",  "unrest",  "guard",     "orders",
      "damage",   "trade",        "close",    "planned",   "revoke",  "leave",     "drop",
      "the",      "to",           "with",     "of",        "on",      "and",       ","};
  const Agreement agreement =
      CompareViews(impl, patterns, sentences, extra, 11, 40, 3,
                   [](events::SentenceView& a, events::SentenceView& b,
                      events::SentenceIndex& index_a, events::SentenceIndex& index_b) {
                     (void)a;
                     (void)index_a;
                     b.index = &index_b;
                   });
  EXPECT_GT(agreement.compared, 10000u);
  EXPECT_GT(agreement.matched, 10u);  // the comparison covers matches, not only failures
}

TEST(PatternIndexTest, WordSpansChangeNoMatch) {
  auto model = Model::compile(KnowledgeOptions{});
  const Model::Impl& impl = model->impl();
  // Patterns with literal words, the ones the spans serve.
  const auto patterns =
      PatternsWhere(impl, [](const lexicon::CompiledPattern& p) { return !p.required.empty(); });
  ASSERT_GT(patterns.size(), 100u);
  const std::vector<std::string> sentences = {
      "Iran will not accept the proposal to ease sanctions, but Iraq said it would send troops "
      "to Syria and provide military aid to the government of Syria.",
      "The United Nations urged Israel and the Palestinians to resume peace talks with each "
      "other and to reach a ceasefire agreement with the help of Egypt.",
      "China accused Japan of violating its airspace, and Japan denied the charge on Friday.",
      "Police arrested dozens of protesters in Moscow on Saturday after clashes with "
      "supporters of the opposition leader, and the mayor called for calm.",
  };
  const std::vector<std::string> extra = {"to",     "with", "of",   "on",       "and",   ",",
                                          "the",    "for",  "said", "against",  "aid",   "talks",
                                          "troops", "not",  "will", "military", "peace", "in"};
  const Agreement agreement =
      CompareViews(impl, patterns, sentences, extra, 5, 24, 4,
                   [](events::SentenceView& a, events::SentenceView& b,
                      events::SentenceIndex& index_a, events::SentenceIndex& index_b) {
                     a.index = &index_a;
                     b.index = &index_b;
                     b.word_span = &scan_word_span;
                     b.word_span_context = &b.scratch;
                   });
  EXPECT_GT(agreement.compared, 10000u);
  EXPECT_GT(agreement.matched, 10u);
}

}  // namespace
}  // namespace dyad::testing
