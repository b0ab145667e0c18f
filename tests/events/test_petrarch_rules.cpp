// CodingOptions::petrarch_rules: PETRARCH-1's parse-based readings, each on a small dictionary,
// coded as `dyad validate` codes PETRARCH records (petrarch_coding_options()). Each test also
// checks that the rule is off without the option where the difference shows.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"
#include "validate/petrarch_suite.h"

namespace dyad {
namespace {

using V = std::vector<std::string>;

const char* kActors =
    "ARNOR_ [ARN]\nGONDOR_ [GON]\nFORNOST_ [FOR]\nOSGILIATH_ [OSG]\nDAGOLATH_ [DAG]\n"
    "+TELEMAR\nBREE_ [BRE]\nPHILIPPINES_ [PHL]\nERIADOR_ [ERI]\nGOLLUM_ [HOB]\nLIBYA_ [LBY]\n"
    "ETHIOPIA_ [ETH]\nCALENARDHON_ [CAL]\nITHILEN_ [ITH]\n";
const char* kAgents =
    "AMBASSADOR_ [~GOV]\nAMBASSADORS_ [~GOV]\nOFFICIAL_ [~GOV]\nOFFICIALS_ [~GOV]\n"
    "SOLDIERS_ [~MIL]\nMINISTER_ [~GOV]\nLAWMAKERS_ [~LEG]\nMSF_ [NGO~]\nDIPLOMAT_ [~GOV]\n";
const char* kVerbs =
    "WELCOME [041]\nSAID [023]\nPRESENT [032]\nLEFT [032]\nRESTORE [064]\n"
    "CRITICIZE [121]\n- HEAVILY UNJUSTLY * [123]\n"
    "SHOULD [101]\nACT [100]\n- INDICATED SHOULD * [1011]\n"
    "PARADE [017]\n- ANTI- + * [111]\n"
    "SPUR [081]\nRISEN [---]\n- DEATH TOLL * [223]\n"
    "WARN [160]\n- * THEIR ^ ABOUT + [162]\n";

std::shared_ptr<const Model> model() {
  static auto m = testing::model_from("petrarch_rules", kActors, kAgents, kVerbs);
  return m;
}

CodingOptions petrarch(bool on = true, bool require_dyad = true) {
  CodingOptions o = validate::petrarch_coding_options();
  o.petrarch_rules = on;
  if (!require_dyad) {
    std::string why;
    validate::apply_petrarch_config("require_dyad", "false", o, &why);
  }
  return o;
}

std::vector<std::string> code(const std::string& text, const CodingOptions& options) {
  auto s = testing::summary(testing::code_text(model(), text, "1995-01-04", options));
  std::sort(s.begin(), s.end());
  return s;
}

TEST(PetrarchRules, ClosingSpeechPhraseIsAClause) {
  const char* text =
      "Fornost welcomed ties with Osgiliath after a long rift, the primary official news agency "
      "WFNA said on Thursday.";
  auto events = code(text, petrarch(true, false));
  EXPECT_NE(std::find(events.begin(), events.end(), "FOR>OSG:041"), events.end());
  EXPECT_NE(std::find(events.begin(), events.end(), "~GOV>---:023"), events.end());
  EXPECT_EQ(code(text, petrarch(false, false)), V({"FOR>OSG:041"}));
  // "said today": the parse has no object for SAID, so no default target.
  EXPECT_EQ(code("Fornost welcomed ties with Osgiliath after a long rift, a clearly inebriated "
                 "senior official said today.",
                 petrarch(true, false)),
            V({"FOR>OSG:041"}));
}

TEST(PetrarchRules, ListMembersWithModifiers) {
  EXPECT_EQ(code("Fornost and the evil awful Gondor welcomed ties with Osgiliath.", petrarch()),
            V({"FOR>OSG:041", "GON>OSG:041"}));
  EXPECT_EQ(code("Fornost and the evil awful Gondor welcomed ties with Osgiliath.",
                 petrarch(false)),
            V({"GON>OSG:041"}));
}

TEST(PetrarchRules, AgentsDistributeOverACompound) {
  EXPECT_EQ(code("The ambassadors of Arnor, Osgiliath and Gondor presented credentials to Bree.",
                 petrarch()),
            V({"ARNGOV>BRE:032", "GONGOV>BRE:032", "OSGGOV>BRE:032"}));
  EXPECT_EQ(code("Lawmakers and officials in Fornost and Gondor welcomed ties with Eriador.",
                 petrarch()),
            V({"FORGOV>ERI:041", "FORLEG>ERI:041", "GONGOV>ERI:041", "GONLEG>ERI:041"}));
  // An actor before the agent's phrase keeps its own code.
  EXPECT_EQ(code("Arnor and the ambassador of Gondor welcomed ties with Eriador.", petrarch()),
            V({"ARN>ERI:041", "GONGOV>ERI:041"}));
}

TEST(PetrarchRules, AgentJoinsItsActor) {
  EXPECT_EQ(code("Soldiers from Gondor welcomed ties with Eriador.", petrarch()),
            V({"GONMIL>ERI:041"}));
  EXPECT_EQ(code("Soldiers from Gondor welcomed ties with Eriador.", petrarch(false)),
            V({"~MIL>ERI:041"}));
  EXPECT_EQ(code("Dagolath's first Deputy Prime Minister Telemar left for Gondor.", petrarch()),
            V({"DAGGOV>GON:032"}));
  EXPECT_EQ(code("An MSF Arnor diplomat welcomed ties with Gondor.", petrarch()),
            V({"NGOARNGOV>GON:041"}));
}

TEST(PetrarchRules, PhraseConjunctionsAndPronouns) {
  EXPECT_EQ(code("The Philippines was heavily and unjustly criticized over its dispute with "
                 "Eriador.",
                 petrarch()),
            V({"PHL>ERI:123"}));
  // "their" names no actor: the list does not act on itself.
  EXPECT_EQ(code("Arnor, Bree and Gondor welcomed their ties with Osgiliath.", petrarch()),
            V({"ARN>OSG:041", "BRE>OSG:041", "GON>OSG:041"}));
  // '^' passes over a noun that is no actor.
  EXPECT_EQ(code("Arnor warned their populations about Gondor.", petrarch()), V({"ARN>GON:162"}));
}

TEST(PetrarchRules, AuxiliariesAndNounPositions) {
  EXPECT_EQ(code("Ethiopia indicated it should have acted against Libya.", petrarch()),
            V({"ETH>LBY:1011"}));
  EXPECT_EQ(code("Gollum was in an accord with an anti- Gondor parade on Saturday.", petrarch()),
            V());
  EXPECT_EQ(code("Gollum was in an accord with an anti- Gondor parade on Saturday.",
                 petrarch(false)),
            V({"HOB>GON:111"}));
}

TEST(PetrarchRules, ConjoinedNounPhrasesAndClosedLists) {
  EXPECT_EQ(code("Ithilen's sheep and goats of Gondor welcomed ties with Bree.", petrarch()),
            V({"GON>BRE:041", "ITH>BRE:041"}));
  EXPECT_EQ(code("Ithilen's sheep and goats of Gondor welcomed ties with Bree.", petrarch(false)),
            V({"GON>BRE:041"}));
  // A list closed by AND takes no member after a comma.
  EXPECT_EQ(code("Ties between Arnor and Gondor may spur reconciliation between Calenardhon and "
                 "Gondor, and Gondor and Dagolath.",
                 petrarch()),
            V({"ARN>CAL:081", "ARN>GON:081", "GON>CAL:081"}));
}

TEST(PetrarchRules, NewActorsFromUnknownNounPhrases) {
  CodingOptions o = petrarch();
  o.new_actor_length = 4;
  const char* text = "Gryffindor's head Minerva McGonagall left for the Ministry of Magic on Monday.";
  EXPECT_EQ(code(text, o), V({"\"GRYFFINDOR HEAD MINERVA MCGONAGALL\">\"THE MINISTRY OF "
                              "MAGIC\":032"}));
  o.new_actor_length = 3;  // both phrases have four words
  EXPECT_EQ(code(text, o), V());
  o.new_actor_length = 4;
  // A conjoined noun phrase with no actor joins the subject as a new actor.
  EXPECT_EQ(code("Eriador's death and injury toll has risen in the dispute with Osgiliath.", o),
            V({"\"INJURY TOLL\">OSG:223", "ERI>OSG:223"}));
}

TEST(PetrarchRules, CommaPhrasesAsPetrarchCountsThem) {
  // Nine words between the commas: PETRARCH counts eight and drops them under a maximum of 8,
  // then the closing phrase as well.
  const char* text =
      "Arnor is about to restore full diplomatic ties with Gxndor, several years after "
      "Calenardhon crowds burned down its embassy, a senior official said on Saturday.";
  EXPECT_EQ(code(text, petrarch()), V());
  EXPECT_EQ(code(text, petrarch(false)), V({"ARN>CAL:064"}));
}

TEST(PetrarchRules, SubjectAfterThePhraseComma) {
  // Comma phrases kept (as COMMA-12 runs): the actor between the last comma and the verb is the
  // verb's subject, not the first actor of the clause.
  auto kept = [](bool on) {
    CodingOptions o = petrarch(on, false);
    std::string why;
    for (const char* option : {"comma_max", "comma_emax", "comma_bmax"})
      EXPECT_TRUE(validate::apply_petrarch_config(option, "0", o, &why)) << why;
    return o;
  };
  const char* text =
      "Arnor welcomed ties with Gondor, five years after Calenardhon crowds criticized its "
      "embassy.";
  EXPECT_EQ(code(text, kept(true)), V({"ARN>GON:041", "CAL>---:121"}));
  EXPECT_EQ(code(text, kept(false)), V({"ARN>GON:041"}));
  // Without an actor after the comma the clause's first actor stays the source; a comma between
  // list members or between two lower-case words delimits nothing.
  EXPECT_EQ(code("Arnor, for five long years now, criticized its embassy.", kept(true)),
            V({"ARN>---:121"}));
  EXPECT_EQ(
      code("Arnor welcomed Gondor, Calenardhon and Bree, and criticized its embassy.", kept(true)),
      V({"ARN>---:121", "ARN>BRE:041", "ARN>CAL:041", "ARN>GON:041"}));
}

TEST(PetrarchRules, ActorWordOfABareNounPhraseModifiesConjoinedAgents) {
  // One flat noun phrase: the actor word modifies both agents.
  EXPECT_EQ(code("Arnor soldiers and officials criticized Gondor.", petrarch()),
            V({"ARNGOV>GON:121", "ARNMIL>GON:121"}));
  EXPECT_EQ(code("Arnor soldiers and officials criticized Gondor.", petrarch(false)),
            V({"ARNMIL>GON:121", "~GOV>GON:121"}));
  // After a determiner the second agent stands alone.
  EXPECT_EQ(code("The Arnor soldiers and officials criticized Gondor.", petrarch()),
            V({"ARNMIL>GON:121", "~GOV>GON:121"}));
}

}  // namespace
}  // namespace dyad
