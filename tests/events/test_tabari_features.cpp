// TABARI dictionary features, each on a small dictionary of its own, coded with TABARI's rules
// (CodingOptions::tabari()). The full validation suite runs in tests/validate.
#include <gtest/gtest.h>

#include "test_util.h"

namespace dyad {
namespace {

using V = std::vector<std::string>;

const char* kActors =
    "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\nMORDOR_ [ORC]\nITHILEN TELEVISION [ITHTV]\n"
    "ITHILEN_ [ITH]\nNORTH_AND_SOUTH_ [NOR/SOU]\nSOCCER_ [###]\nPLANETARY_CUP_ [+++]\n"
    "<NOUN>\nLEADER\n</NOUN>\n<ADJECTIVE>\nEVIL\n</ADJECTIVE>\n";
const char* kAgents =
    "MINISTER_ [~GOV]\nPOLICE_ [~COP]\nSECURITY_OFFICIALS_ [~GOV]\nPROSECUTOR_ [~JUD]\n";
const char* kVerbs =
    "<SYNSETS>\n&TIES\n+MILITARY\n+ECONOMIC\n&TIEPHRASE\n+&TIES_MEMOS\n</SYNSETS>\n"
    "<TIME>\nYESTERDAY [-1]\nKAN_WA_MA_KAN [###]\n</TIME>\n"
    "ACCUS [112]\n"
    "DEATH TOLL RISEN [223]\n"
    "WELCOME [041]\n- * &TIEPHRASE FROM + [911]\n"
    "VOICE [020]\n- RECENTLY { LOUDLY INCLUDED | RAISED } ITS * [043]\n"
    "MEET [031:031]\n{MET_}\n- % * [033]\n"
    "WARN [160]\n- * AT ^ + [162]\n"
    "SAID [023?]\n"
    "URGE [102]\n"
    "LEAD [---]\n- * + TO_WAR [173]\n"
    "ATTEND [031!]\n";

std::shared_ptr<const Model> model() {
  static auto m = testing::model_from("tabari_features", kActors, kAgents, kVerbs);
  return m;
}

std::vector<Event> code(const std::string& text, CodingOptions options = CodingOptions::tabari(),
                        const std::string& date = "1995-01-04") {
  return testing::code_text(model(), text, date, options);
}

std::vector<std::string> sorted(std::vector<Event> events) {
  auto s = testing::summary(events);
  std::sort(s.begin(), s.end());
  return s;
}

// Codes `text` with model `m` (by default with TABARI's rules), as sorted event summaries.
std::vector<std::string> code_with(const std::shared_ptr<const Model>& m, const std::string& text,
                                   const CodingOptions& options = CodingOptions::tabari()) {
  return sorted(testing::code_text(m, text, "1995-01-04", options));
}

TEST(TabariFeatures, GappedActorPhrase) {
  EXPECT_EQ(
      sorted(code("Arnor has again accused Ithilen state-run television of lying to everyone.")),
      V({"ARN>ITHTV:112"}));
}

TEST(TabariFeatures, MultiWordHeadwordWithGap) {
  EXPECT_EQ(sorted(code("Arnor's death toll has risen in the long dispute with Gondor today.")),
            V({"ARN>GON:223"}));
}

TEST(TabariFeatures, NestedSynsetAndAlternativesWithGaps) {
  EXPECT_EQ(sorted(code("Arnor welcomed economic memos from Gondor on its role in the talks.")),
            V({"ARN>GON:911"}));
  EXPECT_EQ(
      sorted(code("Arnor has recently loudly boldly included its voice for Gondor in talks.")),
      V({"ARN>GON:043"}));
}

TEST(TabariFeatures, CompoundPatternAndPairedCodes) {
  EXPECT_EQ(sorted(code("Arnor and Gondor met in the old city of Ithilen on Thursday.")),
            V({"ARN>GON:033", "GON>ARN:033"}));
  EXPECT_EQ(sorted(code("Arnor met Gondor in the old capital of Ithilen on Thursday.")),
            V({"ARN>GON:031", "GON>ARN:031"}));
}

TEST(TabariFeatures, CodedCompoundActor) {
  EXPECT_EQ(sorted(code("Arnor accused North and South of spreading lies about the war.")),
            V({"ARN>NOR:112", "ARN>SOU:112"}));
}

TEST(TabariFeatures, SkipToken) {
  EXPECT_EQ(sorted(code("Arnor warned at the Gondor meeting of the Rohan army plans today.")),
            V({"ARN>ROH:162"}));
}

TEST(TabariFeatures, SubordinateAndDominantCodes) {
  // SAID is subordinate: coded only when the clause has nothing else.
  EXPECT_EQ(sorted(code("Arnor said Gondor is a quiet and peaceful land today.")),
            V({"ARN>GON:023"}));
  EXPECT_EQ(sorted(code("Arnor said it urged Gondor to be a quiet and peaceful land.")),
            V({"ARN>GON:102"}));
  // ATTEND is dominant: with CODE ALL it replaces the other events (URGE); coding by clause
  // stops at the clause's first event and does not reach it (FRWD-002-003, CODEBY-12).
  CodingOptions all = CodingOptions::tabari();
  all.code_by = CodingOptions::CodeBy::kAll;
  EXPECT_EQ(sorted(code("Arnor urged Gondor to attend the Rohan summit on Thursday.", all)),
            V({"ARN>ROH:031"}));  // and no 102 for URGE
  EXPECT_EQ(sorted(code("Arnor urged Gondor to attend the Rohan summit on Thursday.")),
            V({"ARN>GON:102"}));
}

TEST(TabariFeatures, DiscardAndComplexCodes) {
  EXPECT_TRUE(code("Arnor accused Gondor of cheating in the soccer final on Thursday.").empty());
  EXPECT_TRUE(code("Arnor accused Gondor of cheating in the Planetary Cup final today.").empty());
}

TEST(TabariFeatures, NounListAndMinimumWords) {
  // LEADER is a noun, not the verb LEAD.
  EXPECT_TRUE(code("The Arnor leader visited the old quiet gardens of Gondor.").empty());
  EXPECT_TRUE(code("Arnor accused Gondor.").empty());  // fewer than 8 words
}

TEST(TabariFeatures, TimeShiftAndTimeDiscard) {
  CodingOptions o = CodingOptions::tabari();
  o.time_shift = true;
  auto events = code("Yesterday Arnor accused Gondor of cheating in the old games.", o);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, "1995-01-03");
  EXPECT_TRUE(code("Arnor accused Gondor, kan wa ma kan, of cheating in the games.", o).empty());
}

TEST(TabariFeatures, DefaultActorsAndConvertedAgents) {
  CodingOptions o = CodingOptions::tabari();
  o.default_target = "DEFTAR";
  o.default_target_after = true;
  EXPECT_EQ(sorted(code("Arnor has accused everyone of cheating in the old games.", o)),
            V({"ARN>DEFTAR:112"}));
  o = CodingOptions::tabari();
  o.convert_agents = true;
  EXPECT_EQ(sorted(code("Police accused Gondor of cheating in the old games today.", o)),
            V({"~COP>GON:112"}));
}

TEST(TabariFeatures, CommaClausesAreDropped) {
  // ", a senior Rohan official said on Saturday" is a closing nonrestrictive clause.
  EXPECT_EQ(
      sorted(code("Arnor accused Gondor of cheating, a senior Rohan official said on Saturday.")),
      V({"ARN>GON:112"}));
}

TEST(TabariFeatures, Forwarding) {
  Coder coder(model());
  coder.set_options(CodingOptions::tabari());
  Document first{"s-1", "1995-01-04", "Arnor minister Tarondor spoke at length about the old war."};
  std::vector<Event> events;
  coder.code(first, events);
  EXPECT_EQ(coder.first_actor_of_last_document(), "ARN");
  coder.set_forwarded_actor("ARN");
  Document second{"s-2", "1995-01-04", "He accused Gondor of cheating in the old games today."};
  coder.code(second, events);
  EXPECT_EQ(testing::summary(events), V({"ARN>GON:112"}));
}

TEST(TabariFeatures, FormerMakesTheAgentAnElite) {
  // FORMER before the actor or before the agent of an actor-agent pair (TABARI 5.4.1).
  EXPECT_EQ(sorted(code("Arnor former security officials accused former Gondor prosecutors "
                        "of lying.")),
            V({"ARNELI>GONELI:112"}));
}

TEST(TabariFeatures, AlternativeHoldingASynsetWeighsItsWrittenWords) {
  // "{ CLOSER | &COIN_EXCHANGE }" weighs 9 (EXCHANGE and its connector), not the length of the
  // longest expansion: a match on CLOSER (6) still beats the shorter "IN *" (2) (TABARI 5.7.1).
  auto m = testing::model_from(
      "tabari_alt_synset", kActors, "",
      "<SYNSETS>\n&COIN\n+DOLLAR\n+GOLDEN_GOBLIN_GALLEONS\n</SYNSETS>\n"
      "ACCORD [---]\n- INCHING { CLOSER | &COIN_EXCHANGE } * [083]\n- IN * [072]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("Arnor is inching closer to accord with Gondor after five years."),
            V({"ARN>GON:083"}));
  EXPECT_EQ(run("Arnor is inching dollar exchange to accord with Gondor after years."),
            V({"ARN>GON:083"}));
  EXPECT_EQ(run("Arnor is inching dollar to accord with Gondor after five years."),
            V({"ARN>GON:072"}));
}

TEST(TabariFeatures, SynsetMemberWithActorToken) {
  // "+PESO_$": the member binds the source right after PESO (TABARI 5.6); the target is the
  // next other actor.
  auto m = testing::model_from(
      "tabari_synset_token", kActors, "",
      "<SYNSETS>\n&COIN\n+DOLLAR\n+PESO_$\n</SYNSETS>\nCONTRIBUT [070]\n- * &COIN [903]\n");
  EXPECT_EQ(code_with(m, "Arnor will contribute a million peso Rohan to Gondor after five years."),
            V({"ROH>GON:903"}));
}

TEST(TabariFeatures, CompoundMemberNamingSeveralActorsBetweenAdjectives) {
  // "the evil Arnor awful Gondor" is one member phrase of the compound: both actors are members
  // (TABARI 7.5: np = actor | adjective np | determiner np).
  auto m = testing::model_from("tabari_np_actors",
                               "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\nITHILEN_ [ITH]\n"
                               "<ADJECTIVE>\nEVIL\nAWFUL\n</ADJECTIVE>\n",
                               "", "ACCUS [112]\n");
  EXPECT_EQ(code_with(m, "Rohan and the evil Arnor awful Gondor accused Ithilen of lying again."),
            V({"ARN>ITH:112", "GON>ITH:112", "ROH>ITH:112"}));
}

std::shared_ptr<const Model> pronoun_model() {
  static auto m = testing::model_from("tabari_pronouns", kActors, kAgents,
                                      "URGE [102]\nASSIST [092]\nPRESENT [032]\n");
  return m;
}

std::vector<std::string> code_pronouns(const std::string& text, CodingOptions options) {
  return code_with(pronoun_model(), text, options);
}

TEST(TabariFeatures, TheyAndThemStandForTheCompoundAsOneActor) {
  // THEM after the verb is the source's compound: passed over whole, so the target is the
  // nearest other actor before the verb (TABARI 5.8, 7.7).
  EXPECT_EQ(code_pronouns("Arnor and Gondor urged Rohan to wait and then they asked that Ithilen "
                          "assist them in the talks.",
                          CodingOptions::tabari()),
            V({"ARN>ITH:092", "ARN>ROH:102", "GON>ITH:092", "GON>ROH:102"}));
  CodingOptions all = CodingOptions::tabari();
  all.code_by = CodingOptions::CodeBy::kAll;
  EXPECT_EQ(
      code_pronouns("Arnor and Gondor urged Rohan on Monday to assist them in the talks.", all),
      V({"ARN>ROH:092", "ARN>ROH:102", "GON>ROH:092", "GON>ROH:102"}));
}

TEST(TabariFeatures, PronounComparedByTheActorItStandsFor) {
  // THEIR stands for the compound whose first actor is ARN (its agent joined later): it differs
  // from the source ARNGOV, so the compound acts on itself.
  EXPECT_EQ(code_pronouns("The ministers of Arnor, Rohan and Gondor presented their papers to "
                          "Ithilen on Monday.",
                          CodingOptions::tabari()),
            V({"ARNGOV>GON:032", "ARNGOV>ROH:032", "GON>ARNGOV:032", "GON>ROH:032",
               "ROH>ARNGOV:032", "ROH>GON:032"}));
}

TEST(TabariFeatures, TargetWithinTheVerbsClause) {
  auto m = testing::model_from("tabari_clauses", kActors, "",
                               "SHOT_AND_WOUND [223]\nSHOT [223]\nAFFIRM [042]\nALLOW [060]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  // AFFIRM has no actor after it in its clause: its target is the one before it, not the
  // attacker of the next clause (TABARI 7.10).
  EXPECT_EQ(run("Arnor accepts that Gondor might affirm or allow an attack by Rohan in Ithilen."),
            V({"ARN>GON:042", "ARN>ROH:060"}));
  // The AND of a verb phrase does not divide the sentence into clauses (TABARI 7.6).
  EXPECT_EQ(run("Arnor shot and wounded Gondor in six days of fighting."), V({"ARN>GON:223"}));
}

TEST(TabariFeatures, NoActorPriorLooksAtTheFirstCodedVerb) {
  // COMPLEX: NOACTPRIOR. LEAD is null-coded (a verb only through its pattern): the first verb
  // that counts is ACCUSED, and Arnor stands before it.
  CodingOptions o = CodingOptions::tabari();
  o.no_actor_prior = true;
  EXPECT_EQ(sorted(code("On lead Arnor accused Gondor of cheating in the old games.", o)),
            V({"ARN>GON:112"}));
  EXPECT_TRUE(code("Lately accused Arnor of cheating Gondor in the old games.", o).empty());
}

TEST(TabariFeatures, SourceFoundByAVerbIsKeptInLaterClauses) {
  // TABARI 7.6: BOMBING finds its source Arnor (but no target); after AND the source is kept,
  // though Gondor stands before RAIDS in that clause.
  auto m = testing::model_from("tabari_carried_source", kActors, "",
                               "BOMB [223]\nRAID [220]\nLAUNCH [---]\nWARN [160]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("Arnor launched a new bombing and shelling offensive against besieged Gondor "
                "during raids in which Rohan spokesmen said many were killed."),
            V({"ARN>ROH:220"}));
  // No verb in the first clause: its first actor gives way to the clause's own actor.
  EXPECT_EQ(run("Arnor's awful and cool Rohan warned Gondor of the coming war."),
            V({"ROH>GON:160"}));
}

TEST(TabariFeatures, ClauseOpeningWithItsVerbSearchesAfterItWhileNoEvent) {
  // ALLEGED finds Arnor but no target, so the sentence has no event yet: ADMITTED, opening its
  // clause, does not take Arnor; its source is the first actor after it, the target the next.
  auto m = testing::model_from("tabari_verb_opens_clause", kActors, "",
                               "ALLEGE [022]\nADMIT [023]\nPROMISE [050]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("Arnor alleged and admitted that soldiers of Gondor stood in south Ithilen."),
            V({"GON>ITH:023"}));
  // After an event the source is kept (TABARI 7.6).
  EXPECT_EQ(run("Arnor promised Rohan aid and admitted that Gondor stood in south Ithilen."),
            V({"ARN>GON:023", "ARN>ROH:050"}));
}

TEST(TabariFeatures, ListEndsWithItsAndMember) {
  // "Gondor and Rohan, the Ithilen newspaper": the list ended with Rohan, so the closing
  // comma clause is not a list member and is dropped (TABARI 7.5, 7.8).
  EXPECT_EQ(sorted(code("Arnor accused Gondor and Rohan, the Ithilen newspaper said on Friday.")),
            V({"ARN>GON:112", "ARN>ROH:112"}));
}

TEST(TabariFeatures, PossessiveBetweenActorsNamesBoth) {
  // "Gondor and Rohan's Ithilen": two actors across 'S are not one mention; both are members of
  // the compound (TABARI 7.5).
  EXPECT_EQ(sorted(code("Arnor accused Gondor and Rohan's Ithilen of cheating in the old games.")),
            V({"ARN>GON:112", "ARN>ITH:112", "ARN>ROH:112"}));
}

TEST(TabariFeatures, SynsetJoinAfterAMultiWordMemberBeforeTheVerb) {
  // TABARI (SYNSET-22h, -22i): before the verb, "&NEG_EVER" holds EVER right after a one-word
  // member (WON'T) but lets words stand between after a member of several words.
  auto m = testing::model_from("tabari_synset_join", kActors, "",
                               "<SYNSETS>\n&NEG\n+WON'T\n+REALLY_DID_NOT\n</SYNSETS>\nCLASH [223]\n"
                               "- &NEG_EVER * OVER [905]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("Arnor really did not even ever clash over the efforts of Gondor today."),
            V({"ARN>GON:905"}));
  EXPECT_EQ(run("Arnor won't even ever clash over the efforts of Gondor today."),
            V({"ARN>GON:223"}));
  EXPECT_EQ(run("Arnor won't ever clash over the efforts of Gondor today."), V({"ARN>GON:905"}));
}

TEST(TabariFeatures, GappedActorLeavesTheWordsBetweenFree) {
  // DURTHANG ORC matches across any words up to a comma: the verb SHOULD and the conjunction
  // AND between its words still count, and the phrase stands where either word is.
  auto m = testing::model_from("tabari_gapped_free",
                               "DURTHANG ORC [MORORC]\nMORDOR_ [ORC]\nROHAN_ [ROH]\n", "",
                               "SAID [023?]\nREPORT [025?]\nSHOULD [101]\n- SAID * [102]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("A Rohan militia chief said on Saturday an outpost of Durthang should be set up "
                "in areas not controlled by rebel Orc forces."),
            V({"ROH>MORORC:102"}));
  EXPECT_EQ(run("Mordor was reported on Friday to have reinforced its positions near Durthang "
                "and an Orc leader said the move could be a prelude to war."),
            V({"ORC>MORORC:023", "ORC>MORORC:025"}));
}

TEST(TabariFeatures, NullVerbCodesOnlyThroughItsCodedPatterns) {
  // REBUFF's own code is null: it codes through a pattern or not at all. try_verb rejects it
  // early where the sentence has none of its coded patterns' key words (the verb gate), so each
  // kind of code a pattern can carry must keep the verb in play: a plain code, a discard code
  // (it stops the sentence, and with it the later ACCUSED) and a null code paired with another
  // (the reverse event). Where only the null pattern's word stands, nothing is coded.
  auto m = testing::model_from("tabari_null_verb_gate", kActors, "",
                               "ACCUS [112]\n"
                               "REBUFF [---]\n"
                               "- * RUDELY [---]\n"
                               "- * + OVER_TAXES [111]\n"
                               "- * + DURING_PARADE [###]\n"
                               "- * + IN_PUBLIC [---:111]\n");
  auto run = [&](const std::string& text) { return code_with(m, text); };
  EXPECT_EQ(run("Arnor rebuffed Gondor rudely in the old capital yesterday."), V({}));
  EXPECT_EQ(run("Arnor rebuffed Gondor over taxes in the old capital yesterday."), V({"ARN>GON:111"}));
  EXPECT_EQ(run("Arnor rebuffed Gondor rudely over taxes in the old capital."), V({"ARN>GON:111"}));
  EXPECT_EQ(run("Rohan accused Ithilen of lying and Arnor rebuffed Gondor yesterday."),
            V({"ROH>ITH:112"}));
  EXPECT_EQ(run("Arnor rebuffed Gondor during parade and Rohan accused Ithilen of lying."), V({}));
  EXPECT_EQ(run("Arnor rebuffed Gondor in public in the old capital yesterday."), V({"GON>ARN:111"}));
}

}  // namespace
}  // namespace dyad
