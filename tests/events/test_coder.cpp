// Coding rules on small dictionaries of the tests' own (fictional and real actors).
#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

namespace dyad {
namespace {

using testing::code_text;
using testing::summary;
using V = std::vector<std::string>;

const char* kActors =
    "ARNOR_ [ARN]\nGONDOR_ [GON]\n+MINAS_TIRITH_\n+G.N._\nROHAN_ [ROH]\n+ROHIRRIM_\n"
    "MORDOR_ [MOR]\nTHE_WHITE_COUNCIL_ [IGOWHC]\nSARUMAN_ [ISEGOV]\nHALBARAD_\n  [ARNELI "
    "<19991231]\n"
    "  [ARNGOV 20000101-20101231]\n";
const char* kAgents =
    "MINISTER_ [~GOV]\nPRESIDENT_ [~GOV]\nARMY_ [~MIL]\nSOLDIER [~MIL]\nCOLONEL_GENERAL_ [~MIL]\n"
    "POLICE_ [~COP]\nLEADERSHIP_ [~GOV]\n";
const char* kVerbs =
    "MEET [040:040]\n{MET_ MEETING_}\n- * WITH + [040:040]\n"
    "ATTACK [190]\n- * WITH_ROCKETS [195]\n- *_HELICOPTER [---]\n"
    "VISIT [042:043]\n- * TO + [042:043]\n"
    "CONDEMN [122]\n"
    "SAY [010]\n{SAID_}\n"
    "ACCUS [112]\n"
    "EXPRESS [---]\n- * GRATITUDE TO + [051]\n"
    "PROMIS [050]\n- * AID TO + [073]\n";

std::shared_ptr<const Model> model() {
  static auto m = testing::model_from("coder", kActors, kAgents, kVerbs);
  return m;
}

TEST(Coder, SubjectVerbObject) {
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned Gondor on Thursday.")), V({"ARN>GON:122"}));
}

TEST(Coder, PatternBeatsDefaultAndIsMostSpecific) {
  EXPECT_EQ(summary(code_text(model(), "Mordor attacked Rohan with rockets overnight.")),
            V({"MOR>ROH:195"}));
  EXPECT_EQ(summary(code_text(model(), "Mordor attacked Rohan yesterday morning.")),
            V({"MOR>ROH:190"}));
}

TEST(Coder, NullPatternBlocksTheVerb) {
  EXPECT_TRUE(code_text(model(), "The Gondor attack helicopter flew over Rohan.").empty());
}

TEST(Coder, PairedCodesGiveBothDirections) {
  EXPECT_EQ(summary(code_text(model(), "The Arnor president met with Gondor officials.")),
            V({"ARNGOV>GON:040", "GON>ARNGOV:040"}));
  EXPECT_EQ(summary(code_text(model(), "Arnor's minister paid a visit to Gondor last week.")),
            V({"ARNGOV>GON:042", "GON>ARNGOV:043"}));
}

TEST(Coder, AgentsCombineAcrossOfAndPossessive) {
  EXPECT_EQ(summary(code_text(model(), "The army of Mordor attacked Rohan.")),
            V({"MORMIL>ROH:190"}));
  EXPECT_EQ(summary(code_text(model(), "Mordor's army attacked Rohan.")), V({"MORMIL>ROH:190"}));
  EXPECT_EQ(summary(code_text(model(), "Rohan police accused Mordor soldiers.")),
            V({"ROHCOP>MORMIL:112"}));
}

TEST(Coder, PassiveVoice) {
  EXPECT_EQ(summary(code_text(model(), "Rohan was attacked by Mordor on Monday.")),
            V({"MOR>ROH:190"}));
}

TEST(Coder, NegationIsNotAnEvent) {
  EXPECT_TRUE(code_text(model(), "Arnor did not condemn Gondor.").empty());
  EXPECT_TRUE(code_text(model(), "Arnor has never attacked Gondor.").empty());
  EXPECT_TRUE(code_text(model(), "Arnor failed to meet Gondor.").empty());
  EXPECT_TRUE(code_text(model(), "Arnor won't attack Gondor, its president said.").empty());
}

TEST(Coder, NounAfterDeterminerNeedsAPattern) {
  // "the attack" has no pattern here: no event, though ATTACK's default code is 190.
  EXPECT_TRUE(code_text(model(), "Arnor described the attack on Gondor.").empty());
  // "meeting with" is a pattern: a nominal event.
  EXPECT_EQ(summary(code_text(model(), "Arnor hailed the meeting with Gondor.")),
            V({"ARN>GON:040", "GON>ARN:040"}));
}

TEST(Coder, CapitalizedVerbIsAName) {
  EXPECT_TRUE(code_text(model(), "Arnor and the Attack Party of Gondor.").empty());
}

TEST(Coder, CompoundActors) {
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned Gondor and Rohan.")),
            V({"ARN>GON:122", "ARN>ROH:122"}));
  EXPECT_EQ(summary(code_text(model(), "Arnor, Gondor and Rohan condemned Mordor.")),
            V({"ARN>MOR:122", "GON>MOR:122", "ROH>MOR:122"}));
}

TEST(Coder, SpeechNeedsADirectTargetAndNoOtherEvent) {
  EXPECT_TRUE(code_text(model(), "Arnor said that Gondor is strong.").empty());
  EXPECT_EQ(summary(code_text(model(), "Arnor said Gondor attacked Rohan.")), V({"GON>ROH:190"}));
}

TEST(Coder, LearnedNamesAndStoryReferences) {
  auto events = code_text(model(),
                          "Arnor Colonel General Aldor Brand met with the Gondor president. "
                          "Brand then condemned Mordor. The two sides met again on Friday.");
  EXPECT_EQ(summary(events), V({"ARNMIL>GONGOV:040", "GONGOV>ARNMIL:040", "ARNMIL>MOR:122",
                                "ARNMIL>GONGOV:040", "GONGOV>ARNMIL:040"}));
  EXPECT_EQ(events[2].source->span.text, "Brand");
}

TEST(Coder, PronounTakesThePreviousSubject) {
  EXPECT_EQ(summary(code_text(model(), "Arnor is angry. He condemned Gondor.")),
            V({"ARN>GON:122"}));
}

TEST(Coder, DateLimitedActorCodes) {
  EXPECT_EQ(summary(code_text(model(), "Halbarad condemned Gondor.", "1999-12-31")),
            V({"ARNELI>GON:122"}));
  EXPECT_EQ(summary(code_text(model(), "Halbarad condemned Gondor.", "2000-01-01")),
            V({"ARNGOV>GON:122"}));
  // Outside his dated codes Halbarad is no actor: the event keeps its target, not him.
  EXPECT_EQ(summary(code_text(model(), "Halbarad condemned Gondor.", "2011-01-01")),
            V({"->GON:122"}));
}

TEST(Coder, EventsWithOneNamedActor) {
  // dyad's rules keep an event whose other actor is not named; TABARI's rules drop it.
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned the decision.")), V({"ARN>-:122"}));
  EXPECT_EQ(summary(code_text(model(), "Unknown men attacked Gondor.")), V({"->GON:190"}));
  Coder tabari(model());
  CodingOptions options = CodingOptions::tabari();
  options.minimum_words = 0;
  tabari.set_options(options);
  Document doc;
  doc.id = "t";
  doc.date = "2019-07-11";
  doc.text = "Arnor condemned the decision.";
  std::vector<Event> events;
  tabari.code(doc, events);
  EXPECT_TRUE(events.empty());
  // A speech verb still needs its direct object, and one actor is still needed.
  EXPECT_TRUE(code_text(model(), "Arnor said the weather was fine.").empty());
  EXPECT_TRUE(code_text(model(), "Somebody condemned the decision.").empty());
  // The one actor must be named in the verb's clause, or be a pronoun for an actor of the
  // same sentence.
  EXPECT_TRUE(code_text(model(), "He condemned the decision.").empty());
  EXPECT_EQ(summary(code_text(model(), "Arnor said it condemned the decision.")), V({"ARN>-:122"}));
}

// The target's words of an event (its span text), "(none)" without a target.
std::string target_text(const std::vector<Event>& events, size_t i = 0) {
  if (i >= events.size() || !events[i].target) return "(none)";
  return events[i].target->span.text;
}

TEST(Coder, UncodedTargetIsTheVerbsObject) {
  // dyad's rules: a target that names no actor is reported by its words, without a code.
  auto events = code_text(model(), "Arnor condemned the decision.");
  ASSERT_EQ(summary(events), V({"ARN>-:122"}));
  ASSERT_TRUE(events[0].target.has_value());
  EXPECT_EQ(events[0].target->code, "");
  EXPECT_EQ(events[0].target->country, "");
  EXPECT_EQ(target_text(events), "the decision");
  const std::string text = "Arnor condemned the decision.";
  EXPECT_EQ(text.substr(events[0].target->span.start,
                        events[0].target->span.end - events[0].target->span.start),
            "the decision");
  // The phrase ends at a preposition other than "of", a punctuation mark, a clause word, a time
  // word or a participle after its noun; "of" and "'s" continue it.
  EXPECT_EQ(target_text(code_text(model(),
                                  "Arnor condemned the killing of three farmers in "
                                  "the north on Friday.")),
            "the killing of three farmers");
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned the decision, officials said.")),
            "the decision");
  EXPECT_EQ(target_text(code_text(model(),
                                  "Arnor condemned the council's decision that was "
                                  "taken.")),
            "the council's decision");
  EXPECT_EQ(target_text(code_text(model(),
                                  "Arnor condemned a draft resolution presented by "
                                  "the council.")),
            "a draft resolution");
  // Time words and one preposition before the object are passed over; "at least" opens a
  // number.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned on Friday the decision.")),
            "the decision");
  EXPECT_EQ(target_text(code_text(model(), "Arnor attacked at least 19 villages.")),
            "at least 19 villages");
  // After the words of a pattern: "expressed optimism at" + the object.
  auto m = testing::model_from("coder_objects", "ARNOR_ [ARN]\n", "",
                               "EXPRESS [---]\n- * OPTIMISM [051]\nPROMIS [050]\nACCUS [112]\n"
                               "CONDEMN [122]\n");
  EXPECT_EQ(target_text(code_text(m, "Arnor expressed optimism at a bipartisan deal.")),
            "a bipartisan deal");
  // Two verbs sharing their object.
  EXPECT_EQ(target_text(code_text(m, "Arnor accused and condemned the decision.")), "the decision");
  // What is given is no target, the one it goes to is; an infinitive is no one.
  EXPECT_EQ(target_text(code_text(m, "Arnor promised 30 trucks to the farmers.")), "the farmers");
  EXPECT_EQ(target_text(code_text(m, "Arnor promised 30 trucks to condemn the decision.")),
            "30 trucks");
  // No object, no target.
  EXPECT_EQ(target_text(code_text(model(), "Mordor attacked on Monday.")), "(none)");
  // TABARI's rules do not code the event at all (EventsWithOneNamedActor), and the story's dyad
  // is not made of an uncoded target: "the two sides" still stand for Arnor and Gondor.
  EXPECT_EQ(summary(code_text(model(),
                              "Arnor met Gondor. Arnor condemned the decision. The "
                              "two sides met again.")),
            V({"ARN>GON:040", "GON>ARN:040", "ARN>-:122", "ARN>GON:040", "GON>ARN:040"}));
}

TEST(Coder, CodedTargetSpanTakesWhatItPossesses) {
  // "Gondor's decision" is the target phrase; its code is Gondor's.
  auto events = code_text(model(), "Arnor condemned Gondor's decision on Monday.");
  ASSERT_EQ(summary(events), V({"ARN>GON:122"}));
  EXPECT_EQ(target_text(events), "Gondor's decision");
  // Without "'s" the span is the actor's own noun phrase.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned Gondor on Monday.")), "Gondor");
}

// Dictionaries for the precision rules of events with one actor (dyad's rules).
std::shared_ptr<const Model> business_model() {
  static auto m = testing::model_from(
      "coder_business", "ARNOR_ [ARN]\nGONDOR_ [GON]\nMINAS_TIRITH_ [GON]\n",
      "PRESIDENT_ [~GOV]\nCOMPANY_ [~BUS]\nCOURT_ [~JUD]\nREPORTERS_ [~MED]\n",
      "CONDEMN [122]\nSAY [010]\n{SAID_}\nTELL [010]\n{TOLD_}\nMEET [040:040]\n{MET_}\n"
      "SELL_ [061]\n{SOLD_}\n");
  return m;
}

TEST(Coder, OneActorMustBeAPoliticalActor) {
  auto m = business_model();
  EXPECT_EQ(summary(code_text(m, "The Arnor president condemned the decision.")),
            V({"ARNGOV>-:122"}));
  // A business, alone or with its country, and a bare court or media role are no political
  // actor on their own ...
  EXPECT_TRUE(code_text(m, "The company condemned the decision.").empty());
  EXPECT_TRUE(code_text(m, "The Arnor company condemned the decision.").empty());
  EXPECT_TRUE(code_text(m, "The court condemned the decision.").empty());
  // ... but act on a political actor.
  EXPECT_EQ(summary(code_text(m, "The company condemned Gondor.")), V({"BUS>GON:122"}));
  // A possessive pronoun names an owner, not who acted.
  EXPECT_TRUE(code_text(m, "Arnor said its allies condemned the decision.").empty());
}

TEST(Coder, PlaceInsideAnUnknownNameIsNoActorAlone) {
  auto m = business_model();
  // "Arnor Motors" is a name the knowledge does not know: Arnor alone did nothing.
  EXPECT_TRUE(code_text(m, "Arnor Motors condemned the decision.").empty());
  // A day or month after the name does not make it one.
  EXPECT_EQ(summary(code_text(m, "Arnor Tuesday condemned the decision.")), V({"ARN>-:122"}));
}

TEST(Coder, TableOfFiguresHasNoEvents) {
  auto m = business_model();
  EXPECT_TRUE(code_text(m,
                        "RATES - APRIL 7 ARNOR 1.6188/95 GONDOR 234.95/235.15 SELL 2.1155/80 "
                        "CONDEMN 11.1175/1300 SOLD 2.9515/45 MET 11.0350/0480 TOLD "
                        "3.3290/3320 SAID 10.2700/2840")
                  .empty());
  // A sentence with a few figures still codes.
  EXPECT_EQ(summary(code_text(m,
                              "Arnor sold 1.5 mln tonnes of grain to Gondor in 1986, up from "
                              "1.2 mln in 1985 and 0.9 mln in 1984.")),
            V({"ARN>GON:061"}));
}

TEST(Coder, ParticipleAfterAPrepositionIsAnAdjective) {
  // "attacked" describes the convoys: no event of its own ...
  EXPECT_TRUE(code_text(model(), "Arnor sent food to Gondor with attacked convoys.").empty());
  // ... while after "to" or a subject it stays a verb.
  EXPECT_EQ(summary(code_text(model(), "Mordor attacked Rohan.")), V({"MOR>ROH:190"}));
}

TEST(Coder, ExchangesNeedBothParties) {
  auto m = business_model();
  EXPECT_EQ(summary(code_text(m, "Arnor sold grain to Gondor.")), V({"ARN>GON:061"}));
  EXPECT_TRUE(code_text(m, "Arnor sold grain last year.").empty());
  EXPECT_EQ(summary(code_text(m, "The Arnor president met Gondor.")),
            V({"ARNGOV>GON:040", "GON>ARNGOV:040"}));
  EXPECT_TRUE(code_text(m, "The Arnor president met on Tuesday.").empty());
}

TEST(Coder, SubjectOfAReportedClauseIsNoAddressee) {
  auto m = business_model();
  EXPECT_EQ(summary(code_text(m, "Arnor told Gondor that the talks would go on.")),
            V({"ARN>GON:010"}));
  EXPECT_TRUE(code_text(m, "Arnor said Gondor will stay neutral.").empty());
  EXPECT_TRUE(code_text(m, "The Arnor president said it will stay neutral.").empty());
  // A name that qualifies the subject of the reported clause is not addressed either.
  EXPECT_TRUE(code_text(m, "Arnor said Gondor law forbids it.").empty());
  EXPECT_TRUE(code_text(m, "Arnor said Gondor's army stays neutral.").empty());
  EXPECT_TRUE(code_text(m, "Arnor said Gondor then stayed neutral.").empty());
}

TEST(Coder, PassiveWithoutAgentHasItsSubjectAsTarget) {
  // "by" names the agent (TABARI's passive); without it the subject is the one acted on and
  // who acted is not named.
  EXPECT_EQ(summary(code_text(model(), "Rohan was attacked by Mordor on Monday.")),
            V({"MOR>ROH:190"}));
  EXPECT_EQ(summary(code_text(model(), "Rohan was attacked on Monday.")), V({"->ROH:190"}));
  EXPECT_EQ(summary(code_text(model(), "Mordor attacked on Monday.")), V({"MOR>-:190"}));
}

TEST(Coder, PronounForADatelinePlaceIsNoActor) {
  auto m = business_model();
  // The dateline's place is no actor, nor is "it" resolved to it.
  EXPECT_TRUE(code_text(m, "MINAS TIRITH, March 5 - Shadowfax Corp said it condemned the decision.")
                  .empty());
  EXPECT_EQ(summary(code_text(m, "MINAS TIRITH, March 5 - Arnor said it condemned the decision.")),
            V({"ARN>-:122"}));
}

TEST(Coder, HypotheticalActionsAreNotEvents) {
  EXPECT_TRUE(code_text(model(), "If Arnor attacked Gondor, Rohan would suffer.").empty());
  EXPECT_TRUE(code_text(model(), "Did Arnor attack Gondor?").empty());
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned Gondor, if only briefly.")),
            V({"ARN>GON:122"}));
}

TEST(Coder, PossibleOrPreventedActionsAreNotEvents) {
  // A modal of possibility or advice before the verb: the act has not happened.
  EXPECT_TRUE(code_text(model(), "Arnor could attack Gondor.").empty());
  EXPECT_TRUE(code_text(model(), "Gondor should be attacked by Arnor.").empty());
  EXPECT_TRUE(code_text(model(), "Arnor may soon attack Gondor.").empty());
  // An act that a verb of prevention governs after FROM.
  for (const char* text :
       {"Rohan kept Arnor from attacking Gondor.", "Arnor refrained from attacking Gondor."}) {
    const V events = summary(code_text(model(), text));
    EXPECT_EQ(std::count(events.begin(), events.end(), "ARN>GON:190"), 0) << text;
  }
  // Without them the same verb is an event.
  EXPECT_EQ(summary(code_text(model(), "Arnor attacked Gondor.")), V({"ARN>GON:190"}));
  EXPECT_EQ(summary(code_text(model(), "Gondor was attacked by Arnor.")), V({"ARN>GON:190"}));
}

TEST(Coder, OpeningPrepositionalPhraseIsNoMainClause) {
  // A verb word used as a noun in the opening phrase does not make it the comma segment that
  // is kept: the main clause after the comma codes.
  for (const char* text :
       {"After the attack , Arnor condemned Gondor .", "In the meeting , Arnor condemned Gondor .",
        "Following the meeting , Arnor condemned Gondor ."})
    EXPECT_EQ(summary(code_text(model(), text)), V({"ARN>GON:122"})) << text;
}

TEST(Coder, VerbWordUsedAsNounCodesOnlyThroughPatterns) {
  // A verb word after OF, before a finite verb or after a hyphenated modifier is a noun: its
  // default code does not apply, its patterns still do ("a two-day visit to" 042).
  for (const char* text :
       {"Arnor spoke of attacking Gondor .", "Arnor attacks were reported in Gondor .",
        "Gondor said the ten-year attack plan was old ."}) {
    const V events = summary(code_text(model(), text));
    EXPECT_EQ(std::count_if(events.begin(), events.end(),
                            [](const std::string& e) { return e.ends_with(":190"); }),
              0)
        << text;
  }
  EXPECT_EQ(summary(code_text(model(), "Arnor attacks Gondor .")), V({"ARN>GON:190"}));
  const V visit = summary(code_text(model(), "Arnor made a two-day visit to Gondor ."));
  EXPECT_EQ(std::count(visit.begin(), visit.end(), "ARN>GON:042"), 1);
  // A participle before the hyphen names the actor of the event ("an Arnor-led attack").
  const V led = summary(code_text(model(), "Gondor fears an Arnor-led attack on Mordor ."));
  EXPECT_EQ(std::count(led.begin(), led.end(), "ARN>MOR:190"), 1);
}

TEST(Coder, AppositionAfterActorIsBackground) {
  // ", a group ... ," right after an actor, followed by the main clause's finite verb, only
  // describes the actor: its verbs code nothing and the main verb's event stands.
  static auto m = testing::model_from("coder_apposition", kActors, kAgents,
                                      "ACCUSE [112]\n{ACCUSED_}\nATTACK [190]\n{ATTACKED_}\n"
                                      "RAISE [---]\n{RAISED_}\n");
  EXPECT_EQ(summary(code_text(m,
                              "Arnor , a group of units raised by Rohan specifically to "
                              "attack Mordor and its allies , accused Gondor .")),
            V({"ARN>GON:112"}));
  // A past participle opens one too ("Arnor , supported by Rohan , attacked ..."), also before
  // an auxiliary ("..., has accused").
  static auto p = testing::model_from("coder_apposition_participle", kActors, kAgents,
                                      "SUPPORT [051]\n{SUPPORTED_}\nATTACK [190]\n{ATTACKED_}\n"
                                      "ACCUSE [112]\n{ACCUSED_}\n");
  EXPECT_EQ(summary(code_text(p, "Arnor , supported by Rohan , attacked Mordor .")),
            V({"ARN>MOR:190"}));
  EXPECT_EQ(summary(code_text(p, "Arnor , supported by Rohan for years , has accused Mordor .")),
            V({"ARN>MOR:112"}));
  // A clause between commas that goes on with a participle is no apposition: its verb codes.
  const V events = summary(
      code_text(m, "Inside Arnor , a group of Rohan soldiers attacked Mordor , insisting on it ."));
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const std::string& e) { return e.ends_with(":190"); }),
            1);
}

TEST(Coder, SelfPairedCompoundActsOnItself) {
  // A compound subject with a code paired with itself acts on its own members, whatever the
  // root; a later actor that is no direct object of the verb is not the target.
  static auto m =
      testing::model_from("coder_self_paired", kActors, kAgents, "CLASH [190:190]\n{CLASHED_}\n");
  const V events = summary(code_text(m, "Arnor and Rohan clashed today over Mordor ."));
  EXPECT_EQ(std::count(events.begin(), events.end(), "ARN>ROH:190"), 1);
  EXPECT_EQ(std::count(events.begin(), events.end(), "ROH>ARN:190"), 1);
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const std::string& e) { return e.find("MOR") != std::string::npos; }),
            0);
}

TEST(Coder, OneWayActOfACompoundIsNoActOnItself) {
  // A compound subject with no target acts on itself only where the act can be between its
  // members (cooperation, rejection, fighting ...); an accusation or an arrest goes to another
  // party, here the verb's object that names no actor.
  static auto m = testing::model_from("coder_one_way", kActors, kAgents,
                                      "ACCUS [112]\nARREST [173]\nAGREE [030]\n{AGREED_}\n"
                                      "FIGHT [190]\n{FOUGHT_}\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Arnor and Rohan accused the smugglers on Friday ."),
            V({"ARN>-:112", "ROH>-:112"}));
  EXPECT_EQ(coded("Arnor and Rohan have arrested the smugglers ."), V({"ARN>-:173", "ROH>-:173"}));
  // Also when the member the search found cannot stand alone (a farming role) and another
  // can.
  static auto g =
      testing::model_from("coder_one_way_growers", kActors, "GROWERS_ [~AGR]\n", "ACCUS [112]\n");
  EXPECT_EQ(summary(code_text(g, "Arnor and the growers accused the smugglers .")),
            V({"ARN>-:112", "AGR>-:112"}));
  // Not for acts between the members.
  EXPECT_EQ(coded("Arnor and Rohan agreed on Friday ."), V({"ARN>ROH:030", "ROH>ARN:030"}));
  EXPECT_EQ(coded("Arnor and Rohan fought on Friday ."), V({"ARN>ROH:190", "ROH>ARN:190"}));
}

TEST(Coder, CompoundCooperatesWithItself) {
  // The members of a compound subject that agree, meet or cooperate do it with each other, not
  // with an actor named later that is no direct object of the verb; a one-way act (here a
  // condemnation) still goes to it.
  static auto m = testing::model_from("coder_joint", kActors, kAgents,
                                      "AGREE [030]\n{AGREED_}\nCONDEMN [111]\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Arnor and Rohan agreed to share information on Mordor ."),
            V({"ARN>ROH:030", "ROH>ARN:030"}));
  EXPECT_EQ(coded("Arnor and Rohan condemned the attack on Mordor ."),
            V({"ARN>MOR:111", "ROH>MOR:111"}));
  EXPECT_EQ(coded("Arnor and Rohan agreed with Mordor ."), V({"ARN>MOR:030", "ROH>MOR:030"}));
}

TEST(Coder, TargetSearchStopsAtSubordinateClause) {
  // The target is looked for in the verb's own clause: not after WHILE, BECAUSE, AS after a
  // comma, THAT after a verb in -ING, or WHO / WHICH.
  static auto m = testing::model_from("coder_subordinate", kActors, kAgents,
                                      "FREEZE [160]\n{FROZEN_}\nEXPEL [1662]\n{EXPELLED_}\n"
                                      "CHARGE [112]\n{CHARGING_}\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Arnor has frozen repayments since 1983 , while Rohan has paid its debt ."),
            V({"ARN>-:160"}));
  EXPECT_EQ(coded("Arnor has frozen repayments , as Rohan has paid its debt ."), V({"ARN>-:160"}));
  const V expelled = coded("Arnor expelled all inspectors charging that Mordor had sent them .");
  EXPECT_EQ(std::count(expelled.begin(), expelled.end(), "ARN>-:1662"), 1);
  // A relative clause describes the object; its actors are not acted on.
  const V frozen = coded("Arnor has frozen the assets of a firm which Rohan owns .");
  EXPECT_EQ(std::count(frozen.begin(), frozen.end(), "ARN>ROH:160"), 0);
  // Without the subordinate clause the later actor is the target.
  EXPECT_EQ(coded("Arnor has frozen repayments to Rohan ."), V({"ARN>ROH:160"}));
}

TEST(Coder, ParticipleInTheSubjectIsBackground) {
  // "The soldiers supported by Rohan attacked Mordor": the support describes the subject; the
  // clause's own verb codes. Without a later verb the participle is the event ("supported by").
  static auto m = testing::model_from("coder_subject_participle", kActors, kAgents,
                                      "SUPPORT [051]\n{SUPPORTED_}\nATTACK [190]\n{ATTACKED_}\n");
  const V events = summary(code_text(m, "Arnor soldiers supported by Rohan attacked Mordor ."));
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const std::string& e) { return e.ends_with(":051"); }),
            0);
  EXPECT_EQ(std::count_if(events.begin(), events.end(),
                          [](const std::string& e) { return e.ends_with(">MOR:190"); }),
            1);
  EXPECT_EQ(summary(code_text(m, "Arnor was supported by Rohan .")), V({"ROH>ARN:051"}));
}

TEST(Coder, VerbWordAfterAPrepositionIsANoun) {
  // "appealed to Rohan for support": SUPPORT after FOR is a noun (no 051); the appeal codes.
  static auto m = testing::model_from("coder_noun_after_preposition", kActors, kAgents,
                                      "APPEAL [020]\n{APPEALED_}\nSUPPORT [051]\n");
  EXPECT_EQ(summary(code_text(m, "Arnor appealed to Rohan for support .")), V({"ARN>ROH:020"}));
  // A verb in -ING after a preposition is still a verb.
  EXPECT_EQ(summary(code_text(m, "Arnor is known for supporting Rohan .")), V({"ARN>ROH:051"}));
}

TEST(Coder, WhoDiedOfViolenceSufferedIt) {
  // "Rohan soldiers died after torture": the soldiers are tortured (target), by no one named.
  static auto m = testing::model_from("coder_died_of", kActors, kAgents,
                                      "TORTURE [1822]\nFIGHT [190]\n{FIGHTING_}\n");
  EXPECT_EQ(summary(code_text(m, "Rohan soldiers died in prison after torture .")),
            V({"->ROHMIL:1822"}));
  // "died fighting": they fought.
  const V fought = summary(code_text(m, "Rohan soldiers died fighting Mordor ."));
  EXPECT_EQ(std::count(fought.begin(), fought.end(), "ROHMIL>MOR:190"), 1);
}

TEST(Coder, BackerBeforeAHyphenIsNotTheTarget) {
  // "attacked Rohan-backed fighters of Mordor": the fighters are attacked, not their backer.
  static auto m =
      testing::model_from("coder_backer", kActors, kAgents, "ATTACK [190]\n{ATTACKED_}\n");
  EXPECT_EQ(summary(code_text(m, "Arnor attacked Rohan-backed fighters from Mordor .")),
            V({"ARN>MOR:190"}));
  EXPECT_EQ(summary(code_text(m, "Arnor attacked Rohan , backed by Mordor .")), V({"ARN>ROH:190"}));
}

TEST(Coder, AddressedVerbalActStandsBesideOtherEvents) {
  // A plain statement gives way to the sentence's other events; an appeal to a named actor
  // is an act of its own and stays.
  static auto m = testing::model_from("coder_speech", kActors, kAgents,
                                      "SAY [010]\n{SAID_}\nURGE [020]\n{URGED_}\n- * + TO_  [020]\n"
                                      "ATTACK [190]\n{ATTACKED_}\n");
  EXPECT_EQ(summary(code_text(m, "Arnor said Rohan attacked Mordor.")), V({"ROH>MOR:190"}));
  const V events = summary(code_text(m, "Arnor urged Gondor to leave and Rohan attacked Mordor."));
  EXPECT_EQ(std::count(events.begin(), events.end(), "ARN>GON:020"), 1);
  EXPECT_EQ(std::count(events.begin(), events.end(), "ROH>MOR:190"), 1);
}

TEST(Coder, FutureReadingNeedsTheModalToGovernTheVerb) {
  // "&FUTURE *" lines read an intent only when WILL / WOULD governs the verb; a negation
  // between them must be read by the pattern.
  static auto m =
      testing::model_from("coder_modal", kActors, kAgents,
                          "<SYNSETS>\n&FUTURE\n+WILL_\n+WOULD_\n</SYNSETS>\n"
                          "MEET [040:040]\n{MET_}\n- &FUTURE NOT_ *  [125]\n- &FUTURE *  [036]\n"
                          "HOST [043:042]\n{HOSTS_}\n- &FUTURE *  [036]\n"
                          "IMPOSE [172]\n- &FUTURE NOT_ *  [---]\n- &FUTURE * SANCTIONS  [1312]\n"
                          "ATTACK [190]\n- &FUTURE *  [138]\n");
  EXPECT_EQ(summary(code_text(m, "Arnor will meet Gondor.")), V({"ARN>GON:036"}));
  EXPECT_EQ(summary(code_text(m, "Arnor will seek to meet Gondor.")), V({"ARN>GON:036"}));
  EXPECT_EQ(summary(code_text(m, "Arnor will not meet Gondor.")), V({"ARN>GON:125"}));
  // The negation stands between the modal and the verb: no threat of sanctions.
  EXPECT_TRUE(code_text(m, "Arnor will not impose sanctions on Gondor.").empty());
  EXPECT_EQ(summary(code_text(m, "Arnor will impose sanctions on Gondor.")), V({"ARN>GON:1312"}));
  // The verb has a subject of its own after a clause word: it is that clause's event.
  EXPECT_EQ(
      summary(code_text(m, "The plan will be highlighted on Friday when Arnor hosts Gondor.")),
      V({"ARN>GON:043", "GON>ARN:042"}));
  // The verb depends on the modal's own verb: neither an intent nor an attack.
  EXPECT_TRUE(code_text(m, "Arnor would build a fort to attack Gondor.").empty());
}

TEST(Coder, ListOfOneActorHasNoTarget) {
  // Two mentions with one code acting together: one event without target, not none.
  EXPECT_EQ(summary(code_text(model(),
                              "The Arnor president and the Arnor minister condemned "
                              "the decision.")),
            V({"ARNGOV>-:122"}));
}

TEST(Coder, AndBetweenNounPhrasesKeepsTheClause) {
  // No verb after AND: the target after the second noun phrase still belongs to the verb.
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned the raids and the arrests in Gondor.")),
            V({"ARN>GON:122"}));
  // A verb after AND starts a new clause: Gondor is not the target of the condemnation.
  EXPECT_EQ(summary(code_text(model(), "Arnor condemned the raids and Rohan attacked Gondor.")),
            V({"ARN>-:122", "ROH>GON:190"}));
}

TEST(Coder, ActorSpansAreNounPhrases) {
  auto events = code_text(model(), "The Arnor president met with several Gondor soldiers.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events[0].source->span.text, "The Arnor president");
  EXPECT_EQ(events[0].target->span.text, "several Gondor soldiers");
}

// Dictionaries for the target rules of dyad's rules (role objects, possessives, demands).
std::shared_ptr<const Model> target_model() {
  static auto m = testing::model_from(
      "coder_targets", "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\n",
      "CIVILIANS_ [~CVL]\nTROOPS_ [~MIL]\nDELEGATION_ [~GOV]\n",
      "KILL [190]\n{KILLED_}\n- * CIVILIANS [180]\nSEND [070]\n{SENT_}\nMEET [040:040]\n{MET_}\n"
      "AGREE [030]\n{AGREED_}\nPROVID [070]\nSAY [010]\n{SAID_ SAYS_}\n"
      "RELEASE [---]\n- MUST_ * [1053]\nARREST [173]\n{ARRESTED_}\nATTACK [190]\n{ATTACKED_}\n"
      "RESIGN [0831]\n{RESIGNED_}\nEND [---]\n- WILL_ NOT_ * THE_STRIKE [1242]\n"
      "STRIKE [143]\n{STRIKES_}\nGAS [---]\n{GASSED_}\n- * SEVERAL_VILLAGES [2041]\n");
  return m;
}

TEST(Coder, RoleObjectBeforeAPrepositionIsTheTarget) {
  // A role noun right after the verb is its object when a preposition other than of, by or
  // from separates it from a later named actor ...
  auto events = code_text(target_model(), "Arnor killed 500 civilians during a raid near Gondor.");
  ASSERT_EQ(summary(events), V({"ARN>CVL:180"}));
  EXPECT_EQ(target_text(events), "500 civilians");
  // ... but what is sent goes to the one named after "to", a role word that modifies a noun
  // is no object, and a role joined to the actor by "led by" is one phrase with it.
  EXPECT_EQ(summary(code_text(target_model(), "Arnor sent troops to Gondor.")), V({"ARN>GON:070"}));
  EXPECT_EQ(summary(code_text(target_model(), "Arnor sent troops trucks in Gondor.")),
            V({"ARN>GON:070"}));
  EXPECT_EQ(summary(code_text(target_model(), "Arnor met a delegation led by Gondor.")),
            V({"ARN>GON:040", "GON>ARN:040"}));
}

TEST(Coder, PossessivePronounAfterTheVerbIsNoTarget) {
  // "their" owns the object; the compound acts on itself, or the later actor is the target.
  EXPECT_EQ(summary(code_text(target_model(), "Arnor and Gondor agreed to a truce in their war.")),
            V({"ARN>GON:030", "GON>ARN:030"}));
  EXPECT_EQ(summary(code_text(target_model(), "Arnor and Gondor provided their aid to Rohan.")),
            V({"ARN>ROH:070", "GON>ROH:070"}));
}

TEST(Coder, DemandReportedBySpeakerIsTheSpeakers) {
  // "X said Y must V": X demands of Y.
  EXPECT_EQ(summary(code_text(target_model(), "Arnor said Gondor must release the prisoners.")),
            V({"ARN>GON:1053"}));
  EXPECT_EQ(summary(code_text(target_model(),
                              "Arnor said on Friday that Gondor must release the prisoners.")),
            V({"ARN>GON:1053"}));
  // A speaker the knowledge does not know: the demand has no source, Y is still its target.
  EXPECT_EQ(
      summary(code_text(target_model(), "Father Boromir said Gondor must release the prisoners.")),
      V({"->GON:1053"}));
  // Modifiers before Y ("all political forces in Yemen") do not hide the speech verb.
  EXPECT_EQ(summary(code_text(target_model(),
                              "Arnor said that all loyal troops in Gondor must release the "
                              "prisoners.")),
            V({"ARN>GONMIL:1053"}));
  // No speech verb: the roles stay.
  EXPECT_EQ(summary(code_text(target_model(), "Gondor must release the prisoners.")),
            V({"GON>-:1053"}));
}

TEST(Coder, PassiveSubjectWithoutACodeIsTheTarget) {
  // "X was arrested by Y" where X names no actor: Y is the source, X the uncoded target.
  auto events = code_text(target_model(), "Disha Ravi was arrested by Arnor police.");
  ASSERT_EQ(summary(events), V({"ARN>-:173"}));
  EXPECT_EQ(target_text(events), "Disha Ravi");
  // A named subject still codes as the target.
  EXPECT_EQ(summary(code_text(target_model(), "Gondor was attacked by Arnor.")),
            V({"ARN>GON:190"}));
}

TEST(Coder, ArrestedInAPlaceIsByItsState) {
  // A coercive act in the passive without its agent, in a country: the country's doing, on the
  // subject that names no actor.
  auto events = code_text(target_model(), "Disha Ravi was arrested on Monday in Arnor.");
  ASSERT_EQ(summary(events), V({"ARN>-:173"}));
  EXPECT_EQ(target_text(events), "Disha Ravi");
  // Not for other acts.
  EXPECT_EQ(summary(code_text(target_model(), "Disha Ravi was attacked in Arnor.")),
            V({"->ARN:190"}));
}

TEST(Coder, CountedPeopleObjectIsTheTarget) {
  // People the verb counts as its object are the ones acted on, not an actor named later.
  auto events =
      code_text(target_model(), "Arnor arrested 37 civilians late on Monday near Gondor.");
  ASSERT_EQ(summary(events), V({"ARN>CVL:173"}));
  EXPECT_EQ(target_text(events), "37 civilians");
  events =
      code_text(target_model(), "Arnor arrested several dozen students at a rally near Gondor.");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(target_text(events), "several dozen students");
  // A number of pre-tokenized text ("2 , 374") is one phrase with its noun.
  events = code_text(target_model(), "Arnor arrested 2 , 374 civilians near Gondor .");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(target_text(events), "2 , 374 civilians");
  // A named object stays the target.
  EXPECT_EQ(summary(code_text(target_model(), "Arnor arrested 20 Rohan civilians in Gondor.")),
            V({"ARN>ROHCVL:173"}));
}

TEST(Coder, CompoundCooperatingMutuallyActsOnItself) {
  // A code paired with itself (meetings, agreements) done by a compound: its members with each
  // other, not with an actor further on ...
  EXPECT_EQ(summary(code_text(model(), "Arnor and Gondor met in a town near Rohan.")),
            V({"ARN>GON:040", "GON>ARN:040"}));
  // ... but the verb's direct object stays the target, and a conflict code is not mutual.
  EXPECT_EQ(summary(code_text(model(), "Arnor and Gondor met Rohan.")),
            V({"ARN>ROH:040", "ROH>ARN:040", "GON>ROH:040", "ROH>GON:040"}));
}

TEST(Coder, AdjunctIsNoUncodedTarget) {
  // "after", "before", "during", "without", "via" open adjuncts, not the verb's object.
  EXPECT_EQ(target_text(code_text(target_model(), "Arnor resigned after weeks of protests.")),
            "(none)");
  EXPECT_EQ(target_text(code_text(target_model(), "Arnor attacked during the night.")), "(none)");
  EXPECT_EQ(target_text(code_text(target_model(), "Arnor attacked on Monday the villages.")),
            "the villages");
}

// Dictionaries for forces moved and restrictions on a place (dyad's rules).
std::shared_ptr<const Model> forces_model() {
  static auto m = testing::model_from(
      "coder_forces", "ARNOR_ [ARN]\nGONDOR_ [GON]\nROHAN_ [ROH]\nPEACEKEEPERS_ [IGOPKO]\n",
      "TROOPS_ [~MIL]\nARMY_ [~MIL]\n",
      "WITHDRAW [0874]\n{WITHDREW_}\n- * PEACEKEEPERS [1661]\nMOBILIZ [154]\nKILL [190]\n"
      "{KILLED_}\nIMPOS [---]\n- * A_CURFEW [1723]\nWILLING [030]\nRETURN [---]\n{RETURNED_}\n"
      "- * ARTIFACTS [0842]\n- * A_PAINTING ^ STOLEN [0842]\nSEND [070]\n{SENDING_ SENT_}\n");
  return m;
}

TEST(Coder, ForcesMovedAreNoTarget) {
  // The forces an actor moves are its means: the one acted on is named after "from" right
  // behind them, or after a later "against".
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor withdrew peacekeepers from Gondor.")),
            V({"ARN>GON:1661"}));
  EXPECT_EQ(
      summary(code_text(forces_model(), "Arnor mobilized the army for a war against Gondor.")),
      V({"ARN>GON:154"}));
  // An intent or a withdrawal reports the place left as an uncoded target.
  auto events =
      code_text(forces_model(), "Arnor is willing to withdraw its troops from the hills.");
  ASSERT_EQ(summary(events), V({"ARN>-:030"}));
  EXPECT_EQ(target_text(events), "the hills");
  // Forces acted on stay the target.
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor killed troops in Gondor.")),
            V({"ARN>GONMIL:190"}));
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor killed the army near the river.")),
            V({"ARN>MIL:190"}));
  // After AGAINST the phrase that names no actor is the target whatever the act.
  events = code_text(forces_model(), "Arnor sent the army for a battle against the smugglers.");
  ASSERT_EQ(summary(events), V({"ARN>-:070"}));
  EXPECT_EQ(target_text(events), "the smugglers");
}

TEST(Coder, RestrictionTargetsThePlaceItHolds) {
  // A curfew is aimed at the place it holds in, not at a later actor.
  auto events = code_text(forces_model(),
                          "Arnor imposed a curfew in the northern hills after attacks by Gondor.");
  ASSERT_EQ(summary(events), V({"ARN>-:1723"}));
  EXPECT_EQ(target_text(events), "the northern hills");
  EXPECT_EQ(
      summary(code_text(forces_model(),
                        "Arnor imposed a curfew on Monday in parts of Gondor to stop protests.")),
      V({"ARN>GON:1723"}));
  // Without a named target too: the place, not the word after the curfew.
  EXPECT_EQ(target_text(code_text(forces_model(), "Arnor imposed a curfew order in the hills.")),
            "the hills");
}

TEST(Coder, PropertyReturnedGoesToItsOwner) {
  // What is returned is no target; the one it goes back to, after TO, is.
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor returned six Gondor artifacts to Rohan.")),
            V({"ARN>ROH:0842"}));
  auto events =
      code_text(forces_model(), "Arnor returned a painting to its owner after it was stolen.");
  ASSERT_EQ(summary(events), V({"ARN>-:0842"}));
  EXPECT_EQ(target_text(events), "its owner");
  // An infinitive is no recipient.
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor returned the artifacts of Gondor to help.")),
            V({"ARN>GON:0842"}));
  // After a list inserted with INCLUDING, the closing TO phrase is kept: the recipient.
  EXPECT_EQ(summary(code_text(forces_model(),
                              "Arnor returned artifacts , including a Corinthian column krater "
                              "and a Pompeii wall panel fresco , to the government of Rohan .")),
            V({"ARN>ROH:0842"}));
  // TO right after the verb of a relative clause is that verb's.
  EXPECT_EQ(
      summary(code_text(forces_model(),
                        "Arnor returned artifacts that date back to the old kings to Rohan.")),
      V({"ARN>ROH:0842"}));
  EXPECT_EQ(
      summary(code_text(forces_model(),
                        "Arnor returned artifacts that were stolen from the museum to Rohan.")),
      V({"ARN>ROH:0842"}));
}

TEST(Coder, PeacekeepingForceServesThePlaceItIsIn) {
  // Troops sent to a peacekeeping force in X: X is the target, not the force.
  EXPECT_EQ(summary(code_text(forces_model(),
                              "Arnor is sending troops to the peacekeeping force in Gondor.")),
            V({"ARN>GON:070"}));
  auto events = code_text(forces_model(),
                          "Arnor sent troops to the Rohan peacekeeping mission in the hills.");
  ASSERT_EQ(summary(events), V({"ARN>-:070"}));
  EXPECT_EQ(target_text(events), "the hills");
  // Without such a force the target stays.
  EXPECT_EQ(summary(code_text(forces_model(), "Arnor sent troops to Rohan in the spring.")),
            V({"ARN>ROH:070"}));
}

TEST(Coder, SpacedPeriodsOfPreTokenizedTextAreNoPunctuation) {
  // "Gen . Halbarad" and "3 . 5 million" come from a tokenizer that split the period off: the
  // sentence is one, and its target is the one after the amount.
  auto events = code_text(model(), "Arnor promised 3 . 5 million in aid to Gondor .");
  EXPECT_EQ(summary(events), V({"ARN>GON:073"}));
  // "20 , 000" is one number: its comma ends no phrase.
  EXPECT_EQ(summary(code_text(model(), "Arnor promised 20 , 000 tents as aid to Gondor .")),
            V({"ARN>GON:073"}));
  EXPECT_EQ(summary(code_text(model(), "The Gondor minister met Dr . Saruman on Tuesday .")),
            V({"GONGOV>ISEGOV:040", "ISEGOV>GONGOV:040"}));
}

TEST(Coder, PlaceAfterInDoesNotDoAMutualActBack) {
  // "met in Gondor": Gondor is where they met; it meets no one in return.
  EXPECT_EQ(summary(code_text(model(), "Arnor met in northern Gondor on Tuesday.")),
            V({"ARN>GON:040"}));
  // A partner named otherwise stays a partner both ways.
  EXPECT_EQ(summary(code_text(model(), "Arnor met Gondor on Tuesday.")),
            V({"ARN>GON:040", "GON>ARN:040"}));
}

TEST(Coder, SpacedHyphensOfPreTokenizedTextJoinWords) {
  // "war - torn" is "war-torn" split by a tokenizer: one noun phrase, not a dash.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned the war - torn state of the realm .")),
            "the war - torn state of the realm");
  // A dash before a capitalized word stays a dash.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned the war - Many said so .")), "the war");
}

TEST(Coder, SpacedInitialsOfPreTokenizedTextAreOneWord) {
  // "G . N ." is "G.N." split by a tokenizer: one word, as in running text.
  EXPECT_EQ(summary(code_text(model(), "Arnor met the G.N. on Tuesday.")),
            V({"ARN>GON:040", "GON>ARN:040"}));
  EXPECT_EQ(summary(code_text(model(), "Arnor met the G . N . on Tuesday .")),
            V({"ARN>GON:040", "GON>ARN:040"}));
}

TEST(Coder, ListMembersAfterOtherFormerOrEx) {
  // "and other ...", "and former ...", "and ex-..." continue a list of actors.
  EXPECT_EQ(summary(code_text(model(), "Mordor attacked Gondor and other Rohan towns.")),
            V({"MOR>GON:190", "MOR>ROH:190"}));
  EXPECT_EQ(summary(code_text(model(), "Mordor condemned Arnor and ex-Gondor officials.")),
            V({"MOR>ARN:122", "MOR>GON:122"}));
  // An acronym in brackets after a member does not end the list.
  EXPECT_EQ(summary(code_text(model(), "Mordor condemned the White Council (WC) and Gondor.")),
            V({"MOR>IGOWHC:122", "MOR>GON:122"}));
}

TEST(Coder, EventWordOfThePatternIsNoUncodedTarget) {
  // An event word among the words that coded the event is not what the event acts on ...
  EXPECT_EQ(target_text(code_text(target_model(), "Arnor will not end the strike until May.")),
            "(none)");
  // ... a thing or people among them are.
  EXPECT_EQ(target_text(code_text(target_model(), "Arnor gassed several villages.")),
            "several villages");
}

TEST(Coder, InfinitiveWithItsOwnObjectIsNoUncodedTarget) {
  // "condemned ... to postpone the march": "to" + a word + a determiner is an infinitive.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned to postpone the march.")), "(none)");
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned to set up camps.")), "(none)");
  // "to" + a noun phrase stays an object.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned to the march.")), "the march");
}

TEST(Coder, ReducedRelativeClauseIsNoUncodedTarget) {
  // "the withdrawal required in the agreement": a participle before a preposition or a
  // determiner opens a clause of its own, it is not what the event acts on.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned required in the agreement.")),
            "(none)");
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned the attack.")), "the attack");
  // -EN words are left alone: "women", "children", "seven".
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned seven of the raids.")),
            "seven of the raids");
}

TEST(Coder, ObjectBeforeWhatItDidIsTheTarget) {
  // "accused X of doing ...", "blamed X for attacking ...": X is the one acted on, not an
  // actor named in what X is said to have done.
  static auto m = testing::model_from("coder_gerund_object", kActors, kAgents,
                                      "ACCUSE [112]\n{ACCUSED_}\nBLAME [112]\n{BLAMED_}\n"
                                      "ATTACK [190]\n{ATTACKING_}\n");
  auto coded = [&](const char* text) { return code_text(m, text); };
  std::vector<Event> events = coded("Arnor accused the smugglers of attacking Rohan .");
  EXPECT_EQ(summary(events), V({"ARN>-:112"}));
  EXPECT_EQ(target_text(events), "the smugglers");
  events = coded("Arnor blamed the smugglers for attacking the Rohan army .");
  EXPECT_EQ(summary(events), V({"ARN>-:112"}));
  EXPECT_EQ(target_text(events), "the smugglers");
  // A named object stays; a noun in -ING or an OF phrase that is no clause is part of the
  // object.
  EXPECT_EQ(summary(coded("Arnor accused Gondor of attacking Rohan .")), V({"ARN>GON:112"}));
  EXPECT_EQ(summary(coded("Arnor accused the allies of Rohan .")), V({"ARN>ROH:112"}));
  // Also when a pattern spells out what the object did.
  static auto p = testing::model_from("coder_gerund_pattern", kActors, kAgents,
                                      "ACCUSE [112]\n{ACCUSED_}\n- * OF_ ATTACKING [1123]\n"
                                      "ATTACK [190]\n{ATTACKING_}\n");
  events = code_text(p, "Arnor accused the smugglers of attacking Rohan .");
  EXPECT_EQ(summary(events), V({"ARN>-:1123"}));
  EXPECT_EQ(target_text(events), "the smugglers");
}

TEST(Coder, AttackNamedInTheSubjectDidWhatItsVerbSays) {
  // "U.S. military airstrikes this month in the area have killed dozens of IS members": the
  // noun event's target is what the clause's verb of violence acts on, not a word between.
  static auto m = testing::model_from("coder_noun_attack", kActors, kAgents,
                                      "AIRSTRIKE [195]\n{AIRSTRIKES_}\nKILL [190]\n{KILLED_}\n"
                                      "ATTACK [190]\n{ATTACKED_}\n");
  std::vector<Event> events =
      code_text(m, "Arnor airstrikes in the north have killed dozens of smugglers .");
  EXPECT_EQ(summary(events), V({"ARN>-:195"}));
  EXPECT_EQ(target_text(events), "dozens of smugglers");
  // A verb with its own object keeps it.
  events = code_text(m, "Arnor attacked the depot in the north and killed dozens of smugglers .");
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(target_text(events), "the depot");
}

TEST(Coder, AttackNamedAfterAPassiveKillingExplainsIt) {
  // "23 civilians were killed as government forces launched air strikes against the enclave":
  // the killing with no one named gives way to the attack of the AS / WHEN / AFTER clause that
  // names who made it.
  static auto m = testing::model_from("coder_passive_attack", kActors, kAgents,
                                      "KILL [190]\n{KILLED_}\nATTACK [190]\n{ATTACKED_}\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Ten soldiers were killed when Mordor attacked Rohan ."), V({"MOR>ROH:190"}));
  // Without an attacker named in that clause the killing stays.
  const V alone = coded("Ten Rohan soldiers were killed on Friday .");
  ASSERT_EQ(alone.size(), 1u);
  EXPECT_TRUE(alone[0].starts_with("-"));
}

TEST(Coder, PatternPrepositionOpeningADateIsNotTheVerbs) {
  // "attacked the city near Damascus on Friday , ... as civilians ...": ON of "* ON_ +" opens
  // the date; the pattern does not hold, and its target is not what was struck.
  static auto m = testing::model_from("coder_on_date", kActors, kAgents,
                                      "STRIKE [190]\n{STRUCK_}\n- * ON_ + [195]\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Mordor struck the city on Friday near Rohan ."), V({"MOR>ROH:190"}));
  EXPECT_EQ(coded("Mordor struck the depots on Rohan soil ."), V({"MOR>ROH:195"}));
}

TEST(Coder, AppealToANamedActorIsNoReportedSpeech) {
  // "Trump urges UN to renew Iran sanctions": the appeal to the actor named after its verb is
  // the event, not the act it asks for (which has not happened); an appeal with no one named
  // gives way as before.
  static auto m = testing::model_from("coder_appeal", kActors, kAgents,
                                      "URGE [020]\n{URGED_}\nATTACK [190]\n{ATTACKED_}\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Arnor urged Gondor to attack Mordor ."), V({"ARN>GON:020"}));
  EXPECT_EQ(coded("Arnor urged calm as Mordor attacked Rohan ."), V({"MOR>ROH:190"}));
}

TEST(Coder, AidNamedTwiceGoesToTheNamedRecipient) {
  // "provides 10 million euros in bilateral and multilateral aid to the Palestinian people":
  // the aid whose target is only what is given goes to the recipient a later mention of the
  // same aid names; one event.
  static auto m = testing::model_from("coder_aid_twice", kActors, kAgents,
                                      "PROVIDE [070]\n{PROVIDES_ PROVIDED_}\nAID [070]\n"
                                      "- * TO_ + [070]\nASSIST [070]\n");
  auto coded = [&](const char* text) { return code_text(m, text); };
  std::vector<Event> events =
      coded("Arnor provides ten tonnes in bilateral and multilateral aid to Rohan .");
  EXPECT_EQ(summary(events), V({"ARN>ROH:070"}));
  EXPECT_EQ(events[0].action.text, "provides");
  // Aid with no recipient named keeps what is given.
  events = coded("Arnor provided ten tonnes of grain .");
  EXPECT_EQ(target_text(events), "ten tonnes of grain");
}

TEST(Coder, RoleTheEventGoesToIsTheTarget) {
  // "suspended military aid to the country 's rebel groups after the ousting of Gaddafi": the
  // role after TO right behind the event's words is where the aid goes, not an actor of a later
  // phrase.
  static auto m = testing::model_from("coder_role_recipient", kActors, kAgents,
                                      "SEND [070]\n{SENT_}\n- * AID [070]\n");
  auto coded = [&](const char* text) { return summary(code_text(m, text)); };
  EXPECT_EQ(coded("Arnor sent aid to the soldiers after the fall of Rohan ."), V({"ARN>MIL:070"}));
  // Not a role after another preposition.
  EXPECT_EQ(coded("Arnor sent aid through the soldiers to Rohan ."), V({"ARN>ROH:070"}));
}

TEST(Coder, ProtestIsAgainstWhatFollowsAgainst) {
  // "held a protest demonstration at the university against the continued siege": a protest
  // with no named target is against the phrase after AGAINST or IN RESPONSE TO.
  static auto m = testing::model_from("coder_protest_against", kActors, kAgents,
                                      "HOLD [---]\n{HELD_}\n- * A_PROTEST [141]\n"
                                      "STAGE [---]\n{STAGED_}\n- * A_STRIKE [143]\n");
  std::vector<Event> events =
      code_text(m, "Arnor held a protest demonstration at the university against the new tax .");
  EXPECT_EQ(summary(events), V({"ARN>-:141"}));
  EXPECT_EQ(target_text(events), "the new tax");
  events = code_text(m, "Arnor staged a strike in response to the new tax .");
  EXPECT_EQ(target_text(events), "the new tax");
  // Without AGAINST the object stays.
  events = code_text(m, "Arnor held a protest march on Friday .");
  EXPECT_EQ(target_text(events), "march");
}

TEST(Coder, TitleCaseHeadlineHasCapitalizedVerbs) {
  // "U.S. Lifts Travel Ban to Lebanon": in a headline in title case the verb is capitalized.
  EXPECT_EQ(summary(code_text(model(), "Orc Raiders Attack Rohan .")), V({"->ROH:190"}));
  // In running text a capitalized word stays a name.
  const V events = summary(code_text(model(), "Rohan condemned the Attack Group ."));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].ends_with(":122"));
}

TEST(Coder, ModalInANameIsNoModal) {
  // "Theresa May called for Britain to stay": MAY of a name before the verb is no modal of
  // possibility; "Arnor may attack Rohan" still reports nothing.
  static auto m = testing::model_from(
      "coder_may_name", std::string(kActors) + "THERESA_MAY_ [GBRGOV]\n", kAgents, kVerbs);
  EXPECT_EQ(summary(code_text(m, "Theresa May attacked Rohan .")), V({"GBRGOV>ROH:190"}));
  EXPECT_TRUE(code_text(m, "Arnor may attack Rohan .").empty());
}

TEST(Coder, DemandOfAPhraseThatNamesNoActor) {
  // "Trump said that the brutal oppression of the Venezuelan people must end": the speaker's
  // demand is made of the reported clause's subject, here an uncoded target.
  static auto m = testing::model_from("coder_demand_phrase", kActors, kAgents,
                                      "SAY [010]\n{SAID_}\nEND [---]\n- MUST_ * [105]\n");
  std::vector<Event> events =
      code_text(m, "Arnor said on Thursday that the oppression of the people must end soon .");
  EXPECT_EQ(summary(events), V({"ARN>-:105"}));
  EXPECT_EQ(target_text(events), "the oppression of the people");
  // Without THAT no phrase is taken.
  events = code_text(m, "Arnor said the oppression must end soon .");
  EXPECT_EQ(target_text(events), "(none)");
}

TEST(Coder, PatternReachingPastAnInfinitiveIsAnotherVerbs) {
  // "will meet Trump at the White House on Monday to discuss ... disputes with Republicans":
  // MEET's * WITH_ + would take the WITH of "to discuss"; the one met is the object.
  static auto m = testing::model_from("coder_meet_infinitive", kActors, kAgents,
                                      "MEET [040:040]\n{MET_}\n- * WITH + [040:040]\n"
                                      "DISCUSS [040]\n");
  EXPECT_EQ(summary(code_text(m, "Arnor met Gondor on Monday to discuss disputes with Rohan .")),
            V({"ARN>GON:040", "GON>ARN:040"}));
  EXPECT_EQ(summary(code_text(m, "Arnor met on Monday with Rohan .")),
            V({"ARN>ROH:040", "ROH>ARN:040"}));
}

TEST(Coder, ParticipleAfterTheObjectOpensAReducedRelative) {
  // "will not accept any Rohingya refugees fleeing ... violence in neighbouring Myanmar": the
  // participle in -ING after the object noun opens a clause whose actors are not acted on.
  static auto m = testing::model_from("coder_ing_relative", kActors,
                                      std::string(kAgents) + "REFUGEES_ [~REF]\n", kVerbs);
  EXPECT_EQ(summary(code_text(m, "Arnor condemned the refugees fleeing the war in Rohan .")),
            V({"ARN>REF:122"}));
  // Not a preposition in -ING.
  EXPECT_EQ(summary(code_text(m, "Arnor condemned the attacks regarding Rohan .")),
            V({"ARN>ROH:122"}));
}

TEST(Coder, PassiveSubjectNamedBeforeItsApposition) {
  // "Gul Rahman , a suspected militant , was tortured": the target is named where its unknown
  // name opens the clause; an opening phrase ("In November , ...") is no name.
  static auto m = testing::model_from("coder_subject_apposition", kActors,
                                      std::string(kAgents) + "MILITANT [~UAF]\n",
                                      "TORTUR [1822]\n{TORTURED_}\nSUSPECT [112]\n"
                                      "{SUSPECTED_}\n");
  std::vector<Event> events = code_text(m, "Gul Rahman , a suspected militant , was tortured .");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(target_text(events), "Gul Rahman , a suspected militant");
  events = code_text(m, "In November , a suspected militant was tortured .");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(target_text(events), "militant");
}

TEST(Coder, DatesAndCountsAreNoUncodedTarget) {
  // A date after a preposition, how often, "till", "soon": when or how often, not what.
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned on 1 April the decision.")),
            "the decision");
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned about 80 times.")), "(none)");
  EXPECT_EQ(target_text(code_text(model(), "Arnor condemned till Monday.")), "(none)");
}

TEST(Coder, HyphenatedParticipleIsAnAdjective) {
  // "Arnor-condemned": a participle hyphenated to a word before a noun describes the noun.
  EXPECT_TRUE(code_text(model(), "The Arnor-condemned Gondor envoys left.").empty());
  EXPECT_TRUE(code_text(model(), "The Arnor - condemned Gondor envoys left .").empty());
  // A dash before a verb and its preposition is a dash.
  EXPECT_FALSE(code_text(model(), "The envoys of Arnor - condemned by Gondor .").empty());
  // A participle opening the sentence before an actor describes the actor.
  EXPECT_EQ(summary(code_text(model(), "Condemned Gondor envoys attacked Arnor.")),
            V({"GON>ARN:190"}));
}

TEST(Coder, ParticipleAfterANounWithByIsAPassive) {
  // "Gondor envoys condemned by Arnor": Arnor condemned them (a passive without BE).
  EXPECT_EQ(summary(code_text(model(), "Gondor envoys condemned by Arnor left the city.")),
            V({"ARN>GON:122"}));
}

TEST(Coder, RoleInsideTheEventNounIsNoSubject) {
  // "a joint army drill": the army describes the drill; the actors named before it hold it.
  static auto m = testing::model_from("coder_drill", kActors, kAgents,
                                      "DRILL [---]\n- JOINT_ * [062:062]\nBEGIN [---]\n");
  EXPECT_EQ(summary(code_text(m, "Arnor and Gondor began a joint army drill.")),
            V({"ARN>GON:062", "GON>ARN:062"}));
  // Also after a preposition ("a new round of joint army drills").
  EXPECT_EQ(summary(code_text(m, "Arnor and Gondor began a round of joint army drills.")),
            V({"ARN>GON:062", "GON>ARN:062"}));
}

TEST(Coder, RoleInsideTheEventNounIsNoTarget) {
  // "will begin a new army operation against the smugglers": the army describes the
  // operation, a pattern word after it; the one acted on is named later.
  static auto m = testing::model_from("coder_operation", kActors, kAgents,
                                      "BEGIN [---]\n{BEGAN_}\n- * ARMY OPERATION [190]\n"
                                      "ATTACK [190]\n");
  const std::vector<Event> events =
      code_text(m, "Arnor began a new army operation against the smugglers .");
  EXPECT_EQ(summary(events), V({"ARN>-:190"}));
  EXPECT_EQ(target_text(events), "the smugglers");
  // A named giver before the noun of aid is not its target either; before other event nouns
  // a name is ("imposed Rohan sanctions").
  static auto g = testing::model_from("coder_aid_giver", kActors, kAgents,
                                      "RELEAS [---]\n{RELEASED_}\n- * ASSISTANCE [070]\n"
                                      "IMPOS [---]\n{IMPOSED_}\n- * SANCTIONS [163]\n");
  EXPECT_EQ(summary(code_text(g, "Arnor released Gondor assistance to Rohan .")),
            V({"ARN>ROH:070"}));
  EXPECT_EQ(summary(code_text(g, "Arnor imposed Rohan sanctions on Friday .")), V({"ARN>ROH:163"}));
  // A role that is the verb's object, no pattern word after it, stays the target.
  EXPECT_EQ(summary(code_text(m, "Arnor attacked the army on Friday .")), V({"ARN>MIL:190"}));
}

TEST(Coder, DeportedToADestinationTargetsThePeopleDeported) {
  // "deported the soldiers to Gondor": Gondor is where they go; the soldiers are deported.
  static auto m =
      testing::model_from("coder_deport", kActors, kAgents, "DEPORT_ [174]\n{DEPORTED_}\n");
  auto events = code_text(m, "Arnor deported the soldiers to Gondor.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(summary(events), V({"ARN>MIL:174"}));
  // A named actor as object stays the target.
  EXPECT_EQ(summary(code_text(m, "Arnor deported Rohan soldiers to Gondor.")),
            V({"ARN>ROHMIL:174"}));
}

TEST(Coder, PossessiveForTheSourceIsNoPatternTarget) {
  // "met his counterpart X in Y": the pattern's target "his" is the source's own; the actor
  // named in the phrase it opens is the target, and the source is found as usual.
  static auto m = testing::model_from("coder_counterpart", kActors, kAgents,
                                      "MEET [040:040]\n{MET_}\n- * + IN_ [040:040]\n");
  EXPECT_EQ(summary(code_text(m, "The Arnor president met his Gondor counterpart in Rohan.")),
            V({"ARNGOV>GON:040", "GON>ARNGOV:040"}));
  // No actor in the phrase: no event (it was Rohan -> his).
  EXPECT_TRUE(code_text(m, "The Arnor president met his counterpart in Rohan.").empty());
  // A possessive for another actor stays the target.
  EXPECT_EQ(summary(code_text(m, "Gondor said the Arnor president met their envoys in Rohan.")),
            V({"ARNGOV>GON:040", "GON>ARNGOV:040"}));
}

TEST(Coder, DenialOfAnAccusationTargetsTheAccuser) {
  // The accuser after BY or FROM is the target; actors inside what is alleged are not.
  static auto m = testing::model_from("coder_deny", kActors, kAgents,
                                      "REJECT [120]\n{REJECTED_}\n- * ACCUSATIONS [016]\n");
  EXPECT_EQ(summary(code_text(m, "Arnor rejected accusations by Gondor that it attacked Rohan.")),
            V({"ARN>GON:016"}));
  EXPECT_EQ(summary(code_text(m, "Arnor rejected Gondor's accusations.")), V({"ARN>GON:016"}));
  auto events = code_text(m, "Arnor rejected accusations that it attacked Rohan.");
  ASSERT_EQ(summary(events), V({"ARN>-:016"}));
  EXPECT_FALSE(events[0].target.has_value());
}

TEST(Coder, OffsetsPointIntoTheText) {
  std::string text = "On Monday, the Arnor president met with Rohan\xe2\x80\x99s army.";
  auto events = code_text(model(), text);
  ASSERT_FALSE(events.empty());
  for (const auto& e : events) {
    EXPECT_EQ(text.substr(e.source->span.start, e.source->span.end - e.source->span.start),
              e.source->span.text);
    EXPECT_EQ(text.substr(e.action.start, e.action.end - e.action.start), e.action.text);
  }
  EXPECT_EQ(events[0].action.text, "met with");
  EXPECT_EQ(events[0].target->code, "ROHMIL");
  EXPECT_EQ(events[0].date, "2019-07-08");
}

TEST(Coder, EventFieldsFromTheCameoTable) {
  auto events = code_text(model(), "Mordor attacked Rohan.");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].root, "19");
  EXPECT_EQ(events[0].quad_class, 4);
  ASSERT_TRUE(events[0].goldstein);
  EXPECT_DOUBLE_EQ(*events[0].goldstein, -10.0);
  EXPECT_EQ(events[0].plover, "ASSAULT");
  EXPECT_EQ(events[0].source->country, "MOR");
}

}  // namespace
}  // namespace dyad
