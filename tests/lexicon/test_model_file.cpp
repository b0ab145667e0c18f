// Compiled model files (src/lexicon/model_file.cpp): a model read back codes exactly like the
// one compiled; damaged, stale and foreign files are refused; the cache rebuilds what it cannot
// trust.
#include "lexicon/model_file.h"

#include <gtest/gtest.h>

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
