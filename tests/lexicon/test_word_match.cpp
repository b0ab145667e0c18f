// lexicon::WordTable::match against a simple twin written from its contract: the key's exact
// word, the key as a word with endings, the key minus each regular ending (S ES ED EN ING D, in
// that order; D only after an E; no function words) as a word with endings, then every prefix
// that is a stem, shortest first. match() tries only the endings the key's last letters allow.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "lexicon/model.h"

namespace dyad::testing {
namespace {

bool is_function_word(std::string_view key) {
  for (std::string_view w :
       {"WAS", "HAS", "IS", "ITS", "US", "AS", "THIS", "HIS", "BEING", "DOES", "GOES"})
    if (key == w) return true;
  return false;
}

struct Twin {
  std::map<std::string, lexicon::WordId, std::less<>> exact, endings, stems;
  std::vector<lexicon::WordId> match(std::string_view key) const {
    std::vector<lexicon::WordId> out;
    auto find = [](const auto& map, std::string_view k, std::vector<lexicon::WordId>& o) {
      if (auto it = map.find(k); it != map.end()) o.push_back(it->second);
    };
    find(exact, key, out);
    if (!endings.empty()) {
      find(endings, key, out);
      if (!is_function_word(key)) {
        for (std::string_view suffix : {"S", "ES", "ED", "EN", "ING", "D"}) {
          if (key.size() <= suffix.size() + 1 || !key.ends_with(suffix)) continue;
          std::string_view stem = key.substr(0, key.size() - suffix.size());
          if (is_function_word(stem)) continue;
          if (suffix == "D" && stem.back() != 'E') continue;
          find(endings, stem, out);
        }
      }
    }
    for (size_t k = 1; k <= key.size(); ++k) find(stems, key.substr(0, k), out);
    return out;
  }
};

TEST(WordMatchTest, EqualsTheSimpleTwin) {
  const std::vector<std::string> roots = {"DEPLORE", "ATTACK", "PASS", "AGREE", "SEE",  "BOMB",
                                          "WA",      "HA",     "THI",  "GO",    "DOE",  "BE",
                                          "KILL",    "SING",   "RING", "TAKEN", "TAKE", "FREE",
                                          "ED",      "EN",     "ES",   "S",     "ISRA", "ISRAEL"};
  lexicon::WordTable table;
  Twin twin;
  std::mt19937 random(11);
  for (const std::string& root : roots) {
    // Each root as an exact word, a word with endings and a stem, at random.
    const unsigned kinds = random() % 7 + 1;
    if (kinds & 1) twin.exact[root] = table.intern({root, true, false});
    if (kinds & 2) twin.endings[root] = table.intern({root, true, true});
    if (kinds & 4) twin.stems[root] = table.intern({root, false, false});
  }
  const std::vector<std::string> endings = {"",   "S", "ES", "ED", "EN", "ING", "D",
                                            "ED", "N", "G",  "NG", "E",  "SS",  "IS"};
  auto match = [&](std::string_view key) {
    std::vector<lexicon::WordId> out;
    table.match(key, out);
    return out;
  };
  int keys = 0;
  for (const std::string& root : roots) {
    for (const std::string& a : endings) {
      for (const std::string& b : endings) {
        const std::string key = root + a + b;
        ASSERT_EQ(match(key), twin.match(key)) << key;
        ++keys;
      }
    }
  }
  for (std::string_view key : {"WAS", "HAS", "IS", "ITS", "US", "AS", "THIS", "HIS", "BEING",
                               "DOES", "GOES", "WASED", "HASING", "D", "ED", "ING", "SING"}) {
    ASSERT_EQ(match(key), twin.match(key)) << key;
  }
  EXPECT_GT(keys, 4000);
}

// Short words, one-byte stems and figures: most keys here start with two bytes no word starts
// with, which match() passes over with its first-two-bytes filter (only a one-byte stem can
// match them).
TEST(WordMatchTest, KeysNoLongerWordStartsLikeEqualTheTwin) {
  const std::vector<std::string> roots = {"T", "A", "1", "10", "3H", "AB", "TA", "TAX", "X1", "S"};
  for (unsigned seed = 0; seed < 8; ++seed) {
    lexicon::WordTable table;
    Twin twin;
    std::mt19937 random(seed);
    for (const std::string& root : roots) {
      const unsigned kinds = random() % 8;  // here also none of the three
      if (kinds & 1) twin.exact[root] = table.intern({root, true, false});
      if (kinds & 2) twin.endings[root] = table.intern({root, true, true});
      if (kinds & 4) twin.stems[root] = table.intern({root, false, false});
    }
    const std::string alphabet = "TAB13HXS,0";
    std::vector<std::string> keys = {""};
    for (size_t length = 1; length <= 4; ++length) {
      std::vector<std::string> longer;
      for (const std::string& key : keys)
        if (key.size() + 1 == length)
          for (char c : alphabet) longer.push_back(key + c);
      keys.insert(keys.end(), longer.begin(), longer.end());
    }
    for (const std::string& key : keys) {
      if (key.empty()) continue;
      std::vector<lexicon::WordId> out;
      table.match(key, out);
      ASSERT_EQ(out, twin.match(key)) << key << " (seed " << seed << ")";
    }
  }
}

}  // namespace
}  // namespace dyad::testing
