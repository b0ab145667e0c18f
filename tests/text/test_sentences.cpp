// Tests of text::split_sentences.

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"

namespace {

using dyad::text::Span;
using dyad::text::split_sentences;

std::vector<std::string> Split(std::string_view doc) {
  std::vector<Span> spans;
  split_sentences(doc, spans);
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(doc.substr(s.start, s.end - s.start));
  return out;
}

bool IsAsciiSpace(char c) {
  return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F;
}

// Spans are ordered, disjoint, non-empty, inside the document and never start or end with
// ASCII white space or NBSP.
void CheckSpans(std::string_view doc, const std::vector<Span>& spans) {
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    ASSERT_LT(s.start, s.end);
    ASSERT_LE(s.end, doc.size());
    ASSERT_LE(prev_end, s.start);
    EXPECT_FALSE(IsAsciiSpace(doc[s.start])) << s.start;
    EXPECT_FALSE(IsAsciiSpace(doc[s.end - 1])) << s.end;
    EXPECT_NE(doc.substr(s.start, 2), "\xC2\xA0");
    if (s.end >= 2) {
      EXPECT_NE(doc.substr(s.end - 2, 2), "\xC2\xA0");
    }
    prev_end = s.end;
  }
}

TEST(TextSentences, EmptyAndBlankInput) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split("   \n\n \t\r\n  ").empty());
  EXPECT_TRUE(Split("\xC2\xA0\xE2\x80\x89\xE3\x80\x80").empty());  // NBSP, thin space, U+3000
}

TEST(TextSentences, SimpleSentences) {
  EXPECT_EQ(
      Split("The army moved. The navy stayed! Why? Nobody knows."),
      (std::vector<std::string>{"The army moved.", "The navy stayed!", "Why?", "Nobody knows."}));
}

TEST(TextSentences, SpansExcludeSurroundingWhiteSpace) {
  const std::string doc = "  \t First one.   Second one.  \n ";
  std::vector<Span> spans;
  split_sentences(doc, spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].start, 4u);
  EXPECT_EQ(spans[0].end, 14u);
  EXPECT_EQ(spans[1].start, 17u);
  EXPECT_EQ(spans[1].end, 28u);
  CheckSpans(doc, spans);
}

TEST(TextSentences, AppendsWithoutClearing) {
  std::vector<Span> spans{{7, 9}};
  split_sentences("One. Two.", spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].start, 7u);
  EXPECT_EQ(spans[2].start, 5u);
}

TEST(TextSentences, NoSplitBeforeLowerCase) {
  EXPECT_EQ(Split("It rose 5 pct. to 10 dlrs. in March.").size(), 1u);
  EXPECT_EQ(Split("He said no. and then left.").size(), 1u);
  EXPECT_EQ(Split("\"Why?\" he asked. \"Now!\" she said.").size(), 2u);
}

TEST(TextSentences, NoSplitWithoutWhiteSpace) {
  EXPECT_EQ(Split("See reuters.com.The end and 5.93 mln.").size(), 1u);
}

TEST(TextSentences, DigitStartsSentence) {
  EXPECT_EQ(Split("Exports fell. 1987 was worse."),
            (std::vector<std::string>{"Exports fell.", "1987 was worse."}));
}

TEST(TextSentences, TitlesDoNotEndSentences) {
  const char* titles[] = {"Mr",   "Mrs", "Ms",   "Dr",  "Gen", "Col",  "Lt",   "Maj",  "Capt",
                          "Sgt",  "Adm", "Cmdr", "Gov", "Sen", "Rep",  "Rev",  "Prof", "St",
                          "Pres", "Amb", "Brig", "Cpl", "Pvt", "Supt", "Insp", "Hon",  "Messrs"};
  for (const char* t : titles) {
    const std::string doc = std::string("Yesterday ") + t + ". Smith arrived. The talks ended.";
    EXPECT_EQ(Split(doc).size(), 2u) << doc;
  }
}

TEST(TextSentences, SenatorSaidThenNewSentence) {
  EXPECT_EQ(Split("Sen. John Smith said. The next day he left."),
            (std::vector<std::string>{"Sen. John Smith said.", "The next day he left."}));
}

TEST(TextSentences, MonthsDoNotEndSentences) {
  const char* months[] = {"Jan", "Feb", "Mar",  "Apr", "Jun", "Jul",
                          "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"};
  for (const char* m : months) {
    const std::string doc = std::string("On ") + m + ". 5 the army moved. Talks followed.";
    EXPECT_EQ(Split(doc).size(), 2u) << doc;
    const std::string doc2 = std::string("Since ") + m + ". Exports have risen. Talks followed.";
    EXPECT_EQ(Split(doc2).size(), 2u) << doc2;
  }
}

TEST(TextSentences, NumberAbbreviation) {
  EXPECT_EQ(Split("He lives at No. 10 Downing Street. Nos. 3 and 4 are empty.").size(), 2u);
  // "No." before a non-number is the word no.
  EXPECT_EQ(Split("The answer was No. The vote failed.").size(), 2u);
  EXPECT_EQ(Split("See Vol. 3 of the report. It is long.").size(), 2u);
}

TEST(TextSentences, Initials) {
  EXPECT_EQ(
      Split("J.F. Kennedy was elected. George W. Bush was too. Then H. G. Wells wrote.").size(),
      3u);
  // An initial is weak like U.S.: only a common sentence starter after it ends the sentence.
  EXPECT_EQ(Split("It was Plan B. Nobody liked it.").size(), 1u);
  EXPECT_EQ(Split("It ended World War I. The peace was short.").size(), 2u);
  EXPECT_EQ(Split("Ivan I. Petrov and John A. Smith met.").size(), 1u);
}

TEST(TextSentences, DottedAcronymsSplitOnlyBeforeSentenceStarters) {
  EXPECT_EQ(Split("The U.S. Army and the U.N. Security Council met.").size(), 1u);
  EXPECT_EQ(Split("Talks with the U.K. Foreign Office and E.U. officials ended.").size(), 1u);
  EXPECT_EQ(Split("Troops left the U.S. The president said so."),
            (std::vector<std::string>{"Troops left the U.S.", "The president said so."}));
  EXPECT_EQ(Split("He met the U.N. However, nothing was agreed.").size(), 2u);
  EXPECT_EQ(Split("He flew to the U.S. \"The talks failed,\" he said.").size(), 2u);
  // Ambiguous: a capitalized word that is not a common sentence starter keeps the sentence.
  EXPECT_EQ(Split("He flew to the U.S. Officials met him.").size(), 1u);
  EXPECT_EQ(Split("U.S.-led forces moved. Then they stopped.").size(), 2u);
}

TEST(TextSentences, PreTokenizedPeriodsAfterTitlesAndInNumbers) {
  // A tokenizer that split the period off a title, a month or a number keeps the sentence.
  EXPECT_EQ(Split("Sen . Mitch McConnell says he is pessimistic .").size(), 1u);
  EXPECT_EQ(Split("Workers stopped work on Dec . 10 in a strike .").size(), 1u);
  EXPECT_EQ(Split("Germany gave 352 . 5 million euros to Ethiopia .").size(), 1u);
  // Other spaced periods still end a sentence.
  EXPECT_EQ(Split("Troops left the town . The president said so .").size(), 2u);
  EXPECT_EQ(Split("Prices rose 5 percent . Companies closed .").size(), 2u);
  // The price: a sentence opening with a number after one ending with a number stays joined.
  EXPECT_EQ(Split("Prices rose 5 . 2 companies closed .").size(), 1u);
  // Initials split the same way: "U . K .", "George H . W . Bush".
  EXPECT_EQ(Split("Kenya signed an agreement with the U . K . to keep trade .").size(), 1u);
  EXPECT_EQ(Split("He praised George H . W . Bush on Friday .").size(), 1u);
  // A single capital letter alone before a spaced period still ends a sentence.
  EXPECT_EQ(Split("They chose plan B . The vote was close .").size(), 2u);
}

TEST(TextSentences, CompanySuffixes) {
  EXPECT_EQ(Split("Acme Inc. said profits rose.").size(), 1u);
  EXPECT_EQ(Split("Shares of Acme Corp. Ltd. rose.").size(), 1u);
  EXPECT_EQ(Split("He works for Acme Co. The firm is large.").size(), 2u);
  EXPECT_EQ(Split("He works for Acme Ltd. It is large.").size(), 2u);
  EXPECT_EQ(Split("Jones Bros. Holdings rose.").size(), 1u);
}

TEST(TextSentences, EtceteraCanEndASentence) {
  EXPECT_EQ(Split("They seized rifles, mortars, etc. The army denied it.").size(), 2u);
  EXPECT_EQ(Split("They seized rifles, mortars, etc. and left.").size(), 1u);
}

TEST(TextSentences, LatinAbbreviations) {
  EXPECT_EQ(
      Split("Some papers, e.g. The Guardian, agreed. Others, i.e. The Times, did not.").size(), 2u);
  EXPECT_EQ(Split("It was Roe v. Wade. Then Smith vs. Jones. It was approx. Ten people.").size(),
            3u);
  EXPECT_EQ(Split("They met at 10 a.m. The talks lasted long.").size(), 2u);
  EXPECT_EQ(Split("They met at 10 a.m. GMT on Friday.").size(), 1u);
}

TEST(TextSentences, QuotesAndBracketsAfterPeriod) {
  EXPECT_EQ(Split("He said: \"We will win.\" Then he left."),
            (std::vector<std::string>{"He said: \"We will win.\"", "Then he left."}));
  EXPECT_EQ(
      Split("He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D Then he left."),
      (std::vector<std::string>{"He said: \xE2\x80\x9CWe will win.\xE2\x80\x9D", "Then he left."}));
  EXPECT_EQ(Split("She said 'no.' Nobody else spoke.").size(), 2u);
  EXPECT_EQ(Split("(See below.) The end.").size(), 2u);
  EXPECT_EQ(Split("He left. \"We are done,\" he said.").size(), 2u);
  EXPECT_EQ(Split("He left. \xE2\x80\x9CWe are done,\xE2\x80\x9D he said.").size(), 2u);
  EXPECT_EQ(Split("He left. (Reporting by Jane Doe)").size(), 2u);
  EXPECT_EQ(Split("Really?! Yes.").size(), 2u);
  EXPECT_EQ(Split("He paused... Then he spoke.").size(), 2u);
}

TEST(TextSentences, ParagraphBreaksAlwaysEndSentences) {
  EXPECT_EQ(Split("Headline without period\n\nbody text starts here."),
            (std::vector<std::string>{"Headline without period", "body text starts here."}));
  EXPECT_EQ(Split("one\r\n\r\ntwo").size(), 2u);
  EXPECT_EQ(Split("one\n   \t \ntwo").size(), 2u);
  EXPECT_EQ(Split("one\n \r\n\n\n  two").size(), 2u);
  EXPECT_EQ(Split("one\n\xC2\xA0\ntwo").size(), 2u);        // a line holding only a NBSP
  EXPECT_EQ(Split("one\xE2\x80\xA9two").size(), 2u);        // U+2029 PARAGRAPH SEPARATOR
  EXPECT_EQ(Split("Talks with Gen.\n\nSmith").size(), 2u);  // even after an abbreviation
}

TEST(TextSentences, LineBreakInsideParagraphIsWhiteSpace) {
  EXPECT_EQ(Split("The army\nmoved on\r\nFriday. The navy\nstayed."),
            (std::vector<std::string>{"The army\nmoved on\r\nFriday.", "The navy\nstayed."}));
  EXPECT_EQ(Split("Gen.\nSmith arrived.").size(), 1u);
  EXPECT_EQ(Split("It ended.\nThen it began.").size(), 2u);
}

TEST(TextSentences, UnicodeWhiteSpaceAndCapitals) {
  // NBSP after the period; a sentence starting with an accented capital.
  EXPECT_EQ(Split("It ended.\xC2\xA0\xC3\x96zil scored."),
            (std::vector<std::string>{"It ended.", "\xC3\x96zil scored."}));
  // A lower-case accented letter does not start a sentence.
  EXPECT_EQ(Split("It ended. \xC3\xA9t\xC3\xA9 came.").size(), 1u);
  // Guillemet opening a quotation.
  EXPECT_EQ(Split("It ended. \xC2\xABNo,\xC2\xBB he said.").size(), 2u);
}

TEST(TextSentences, InvalidUtf8DoesNotCrash) {
  const std::string doc = "Bad \xFF\xFE bytes. \xC3 More\xE2\x80. Truncated \xF0\x9F";
  std::vector<Span> spans;
  split_sentences(doc, spans);
  CheckSpans(doc, spans);
  EXPECT_EQ(spans.size(), 2u);
}

// The reference article (Trend, Baku, 2019-07-11): long sentences with many commas.
constexpr const char* kReferenceArticle =
    " date 2019-07-11 Baku, Azerbaijan, July 11\n\nTrend:\n\n"
    "First Deputy Minister of Defense of the Republic of Azerbaijan, Chief of the General Staff "
    "of the Armed Forces, Colonel General Najmaddin Sadikov met with the delegation led by the "
    "Chief of General Staff of the Armed Forces of the Russian Federation, First Deputy Minister "
    "of Defense, General of the Army Valery Gerasimov on July 10, Trend reports referring to the "
    "Azerbaijani Defense Ministry.\n\n"
    "Colonel General Najmaddin Sadikov welcoming the guests stressed the important role of the "
    "heads of state in establishing relations between the two countries and noted that their "
    "cooperation is based on friendly relations, mutual trust. He added that these relations are "
    "developed and reached the level of strategic partnership in recent years.\n\n"
    "Referring to the military-political situation and security issues in the region, Colonel "
    "General Najmaddin Sadikov noted that the Nagorno-Karabakh conflict is the main threat to "
    "regional security. Colonel General Sadikov emphasized the importance of resolving the "
    "conflict within the territorial integrity of Azerbaijan, and on the basis of the norms and "
    "principles of international law.\n\n"
    "Valery Gerasimov also noted that the relations between the two countries have historical "
    "roots, and they are strategic partners. He emphasized the importance of organization of "
    "mutual meetings between military representatives in terms of expansion of bilateral "
    "relations, as well as military and military-technical cooperation.\n\n"
    "Then the sides discussed the current state of the military and military-technical "
    "cooperation, prospects of development of relations in the field of military education, as "
    "well as exchanged views on the issues of mutual interest.\n\n"
    "General of the Army Valery Gerasimov expressed deep gratitude to the leadership of "
    "Azerbaijan for the excellent hospitality and organization of bilateral meeting with Supreme "
    "Allied Commander Europe (SACEUR) in Baku.\n\n"
    "Follow Trend on Telegram. Only most interesting and important news";

TEST(TextSentences, ReferenceArticle) {
  const auto s = Split(kReferenceArticle);
  ASSERT_EQ(s.size(), 13u);
  EXPECT_EQ(s[0], "date 2019-07-11 Baku, Azerbaijan, July 11");
  EXPECT_EQ(s[1], "Trend:");
  EXPECT_EQ(s[2].substr(0, 32), "First Deputy Minister of Defense");
  EXPECT_EQ(s[2].substr(s[2].size() - 29), "Azerbaijani Defense Ministry.");
  EXPECT_EQ(s[4],
            "He added that these relations are developed and reached the level of "
            "strategic partnership in recent years.");
  EXPECT_EQ(s[11], "Follow Trend on Telegram.");
  EXPECT_EQ(s[12], "Only most interesting and important news");
}

TEST(TextSentences, ReferenceArticleFileIfPresent) {
#ifdef DYAD_SHARED_DIR
  const std::string path = std::string(DYAD_SHARED_DIR) + "/examples/000_05bb3df416e97f7a.txt";
#else
  const std::string path = "../shared/examples/000_05bb3df416e97f7a.txt";
#endif
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "no " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  std::vector<Span> spans;
  split_sentences(doc, spans);
  CheckSpans(doc, spans);
  EXPECT_EQ(spans.size(), 13u);
}

TEST(TextSentences, RandomDocumentsKeepInvariants) {
  const char* pieces[] = {"The",
                          "army",
                          "U.S.",
                          "Gen.",
                          "No.",
                          "5",
                          ".",
                          "!",
                          "?",
                          "\"",
                          "'",
                          "\n",
                          "\n\n",
                          " ",
                          "  ",
                          "\r\n",
                          "\xE2\x80\x9D",
                          "\xE2\x80\x9C",
                          "(",
                          ")",
                          "\xC2\xA0",
                          "\xE2\x80\xA9",
                          "\xFF",
                          "\xC3",
                          "etc.",
                          "J.",
                          "x"};
  std::mt19937 rng(42);
  for (int iter = 0; iter < 3000; ++iter) {
    std::string doc;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      doc += pieces[rng() % std::size(pieces)];
      if (rng() % 2) doc += ' ';
    }
    std::vector<Span> spans;
    split_sentences(doc, spans);
    CheckSpans(doc, spans);
  }
}

}  // namespace
