// Compiled model files (src/lexicon/model_file.cpp): a model read back codes exactly like the
// one compiled; damaged, stale and foreign files are refused; the cache rebuilds what it cannot
// trust.
#include "lexicon/model_file.h"

#include <gtest/gtest.h>

#include <cstring>

#include "lexicon/model.h"
#include "lexicon/tabari_reader.h"

#include "test_util.h"

namespace dyad::testing {
namespace {

const char* const kSentences[] = {
    "Azerbaijani Defense Minister Zakir Hasanov met with his Russian counterpart Sergei Shoigu "
    "in Baku on Tuesday.",
    "Israeli troops stormed a refugee camp in the West Bank, and Palestinian militants fired "
    "rockets at Israel.",
    "The United Nations Security Council condemned the attack and urged both sides to show "
    "restraint.",
    "Turkey and Greece signed an agreement on energy cooperation in Ankara yesterday.",
    "Police arrested dozens of protesters in Tbilisi after the opposition called for the "
    "resignation of the government.",
};

std::vector<std::string> code_all(const std::shared_ptr<const Model>& model) {
  std::vector<std::string> out;
  for (const char* text : kSentences) {
    for (const Event& e : code_text(model, text, "2024-03-05"))
      out.push_back(fmt::format("{}>{}:{} {} {} {}", e.source ? e.source->code : "-",
                                e.target ? e.target->code : "-", e.cameo, e.date,
                                e.goldstein ? *e.goldstein : 0.0, e.quad_class));
  }
  return out;
}

TEST(ModelFileTest, DefaultKnowledgeReadBackCodesTheSame) {
  auto compiled = Model::compile(KnowledgeOptions{});
  auto dir = temp_dir("model_file_default");
  std::string path = (dir / "default.dyadmodel").string();
  compiled->write(path);
  auto loaded = Model::read(path);
  EXPECT_EQ(code_all(loaded), code_all(compiled));
  EXPECT_FALSE(code_all(compiled).empty());
  EXPECT_EQ(loaded->stats().verb_patterns, compiled->stats().verb_patterns);
  EXPECT_EQ(loaded->stats().sources, compiled->stats().sources);
  EXPECT_EQ(loaded->stats().origin, "model file: " + path);
  // Writing the loaded model again gives the same bytes: every member round-trips.
  EXPECT_EQ(lexicon::serialize_model(loaded->impl(), 7),
            lexicon::serialize_model(compiled->impl(), 7));
}

TEST(ModelFileTest, TabariFeaturesRoundTrip) {
  // Gapped actors, dated codes, agents, synsets, alternatives, times, nouns and adjectives.
  auto dir = temp_dir("model_file_tabari");
  KnowledgeOptions options;
  options.use_default = false;
  options.dictionaries = {
      write_file(dir / "t.actors",
                 "ARNOR [ARN]\nGONDOR [GON 900101-991231] [GNR]\nITHILEN TELEVISION [ITHMED]\n"
                 "<NOUN>\nWARGS\n</NOUN>\n<ADJECTIVE>\nSOUTHERN\n</ADJECTIVE>\n"),
      write_file(dir / "t.agents", "SOLDIER_ [~MIL]\nPOLICE [COP~]\n"),
      write_file(dir / "t.verbs",
                 "<SYNSETS>\n&WEAPONS\n+ROCKETS\n+MORTARS_SHELLS\n</SYNSETS>\n"
                 "ATTACK [190]\n- * + WITH &WEAPONS [195]\n- * { CAMP | BASE } [193]\n"
                 "MEET {MET MEETING} [040]\n- $ * WITH + [043:043]\n"
                 "<TIME>\nYESTERDAY [-1]\n</TIME>\n")};
  auto compiled = Model::compile(options);
  std::string path = (dir / "t.dyadmodel").string();
  compiled->write(path);
  auto loaded = Model::read(path);
  EXPECT_EQ(lexicon::serialize_model(loaded->impl(), 0),
            lexicon::serialize_model(compiled->impl(), 0));
  for (const char* text : {"Arnor soldiers attacked Gondor with rockets yesterday.",
                           "Ithilen state-run television met with Gondor police.",
                           "The southern wargs attacked the Arnor camp."}) {
    EXPECT_EQ(summary(code_text(loaded, text, "1995-06-01")),
              summary(code_text(compiled, text, "1995-06-01")))
        << text;
  }
  EXPECT_FALSE(summary(code_text(loaded, "Arnor soldiers attacked Gondor with rockets.",
                                 "1995-06-01"))
                   .empty());
}

class DamagedModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = temp_dir("model_file_damaged");
    auto model = Model::compile(KnowledgeOptions{});
    path_ = (dir_ / "m.dyadmodel").string();
    model->write(path_);
    bytes_ = read_file(path_);
  }
  // The error Model::read gives for `bytes`, or "" when it accepts them.
  std::string error_for(const std::string& bytes) {
    std::string path = write_file(dir_ / "damaged.dyadmodel", bytes);
    try {
      Model::read(path);
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path dir_;
  std::string path_, bytes_;
};

TEST_F(DamagedModelFileTest, FlippedPayloadByteFailsTheChecksum) {
  std::string damaged = bytes_;
  damaged[damaged.size() / 2] ^= 0x20;
  EXPECT_NE(error_for(damaged).find("checksum mismatch"), std::string::npos);
}

TEST_F(DamagedModelFileTest, TruncatedFileIsRefused) {
  EXPECT_NE(error_for(bytes_.substr(0, bytes_.size() - 100)).find("truncated"),
            std::string::npos);
  EXPECT_NE(error_for(bytes_.substr(0, 20)).find("not a dyad compiled model"), std::string::npos);
  EXPECT_NE(error_for("").find("not a dyad compiled model"), std::string::npos);
}

TEST_F(DamagedModelFileTest, OtherFormatVersionOrBuildIsRefused) {
  std::string other_version = bytes_;
  other_version[8] = static_cast<char>(other_version[8] + 1);  // format version, after the magic
  EXPECT_NE(error_for(other_version).find("format"), std::string::npos);
  std::string other_build = bytes_;
  other_build[12] ^= 0x01;  // first byte of the build id
  EXPECT_NE(error_for(other_build).find("another dyad build"), std::string::npos);
}

TEST_F(DamagedModelFileTest, ErrorNamesTheFile) {
  EXPECT_NE(error_for("garbage").find("damaged.dyadmodel"), std::string::npos);
  EXPECT_THROW(Model::read((dir_ / "missing.dyadmodel").string()), Error);
}

// Found by fuzz/fuzz_model_file.cpp: a payload with a valid checksum whose word ids lie outside
// the word table was accepted, and coding a sentence with it then read out of bounds (the Coder
// indexes per-word arrays by those ids). Such ids are now refused when the file is read.
std::string restamped(std::string file) {
  constexpr size_t kHeaderBytes = 8 + 4 + 32 + 8 + 8 + 8;  // see src/lexicon/model_file.h
  lexicon::StreamHash hash;
  hash.add(std::string_view(file).substr(kHeaderBytes));
  uint64_t sum = hash.finish();
  std::memcpy(file.data() + kHeaderBytes - 8, &sum, sizeof sum);
  return file;
}

std::unique_ptr<Model::Impl> small_model() {
  lexicon::Dictionary dict;
  lexicon::read_tabari("t.actors", "ARNOR_ [ARN]\nGONDOR_ [GON]\n", lexicon::DictionaryKind::kActors,
                       dict);
  lexicon::read_tabari("t.verbs", "MEET_ [040]\n- * WITH + [042]\n",
                       lexicon::DictionaryKind::kVerbs, dict);
  auto impl = std::make_unique<Model::Impl>();
  lexicon::compile_dictionary(dict, *impl);
  return impl;
}

std::string read_error(const std::string& file) {
  try {
    lexicon::deserialize_model(file);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ModelFileTest, WordIdsOutsideTheWordTableAreRefused) {
  auto impl = small_model();
  ASSERT_EQ(read_error(lexicon::serialize_model(*impl, 0)), "");

  // The payload starts with the word table's three string maps (exact words, words with
  // endings, stems), each a u64 slot count, slots of {hash, offset, length, value} (u32 each;
  // an empty slot has offset UINT32_MAX) after zero bytes aligning them to 4 in the file, then
  // its arena (u64 length, bytes). The first word found gets an id far past the table.
  std::string file = lexicon::serialize_model(*impl, 0);
  size_t at = 8 + 4 + 32 + 8 + 8 + 8;
  bool changed = false;
  for (int map = 0; map < 3 && !changed; ++map) {
    uint64_t slots = 0, arena = 0;
    std::memcpy(&slots, file.data() + at, 8);
    at = (at + 8 + 3) / 4 * 4;
    for (uint64_t i = 0; i < slots && !changed; ++i) {
      char* slot = file.data() + at + i * 16;
      uint32_t offset = 0;
      std::memcpy(&offset, slot + 4, 4);
      if (offset == UINT32_MAX) continue;
      uint32_t id = 1000000;
      std::memcpy(slot + 12, &id, 4);
      changed = true;
    }
    at += slots * 16;
    std::memcpy(&arena, file.data() + at, 8);
    at += 8 + arena;
  }
  ASSERT_TRUE(changed);
  EXPECT_NE(read_error(restamped(file)).find("a word id is out of range"), std::string::npos);

  auto bad_pattern = small_model();
  ASSERT_FALSE(bad_pattern->verbs.empty());
  ASSERT_FALSE(bad_pattern->verbs[0].patterns.empty());
  bad_pattern->verbs[0].patterns[0].required.push_back(
      static_cast<lexicon::WordId>(bad_pattern->words.size()));
  EXPECT_NE(read_error(lexicon::serialize_model(*bad_pattern, 0)).find("a pattern's word"),
            std::string::npos);

  auto bad_key = small_model();
  ASSERT_FALSE(bad_key->verbs[0].key_words.empty());
  bad_key->verbs[0].key_words.assign(bad_key->verbs[0].key_words.size(), 1u << 30);
  EXPECT_NE(read_error(lexicon::serialize_model(*bad_key, 0)).find("out of range"),
            std::string::npos);
}

// A trie's payload tails (PhraseTrie::last_payload_) are not stored in model files: a trie read
// back finds them again before an insert, so later payloads still follow the earlier ones.
TEST(ModelFileTest, TrieReadBackTakesMorePayloadsInOrder) {
  auto compiled = small_model();
  auto read = lexicon::deserialize_model(lexicon::serialize_model(*compiled, 0));
  const std::vector<lexicon::WordId> one = {0}, two = {0, 1}, three = {1, 0, 1};
  for (auto* impl : {compiled.get(), read.get()}) {
    impl->actor_trie.insert(one, 100);
    impl->actor_trie.insert(two, 101);
    impl->actor_trie.insert(one, 102);
    impl->actor_trie.insert(three, 103);
  }
  auto payloads = [](const lexicon::PhraseTrie& trie, const std::vector<lexicon::WordId>& words) {
    uint32_t node = 0;
    for (lexicon::WordId w : words) node = trie.child(node, w);
    std::vector<uint32_t> out;
    if (node != 0)
      for (uint32_t p : trie.payloads(node)) out.push_back(p);
    return out;
  };
  for (const auto* words : {&one, &two, &three}) {
    EXPECT_EQ(payloads(read->actor_trie, *words), payloads(compiled->actor_trie, *words));
    EXPECT_FALSE(payloads(read->actor_trie, *words).empty());
  }
  EXPECT_EQ(lexicon::serialize_model(*read, 0), lexicon::serialize_model(*compiled, 0));
}

// Found by fuzz/fuzz_model_file.cpp under libFuzzer: a word count far above the words in the
// table was accepted, and the first sentence coded allocated per-word arrays of that size (17 GB).
TEST(ModelFileTest, WordCountMustMatchTheWordTable) {
  std::string file = lexicon::serialize_model(*small_model(), 0);
  // After the three string maps (u64 slot count, 16-byte slots aligned to 4 in the file, u64
  // arena length, arena) come min_stem and max_stem (u64 each), then the word count (u32).
  size_t at = 8 + 4 + 32 + 8 + 8 + 8;
  for (int map = 0; map < 3; ++map) {
    uint64_t slots = 0, arena = 0;
    std::memcpy(&slots, file.data() + at, 8);
    at = (at + 8 + 3) / 4 * 4 + slots * 16;
    std::memcpy(&arena, file.data() + at, 8);
    at += 8 + arena;
  }
  at += 16;
  uint32_t count = 0;
  std::memcpy(&count, file.data() + at, 4);
  ASSERT_GT(count, 0u);
  for (uint32_t bad : {count + 1, count - 1, 0x7FFFFFFFu}) {
    std::string damaged = file;
    std::memcpy(damaged.data() + at, &bad, 4);
    EXPECT_NE(read_error(restamped(damaged)).find("word"), std::string::npos) << bad;
  }
}

TEST(ModelCacheTest, CompilesOnceThenReadsRebuildsWhenDictionaryChanges) {
  auto dir = temp_dir("model_cache");
  KnowledgeOptions options;
  options.use_default = false;
  options.cache_dir = (dir / "cache").string();
  std::string verbs = write_file(dir / "t.verbs", "ATTACK [190]\n");
  options.dictionaries = {write_file(dir / "t.actors", "ARNOR [ARN]\nGONDOR [GON]\n"), verbs};

  auto first = Model::load(options);
  EXPECT_EQ(first->stats().origin.rfind("compiled, cached: ", 0), 0u) << first->stats().origin;
  auto second = Model::load(options);
  EXPECT_EQ(second->stats().origin.rfind("cache: ", 0), 0u) << second->stats().origin;
  EXPECT_EQ(summary(code_text(second, "Arnor attacked Gondor.")),
            std::vector<std::string>{"ARN>GON:190"});

  // The verbs file changes: the cached model is not used.
  write_file(verbs, "ATTACK [195]\n");
  auto third = Model::load(options);
  EXPECT_EQ(third->stats().origin.rfind("compiled, cached: ", 0), 0u) << third->stats().origin;
  EXPECT_EQ(summary(code_text(third, "Arnor attacked Gondor.")),
            std::vector<std::string>{"ARN>GON:195"});

  // Strictness is part of the key too.
  options.strict = true;
  EXPECT_EQ(Model::load(options)->stats().origin.rfind("compiled", 0), 0u);
}

TEST(ModelCacheTest, CorruptCacheFileIsReplaced) {
  auto dir = temp_dir("model_cache_corrupt");
  KnowledgeOptions options;
  options.use_default = false;
  options.cache_dir = (dir / "cache").string();
  options.dictionaries = {write_file(dir / "t.actors", "ARNOR [ARN]\nGONDOR [GON]\n"),
                          write_file(dir / "t.verbs", "ATTACK [190]\n")};
  Model::load(options);
  std::filesystem::path cached;
  for (const auto& entry : std::filesystem::directory_iterator(options.cache_dir))
    cached = entry.path();
  ASSERT_FALSE(cached.empty());
  std::string bytes = read_file(cached);
  bytes[bytes.size() - 10] ^= 0x55;
  write_file(cached, bytes);

  auto model = Model::load(options);
  EXPECT_NE(model->stats().origin.find("replaced: compiled model checksum mismatch"),
            std::string::npos)
      << model->stats().origin;
  EXPECT_EQ(summary(code_text(model, "Arnor attacked Gondor.")),
            std::vector<std::string>{"ARN>GON:190"});
  EXPECT_EQ(Model::load(options)->stats().origin.rfind("cache: ", 0), 0u);
}

TEST(ModelCacheTest, UnwritableCacheStillCodes) {
  auto dir = temp_dir("model_cache_unwritable");
  KnowledgeOptions options;
  options.use_default = false;
  // A cache "directory" under a regular file cannot be created.
  options.cache_dir = (std::filesystem::path(write_file(dir / "file", "x")) / "cache").string();
  options.dictionaries = {write_file(dir / "t.actors", "ARNOR [ARN]\nGONDOR [GON]\n"),
                          write_file(dir / "t.verbs", "ATTACK [190]\n")};
  auto model = Model::load(options);
  EXPECT_NE(model->stats().origin.find("cache not used"), std::string::npos)
      << model->stats().origin;
  EXPECT_EQ(summary(code_text(model, "Arnor attacked Gondor.")),
            std::vector<std::string>{"ARN>GON:190"});
}

TEST(ModelCacheTest, MissingDictionaryIsStillAnError) {
  KnowledgeOptions options;
  options.cache_dir = temp_dir("model_cache_missing").string();
  options.dictionaries = {"/nonexistent/dir/t.verbs"};
  EXPECT_THROW(Model::load(options), Error);
}

}  // namespace
}  // namespace dyad::testing
