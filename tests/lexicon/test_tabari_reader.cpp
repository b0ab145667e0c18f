#include <gtest/gtest.h>

#include "dates/calendar.h"
#include "dyad/dyad.h"
#include "lexicon/tabari_reader.h"

namespace dyad::lexicon {
namespace {

int32_t day(const char* iso) {
  int32_t d = 0;
  EXPECT_TRUE(dates::parse_iso_day(iso, &d)) << iso;
  return d;
}

TEST(ParsePhrase, StemsExactAndJoins) {
  Phrase p = parse_phrase("NAGORNO_KARABAKH_");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0].text, "NAGORNO");
  EXPECT_TRUE(p[0].exact);
  EXPECT_TRUE(p[0].joined_to_next);
  EXPECT_EQ(p[1].text, "KARABAKH");
  EXPECT_TRUE(p[1].exact);
  Phrase stem = parse_phrase("SYRIA");
  ASSERT_EQ(stem.size(), 1u);
  EXPECT_FALSE(stem[0].exact);
  Phrase spaced = parse_phrase("AL GORE");
  ASSERT_EQ(spaced.size(), 2u);
  EXPECT_FALSE(spaced[0].joined_to_next);
}

TEST(ParsePhrase, HyphenActsAsUnderscore) {
  Phrase p = parse_phrase("MAZAR-I-SHARIF_");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[1].text, "I");
  EXPECT_TRUE(p[2].exact);
}

TEST(CodeBlock, DatedForms) {
  DatedCode plain = parse_code_block("AZE", "x:1");
  EXPECT_EQ(plain.code, "AZE");
  EXPECT_EQ(plain.from_day, kOpenPast);
  DatedCode range = parse_code_block("HOBGOV 950601-990815", "x:1");
  EXPECT_EQ(range.from_day, day("1995-06-01"));
  EXPECT_EQ(range.to_day, day("1999-08-15"));
  DatedCode before = parse_code_block("HOB <950601", "x:1");
  EXPECT_EQ(before.to_day, day("1995-06-01"));  // "<date": up to and including it
  DatedCode after = parse_code_block("RUSMIL >20121109", "x:1");
  EXPECT_EQ(after.from_day, day("2012-11-09"));
  DatedCode y2k = parse_code_block("USAGOV 991201-010114", "x:1");
  EXPECT_EQ(y2k.to_day, day("2001-01-14"));
}

TEST(CodeBlock, ErrorsNameTheLine) {
  try {
    parse_code_block("USAGOV 991301-010114", "f.actors:7");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("f.actors:7"), std::string::npos);
  }
  EXPECT_THROW(parse_code_block("AB$C", "f:1"), Error);
  EXPECT_THROW(parse_code_block("USA 20200101-20190101", "f:1"), Error);
}

TEST(Actors, SynonymsAndContinuationCodes) {
  Dictionary d;
  read_tabari(
      "t.actors",
      "# comment\nGOLLUM ; pas\n+SMEAGOL\n+STINKER\n  [HOB <950601]\n  [HOBGOV 950601-990815]\n"
      "ARNOR  [ARN]\nAXNOR  [AR1 <911226] [AR2]\n<NOUN>\nSHEEP\n</NOUN>\n",
      DictionaryKind::kActors, d);
  ASSERT_EQ(d.actors.size(), 5u);
  EXPECT_EQ(d.actors[1].phrase[0].text, "SMEAGOL");
  ASSERT_EQ(d.actors[2].codes.size(), 2u);
  EXPECT_EQ(d.actors[2].codes[1].code, "HOBGOV");
  EXPECT_EQ(d.actors[4].codes.size(), 2u);
  EXPECT_EQ(d.nouns.size(), 1u);
}

TEST(Actors, MissingCodeIsReportedAndSkipped) {
  Dictionary d;
  read_tabari("bad.actors", "ARNOR [ARN]\nGONDOR\nROHAN [ROH]\n", DictionaryKind::kActors, d);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("bad.actors:3"), std::string::npos) << d.warnings[0];
}

TEST(Agents, SuffixAndPrefix) {
  Dictionary d;
  read_tabari("t.agents", "PRESIDENT_ [~GOVPRS]\nHUMAN_RIGHTS_BODY_ [  NGO~]\n",
              DictionaryKind::kAgents, d);
  ASSERT_EQ(d.agents.size(), 2u);
  EXPECT_TRUE(d.agents[0].suffix);
  EXPECT_EQ(d.agents[0].code, "GOVPRS");
  EXPECT_FALSE(d.agents[1].suffix);
  EXPECT_EQ(d.agents[1].code, "NGO");
  read_tabari("b.agents", "POLICE [COP]\n", DictionaryKind::kAgents, d);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("b.agents:1"), std::string::npos);
}

TEST(Verbs, PatternElements) {
  VerbPattern p =
      parse_verb_pattern(" SAID_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]", "v:1");
  ASSERT_EQ(p.before.size(), 2u);
  EXPECT_EQ(p.before[0].word.text, "SAID");
  EXPECT_TRUE(p.before[0].joined_to_next);
  EXPECT_EQ(p.before[1].kind, ElementKind::kTarget);
  ASSERT_EQ(p.after.size(), 3u);
  EXPECT_EQ(p.after[1].kind, ElementKind::kAlternatives);
  EXPECT_EQ(p.after[1].alternatives.size(), 2u);
  EXPECT_TRUE(p.after[1].joined_to_next);
  EXPECT_EQ(p.code.code, "111");

  VerbPattern joined = parse_verb_pattern("*_HELICOPTERS [---]", "v:2");
  EXPECT_TRUE(joined.verb_joined_to_next);
  EXPECT_TRUE(joined.code.null());

  VerbPattern paired = parse_verb_pattern("* WITH + [032:033]", "v:3");
  EXPECT_EQ(paired.code.paired, "033");

  VerbPattern tilde = parse_verb_pattern("* BACK~ POLICY [062]", "v:4");
  ASSERT_EQ(tilde.after.size(), 2u);
  EXPECT_FALSE(tilde.after[0].word.exact);
  EXPECT_TRUE(tilde.after[0].joined_to_next);
}

TEST(Verbs, MalformedPatternsFail) {
  EXPECT_THROW(parse_verb_pattern("* WITH +", "v:1"), Error);
  EXPECT_THROW(parse_verb_pattern("* * WITH [040]", "v:1"), Error);
  EXPECT_THROW(parse_verb_pattern("* { WITH | [040]", "v:1"), Error);
}

TEST(Verbs, FileStructure) {
  Dictionary d;
  read_tabari(
      "t.verbs",
      "<SYNSETS>\n&TIES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n"
      "BREAK_ [1717]\n{BROKE_ BROKEN_}\n- * TREATY [161]\n- * &TIES TIES [162]\nMEET\n",
      DictionaryKind::kVerbs, d);
  ASSERT_EQ(d.verbs.size(), 2u);
  EXPECT_EQ(d.verbs[0].forms.size(), 2u);
  EXPECT_EQ(d.verbs[0].patterns.size(), 2u);
  EXPECT_TRUE(d.verbs[1].code.null());
  ASSERT_EQ(d.synsets.size(), 1u);
  EXPECT_EQ(d.synsets[0].phrases.size(), 2u);
  read_tabari("b.verbs", "- * WITH + [040]\n", DictionaryKind::kVerbs, d);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("b.verbs:1: pattern line before any verb"), std::string::npos);
}

TEST(Kind, FromName) {
  EXPECT_EQ(kind_from_name("CAMEO.091003.master.verbs"), DictionaryKind::kVerbs);
  EXPECT_EQ(kind_from_name("/x/PSU.120522.agents"), DictionaryKind::kAgents);
  EXPECT_EQ(kind_from_name("Phoenix.Countries.actors.txt"), DictionaryKind::kActors);
}

}  // namespace
}  // namespace dyad::lexicon
