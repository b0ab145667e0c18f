// dyad's shipped default knowledge (data/knowledge/, embedded in the binary): one check per actor
// category and per CAMEO root, and date-limited codes on both sides of their limits. The
// sentences are written for these tests; they check the knowledge, not the engine's rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dyad/dyad.h"
#include "test_util.h"

namespace dyad {
namespace {

std::shared_ptr<const Model> knowledge() {
  static auto model = Model::compile(KnowledgeOptions{});
  return model;
}

std::vector<Event> code(const std::string& text, const std::string& date = "2019-07-11") {
  return testing::code_text(knowledge(), text, date);
}

// The event that comes first in the sentence (the one `dyad eval` scores as strict).
const Event* earliest(const std::vector<Event>& events) {
  const Event* best = nullptr;
  for (const Event& e : events)
    if (best == nullptr || e.action.start < best->action.start) best = &e;
  return best;
}

std::string source_of(const std::string& text, const std::string& date = "2019-07-11") {
  auto events = code(text, date);
  const Event* e = earliest(events);
  return e != nullptr && e->source ? e->source->code : "(none)";
}

std::string target_of(const std::string& text, const std::string& date = "2019-07-11") {
  auto events = code(text, date);
  const Event* e = earliest(events);
  return e != nullptr && e->target && !e->target->code.empty() ? e->target->code : "(none)";
}

std::string root_of(const std::string& text) {
  auto events = code(text);
  const Event* e = earliest(events);
  return e != nullptr ? e->root : "(none)";
}

std::string cameo_of(const std::string& text) {
  auto events = code(text);
  const Event* e = earliest(events);
  return e != nullptr ? e->cameo : "(none)";
}

// ---- actors: countries.actors -------------------------------------------------------------

TEST(KnowledgeActors, CountriesByNameDemonymAndCapital) {
  EXPECT_EQ(source_of("Azerbaijan condemned Armenia."), "AZE");
  EXPECT_EQ(target_of("Azerbaijan condemned Armenia."), "ARM");
  EXPECT_EQ(source_of("The Azerbaijani delegation met with Russian officials."), "AZEGOV");
  EXPECT_EQ(source_of("Moscow criticized Kiev."), "RUS");
  EXPECT_EQ(target_of("Moscow criticized Kiev."), "UKR");
  EXPECT_EQ(source_of("South Sudan accused Sudan."), "SSD");  // the longest match wins
  EXPECT_EQ(source_of("North Korea threatened South Korea."), "PRK");
  EXPECT_EQ(source_of("The US condemned Iran."), "USA");
  EXPECT_EQ(target_of("Russia criticized us."), "(none)");  // the pronoun is not the US
  EXPECT_EQ(target_of("Russia attacked rebels using drones."), "REB");  // nor is "using"
}

TEST(KnowledgeActors, DatelinePlaceIsNoActor) {
  // Where the story was filed is not who acted (the dateline still gives the event's location).
  EXPECT_EQ(source_of("MOSCOW, March 5 - Police arrested Ukrainian protesters."), "COP");
  EXPECT_EQ(source_of("Moscow police arrested Ukrainian protesters."), "RUSCOP");
}

TEST(KnowledgeActors, InstitutionsStandingForAState) {
  EXPECT_EQ(source_of("The Kremlin criticized Ukraine."), "RUSGOV");
  EXPECT_EQ(source_of("The Pentagon criticized Iran."), "USAMIL");
  EXPECT_EQ(source_of("The White House praised Japan."), "USAGOV");
}

TEST(KnowledgeActors, Regions) {
  EXPECT_EQ(target_of("Russia criticized Europe."), "EUR");
  EXPECT_EQ(target_of("China praised Africa."), "AFR");
}

TEST(KnowledgeActors, BlockedPhrasesAreNoActors) {
  // "the South China Sea" is no actor: China is not the target of the patrol.
  EXPECT_NE(target_of("Japan criticized the Indian Ocean fleet."), "IND");
}

// ---- actors: igos.actors ------------------------------------------------------------------

TEST(KnowledgeActors, InternationalOrganisations) {
  EXPECT_EQ(source_of("The United Nations condemned Syria."), "IGOUNO");
  EXPECT_EQ(source_of("NATO criticized Russia."), "IGOWSTNAT");
  EXPECT_EQ(source_of("The European Union praised Georgia."), "IGOEUREEC");
  EXPECT_EQ(source_of("The African Union condemned Sudan."), "IGOAFRAFU");
  EXPECT_EQ(source_of("The IMF praised Egypt."), "IGOBUSIMF");
  EXPECT_EQ(source_of("DPKO criticized Sudan."), "IGOUNO");
}

TEST(KnowledgeActors, StateAgenciesWithASector) {
  EXPECT_EQ(source_of("The Justice Department accused Russia."), "USAJUD");
  EXPECT_EQ(source_of("USAID sent humanitarian aid to Haiti."), "USAGOV");
  EXPECT_EQ(source_of("The Environmental Protection Agency criticized Canada."), "USAGOVENV");
  EXPECT_EQ(source_of("Customs and Border Protection returned the artifacts to Peru."), "USACOP");
  EXPECT_EQ(source_of("The NLRB accused Amazon of unfair labor practices."), "USAGOV");
}

TEST(KnowledgeActors, NonGovernmentalOrganisations) {
  EXPECT_EQ(source_of("Amnesty International condemned Myanmar."), "NGOHRIAMN");
  EXPECT_EQ(source_of("Human Rights Watch accused Egypt."), "NGOHRIHRW");
}

// ---- actors: groups.actors ----------------------------------------------------------------

TEST(KnowledgeActors, ArmedGroups) {
  EXPECT_EQ(source_of("Hamas attacked Israel."), "PSEREBHMS");
  EXPECT_EQ(source_of("The Houthis attacked Saudi Arabia."), "YEMREBHOU");
  EXPECT_EQ(source_of("Boko Haram attacked Nigeria."), "NGAINSBKH");
  EXPECT_EQ(source_of("Hezb-e-Islami attacked Kabul.", "2010-01-01"), "AFGINSHIG");
  EXPECT_EQ(target_of("India and the US have both indicted Sajid Mir."), "PAKREBLET");
  EXPECT_EQ(source_of("The Ogaden National Liberation Front (ONLF) has declared a unilateral "
                      "ceasefire."),
            "ETHREBONL");
}

TEST(KnowledgeActors, PoliticalParties) {
  EXPECT_EQ(source_of("The African National Congress criticized Britain.", "2019-07-11"),
            "ZAFGOVPTYANC");
}

// ---- actors: people.actors ----------------------------------------------------------------

TEST(KnowledgeActors, People) {
  EXPECT_EQ(source_of("Vladimir Putin met with Recep Tayyip Erdogan.", "2019-07-11"), "RUSGOV");
  EXPECT_EQ(target_of("Vladimir Putin met with Recep Tayyip Erdogan.", "2019-07-11"), "TURGOV");
  EXPECT_EQ(source_of("Sergei Lavrov criticized NATO.", "2019-07-11"), "RUSGOV");
  EXPECT_EQ(source_of("Suharto criticized Malaysia.", "1987-03-24"), "IDNGOV");
  EXPECT_EQ(source_of("Papandreou criticized Turkey.", "1987-03-29"), "GRCGOV");
  EXPECT_EQ(source_of("Papandreou criticized Turkey.", "2011-06-01"), "GRCGOV");
  EXPECT_EQ(source_of("Papandreou criticized Turkey.", "2015-06-01"), "GRCELI");
  EXPECT_EQ(source_of("Roberto Micheletti declared a state of siege.", "2009-09-22"), "HNDGOV");
  // US cabinet and White House officials of 2017-2025, in and out of office.
  EXPECT_EQ(source_of("Steven Mnuchin criticized China.", "2019-07-11"), "USAGOV");
  EXPECT_EQ(source_of("Steven Mnuchin criticized China.", "2022-07-11"), "USAELI");
  EXPECT_EQ(target_of("China imposed sanctions on Alex Azar.", "2021-01-21"), "USAELI");
}

// ---- actors: roles.agents, one sentence per sector ----------------------------------------

struct RoleCase {
  const char* sentence;
  const char* source;
};

TEST(KnowledgeActors, EverySectorOfTheRoles) {
  const std::vector<RoleCase> cases = {
      {"The Turkish government condemned Greece.", "TURGOV"},
      {"The Turkish army attacked Syria.", "TURMIL"},
      {"Turkish police arrested Syrian migrants.", "TURCOP"},
      {"Turkish intelligence accused Syria.", "TURSPY"},
      {"A Turkish court convicted Syrian smugglers.", "TURJUD"},
      {"The Turkish parliament condemned France.", "TURLEG"},
      {"The Turkish opposition criticized Russia.", "TUROPP"},
      {"Syrian rebels attacked Turkey.", "SYRREB"},
      {"Syrian militants attacked Turkey.", "SYRUAF"},
      {"Turkish politicians criticized Greece.", "TURPTY"},
      {"A former Turkish president criticized Greece.", "TURELI"},
      {"Turkish journalists criticized Russia.", "TURMED"},
      {"Turkish students criticized Russia.", "TUREDU"},
      {"Turkish businessmen praised Azerbaijan.", "TURBUS"},
      {"Turkish unions criticized Germany.", "TURLAB"},
      {"Turkish farmers criticized Greece.", "TURAGR"},
      {"Turkish doctors praised Azerbaijan.", "TURHLH"},
      {"Turkish human rights activists criticized Iran.", "TURHRI"},
      {"Turkish civilians praised Azerbaijan.", "TURCVL"},
      {"Syrian refugees praised Turkey.", "SYRREF"},
      {"Turkish criminals attacked Greek tourists.", "TURCRM"},
      {"Turkish clerics criticized France.", "TURREL"},
      {"Turkish environmentalists criticized Bulgaria.", "TURENV"},
      {"Turkish extremists attacked Greece.", "TURRAD"},
      {"The Turkish health ministry praised Azerbaijan.", "TURGOVHLH"},
  };
  for (const RoleCase& c : cases) EXPECT_EQ(source_of(c.sentence), c.source) << c.sentence;
}

TEST(KnowledgeActors, AbbreviatedTitlesBeforeANameAreRoles) {
  // "Gov." and "Sen." before a name the knowledge lacks name a governor and a senator.
  EXPECT_EQ(source_of("Gov. Phil Murphy condemned the attack."), "GOV");
  EXPECT_EQ(source_of("Sen. Lindsey Graham criticized Russia."), "LEG");
}

TEST(KnowledgeActors, NgoPrefixAndRoleAlone) {
  EXPECT_EQ(source_of("Turkish NGOs criticized Greece."), "NGOTUR");
  // A role alone codes as its sector (CodingOptions::convert_agents).
  EXPECT_EQ(source_of("Police arrested the protesters."), "COP");
}

// ---- date-limited terms on both sides of their limits --------------------------------------

TEST(KnowledgeDates, PersonWithSeveralOffices) {
  const std::string s = "Donald Trump criticized China.";
  EXPECT_EQ(source_of(s, "2017-01-19"), "USAELI");  // the day before the inauguration
  EXPECT_EQ(source_of(s, "2017-01-20"), "USAGOV");  // inauguration day
  EXPECT_EQ(source_of(s, "2021-01-19"), "USAGOV");  // last full day in office
  EXPECT_EQ(source_of(s, "2021-01-20"), "USAOPP");
  EXPECT_EQ(source_of(s, "2025-01-19"), "USAOPP");
  EXPECT_EQ(source_of(s, "2025-01-20"), "USAGOV");
}

TEST(KnowledgeDates, OpenEndedLimits) {
  const std::string s = "Volodymyr Zelensky criticized Russia.";
  EXPECT_EQ(source_of(s, "2019-05-19"), "UKRELI");  // <20190519: through that day
  EXPECT_EQ(source_of(s, "2019-05-20"), "UKRGOV");  // >20190520: from that day on
  const std::string p = "Petro Poroshenko criticized Russia.";
  EXPECT_EQ(source_of(p, "2019-05-19"), "UKRGOV");  // 20140607-20190519 includes its last day
  EXPECT_EQ(source_of(p, "2019-05-20"), "UKROPP");
}

TEST(KnowledgeDates, ArmedGroupInAndOutOfGovernment) {
  const std::string s = "The Taliban attacked Pakistan.";
  EXPECT_EQ(source_of(s, "1996-09-26"), "AFGINSTAL");
  EXPECT_EQ(source_of(s, "1996-09-27"), "AFGGOVTAL");
  EXPECT_EQ(source_of(s, "2001-11-13"), "AFGGOVTAL");
  EXPECT_EQ(source_of(s, "2001-11-14"), "AFGINSTAL");
  EXPECT_EQ(source_of(s, "2021-08-14"), "AFGINSTAL");
  EXPECT_EQ(source_of(s, "2021-08-15"), "AFGGOVTAL");
}

TEST(KnowledgeDates, PartyInAndOutOfGovernment) {
  const std::string s = "Syriza criticized Germany.";
  EXPECT_EQ(source_of(s, "2015-01-25"), "GRCOPPPTYSYR");
  EXPECT_EQ(source_of(s, "2015-01-26"), "GRCGOVPTYSYR");
  EXPECT_EQ(source_of(s, "2019-07-07"), "GRCGOVPTYSYR");
  EXPECT_EQ(source_of(s, "2019-07-08"), "GRCOPPPTYSYR");
}

// ---- verbs: one sentence per CAMEO root ---------------------------------------------------

struct RootCase {
  const char* sentence;
  const char* root;
};

TEST(KnowledgeVerbs, EveryCameoRoot) {
  const std::vector<RootCase> cases = {
      {"Russia said it was optimistic about the talks.", "01"},
      {"France urged Iran to release the prisoners.", "02"},
      {"Japan pledged economic aid to Ukraine.", "03"},
      {"Germany met with Poland.", "04"},
      {"Canada praised Mexico.", "05"},
      {"Armenia and Azerbaijan signed a trade agreement.", "06"},
      {"Britain sent humanitarian aid to Yemen.", "07"},
      {"Israel released Palestinian prisoners.", "08"},
      {"The United Nations investigated Myanmar.", "09"},
      {"Iran demanded that the United States lift sanctions.", "10"},
      {"China condemned Japan.", "11"},
      {"Venezuela rejected the proposal of Colombia.", "12"},
      {"North Korea threatened South Korea with military action.", "13"},
      {"Protesters demonstrated against the government of Serbia.", "14"},
      {"India mobilized troops along the border with Pakistan.", "15"},
      {"Qatar suspended diplomatic relations with Egypt.", "16"},
      {"Turkish police arrested Kurdish journalists.", "17"},
      {"Militants kidnapped Nigerian students.", "18"},
      {"Russia shelled Syrian rebels.", "19"},
      {"Serbian forces carried out a massacre of Bosnian civilians.", "20"},
  };
  for (const RootCase& c : cases) EXPECT_EQ(root_of(c.sentence), c.root) << c.sentence;
}

TEST(KnowledgeVerbs, FamiliesOfIntentRefusalAndDemand) {
  // The same object under the intent, refusal and demand verbs (docs/verbs.md, Families).
  EXPECT_EQ(cameo_of("Israel will release Palestinian prisoners."), "0353");
  EXPECT_EQ(cameo_of("Israel will not release Palestinian prisoners."), "1243");
  EXPECT_EQ(cameo_of("Israel must release Palestinian prisoners."), "1053");
  EXPECT_EQ(cameo_of("Israel refused to release Palestinian prisoners."), "1243");
  EXPECT_EQ(cameo_of("Hungary will not accept Syrian refugees."), "120");
  EXPECT_EQ(cameo_of("Germany accepted Syrian refugees."), "075");
  // Mediating with an object: the object patterns have their families too.
  EXPECT_EQ(cameo_of("Turkey mediated talks between Israel and Syria."), "045");
  EXPECT_EQ(cameo_of("Turkey will mediate talks between Israel and Syria."), "039");
  EXPECT_EQ(cameo_of("Turkey will not mediate talks between Israel and Syria."), "126");
  EXPECT_EQ(cameo_of("Syria said Turkey must mediate peace talks."), "108");
  EXPECT_EQ(target_of("Syria said Turkey must mediate peace talks."), "TUR");
  // Every object pattern of a verb with family lines has the family's codes.
  EXPECT_EQ(cameo_of("Russia deployed troops to the border."), "154");
  EXPECT_EQ(cameo_of("Russia will deploy troops to the border."), "138");
  EXPECT_EQ(cameo_of("Russia will not deploy troops to the border."), "(none)");
  EXPECT_EQ(cameo_of("Netanyahu will meet Macron in Paris."), "036");
  EXPECT_EQ(cameo_of("Germany will expel two Russian diplomats."), "131");
  // An object pattern with a code other than the verb's own takes the family of the same
  // object's synset ("* THE_EMBARGO" 085 as "* &SANCTIONS").
  EXPECT_EQ(cameo_of("Russia will not lift the embargo on Syria."), "1244");
  EXPECT_EQ(cameo_of("Russia must lift the arms embargo on Syria."), "1054");
  EXPECT_EQ(cameo_of("Russia lifted the embargo on Syria."), "085");
}

TEST(KnowledgeVerbs, MarketNounsAndTopicsAreNoEvents) {
  // "demand" as a market noun is no demand on anyone; what one talks about is no addressee.
  EXPECT_EQ(cameo_of("Japan said gasoline demand was up 4.4 pct from a year earlier."), "(none)");
  EXPECT_EQ(cameo_of("Russia demanded the release of the sailors from Ukraine."), "1053");
  EXPECT_EQ(cameo_of("Putin talked about Ukraine on Tuesday."), "(none)");
  EXPECT_EQ(cameo_of("Putin talked with Erdogan on Tuesday."), "040");
}

TEST(KnowledgeVerbs, FunctionWordsInPatternsAreExact) {
  // FOR in a pattern is the word, not a stem: PROVIDE's null "* FOR_" does not match FORCES.
  EXPECT_EQ(cameo_of("The United States provided Lebanese forces with aircraft."), "070");
  EXPECT_EQ(target_of("The United States provided Lebanese forces with aircraft."), "LBNMIL");
  // Signing an agreement on a subject is a signing, not SIGN's null "* ON".
  EXPECT_EQ(cameo_of("Britain and the United States signed an agreement on customs."), "057");
  // Launching an offensive with words between.
  EXPECT_EQ(root_of("The army launched a strategic offensive against the rebels."), "19");
}

TEST(KnowledgeVerbs, WelcomingSomeonesDecisionIsPraise) {
  // Welcoming X's decision or offer praises X (051); welcoming X to a place hosts X (043).
  EXPECT_EQ(cameo_of("Russia welcomed Turkey's decision to withdraw its troops."), "051");
  EXPECT_EQ(target_of("Russia welcomed Turkey's decision to withdraw its troops."), "TUR");
  EXPECT_EQ(cameo_of("Germany welcomed Putin's invitation to visit Moscow."), "051");
  EXPECT_EQ(cameo_of("Germany welcomed the Russian president to Berlin."), "043");
  // "X's decision" with the possessive joined to the name, as running text writes it.
  EXPECT_EQ(cameo_of("France protested Canada's decision to ban imports."), "114");
  EXPECT_EQ(target_of("France protested Canada's decision to ban imports."), "CAN");
}

TEST(KnowledgeVerbs, CallingACounterpartIsAPhoneCall) {
  // "called his French counterpart" is a telephone call (041); "called on" him is an appeal.
  EXPECT_EQ(cameo_of("Merkel called her French counterpart on Tuesday."), "041");
  EXPECT_EQ(target_of("Merkel called her French counterpart on Tuesday."), "FRA");
  EXPECT_EQ(cameo_of("Merkel called on her French counterpart to act."), "020");
  // The caller's act: one record (a call WITH someone stays mutual).
  EXPECT_EQ(code("Rex Tillerson called Sergey Lavrov to discuss Syria.").size(), 1u);
  EXPECT_EQ(target_of("Rex Tillerson called Sergey Lavrov to discuss Syria.", "2017-11-02"),
            "RUSGOV");
}

TEST(KnowledgeVerbs, InBeforeDetainedIsNotInDetention) {
  // DETAIN's null "in (one word) detention" does not reach back to "police in Kabul detained".
  EXPECT_EQ(cameo_of("Police in Kabul detained three men."), "173");
  EXPECT_EQ(cameo_of("He was held in Israeli detention for years."), "(none)");
}

TEST(KnowledgeVerbs, ExtraditionCooperatesWithTheStateItGoesTo) {
  // Judicial cooperation (063) is with the requesting state, after TO, not the person sent.
  EXPECT_EQ(target_of("Spain approved the extradition of a Russian hacker to the United States."),
            "USA");
  EXPECT_EQ(target_of("Spain approved the extradition of a Russian hacker."), "RUS");
}

TEST(KnowledgeVerbs, AMealWithSomeoneIsAMeeting) {
  // "had lunch with X" meets X (040); "will have dinner with X" is an intent to meet (036).
  EXPECT_EQ(cameo_of("Obama had lunch with Macron in Paris."), "040");
  EXPECT_EQ(target_of("Obama had lunch with Macron in Paris."), "FRAGOV");
  EXPECT_EQ(cameo_of("Obama will have dinner with Putin."), "036");
}

TEST(KnowledgeVerbs, FailingToReachAnAgreementIsAMutualRejection) {
  // "failed to" cancels an event, but a failed negotiation is one of its own: 120 both ways.
  EXPECT_EQ(cameo_of("Ukraine and Russia failed to reach agreement on a prisoner exchange."),
            "120");
  EXPECT_EQ(target_of("Ukraine and Russia failed to reach agreement on a prisoner exchange."),
            "RUS");
  EXPECT_EQ(cameo_of("Ukraine and Russia reached an agreement on a prisoner exchange."), "057");
  EXPECT_EQ(target_of("Customs officers returned a silver pendant to Russian authorities."),
            "RUSGOV");
}

TEST(KnowledgeVerbs, DecliningToCommentHasNoTarget) {
  // 011 is said to no one; the matter it is about is no target, named or not.
  EXPECT_EQ(cameo_of("The Government of Eritrea declined to comment on the dispute."), "011");
  EXPECT_EQ(target_of("The Government of Eritrea declined to comment on the dispute."), "(none)");
  const auto events = code("Eritrea declined to comment on the dispute.");
  ASSERT_FALSE(events.empty());
  EXPECT_FALSE(events.front().target.has_value());
}

TEST(KnowledgeVerbs, AppositionToAnUnknownNameIsReportedFromTheName) {
  // The apposition gives the code, the name the knowledge lacks opens the span.
  const auto events = code(
      "The ELN said it will release Juan Perez, a former Venezuelan Congressman the rebels have "
      "held since April 2016.");
  const Event* e = earliest(events);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->code.substr(0, 3), "VEN");
  EXPECT_TRUE(e->target->span.text.starts_with("Juan Perez, a former Venezuelan Congressman"))
      << e->target->span.text;
}

TEST(KnowledgeVerbs, PessimismIsAboutTheSubjectOfItsThatClause) {
  // 012 / 013 without a named target: the subject of the THAT clause, uncoded.
  const auto events = code("Germany said it is pessimistic that the new tariffs will be lifted.");
  const Event* e = earliest(events);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "012");
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->span.text, "the new tariffs");
  // Not a pronoun or an adverb ("that once ...").
  const auto again = code("Germany said it is pessimistic that once again talks will fail.");
  const Event* f = earliest(again);
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->target.has_value());
}

TEST(KnowledgeVerbs, ConsideredToBeDescribes) {
  // "are considered to be" describes; "is considering" an action is 014.
  EXPECT_EQ(cameo_of("Many Syrians are considered to be acutely malnourished."), "(none)");
  EXPECT_EQ(cameo_of("The Syrian government is considering imposing sanctions on Turkey."), "014");
}

TEST(KnowledgeVerbs, FreedByIsAPassiveRelease) {
  // FREE's null "were free" (the adjective) does not block the passive with its agent.
  EXPECT_EQ(cameo_of("Italian soldiers were freed by Libyan forces."), "0841");
  EXPECT_EQ(target_of("Italian soldiers were freed by Libyan forces."), "ITAMIL");
  EXPECT_EQ(cameo_of("The elections were free and fair."), "(none)");
}

TEST(KnowledgeVerbs, BeginningAMilitaryOperation) {
  // Begun: an attack (190); announced with WILL: a threat of force (138).
  EXPECT_EQ(cameo_of("Turkey began a military operation against Kurdish militants."), "190");
  EXPECT_EQ(cameo_of("Turkey will begin a new military operation against Kurdish militants."),
            "138");
}

TEST(KnowledgeVerbs, DemandsBySomeoneAreTheirs) {
  // Yielding to or rejecting demands (083, 120) answers whoever made them, named after BY or
  // FROM, not a later place.
  EXPECT_EQ(target_of("Nepal's government accepted the demands by protesters in southern India."),
            "OPP");
}

TEST(KnowledgeVerbs, AssaultSurvivorsAreNoAssault) {
  // "assault survivors / victims" names people; the assault is no event of the sentence.
  EXPECT_EQ(cameo_of("Sexual assault survivors in Canberra criticized the government."), "111");
  EXPECT_EQ(cameo_of("Soldiers sexually assaulted women in Darfur."), "1821");
}

TEST(KnowledgeVerbs, DefendingAPlaceIsRightAfterTheVerb) {
  // DEFEND's nulls for a place defended by force hold right after the verb; a place later in
  // the clause does not block "defended X's decision" (052).
  EXPECT_EQ(cameo_of("Syrian troops defended the city against the rebels."), "(none)");
  EXPECT_EQ(cameo_of("Putin defended Russia's decision to send troops to the border."), "052");
}

TEST(KnowledgeVerbs, BeginningJointExercises) {
  // Beginning joint exercises is military cooperation between the partners (062, both ways),
  // as holding or conducting them is.
  EXPECT_EQ(cameo_of("Jordan and the United States began a new round of joint military exercises."),
            "062");
  EXPECT_EQ(target_of("Jordan and the United States began a new round of joint military exercises."),
            "USA");
  // Singular too; "military ... operations" far apart is no military operation (190).
  EXPECT_EQ(cameo_of("The Russian and US navies began a joint military exercise to test their "
                     "joint salvage operations at sea."),
            "062");
}

TEST(KnowledgeVerbs, APressBriefingIsNoStatementToThePlace) {
  // "a weekly / press briefing in X" names the occasion; BRIEF's "briefed X on" is not read
  // there, and the sentence's own verb gives the event.
  EXPECT_EQ(cameo_of("The Foreign Office during a weekly briefing in Islamabad on Thursday "
                     "welcomed the decision of India."),
            "051");
}

TEST(KnowledgeVerbs, SubmittingPetitionsIsAnAppeal) {
  // Submitting, signing or filing petitions (plural too) appeals to whom they go (020).
  EXPECT_EQ(cameo_of("The Green Party submitted reform petitions to the US Congress for "
                     "recognizing their party in Maryland."),
            "020");
  EXPECT_EQ(target_of("The Green Party submitted reform petitions to the US Congress for "
                      "recognizing their party in Maryland."),
            "USALEG");
}

TEST(KnowledgeVerbs, UrgingSomeoneIsAnAppealToThem) {
  // "X urged Y to ..." is X's appeal to Y (020), not Y's act; the specific appeals still win.
  EXPECT_EQ(cameo_of("Greece urged Turkey to accept the ruling of the International Court of "
                     "Justice."),
            "020");
  EXPECT_EQ(target_of("Greece urged Turkey to accept the ruling of the International Court of "
                      "Justice."),
            "TUR");
  EXPECT_EQ(cameo_of("Erdogan urged NATO to come to Turkey's aid."), "023");
}

TEST(KnowledgeVerbs, CallingForSanctionsIsAThreatOfSanctions) {
  // "called for sanctions against X" threatens X with sanctions (1312, as TABARI's CAMEO
  // dictionary codes it); "called for sanctions to be lifted" asks to ease them (0254).
  EXPECT_EQ(cameo_of("Greece called for sanctions against Turkey."), "1312");
  EXPECT_EQ(target_of("Greece called for sanctions against Turkey."), "TUR");
  EXPECT_EQ(cameo_of("Russia called for sanctions to be lifted."), "0254");
}

TEST(KnowledgeVerbs, EndingMediationWithSomeone) {
  // Ending mediation efforts with X halts mediation (165), not the mediation noun's 045.
  EXPECT_EQ(cameo_of("Qatar ended mediation efforts with Israel."), "165");
  EXPECT_EQ(cameo_of("US envoy William Burns ended mediation efforts in Egypt's political conflict."),
            "165");
}

TEST(KnowledgeVerbs, AgreeingToACeasefireIsAnIntent) {
  // Agreeing to a ceasefire is an intent to de-escalate (0356, both ways), as TABARI's CAMEO
  // dictionary codes it; declaring one is 0871.
  EXPECT_EQ(cameo_of("Armenia and Azerbaijan have agreed to a ceasefire."), "0356");
  EXPECT_EQ(cameo_of("The ELN declared a ceasefire."), "0871");
}

TEST(KnowledgeVerbs, AgreeingWithSomeoneIsRightAfterTheVerb) {
  // AGREE's "agree with X" (019) needs WITH right after the verb; a later WITH belongs to
  // what was agreed to ("agreed to open its borders with Gaza to allow humanitarian aid": an
  // intent, 0333).
  EXPECT_EQ(cameo_of("Israel has agreed to open its borders with Gaza to allow humanitarian aid in."),
            "0333");
  EXPECT_EQ(cameo_of("Officials said they agree with the EU on this."), "019");
}

TEST(KnowledgeVerbs, FutureYieldingWithAnObjectIsAnIntent) {
  // An object pattern with a yielding or cooperation code has the intent, refusal and demand
  // siblings of that code ("will withdraw its troops" 0356, not 0874 as if done).
  EXPECT_EQ(cameo_of("Russia will withdraw its troops from Syria."), "0356");
  EXPECT_EQ(cameo_of("Russia will not withdraw its troops from Syria."), "1246");
  EXPECT_EQ(cameo_of("Russia withdrew its troops from Syria."), "0874");
  // A future hostile act with an object is a threat ("will extend the curfew" 1323).
  EXPECT_EQ(cameo_of("The government will extend the current nightly curfew."), "1323");
  EXPECT_EQ(cameo_of("The EU will impose new sanctions on Russia."), "1312");
  EXPECT_EQ(cameo_of("The EU imposed new sanctions on Russia."), "163");
}

TEST(KnowledgeVerbs, LetFreeTargetsWhoIsFreed) {
  // "let free X": X is the one released (0841), not a later actor.
  EXPECT_EQ(target_of("Yemen let free activists in the face of Tunisia-inspired protesters."),
            "OPP");
}

TEST(KnowledgeVerbs, EstablishingTiesIsTheSubjectsAct) {
  // "X established diplomatic ties with Y" is X's recognition of Y (054, one record, as TABARI's
  // "ESTABLISH DIPLOMATIC_RELATIONS WITH +"); a compound subject establishes them mutually.
  EXPECT_EQ(code("Israel has established diplomatic ties with Bhutan.").size(), 1u);
  EXPECT_EQ(target_of("Israel has established diplomatic ties with Bhutan."), "BTN");
  EXPECT_EQ(code("Angola and Uruguay have established diplomatic relations.").size(), 2u);
}

TEST(KnowledgeVerbs, CondolencesGoToWhomTheyAreAddressed) {
  // Condolences TO X are sympathy for X (018), not for a later actor named "on behalf of".
  EXPECT_EQ(target_of("Taiwan expressed condolences to the family of the late judge on behalf of "
                      "the government of Taiwan."),
            "CVL");
}

TEST(KnowledgeVerbs, SaidTheyHopedThatIsTheEvent) {
  // "they hoped that X would ..." (a subject pronoun right before the verb) is an optimistic
  // comment (013) on X, not an act in a clause that describes X.
  EXPECT_EQ(cameo_of("Diplomats said they hoped that Gambari, who aims to secure the release of "
                     "political detainees and start a dialogue, would be in Myanmar in October."),
            "013");
  // Without THAT too: the hope, not the act hoped for ("could lift sanctions" as if done).
  EXPECT_EQ(cameo_of("President Reagan said he hoped the United States could lift trade "
                     "sanctions against Japan soon."),
            "013");
}

TEST(KnowledgeVerbs, SkepticalAboutIsAPessimisticComment) {
  // "is skeptical about / of X", "remains pessimistic that", "was optimistic about" are comments
  // on X (012, 013), regular events, not speech defaults that give way to a later act.
  EXPECT_EQ(cameo_of("The State Department said it is skeptical about Iranian motives in providing "
                     "cash payments to aides to Afghan President Hamid Karzai."),
            "012");
  EXPECT_EQ(target_of("The State Department said it is skeptical about Iranian motives in providing "
                      "cash payments to aides to Afghan President Hamid Karzai."),
            "IRN");
}

TEST(KnowledgeVerbs, MobilizingTroopsAgainstIsAForcePosture) {
  // Troops mobilized for a move against X are a force posture (154); "mobilized against X"
  // right after the verb rallies opposition (113).
  EXPECT_EQ(cameo_of("The Israeli military has mobilized troops for a possible order to move "
                     "against Syria."),
            "154");
  EXPECT_EQ(cameo_of("The opposition mobilized against the government."), "113");
}

TEST(KnowledgeVerbs, DeclaringIndependenceIsRightAfterTheVerb) {
  // DECLARE's "independence" and "victory" (010) hold right after the verb; a later
  // "independence leader" does not turn a declared state of siege into a statement.
  EXPECT_EQ(cameo_of("The UN declared a state of siege in Katanga pending a manhunt for missing "
                     "independence leader Patrice Lumumba."),
            "1724");
  EXPECT_EQ(cameo_of("Kosovo declared independence."), "010");
}

TEST(KnowledgeVerbs, WithdrawingPeacekeepersFromAPlace) {
  // Peacekeepers withdrawn from a place are withdrawn peacekeepers (1661), not troops
  // withdrawn from the border (0874, "FROM_ THE_BORDER" weighs more than "PEACEKEEPERS").
  EXPECT_EQ(cameo_of("The UN withdrew peacekeepers from one of its stations along the border."),
            "1661");
}

TEST(KnowledgeVerbs, ACompoundThatWillMeetMeetsEachOther) {
  // "A and B will meet" is the intent of each to meet the other (036 both ways), not of B to
  // meet the place ("in Helsinki", "in the Oval Office").
  EXPECT_EQ(target_of("Trump and Putin will meet in Helsinki.", "2018-07-01"), "RUSGOV");
  EXPECT_EQ(code("Trump and Putin will meet in Helsinki.", "2018-07-01").size(), 2u);
}

TEST(KnowledgeVerbs, SearchAndRescueTeamsAreHumanitarianAid) {
  // Search-and-rescue teams sent or deployed are humanitarian aid (073), as rescue teams are;
  // the AND inside the compound does not end the pattern.
  EXPECT_EQ(cameo_of("USAID deployed seven search-and-rescue teams to Haiti."), "073");
}

TEST(KnowledgeVerbs, CuttingTariffsEasesTradeSanctions) {
  // Cutting tariffs or sanctions eases them (085), as reducing them does; "will cut" 0354.
  EXPECT_EQ(cameo_of("Taiwan cut import tariffs on some 1,700 foreign products."), "085");
  EXPECT_EQ(cameo_of("Japan will cut tariffs on US beef."), "0354");
}

TEST(KnowledgeVerbs, NominalObjects) {
  EXPECT_EQ(cameo_of("Peru returned looted antiquities to Italy."), "0842");
  EXPECT_EQ(cameo_of("Brazil opened fraud investigations into Venezuelan officials."), "090");
  EXPECT_EQ(cameo_of("Greece filed a libel lawsuit against Turkish officials."), "115");
  EXPECT_EQ(cameo_of("Venezuela closed its land borders with Colombia."), "191");
  EXPECT_EQ(cameo_of("Denmark cancelled a planned visit to the United States."), "125");
  EXPECT_EQ(cameo_of("Colombian truckers called off a four-day strike."), "082");
}

}  // namespace
}  // namespace dyad
