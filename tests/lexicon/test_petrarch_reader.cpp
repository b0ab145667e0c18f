#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "dates/calendar.h"
#include "dyad/dyad.h"
#include "lexicon/petrarch_reader.h"
#include "test_util.h"

namespace dyad::lexicon {
namespace {

// Codes `text` (as one sentence unless split_sentences), as "SOURCE TARGET CAMEO" lines ("-" for
// none).
std::vector<std::string> coded(const std::shared_ptr<const Model>& model, const std::string& text,
                               const std::string& date, bool split_sentences = false) {
  CodingOptions options;
  options.split_sentences = split_sentences;
  std::vector<std::string> out;
  for (const auto& e : testing::code_text(model, text, date, options))
    out.push_back((e.source ? e.source->code : "-") + " " + (e.target ? e.target->code : "-") +
                  " " + e.cameo);
  return out;
}

int32_t day(const char* iso) {
  int32_t d = 0;
  EXPECT_TRUE(dates::parse_iso_day(iso, &d)) << iso;
  return d;
}

std::string words(const Phrase& p) {
  std::string out;
  for (const Word& w : p) out += (out.empty() ? "" : " ") + w.text + (w.joined_to_next ? "_" : "");
  return out;
}

Dictionary read(const char* name, const std::string& content, PetrarchNotes* notes = nullptr) {
  Dictionary d;
  read_petrarch(name, content, d, notes);
  return d;
}

std::string error_of(const char* name, const std::string& content) {
  try {
    read(name, content);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

const VerbEntry* verb(const Dictionary& d, const std::string& headword) {
  for (const VerbEntry& v : d.verbs)
    if (words(v.headword) == headword) return &v;
  return nullptr;
}

bool has_form(const VerbEntry& v, const std::string& form) {
  return std::any_of(v.forms.begin(), v.forms.end(),
                     [&](const Phrase& p) { return words(p) == form; });
}

TEST(PetrarchFiles, KindsFromNames) {
  EXPECT_TRUE(is_petrarch_file("dir/Phoenix.agents.txt"));
  EXPECT_TRUE(is_petrarch_file("CAMEO.2.0.TXT"));
  EXPECT_FALSE(is_petrarch_file("countries.actors"));
  EXPECT_EQ(petrarch_kind_from_name("x/Phoenix.Countries.actors.txt"), PetrarchKind::kActors);
  EXPECT_EQ(petrarch_kind_from_name("Phoenix.agents.txt"), PetrarchKind::kAgents);
  EXPECT_EQ(petrarch_kind_from_name("CAMEO.2.0.txt"), PetrarchKind::kVerbs);
  EXPECT_EQ(petrarch_kind_from_name("PETR.Validate.verbs.txt"), PetrarchKind::kVerbs);
  EXPECT_EQ(petrarch_kind_from_name("Phoenix.discards.txt"), PetrarchKind::kDiscards);
  EXPECT_EQ(petrarch_kind_from_name("Phoenix.IssueCoding.txt"), PetrarchKind::kIssues);
  EXPECT_EQ(petrarch_kind_from_name("Phoenix.prepositions.txt"), PetrarchKind::kUnknown);
  EXPECT_NE(error_of("notes.txt", "X\n").find("notes.txt"), std::string::npos);
}

TEST(PetrarchPhrase, ExactJoinedAndContractions) {
  EXPECT_EQ(words(petrarch_phrase("NORTH_KOREA_")), "NORTH_ KOREA");
  EXPECT_TRUE(petrarch_phrase("SYRIA")[0].exact);  // PETRARCH has no stems
  EXPECT_EQ(words(petrarch_phrase("AL-QAEDA")), "AL_ QAEDA");
  EXPECT_EQ(words(petrarch_phrase("ITHILEN TELEVISION", true)), "ITHILEN TELEVISION");
  EXPECT_EQ(words(petrarch_phrase("DID N'T")), "DIDN'T");
  EXPECT_EQ(words(petrarch_phrase("WO N'T EVER")), "WON'T_ EVER");
  EXPECT_EQ(words(petrarch_phrase("U.S.")), "US");
}

TEST(PetrarchForms, VerbsAndPlurals) {
  auto forms = regular_verb_forms("DEPART");
  EXPECT_EQ(forms, (std::vector<std::string>{"DEPARTS", "DEPARTED", "DEPARTING"}));
  forms = regular_verb_forms("DEPLORE");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "DEPLORED"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "DEPLORING"), forms.end());
  forms = regular_verb_forms("DENY");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "DENIES"), forms.end());
  EXPECT_NE(std::find(forms.begin(), forms.end(), "DENIED"), forms.end());
  forms = regular_verb_forms("REACH");
  EXPECT_NE(std::find(forms.begin(), forms.end(), "REACHES"), forms.end());
  forms = regular_verb_forms("FLEE");  // PETRARCH-1 FLEING, PETRARCH-2 FLEEING
  EXPECT_NE(std::find(forms.begin(), forms.end(), "FLEEING"), forms.end());
  EXPECT_EQ(regular_plural("AUTHORITY"), "AUTHORITIES");
  EXPECT_EQ(regular_plural("ATTORNEY"), "ATTORNEYS");
  EXPECT_EQ(regular_plural("CONGRESS"), "CONGRESSES");
  EXPECT_EQ(regular_plural("SWISS FRANC"), "SWISS FRANCS");
}

// ---- comments --------------------------------------------------------------------------------

TEST(PetrarchComments, XmlHashSemicolonAndCodes) {
  Dictionary d = read("t.actors.txt",
                      "<!-- one line -->\n"
                      "<!-- several\n"
                      "GHOST [GHO]\n"
                      "lines -->\n"
                      "<! -- PETRARCH-1 skips any line starting <! -->\n"
                      "# a comment\n"
                      "ARNOR_ [ARN] # trailing\n"
                      "GONDOR [GON] ; legacy TABARI comment\n"
                      "NASGUL [###]  # '#' inside brackets is a code\n");
  ASSERT_EQ(d.actors.size(), 3u);
  EXPECT_EQ(words(d.actors[0].phrase), "ARNOR");
  EXPECT_EQ(d.actors[1].codes.at(0).code, "GON");
  EXPECT_EQ(d.actors[2].codes.at(0).code, "###");
}

// ---- actors ----------------------------------------------------------------------------------

TEST(PetrarchActors, SynonymsShareDatedCodes) {
  Dictionary d = read("t.actors.txt",
                      "GOLLUM  # pas 27 Apr 03\n"
                      "+SMEAGOL\n"
                      "+SLINKER\n"
                      "\t[HOB < 950601]\n"
                      "\t[HOBGOV 19950601 - 19990815]\n"
                      "\t[HOBREB > 990816]\n"
                      "SAM_GAMGEE [HOB]\n"
                      "\t[HOBCIV <20080120]\n"
                      "ENT\n"
                      "\t[ENT]\n"
                      "BOROMIR [---]\n"
                      "ONODOHER\n"
                      "LORIEN [ELR/GAL]\n");
  ASSERT_EQ(d.actors.size(), 8u);
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(d.actors[i].codes.size(), 3u) << i;
    EXPECT_EQ(d.actors[i].codes[0].to_day, day("1995-06-01"));
    EXPECT_EQ(d.actors[i].codes[1].from_day, day("1995-06-01"));
    EXPECT_EQ(d.actors[i].codes[1].to_day, day("1999-08-15"));
    EXPECT_EQ(d.actors[i].codes[2].from_day, day("1999-08-16"));
  }
  EXPECT_EQ(words(d.actors[1].phrase), "SMEAGOL");
  ASSERT_EQ(d.actors[3].codes.size(), 2u);  // the default and a restriction
  EXPECT_EQ(d.actors[3].codes[0].code, "HOB");
  EXPECT_EQ(d.actors[3].codes[0].from_day, kOpenPast);
  EXPECT_EQ(d.actors[3].codes[1].to_day, day("2008-01-20"));
  EXPECT_EQ(d.actors[4].codes.at(0).code, "ENT");
  EXPECT_EQ(d.actors[5].codes.at(0).code, "---");
  EXPECT_TRUE(d.actors[6].codes.empty());  // no code: a null actor
  EXPECT_EQ(d.actors[7].codes.at(0).code, "ELR/GAL");
}

TEST(PetrarchActors, NoCodeIsANullActorAndBlanksAreGaps) {
  Dictionary d = read("t.actors.txt", "ONODOHER\nITHILEN TELEVISION [ITHTV]\n");
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_TRUE(d.actors[0].codes.empty());
  EXPECT_EQ(words(d.actors[1].phrase), "ITHILEN TELEVISION");  // not joined: words may come between
}

TEST(PetrarchActors, DatesAsPetrarchReadsThem) {
  PetrarchNotes notes;
  Dictionary d = read("t.actors.txt",
                      "A_ [AAA]\n"
                      "\t[ARMUNR 9008223-911221]\n"      // 7 digits: YYMMDD + junk
                      "\t[GBRGOV >201005011]\n"          // 9 digits: the first 8
                      "\t[MNEGOV 20121204]\n"            // bare date: from then on
                      "\t[EGYGOV 20121207-20120802]\n",  // inverted: never applies
                      &notes);
  const auto& c = d.actors.at(0).codes;
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[1].from_day, day("1990-08-22"));
  EXPECT_EQ(c[1].to_day, day("1991-12-21"));
  EXPECT_EQ(c[2].from_day, day("2010-05-01"));
  EXPECT_EQ(c[3].from_day, day("2012-12-04"));
  EXPECT_GT(c[4].from_day, c[4].to_day);
  EXPECT_EQ(notes.skipped.size(), 4u);
  EXPECT_NE(notes.skipped[0].find("t.actors.txt:2"), std::string::npos);
}

TEST(PetrarchActors, ErrorsNameFileAndLine) {
  EXPECT_NE(error_of("t.actors.txt", "+SYNONYM\n").find("t.actors.txt:1: synonym"),
            std::string::npos);
  EXPECT_NE(error_of("t.actors.txt", "# x\n[ARN]\n").find("t.actors.txt:2:"), std::string::npos);
  EXPECT_NE(error_of("t.actors.txt", "A [AR N 1995]\n").find("t.actors.txt:1:"), std::string::npos);
  EXPECT_NE(error_of("t.actors.txt", "A [ARN 951301-960101]\n").find("malformed date"),
            std::string::npos);
  EXPECT_NE(error_of("t.actors.txt", "A [ARN\n").find("t.actors.txt:1:"), std::string::npos);
}

// ---- agents ----------------------------------------------------------------------------------

TEST(PetrarchAgents, PluralsMarkersAndPrefixes) {
  PetrarchNotes notes;
  Dictionary d = read("t.agents.txt",
                      "!PERSON! = MAN, MEN, WOMAN\n"
                      "PARLIAMENTARY_OPPOSITION {} [~OPP]\n"
                      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
                      "AUTHORITY  [~GOV]\n"
                      "CONGRESS [~LEG]\n"
                      "CONGRESS!PERSON! [~LEG]\n"
                      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
                      "HUMAN_RIGHTS_BODY  [NGO~]\n"
                      "POLICE {} [ ~COP]\n"
                      "ISLAMIC_EXTREMIST\n"
                      "DEPARMENT_OF_ENVIRONMENT [~ENV}\n",
                      &notes);
  std::vector<std::string> phrases;
  for (const AgentEntry& a : d.agents) phrases.push_back(words(a.phrase) + " " + a.code);
  EXPECT_EQ(phrases,
            (std::vector<std::string>{
                "PARLIAMENTARY_ OPPOSITION OPP", "ATTORNEY_ GENERAL GOV", "ATTORNEYS_ GENERAL GOV",
                "AUTHORITY GOV", "AUTHORITIES GOV", "CONGRESS LEG", "CONGRESSES LEG",
                "CONGRESSMAN LEG", "CONGRESSMEN LEG", "CONGRESSWOMAN LEG",
                "HUMAN_ RIGHTS_ BODY NGO", "HUMAN_ RIGHTS_ BODIES NGO", "POLICE COP",
                "DEPARMENT_ OF_ ENVIRONMENT ENV", "DEPARMENT_ OF_ ENVIRONMENTS ENV"}));
  const AgentEntry& ngo = *std::find_if(d.agents.begin(), d.agents.end(),
                                        [](const AgentEntry& a) { return a.code == "NGO"; });
  EXPECT_FALSE(ngo.suffix);
  EXPECT_TRUE(d.agents.front().suffix);
  // !MINST! is not defined, ISLAMIC_EXTREMIST has no code, [~ENV} is closed with a brace.
  ASSERT_EQ(notes.skipped.size(), 3u);
  EXPECT_NE(notes.skipped[0].find("t.agents.txt:7:"), std::string::npos);
  EXPECT_NE(notes.skipped[1].find("t.agents.txt:10:"), std::string::npos);
}

TEST(PetrarchAgents, Errors) {
  EXPECT_NE(error_of("t.agents.txt", "MINISTER [GOV]\n").find("t.agents.txt:1:"),
            std::string::npos);
  EXPECT_NE(error_of("t.agents.txt", "\nMINISTER {MINISTERS [~GOV]\n").find("t.agents.txt:2:"),
            std::string::npos);
}

// ---- discards and issues ---------------------------------------------------------------------

TEST(PetrarchDiscards, SentenceStoryStemAndExact) {
  Dictionary d = read("t.discards.txt",
                      "# Story-level discards are marked '+'\n"
                      "AFRICAN NATIONS CUP   # ab 13 Jun 2005\n"
                      "+TYPHOON\n"
                      "BASEBALL_\n");
  ASSERT_EQ(d.discards.size(), 3u);
  ASSERT_EQ(d.story_discards.size(), 1u);
  EXPECT_EQ(words(d.story_discards[0]), "TYPHOON");
  EXPECT_FALSE(d.story_discards[0][0].exact);  // a stem: TYPHOONS too
  EXPECT_TRUE(d.discards[0][0].exact);
  EXPECT_FALSE(d.discards[0][2].exact);
  EXPECT_TRUE(d.discards[2][0].exact);  // '_': the word itself
}

TEST(PetrarchIssues, ExpansionsAndIgnores) {
  Dictionary d = read("t.IssueCoding.txt",
                      "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
                      "n:school [SCHOOLS]\n"
                      "pre+n:school [EARLY_CHILDHOOD_EDUCATION]\n"
                      "ethnic v:purge [ID_ATROCITY]\n"
                      "~a head start\n"
                      "~~Armenian genocide  # not coding historical cases\n"
                      "no code here\n"
                      "</ISSUE>\n"
                      "tourism [TOURISM]\n");
  std::vector<std::string> got;
  for (const IssueEntry& e : d.issues)
    got.push_back(words(e.phrase) + "|" + e.code + "|" + e.category + "|" +
                  std::to_string(static_cast<int>(e.kind)));
  EXPECT_EQ(
      got,
      (std::vector<std::string>{
          "SCHOOL|SCHOOLS|EDUCATION|0", "SCHOOLS|SCHOOLS|EDUCATION|0",
          "PRE_ SCHOOL|EARLY_CHILDHOOD_EDUCATION|EDUCATION|0",
          "PRE_ SCHOOLS|EARLY_CHILDHOOD_EDUCATION|EDUCATION|0",
          "ETHNIC_ PURGE|ID_ATROCITY|EDUCATION|0", "ETHNIC_ PURGES|ID_ATROCITY|EDUCATION|0",
          "ETHNIC_ PURGED|ID_ATROCITY|EDUCATION|0", "ETHNIC_ PURGING|ID_ATROCITY|EDUCATION|0",
          "A_ HEAD_ START||EDUCATION|1", "ARMENIAN_ GENOCIDE||EDUCATION|2", "TOURISM|TOURISM||0"}));
}

TEST(PetrarchIssues, CoderTagsSentencesAndHonoursIgnores) {
  Dictionary d = read("t.IssueCoding.txt",
                      "<ISSUE CATEGORY=\"EDUCATION\">\n"
                      "n:school [SCHOOLS]\n"
                      "n:teacher [TEACHERS]\n"
                      "~a head start\n"
                      "</ISSUE>\n"
                      "<ISSUE CATEGORY=\"HISTORY\">\n"
                      "n:genocide [ATROCITY]\n"
                      "~~Armenian genocide\n"
                      "</ISSUE>\n");
  IssueCoder coder(d.issues);
  auto issues = coder.sentence_issues(
      "Teachers and schools were closed. Pupils got a head start at school. "
      "A genocide was denounced.",
      true);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0], (std::vector<std::string>{"TEACHERS", "SCHOOLS"}));
  EXPECT_TRUE(issues[1].empty());  // "~a head start": no EDUCATION issues in that sentence
  EXPECT_EQ(issues[2], (std::vector<std::string>{"ATROCITY"}));
  auto story =
      coder.sentence_issues("A genocide happened. The Armenian genocide was recalled.", true);
  EXPECT_TRUE(story[0].empty());  // "~~": the whole story
  Document doc;
  doc.text = "Teachers protested.";
  std::vector<Event> events(1);
  coder.assign(doc, true, events);
  EXPECT_EQ(events[0].issues, (std::vector<std::string>{"TEACHERS"}));
}

// ---- verbs: PETRARCH-1 -----------------------------------------------------------------------

const char* kPetrarch1Verbs =
    "<!-- SYNSETS -->\n"
    "&PREPOSIT1_\n"
    "+AGAINST\n"
    "+IN\n"
    "\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+SWISS FRANC\n"
    "+KRONER_\n"
    "\n"
    "&NEGATVAUXVRB\n"
    "+DID N'T\n"
    "\n"
    "&ACCORDSYN\n"
    "+&CURRENCY\n"
    "+CLOSER\n"
    "\n"
    "--- ABANDON  [345]  ---\n"
    "ABANDON    # pas 15 Jul 2003\n"
    "+ABC_DEF\n"
    "KLM_NOP_+RST [002]\n"
    "- * &TIETYPES TIES [902]\n"
    "- * EFFORT  [987]\n"
    "\n"
    "--- DELAY [120]  [031:031]  ---\n"
    "DELAY\n"
    "DOWNPLAY [014]\n"
    "BREAK { BROKE BROKEN  }\n"
    "WIRE_+TAP\n"
    "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n"
    "- % HAVE  *  [191]\n"
    "- * WITH % [031]\n"
    "- SUGGESTED_+ * DEMAND_&PREPOSIT1_CONVENTIONS  [111]\n"
    "- &NEGATVAUXVRB * OVER EFFORTS  [904]\n"
    "- IN_ *  [075A]\n"
    "- PLANES_*  [223]\n"
    "- ** &CURRENCY [903]\n"
    "- *SCEPTICAL [012]\n"
    "- * FXLL DIPLOMATIC  [+++]\n"
    "- SAID * AN OFFER + FOR TALKS\n"
    "- * COMMIT * AID [033]\n"
    "- TIVILIAN [202]\n"
    "\n"
    "--- LEFT  [032:033]  ---\n"
    "LEFT\n"
    "\n"
    "--- SHOT [---] ---\n"
    "SHOT\n"
    "- *_AND_WOUND  [223]\n"
    "\n"
    "--- SHOT  [223] ---\n"
    "SHOT\n"
    "- + WAS * DEAD IN $ [224]\n";

TEST(PetrarchVerbs1, DialectBlocksAndForms) {
  EXPECT_EQ(detect_verb_dialect(kPetrarch1Verbs), PetrarchDialect::kPetrarch1);
  PetrarchNotes notes;
  Dictionary d = read("t.verbs.txt", kPetrarch1Verbs, &notes);
  const VerbEntry* abandon = verb(d, "ABANDON");
  ASSERT_NE(abandon, nullptr);
  EXPECT_EQ(abandon->code.code, "345");
  EXPECT_TRUE(has_form(*abandon, "ABANDONED"));
  EXPECT_TRUE(has_form(*abandon, "ABANDONING"));
  const VerbEntry* rst = verb(d, "KLM_ NOP_ RST");
  ASSERT_NE(rst, nullptr);
  EXPECT_EQ(rst->code.code, "002");               // its own code
  EXPECT_TRUE(has_form(*rst, "KLM_ NOP_ RSTS"));  // the '+' word takes the forms
  const VerbEntry* abc = verb(d, "ABC_ DEF");
  ASSERT_NE(abc, nullptr);
  EXPECT_TRUE(has_form(*abc, "ABCS_ DEF"));
  EXPECT_EQ(abc->patterns.size(), 1u);  // shares ABANDON's block (&TIETYPES undefined: skipped)
  const VerbEntry* downplay = verb(d, "DOWNPLAY");
  ASSERT_NE(downplay, nullptr);
  EXPECT_EQ(downplay->code.code, "014");
  EXPECT_EQ(verb(d, "DELAY")->code.code, "120");  // the first [code] of the header
  const VerbEntry* brk = verb(d, "BREAK");
  ASSERT_NE(brk, nullptr);
  EXPECT_EQ(brk->forms.size(), 2u);  // listed forms only
  EXPECT_TRUE(has_form(*verb(d, "WIRE_ TAP"), "WIRE_ TAPPED") ||
              has_form(*verb(d, "WIRE_ TAP"), "WIRE_ TAPED"));
  EXPECT_TRUE(has_form(*verb(d, "CORDON_ OFF"), "CORDONED_ OFF"));
  EXPECT_EQ(verb(d, "LEFT")->code.paired, "033");  // PETRARCH-1 pairs codes as TABARI does
  // Skipped: an undefined synset, [+++], no code, two '*'.
  ASSERT_EQ(notes.skipped.size(), 4u) << notes.skipped[0];
}

TEST(PetrarchVerbs1, PatternElements) {
  Dictionary d = read("t.verbs.txt", kPetrarch1Verbs);
  const VerbEntry* delay = verb(d, "DELAY");
  ASSERT_NE(delay, nullptr);
  const auto& p = delay->patterns;
  ASSERT_EQ(p.size(), 9u);
  // "% HAVE *": a compound before the verb.
  EXPECT_EQ(p[0].before.at(0).kind, ElementKind::kCompound);
  EXPECT_EQ(p[0].code.code, "191");
  // "* WITH %": after the verb, '%' is a compound target.
  EXPECT_EQ(p[1].after.at(1).kind, ElementKind::kTarget);
  // "SUGGESTED_+ * DEMAND_&PREPOSIT1_CONVENTIONS"
  EXPECT_TRUE(p[2].before.at(0).joined_to_next);
  EXPECT_EQ(p[2].before.at(1).kind, ElementKind::kTarget);
  EXPECT_EQ(p[2].after.at(1).kind, ElementKind::kSynset);
  EXPECT_EQ(p[2].after.at(1).synset, "PREPOSIT1");
  EXPECT_TRUE(p[2].after.at(1).joined_to_next);
  // "&NEGATVAUXVRB * OVER EFFORTS"
  EXPECT_EQ(p[3].before.at(0).synset, "NEGATVAUXVRB");
  EXPECT_EQ(p[3].after.at(0).word.text, "OVER");
  EXPECT_TRUE(p[3].after.at(0).word.exact);
  // "IN_ *": an open connector; "PLANES_*": joined to the verb.
  EXPECT_FALSE(p[4].before.at(0).joined_to_next);
  EXPECT_TRUE(p[5].before.at(0).joined_to_next);
  // "** &CURRENCY", "*SCEPTICAL", "TIVILIAN" (no '*': before the verb).
  EXPECT_EQ(p[6].after.at(0).synset, "CURRENCY");
  EXPECT_EQ(p[7].after.at(0).word.text, "SCEPTICAL");
  EXPECT_FALSE(p[7].verb_joined_to_next);
  EXPECT_EQ(p[8].before.at(0).word.text, "TIVILIAN");
  EXPECT_TRUE(p[8].after.empty());
}

TEST(PetrarchVerbs1, SynsetsPluralsAndContractions) {
  Dictionary d = read("t.verbs.txt", kPetrarch1Verbs);
  auto synset = [&](const std::string& name) -> const Synset& {
    return *std::find_if(d.synsets.begin(), d.synsets.end(),
                         [&](const Synset& s) { return s.name == name; });
  };
  std::vector<std::string> currency;
  for (const Phrase& p : synset("CURRENCY").phrases) currency.push_back(words(p));
  EXPECT_EQ(currency, (std::vector<std::string>{"DOLLAR", "DOLLARS", "SWISS_ FRANC",
                                                "SWISS_ FRANCS", "KRONER"}));
  EXPECT_EQ(synset("PREPOSIT1").phrases.size(), 2u);  // label ends with '_': no plurals
  EXPECT_EQ(words(synset("NEGATVAUXVRB").phrases.at(0)), "DIDN'T");
  EXPECT_EQ(synset("ACCORDSYN").written.at(0), "&CURRENCY");  // nested: expanded by the model
}

TEST(PetrarchVerbs1, RepeatedVerbTakesTheLastCodeAndAllPatterns) {
  Dictionary d = read("t.verbs.txt", kPetrarch1Verbs);
  int shots = 0;
  for (const VerbEntry& v : d.verbs) shots += words(v.headword) == "SHOT";
  EXPECT_EQ(shots, 1);
  const VerbEntry* shot = verb(d, "SHOT");
  EXPECT_EQ(shot->code.code, "223");
  EXPECT_EQ(shot->patterns.size(), 2u);  // both blocks are filed under SHOT
}

TEST(PetrarchVerbs1, Errors) {
  EXPECT_NE(error_of("t.verbs.txt", "--- A [01.x] ---\nA\n").find("t.verbs.txt:1:"),
            std::string::npos);
  EXPECT_NE(error_of("t.verbs.txt", "--- A [010] ---\nA {AS\n").find("t.verbs.txt:2:"),
            std::string::npos);
  EXPECT_NE(error_of("t.verbs.txt", "--- A [010] ---\nA\n- * B [0 1 0:]\n- * C [%%]\n")
                .find("t.verbs.txt:4:"),
            std::string::npos);
  EXPECT_NE(error_of("t.verbs.txt", "&BAD NAME\n").find("t.verbs.txt:1:"), std::string::npos);
}

// ---- verbs: PETRARCH-2 -----------------------------------------------------------------------

const char* kPetrarch2Verbs =
    "&FOOD\n"
    "+FOOD\n"
    "+GROCERY\n"
    "\n"
    "####### VERB PATTERNS #######\n"
    "---  ACCELERATE   [---]  ---\n"
    "RUSH\n"
    "HURRY {HURRIES HURRYING HURRIED }\n"
    "- * (TO)                         [042:043]     # RUSH\n"
    "- * {ARMS SHIPMENT}              [072]         # EXPEDITE\n"
    "- * POLICE (TO BORDER)           [153]\n"
    "- * &FOOD                        [073]\n"
    "\n"
    "---  ASK   [---]  ---\n"
    "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]\n"
    "ASK     [020]\n"
    "\n"
    "---  OFFEND   [:110]  ---\n"
    "OFFEND\n"
    "- * (TO CORE)                    [012]\n"
    "\n"
    "######## TRANSFORMATIONS ##########\n"
    "~ a (a b ATTACK) SAY = a b 015\n"
    "~ a (b . ATTACK) SAY = a b 112\n";

TEST(PetrarchVerbs2, GroupsCodesAndTransformations) {
  EXPECT_EQ(detect_verb_dialect(kPetrarch2Verbs), PetrarchDialect::kPetrarch2);
  PetrarchNotes notes;
  Dictionary d = read("CAMEO.2.0.txt", kPetrarch2Verbs, &notes);
  const VerbEntry* rush = verb(d, "RUSH");
  ASSERT_NE(rush, nullptr);
  ASSERT_EQ(rush->patterns.size(), 4u);
  EXPECT_EQ(rush->patterns[0].code.code, "042");  // [active:passive]: the active code
  EXPECT_TRUE(rush->patterns[0].code.paired.empty());
  ASSERT_EQ(rush->patterns[0].after.size(), 1u);
  EXPECT_EQ(rush->patterns[0].after[0].word.text, "TO");
  ASSERT_EQ(rush->patterns[1].after.size(), 2u);  // {ARMS SHIPMENT}: modifier, then head
  EXPECT_EQ(rush->patterns[1].after[1].word.text, "SHIPMENT");
  EXPECT_FALSE(rush->patterns[1].after[0].joined_to_next);
  ASSERT_EQ(rush->patterns[2].after.size(), 3u);  // POLICE (TO BORDER)
  EXPECT_EQ(rush->patterns[3].after.at(0).kind, ElementKind::kSynset);
  const VerbEntry* hurry = verb(d, "HURRY");
  ASSERT_NE(hurry, nullptr);
  EXPECT_EQ(hurry->patterns.size(), 4u);  // the block's patterns
  EXPECT_TRUE(has_form(*hurry, "HURRIED"));
  const VerbEntry* ask_for = verb(d, "ASK_ FOR");
  ASSERT_NE(ask_for, nullptr);
  EXPECT_EQ(ask_for->code.code, "020");
  EXPECT_TRUE(has_form(*ask_for, "ASKED_ FOR"));
  // [:110]: passive only -- the target does 110 to the source.
  const VerbEntry* offend = verb(d, "OFFEND");
  ASSERT_NE(offend, nullptr);
  EXPECT_TRUE(offend->code.null());
  EXPECT_EQ(offend->code.paired, "110");
  ASSERT_EQ(notes.skipped.size(), 1u);
  EXPECT_NE(notes.skipped[0].find("2 verb transformation(s)"), std::string::npos);
  EXPECT_NE(notes.skipped[0].find("CAMEO.2.0.txt:23:"), std::string::npos);
}

// ---- end to end ------------------------------------------------------------------------------

// PETRARCH-2's "[:110]": a null code paired with a code codes the reverse event alone.
TEST(PetrarchModel, NullCodePairedWithACodeCodesTheReverseEvent) {
  auto dir = testing::temp_dir("petrarch_reader_null_paired");
  auto actors = testing::write_file(dir / "t.actors.txt", "ARNOR_ [ARN]\nGONDOR_ [GON]\n");
  auto verbs = testing::write_file(dir / "t.verbs.txt",
                                   "--- OFFEND [:110] ---\nOFFEND\n- * {HARSH REMARKS} [:111]\n"
                                   "--- PRAISE [051] ---\nPRAISE\n");
  KnowledgeOptions knowledge;
  knowledge.use_default = false;
  knowledge.dictionaries = {verbs, actors};
  auto model = Model::compile(knowledge);
  auto code = [&](const std::string& text) { return coded(model, text, ""); };
  EXPECT_EQ(code("Arnor offended Gondor."), (std::vector<std::string>{"GON ARN 110"}));
  EXPECT_EQ(code("Arnor praised Gondor."), (std::vector<std::string>{"ARN GON 051"}));
}

TEST(PetrarchModel, CompilesAndCodes) {
  auto dir = testing::temp_dir("petrarch_reader_model");
  auto actors = testing::write_file(dir / "t.actors.txt",
                                    "ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n"
                                    "ERIADOR [ERI]\n+ERIADORI\n");
  auto agents = testing::write_file(dir / "t.agents.txt", "PRIME_MINISTER [~GOV]\n");
  auto verbs = testing::write_file(dir / "t.verbs.txt",
                                   "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
                                   "--- RESTORE  [064]  ---\nRESTORE\n"
                                   "- * &TIETYPES TIES [902]\n"
                                   "--- MEET  [031:031]  ---\nMEET {MET MEETS MEETING}\n");
  auto discards = testing::write_file(dir / "t.discards.txt", "+TYPHOON\nBASEBALL\n");
  KnowledgeOptions knowledge;
  knowledge.use_default = false;
  knowledge.dictionaries = {verbs, actors, agents, discards};
  auto model = Model::compile(knowledge);
  bool split = false;
  auto code = [&](const std::string& text) { return coded(model, text, "1995-01-01", split); };
  EXPECT_EQ(code("Arnor restored economic ties with Gondor."),
            (std::vector<std::string>{"ARN GON 902"}));
  EXPECT_EQ(code("Arnor restores full diplomatic relations with Minas Tirith."),
            (std::vector<std::string>{"ARN GON 064"}));
  EXPECT_EQ(code("Arnor met Eriador."), (std::vector<std::string>{"ARN ERI 031", "ERI ARN 031"}));
  EXPECT_TRUE(code("Arnor restored ties with Gondor after the typhoons.").empty());
  EXPECT_TRUE(code("Arnor restored baseball ties with Gondor.").empty());
  // A story discard ('+') drops the whole document; a sentence discard only its sentence.
  split = true;
  EXPECT_TRUE(code("Arnor restored ties with Gondor. A typhoon hit Eriador.").empty());
  EXPECT_EQ(code("Arnor restored ties with Gondor. Baseball was played in Eriador."),
            (std::vector<std::string>{"ARN GON 064"}));
}

}  // namespace
}  // namespace dyad::lexicon
