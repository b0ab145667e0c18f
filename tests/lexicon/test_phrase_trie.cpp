// PhraseTrie's links (src/lexicon/model.h): each edge carries what a walk needs of the node it
// leads to (the node, whether it has payloads, its child signature), so walks do not read the
// node. The simple twin is the node itself: for every edge of a trie built by random inserts,
// the link must say what the node says, also after a model-file round trip and after more
// inserts into the trie read back (which change nodes the stored links describe).
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "lexicon/model.h"
#include "lexicon/model_file.h"

namespace dyad::testing {
namespace {

using lexicon::PhraseTrie;
using lexicon::WordId;

// Every edge below the node `node`, reached by `link`, checked against the nodes; counts the
// edges checked.
size_t check_links(const PhraseTrie& trie, uint32_t node, PhraseTrie::Link link, WordId words,
                   size_t depth) {
  EXPECT_EQ(link.node(), node);
  EXPECT_EQ(link.has_payloads(), !trie.payloads(node).empty()) << "node " << node;
  EXPECT_EQ(link.child_signature(), trie.child_signature(node)) << "node " << node;
  if (depth == 0) return 0;
  size_t edges = 0;
  for (WordId w = 0; w < words; ++w) {
    const uint32_t child = trie.child(node, w);
    const PhraseTrie::Link next = trie.link_of(link, w);
    EXPECT_EQ(next.node(), child) << "edge " << node << " -> word " << w;
    if (child != 0) edges += 1 + check_links(trie, child, next, words, depth - 1);
  }
  return edges;
}

size_t check_trie(const PhraseTrie& trie, WordId words, size_t depth) {
  size_t edges = 0;
  for (WordId w = 0; w < words; ++w) {
    const uint32_t child = trie.child(0, w);
    EXPECT_EQ(trie.root_link(w).node(), child);
    if (child != 0) edges += 1 + check_links(trie, child, trie.root_link(w), words, depth - 1);
  }
  return edges;
}

// Phrases of 1-4 words over a small vocabulary, so that paths share prefixes and nodes gain
// children and payloads after the edges into them were made.
std::vector<std::vector<WordId>> random_phrases(std::mt19937& random, size_t count, WordId words) {
  std::vector<std::vector<WordId>> phrases(count);
  for (auto& phrase : phrases) {
    phrase.resize(1 + random() % 4);
    for (WordId& w : phrase) w = random() % words;
  }
  return phrases;
}

TEST(PhraseTrieTest, LinksDescribeTheNodesTheyLeadTo) {
  constexpr WordId kWords = 12;
  std::mt19937 random(2026);
  Model::Impl impl;  // (the noun trie: its payloads index no table the file checks)
  uint32_t payload = 0;
  for (const auto& phrase : random_phrases(random, 400, kWords))
    impl.noun_trie.insert(phrase, payload++);
  // Prefixes are inserted last too: a node reached before gains its first payload.
  for (const auto& phrase : random_phrases(random, 100, kWords))
    impl.noun_trie.insert({phrase.begin(), phrase.begin() + 1}, payload++);
  EXPECT_GT(check_trie(impl.noun_trie, kWords, 4), 300u);

  auto read = lexicon::deserialize_model(lexicon::serialize_model(impl, 0));
  check_trie(read->noun_trie, kWords, 4);
  for (const auto& phrase : random_phrases(random, 200, kWords + 4))
    read->noun_trie.insert(phrase, payload++);
  EXPECT_GT(check_trie(read->noun_trie, kWords + 4, 4), 400u);
}

}  // namespace
}  // namespace dyad::testing
