// Tests of text/short_strings.h against their simple twins: same_bytes and is against memcmp and
// string_view ==, WordList::contains against a search of the same words.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "text/short_strings.h"

namespace dyad::text {
namespace {

TEST(ShortStrings, SameBytesAgreesWithMemcmpForEveryLength) {
  std::mt19937 rng(7);
  for (size_t n = 0; n <= 40; ++n) {
    for (int trial = 0; trial < 200; ++trial) {
      // Exact-size heap buffers: ASan reports any read outside them.
      std::vector<char> a(n), b(n);
      for (size_t i = 0; i < n; ++i) a[i] = b[i] = static_cast<char>('A' + rng() % 3);
      if (n > 0 && trial % 2 == 1) b[rng() % n] ^= static_cast<char>(1 + rng() % 3);
      const bool expected = n == 0 || std::memcmp(a.data(), b.data(), n) == 0;
      ASSERT_EQ(same_bytes(a.data(), b.data(), n), expected) << "length " << n;
    }
  }
}

TEST(ShortStrings, IsComparesWithALiteral) {
  EXPECT_TRUE(is("THE", "THE"));
  EXPECT_FALSE(is("THEY", "THE"));
  EXPECT_FALSE(is("TH", "THE"));
  EXPECT_FALSE(is("", "THE"));
  EXPECT_TRUE(is("", ""));
  EXPECT_TRUE(is("INTERNATIONAL", "INTERNATIONAL"));
  EXPECT_FALSE(is("INTERNATIONAM", "INTERNATIONAL"));
}

TEST(ShortStrings, PrefixCodeIdentifiesKeysOfUpToEightBytes) {
  EXPECT_EQ(prefix_code("A"), literal_prefix_code("A"));
  EXPECT_EQ(prefix_code("ABCDEFGH"), literal_prefix_code("ABCDEFGH"));
  EXPECT_EQ(prefix_code("ABCDEFGHIJ"), literal_prefix_code("ABCDEFGH"));  // first 8 bytes only
  const std::vector<std::string> keys = {"A",    "AB",    "BA",     "ABC",     "ABCD",
                                         "ABCE", "ABCDE", "ABCDEF", "ABCDEFG", "ABCDEFGH"};
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = 0; j < keys.size(); ++j)
      EXPECT_EQ(prefix_code(keys[i]) == prefix_code(keys[j]), i == j) << keys[i] << " " << keys[j];
}

TEST(ShortStrings, WordListAgreesWithASearchOfItsWords) {
  static constexpr const char* kWords[] = {"A",       "AN",        "THE",         "OF",
                                           "AND",     "THEIR",     "BETWEEN",     "AGAINST",
                                           "MONDAY",  "SEPTEMBER", "IMMEDIATELY", "OFFICIALLY",
                                           "TOWARDS", "WEDNESDAY", "THURSDAY",    "DISAPPOINTED"};
  static constexpr WordList kList{kWords};
  const std::vector<std::string_view> words(std::begin(kWords), std::end(kWords));
  std::vector<std::string> probes(words.begin(), words.end());
  for (std::string_view w : words) {
    probes.emplace_back(w.substr(0, w.size() - 1));  // one letter short
    probes.push_back(std::string(w) + "S");          // one letter more
    std::string changed(w);
    changed.back() = changed.back() == 'Z' ? 'Y' : 'Z';  // last letter differs (tails > 8)
    probes.push_back(changed);
  }
  probes.emplace_back("");
  probes.emplace_back("A VERY LONG KEY THAT NO LIST HOLDS");
  std::mt19937 rng(11);
  for (int i = 0; i < 5000; ++i) {
    std::string key(1 + rng() % 12, 'A');
    for (char& c : key) c = static_cast<char>('A' + rng() % 26);
    probes.push_back(key);
  }
  for (const std::string& key : probes) {
    const bool expected = std::find(words.begin(), words.end(), key) != words.end();
    ASSERT_EQ(kList.contains(key), expected) << key;
  }
  EXPECT_TRUE(DYAD_KEY_IN(std::string_view("HE"), "HE", "SHE", "IT"));
  EXPECT_FALSE(DYAD_KEY_IN(std::string_view("HER"), "HE", "SHE", "IT"));
}

}  // namespace
}  // namespace dyad::text
