// actors::match_words and its fast twin actors::keep_words (used after comma clauses are
// dropped): keeping the matches of the surviving tokens must give exactly what matching the
// shorter sentence from scratch gives.
#include <gtest/gtest.h>

#include <random>

#include "actors/mentions.h"
#include "test_util.h"
#include "text/text.h"

namespace dyad::testing {
namespace {

struct Matches {
  std::vector<uint32_t> begin;
  std::vector<lexicon::WordId> ids;
  std::vector<uint8_t> boundary, flags;
  bool operator==(const Matches&) const = default;
};

Matches matches_of(const actors::SentenceScratch& s) {
  return {s.match_begin, s.ids, s.clause_boundary, s.token_flags};
}

TEST(MatchWordsTest, KeepWordsEqualsMatchingTheShorterSentence) {
  auto model = Model::compile(KnowledgeOptions{});
  const auto& words = model->impl().words;
  const std::string text =
      "Russian President Vladimir Putin, who arrived in Baku on Tuesday, met Azerbaijani "
      "President Ilham Aliyev and, according to officials, signed an agreement on energy, trade "
      "and security with the Azerbaijani government, the Kremlin said.";
  text::TokenBuffer full;
  text::tokenize(text, text::Span{0, static_cast<uint32_t>(text.size())}, full);
  ASSERT_GT(full.size(), 20u);

  std::mt19937 random(7);
  for (int trial = 0; trial < 200; ++trial) {
    // Drop a random subset of tokens (the coder drops comma clauses; any subset must work).
    std::vector<bool> drop(full.size());
    text::TokenBuffer shorter;
    for (size_t k = 0; k < full.size(); ++k) {
      drop[k] = random() % 3 == 0;
      if (drop[k]) continue;
      text::Token t = full.tokens[k];
      t.key_offset = static_cast<uint32_t>(shorter.keys.size());
      shorter.keys.append(full.key(k));
      shorter.tokens.push_back(t);
    }
    actors::SentenceScratch kept;
    actors::match_words(words, full, kept);
    actors::keep_words(drop, kept);
    actors::SentenceScratch fresh;
    actors::match_words(words, shorter, fresh);
    ASSERT_EQ(matches_of(kept), matches_of(fresh)) << "trial " << trial;
  }
}

TEST(MatchWordsTest, FlagsMarkPhraseStarts) {
  auto model = Model::compile(KnowledgeOptions{});
  const std::string text = "Azerbaijan condemned the attack.";
  text::TokenBuffer tokens;
  text::tokenize(text, text::Span{0, static_cast<uint32_t>(text.size())}, tokens);
  actors::SentenceScratch scratch;
  actors::match_words(model->impl().words, tokens, scratch);
  ASSERT_EQ(tokens.key(0), "AZERBAIJAN");
  EXPECT_TRUE(scratch.token_flags[0] & lexicon::WordTable::kStartsActor);
  ASSERT_EQ(tokens.key(1), "CONDEMNED");
  EXPECT_TRUE(scratch.token_flags[1] & lexicon::WordTable::kStartsVerb);
  EXPECT_FALSE(scratch.token_flags[1] & lexicon::WordTable::kStartsActor);
  EXPECT_FALSE(scratch.clause_boundary[0]);
  EXPECT_TRUE(scratch.clause_boundary[tokens.size() - 1]);  // the period
}

}  // namespace
}  // namespace dyad::testing
