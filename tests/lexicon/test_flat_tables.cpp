// The model's flat hash tables (src/lexicon/flat_tables.h): every inserted key is found, absent
// keys are not, also after the slots are copied out and restored as a model file does. The
// filter in front of FlatU64Map may only ever answer "maybe" for an inserted key.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "lexicon/flat_tables.h"

namespace dyad::lexicon {
namespace {

constexpr uint32_t kMissing = UINT32_MAX;

TEST(FlatU64Map, FindsEveryInsertedKeyAndNoOther) {
  std::mt19937_64 random(2026);
  std::set<uint64_t> keys;
  FlatU64Map map;
  for (uint32_t i = 0; i < 20000; ++i) {
    // Trie-edge shaped keys (node << 32 | word) and arbitrary ones.
    uint64_t key = i % 2 ? (uint64_t{random() % 5000} << 32 | random() % 70000) : random() >> 1;
    if (!keys.insert(key).second) continue;
    EXPECT_EQ(map.insert(key, i), i);
  }
  EXPECT_EQ(map.size(), keys.size());
  uint32_t absent_found = 0;
  for (uint32_t i = 0; i < 20000; ++i) {
    uint64_t key = random() >> 1;
    if (!keys.count(key)) absent_found += map.find(key, kMissing) != kMissing;
  }
  EXPECT_EQ(absent_found, 0u);

  FlatU64Map restored;
  restored.slots() = map.slots();  // what model_file does: the slots, then restore()
  ASSERT_TRUE(restored.restore());
  EXPECT_EQ(restored.size(), map.size());
  for (uint64_t key : keys) {
    ASSERT_NE(map.find(key, kMissing), kMissing) << key;
    EXPECT_EQ(restored.find(key, kMissing), map.find(key, kMissing)) << key;
  }
}

TEST(FlatU64Map, InsertKeepsTheFirstValueAndEmptyMapsFindNothing) {
  FlatU64Map map;
  EXPECT_EQ(map.find(7, kMissing), kMissing);
  EXPECT_EQ(map.insert(7, 1), 1u);
  EXPECT_EQ(map.insert(7, 2), 1u);
  EXPECT_EQ(map.find(7, kMissing), 1u);
  FlatU64Map empty;
  ASSERT_TRUE(empty.restore());
  EXPECT_EQ(empty.find(7, kMissing), kMissing);
}

// A slot's second value (PhraseTrie keeps a child's signature there) survives the growth that
// re-inserts every key.
TEST(FlatU64Map, BothValuesSurviveGrowth) {
  FlatU64Map map;
  EXPECT_EQ(map.find_both_unfiltered(7), 0u);
  EXPECT_FALSE(map.set_both(7, 1, 2));
  for (uint32_t i = 1; i <= 5000; ++i) {
    map.insert(uint64_t{i} << 32 | i, i);
    EXPECT_TRUE(map.set_both(uint64_t{i} << 32 | i, i, ~i));
  }
  for (uint32_t i = 1; i <= 5000; ++i)
    EXPECT_EQ(map.find_both_unfiltered(uint64_t{i} << 32 | i), uint64_t{~i} << 32 | i);
  EXPECT_EQ(map.find_both_unfiltered(uint64_t{5001} << 32), 0u);
}

TEST(FlatU64Map, RestoreRefusesMalformedSlotCounts) {
  FlatU64Map map;
  map.slots().resize(24);  // not a power of two
  EXPECT_FALSE(map.restore());
}

TEST(FlatStringMap, FindsEveryInsertedKeyAndNoOther) {
  FlatStringMap map;
  std::set<std::string> keys;
  for (uint32_t i = 0; i < 5000; ++i) {
    std::string key = "W" + std::to_string(i * 7919 % 100003);
    if (keys.insert(key).second) {
      EXPECT_TRUE(map.insert(key, i).second);
    }
  }
  for (const std::string& key : keys) EXPECT_NE(map.find(key), nullptr) << key;
  EXPECT_EQ(map.find("W-1"), nullptr);
  EXPECT_EQ(map.find(""), nullptr);
}

}  // namespace
}  // namespace dyad::lexicon
