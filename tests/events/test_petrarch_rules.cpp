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
    "ETHIOPIA_ [ETH]\n";
const char* kAgents =
    "AMBASSADOR_ [~GOV]\nAMBASSADORS_ [~GOV]\nOFFICIAL_ [~GOV]\nOFFICIALS_ [~GOV]\n"
    "SOLDIERS_ [~MIL]\nMINISTER_ [~GOV]\nLAWMAKERS_ [~LEG]\nMSF_ [NGO~]\nDIPLOMAT_ [~GOV]\n";
const char* kVerbs =
    "WELCOME [041]\nSAID [023]\nPRESENT [032]\nLEFT [032]\nRESTORE [064]\n"
    "CRITICIZE [121]\n- HEAVILY UNJUSTLY * [123]\n"
    "SHOULD [101]\nACT [100]\n- INDICATED SHOULD * [1011]\n"
    "PARADE [017]\n- ANTI- + * [111]\n"
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
  Coder coder(model());
  coder.set_options(options);
  Document doc;
  doc.id = "t";
  doc.date = "1995-01-04";
  doc.text = text;
  std::vector<Event> events;
  coder.code(doc, events);
  auto s = testing::summary(events);
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

}  // namespace
}  // namespace dyad
