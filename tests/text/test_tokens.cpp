// Tests of text::tokenize and text::key_of_phrase on ASCII text, including a differential test
// against a deliberately simple reference tokenizer.

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "text/text.h"

namespace {

using dyad::text::key_of_phrase;
using dyad::text::Span;
using dyad::text::Token;
using dyad::text::TokenBuffer;
using dyad::text::tokenize;
using dyad::text::TokenKind;

struct Tok {
  std::string text;  // the span's bytes
  TokenKind kind;
  std::string key;
};

std::vector<Tok> Tokens(std::string_view text) {
  TokenBuffer buf;
  tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, buf);
  std::vector<Tok> out;
  for (const Token& t : buf.tokens) {
    out.push_back({std::string(text.substr(t.span.start, t.span.end - t.span.start)), t.kind,
                   std::string(buf.key(t))});
  }
  return out;
}

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  for (const Tok& t : Tokens(text)) out.push_back(t.key);
  return out;
}

using Keyv = std::vector<std::string>;

TEST(TextTokens, EmptyInput) {
  EXPECT_TRUE(Tokens("").empty());
  EXPECT_TRUE(Tokens("  \n\t ").empty());
  TokenBuffer buf;
  tokenize("abc", Span{2, 1}, buf);  // inverted span
  tokenize("abc", Span{5, 9}, buf);  // beyond the text
  EXPECT_EQ(buf.size(), 0u);
}

TEST(TextTokens, SimpleSentence) {
  const auto t = Tokens("Russia, Azerbaijan (Baku) agreed: \"Yes!\"");
  ASSERT_EQ(t.size(), 12u);
  EXPECT_EQ(t[0].key, "RUSSIA");
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kComma);
  EXPECT_EQ(t[3].kind, TokenKind::kParen);
  EXPECT_EQ(t[3].key, "(");
  EXPECT_EQ(t[7].kind, TokenKind::kColon);
  EXPECT_EQ(t[8].kind, TokenKind::kQuote);
  EXPECT_EQ(t[8].key, "\"");
  EXPECT_EQ(t[10].kind, TokenKind::kPeriod);
  EXPECT_EQ(t[10].key, "!");
  EXPECT_EQ(t[11].kind, TokenKind::kQuote);
}

TEST(TextTokens, SpansPointIntoTheSentenceOfTheDocument) {
  const std::string doc = "Skip this. Gen. Sadikov met Gerasimov's team in the U.S. today.";
  TokenBuffer buf;
  tokenize(doc, Span{11, static_cast<uint32_t>(doc.size())}, buf);
  ASSERT_FALSE(buf.tokens.empty());
  EXPECT_EQ(buf.tokens[0].span.start, 11u);
  std::vector<std::string> texts;
  for (const Token& t : buf.tokens) {
    ASSERT_LE(t.span.end, doc.size());
    texts.emplace_back(doc.substr(t.span.start, t.span.end - t.span.start));
  }
  EXPECT_EQ(texts, (Keyv{"Gen.", "Sadikov", "met", "Gerasimov", "'s", "team", "in", "the", "U.S.",
                         "today", "."}));
  EXPECT_EQ(buf.key(0), "GEN");
  EXPECT_EQ(buf.key(8), "US");
}

TEST(TextTokens, BufferIsReusedAndAppended) {
  TokenBuffer buf;
  const std::string a = "One two";
  tokenize(a, Span{0, 7}, buf);
  tokenize(a, Span{4, 7}, buf);
  ASSERT_EQ(buf.size(), 3u);
  EXPECT_EQ(buf.key(2), "TWO");
  buf.clear();
  EXPECT_EQ(buf.size(), 0u);
  EXPECT_TRUE(buf.keys.empty());
}

TEST(TextTokens, CapitalizationFlags) {
  TokenBuffer buf;
  const std::string s = "Baku NATO x A U.S. SACEUR's 1980s";
  tokenize(s, Span{0, static_cast<uint32_t>(s.size())}, buf);
  ASSERT_EQ(buf.size(), 8u);
  EXPECT_TRUE(buf.tokens[0].capitalized);
  EXPECT_FALSE(buf.tokens[0].all_caps);
  EXPECT_TRUE(buf.tokens[1].all_caps);
  EXPECT_FALSE(buf.tokens[2].capitalized);
  EXPECT_TRUE(buf.tokens[3].capitalized);
  EXPECT_FALSE(buf.tokens[3].all_caps);  // one letter is not "all caps"
  EXPECT_TRUE(buf.tokens[4].all_caps);   // U.S.
  EXPECT_TRUE(buf.tokens[5].all_caps);   // SACEUR
  EXPECT_EQ(buf.tokens[6].kind, TokenKind::kPossessive);
  EXPECT_FALSE(buf.tokens[7].capitalized);
}

TEST(TextTokens, Possessives) {
  EXPECT_EQ(Keys("Israel's army"), (Keyv{"ISRAEL", "'S", "ARMY"}));
  EXPECT_EQ(Keys("ISRAEL'S ARMY"), (Keyv{"ISRAEL", "'S", "ARMY"}));
  EXPECT_EQ(Keys("the ministers' meeting"), (Keyv{"THE", "MINISTERS", "'S", "MEETING"}));
  EXPECT_EQ(Keys("Azerbaijan's"), (Keyv{"AZERBAIJAN", "'S"}));
  const auto t = Tokens("Jones's car");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "'s");
  EXPECT_EQ(t[1].kind, TokenKind::kPossessive);
  EXPECT_EQ(Tokens("ministers'")[1].text, "'");
  EXPECT_EQ(Keys("U.S.'s role"), (Keyv{"US", "'S", "ROLE"}));
  // Text split into tokens and joined with spaces (CoNLL-style gold).
  EXPECT_EQ(Keys("the government 's request"), (Keyv{"THE", "GOVERNMENT", "'S", "REQUEST"}));
  EXPECT_EQ(Keys("Netanyahu \u2019 s office"), (Keyv{"NETANYAHU", "'S", "OFFICE"}));
  EXPECT_EQ(Keys("he said 'so be it'"), (Keyv{"HE", "SAID", "\"", "SO", "BE", "IT", "\""}));
}

TEST(TextTokens, ApostrophesInsideWordsAndQuotes) {
  EXPECT_EQ(Keys("don't O'Brien"), (Keyv{"DON'T", "O'BRIEN"}));
  EXPECT_EQ(Keys("'Yes,' he said"), (Keyv{"\"", "YES", ",", "\"", "HE", "SAID"}));
  EXPECT_EQ(Tokens("'No'")[2].kind, TokenKind::kQuote);
  EXPECT_EQ(Keys("the 'ayes'"), (Keyv{"THE", "\"", "AYES", "'S"}));  // documented ambiguity
  EXPECT_EQ(Keys("Israel's'"), (Keyv{"ISRAEL", "'S", "\""}));
  EXPECT_EQ(Keys("''quoted''"), (Keyv{"\"", "\"", "QUOTED", "\"", "\""}));
  EXPECT_EQ(Keys("``quoted''"), (Keyv{"\"", "\"", "QUOTED", "\"", "\""}));
}

TEST(TextTokens, HyphenatedWordsAreSplit) {
  EXPECT_EQ(Keys("Nagorno-Karabakh"), (Keyv{"NAGORNO", "KARABAKH"}));
  EXPECT_EQ(Keys("military-technical cooperation"), (Keyv{"MILITARY", "TECHNICAL", "COOPERATION"}));
  EXPECT_EQ(Keys("a 30-year-old F-16"), (Keyv{"A", "30", "YEAR", "OLD", "F", "16"}));
  EXPECT_EQ(Keys("U.S.-led"), (Keyv{"US", "LED"}));
  const auto t = Tokens("Nagorno-Karabakh");
  EXPECT_EQ(t[1].text, "Karabakh");
}

TEST(TextTokens, FreeStandingDashes) {
  const auto t = Tokens("Baku - Moscow -- talks --- ended -");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[1].kind, TokenKind::kDash);
  EXPECT_EQ(t[1].key, "-");
  EXPECT_EQ(t[3].text, "--");
  EXPECT_EQ(t[5].text, "---");
  EXPECT_EQ(t[7].kind, TokenKind::kDash);
  EXPECT_EQ(Keys("pre- and post-war"), (Keyv{"PRE", "-", "AND", "POST", "WAR"}));
  EXPECT_EQ(Keys("-5"), (Keyv{"-", "5"}));
  EXPECT_EQ(Keys("word--word"), (Keyv{"WORD", "-", "WORD"}));
}

TEST(TextTokens, Numbers) {
  const auto t = Tokens("1,000 3.5 2019-07-11 10/12/2019 1980s 5.");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_EQ(t[0].text, "1,000");
  EXPECT_EQ(t[0].kind, TokenKind::kNumber);
  EXPECT_EQ(t[1].text, "3.5");
  EXPECT_EQ(t[2].text, "2019-07-11");
  EXPECT_EQ(t[3].text, "10/12/2019");
  EXPECT_EQ(t[4].key, "1980S");
  EXPECT_EQ(t[4].kind, TokenKind::kNumber);
  EXPECT_EQ(t[5].text, "5");
  EXPECT_EQ(t[6].kind, TokenKind::kPeriod);
  EXPECT_EQ(Keys("$1.5 billion, 12%"), (Keyv{"$", "1.5", "BILLION", ",", "12", "%"}));
  EXPECT_EQ(Keys("1,000,"), (Keyv{"1,000", ","}));
  EXPECT_EQ(Keys("G7 F16"), (Keyv{"G7", "F16"}));
  EXPECT_EQ(Tokens("G7")[0].kind, TokenKind::kWord);
}

TEST(TextTokens, AbbreviationsKeepTheirPeriod) {
  const auto t = Tokens("Gen. Col. Lt. Mr. Jan. 5 ends.");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0].text, "Gen.");
  EXPECT_EQ(t[0].key, "GEN");
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].key, "COL");
  EXPECT_EQ(t[2].key, "LT");
  EXPECT_EQ(t[3].key, "MR");
  EXPECT_EQ(t[4].text, "Jan.");
  EXPECT_EQ(t[6].text, "ends");
  EXPECT_EQ(t[7].text, ".");
  EXPECT_EQ(t[7].kind, TokenKind::kPeriod);
  // Lower-case "gen." is a word and a sentence period.
  EXPECT_EQ(Keys("gen."), (Keyv{"GEN", "."}));
  EXPECT_EQ(Keys("GEN. SMITH"), (Keyv{"GEN", "SMITH"}));
  EXPECT_EQ(Keys("Acme Inc."), (Keyv{"ACME", "INC"}));
  EXPECT_EQ(Keys("bombs, etc."), (Keyv{"BOMBS", ",", "ETC"}));
}

TEST(TextTokens, NumberAbbreviationNeedsANumber) {
  EXPECT_EQ(Keys("No. 10 Downing"), (Keyv{"NO", "10", "DOWNING"}));
  EXPECT_EQ(Tokens("No. 10")[0].text, "No.");
  EXPECT_EQ(Keys("said No."), (Keyv{"SAID", "NO", "."}));
}

TEST(TextTokens, DottedAcronymsAndInitials) {
  EXPECT_EQ(Keys("U.S. U.N. U.K. E.U. U.S.A."), (Keyv{"US", "UN", "UK", "EU", "USA"}));
  EXPECT_EQ(Keys("J.F. Kennedy"), (Keyv{"JF", "KENNEDY"}));
  EXPECT_EQ(Keys("George W. Bush"), (Keyv{"GEORGE", "W", "BUSH"}));
  EXPECT_EQ(Tokens("George W. Bush")[1].text, "W.");
  EXPECT_EQ(Keys("e.g. i.e. a.m."), (Keyv{"EG", "IE", "AM"}));
  EXPECT_EQ(Keys("U.S"), (Keyv{"US"}));
  EXPECT_EQ(Keys("U.S.Army"), (Keyv{"US", "ARMY"}));
  EXPECT_EQ(Keys("reuters.com."), (Keyv{"REUTERS", ".", "COM", "."}));
  EXPECT_EQ(Keys("Wait..."), (Keyv{"WAIT", "..."}));
  const auto t = Tokens("the U.S.");
  ASSERT_EQ(t.size(), 2u);  // the acronym keeps its final period even at the sentence end
  EXPECT_EQ(t[1].text, "U.S.");
}

TEST(TextTokens, OtherSymbols) {
  EXPECT_EQ(Keys("AT&T #1 a/b"), (Keyv{"AT", "&", "T", "#", "1", "A", "/", "B"}));
  EXPECT_EQ(Tokens("&")[0].kind, TokenKind::kOther);
  EXPECT_EQ(Tokens("<IBM>")[0].kind, TokenKind::kOther);
  // ASCII control characters are white space.
  EXPECT_EQ(Keys(std::string("a\x01\x7F"
                             "b",
                             4)),
            (Keyv{"A", "B"}));
}

TEST(TextKeyOfPhrase, FoldsLikeTokenize) {
  EXPECT_EQ(key_of_phrase("ISRAEL'S"), "ISRAEL 'S");
  EXPECT_EQ(key_of_phrase("GOD'S_FORGIVENESS"), "GOD 'S FORGIVENESS");
  EXPECT_EQ(key_of_phrase("U.S._"), "US");
  EXPECT_EQ(key_of_phrase("+U.S.A._"), "+ USA");
  EXPECT_EQ(key_of_phrase("NAGORNO-KARABAKH"), "NAGORNO KARABAKH");
  EXPECT_EQ(key_of_phrase("  united_states__of  america  "), "UNITED STATES OF AMERICA");
  EXPECT_EQ(key_of_phrase("JOHN F. KENNEDY"), "JOHN F KENNEDY");
  EXPECT_EQ(key_of_phrase("Gen. Sadikov"), "GEN SADIKOV");
  EXPECT_EQ(key_of_phrase("MINISTERS'"), "MINISTERS 'S");
  EXPECT_EQ(key_of_phrase("military-technical_cooperation"), "MILITARY TECHNICAL COOPERATION");
  EXPECT_EQ(key_of_phrase(""), "");
  EXPECT_EQ(key_of_phrase(" _ "), "");
}

// ------------------------------------------------------------------------------------------------
// Differential test: an obvious, slow reference tokenizer for ASCII text.

struct RefTok {
  uint32_t start, end;
  TokenKind kind;
  std::string key;
  bool capitalized, all_caps;
};

bool RefSpace(char c) {
  // '_' separates words, as dictionaries write them ("Dol_Amroth" = DOL AMROTH).
  return static_cast<unsigned char>(c) <= ' ' || c == 127 || c == '_';
}
bool RefAlnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string RefUpper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// Is the word w (letters) followed by the period at text[dot] an abbreviation?
bool RefAbbreviation(const std::string& w, const std::string& text, size_t dot) {
  static const std::set<std::string> kTitleCase = {
      "MR",   "MRS",  "MS",   "DR",   "GEN",   "GENS",   "COL",  "LT",   "LIEUT", "MAJ",
      "CAPT", "SGT",  "ADM",  "CMDR", "COMDR", "GOV",    "GOVS", "SEN",  "SENS",  "REP",
      "REPS", "REV",  "PROF", "ST",   "MT",    "FT",     "PRES", "AMB",  "BRIG",  "CPL",
      "PVT",  "SUPT", "INSP", "HON",  "RT",    "MESSRS", "MME",  "SR",   "JR",    "JAN",
      "FEB",  "MAR",  "APR",  "JUN",  "JUL",   "AUG",    "SEP",  "SEPT", "OCT",   "NOV",
      "DEC",  "VOL",  "CO",   "COS",  "CORP",  "INC",    "LTD",  "BROS"};
  static const std::set<std::string> kAnyCase = {"VS", "ETC", "APPROX"};
  for (char c : w) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  if (w.size() == 1 && std::isupper(static_cast<unsigned char>(w[0]))) return true;
  if (w == "v") return true;
  const std::string up = RefUpper(w);
  if (kAnyCase.count(up)) return true;
  if (!std::isupper(static_cast<unsigned char>(w[0]))) return false;
  if (kTitleCase.count(up)) return true;
  if (up == "NO" || up == "NOS") {
    size_t k = dot + 1;
    while (k < text.size() && RefSpace(text[k])) ++k;
    return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]));
  }
  return false;
}

// Length of the dotted acronym at s[i]: two or more "letter." groups, or one or more groups and
// then a last letter that is not followed by a letter, digit or period ("U.S"). 0 if none.
size_t RefAcronym(const std::string& s, size_t i) {
  auto alpha = [&](size_t k) {
    return k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]));
  };
  size_t groups = 0;
  while (alpha(i + 2 * groups) && i + 2 * groups + 1 < s.size() && s[i + 2 * groups + 1] == '.') {
    ++groups;
  }
  const size_t j = i + 2 * groups;
  if (groups >= 1 && alpha(j) && !(j + 1 < s.size() && (RefAlnum(s[j + 1]) || s[j + 1] == '.'))) {
    return 2 * groups + 1;
  }
  return groups >= 2 ? 2 * groups : 0;
}

// The end of "'s" or "' s" at i when a space follows it, else 0.
size_t SpacedPossessiveEnd(const std::string& s, size_t i) {
  const size_t at = i + 1 < s.size() && s[i + 1] == ' ' ? i + 2 : i + 1;
  return at + 1 < s.size() && (s[at] == 's' || s[at] == 'S') && s[at + 1] == ' ' ? at + 1 : 0;
}

std::vector<RefTok> RefTokenize(const std::string& s) {
  std::vector<RefTok> out;
  const size_t n = s.size();
  size_t last_word_end = std::string::npos;
  auto word_at = [&](size_t k) { return k < n && RefAlnum(s[k]); };
  auto add = [&](size_t b, size_t e, TokenKind kind, const std::string& key) {
    const std::string text = s.substr(b, e - b);
    int letters = 0, uppers = 0;
    for (char c : text) {
      letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
      uppers += std::isupper(static_cast<unsigned char>(c)) != 0;
    }
    const bool wordish = kind == TokenKind::kWord || kind == TokenKind::kNumber;
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), kind, key,
                   wordish && std::isupper(static_cast<unsigned char>(text[0])) != 0,
                   wordish && letters >= 2 && letters == uppers});
    if (wordish) last_word_end = e;
  };
  // A word's own apostrophe: followed by a word character and not the start of a final 's.
  auto inner_apostrophe = [&](size_t k) {
    return s[k] == '\'' && word_at(k + 1) &&
           !((s[k + 1] == 's' || s[k + 1] == 'S') && !word_at(k + 2));
  };
  size_t i = 0;
  while (i < n) {
    const char c = s[i];
    if (RefSpace(c)) {
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      if (const size_t len = RefAcronym(s, i); len != 0) {
        std::string key;
        for (char ch : s.substr(i, len)) {
          if (ch != '.') key += ch;
        }
        add(i, i + len, TokenKind::kWord, RefUpper(key));
        i += len;
        continue;
      }
      size_t j = i;
      while (j < n && (RefAlnum(s[j]) || inner_apostrophe(j))) ++j;
      const std::string w = s.substr(i, j - i);
      const bool abbrev = j < n && s[j] == '.' && RefAbbreviation(w, s, j);
      add(i, abbrev ? j + 1 : j, TokenKind::kWord, RefUpper(w));
      i = abbrev ? j + 1 : j;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < n) {
        if (RefAlnum(s[j]) || inner_apostrophe(j)) {
          ++j;
        } else if (std::string_view(",./-").find(s[j]) != std::string_view::npos &&
                   std::isdigit(static_cast<unsigned char>(s[j - 1])) && j + 1 < n &&
                   std::isdigit(static_cast<unsigned char>(s[j + 1]))) {
          j += 2;
        } else {
          break;
        }
      }
      add(i, j, TokenKind::kNumber, RefUpper(s.substr(i, j - i)));
      i = j;
    } else if (c == '\'') {
      const bool after_word = last_word_end == i;
      if (after_word && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') && !word_at(i + 2)) {
        add(i, i + 2, TokenKind::kPossessive, "'S");
        i += 2;
      } else if (after_word && (s[i - 1] == 's' || s[i - 1] == 'S') && !word_at(i + 1)) {
        add(i, i + 1, TokenKind::kPossessive, "'S");
        i += 1;
      } else if (i > 0 && last_word_end == i - 1 && s[i - 1] == ' ' && SpacedPossessiveEnd(s, i)) {
        // "the government 's request", "Netanyahu ' s office"
        const size_t end = SpacedPossessiveEnd(s, i);
        add(i, end, TokenKind::kPossessive, "'S");
        i = end;
      } else {
        add(i, i + 1, TokenKind::kQuote, "\"");
        i += 1;
      }
    } else if (c == '-') {
      if (last_word_end == i && word_at(i + 1)) {
        ++i;  // inner hyphen: dropped
      } else {
        size_t j = i;
        while (j < n && s[j] == '-') ++j;
        add(i, j, TokenKind::kDash, "-");
        i = j;
      }
    } else if (c == '.') {
      size_t j = i;
      while (j < n && s[j] == '.') ++j;
      add(i, j, TokenKind::kPeriod, j - i == 1 ? "." : "...");
      i = j;
    } else {
      TokenKind kind = TokenKind::kOther;
      std::string key(1, c);
      if (c == '!' || c == '?') kind = TokenKind::kPeriod;
      if (c == ',') kind = TokenKind::kComma;
      if (c == ':' || c == ';') kind = TokenKind::kColon;
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') {
        kind = TokenKind::kParen;
      }
      if (c == '"' || c == '`') {
        kind = TokenKind::kQuote;
        key = "\"";
      }
      add(i, i + 1, kind, key);
      i += 1;
    }
  }
  return out;
}

std::string Describe(const std::string& text, uint32_t b, uint32_t e, TokenKind k,
                     std::string_view key, bool cap, bool caps) {
  return "[" + std::to_string(b) + "," + std::to_string(e) + ") '" + text.substr(b, e - b) +
         "' kind=" + std::to_string(static_cast<int>(k)) + " key=" + std::string(key) +
         " cap=" + std::to_string(cap) + " caps=" + std::to_string(caps);
}

TEST(TextTokensDifferential, MatchesReferenceOnRandomAsciiText) {
  const std::vector<std::string> pieces = {
      "the", "The", "THE", "said", "met", "Baku", "AZERBAIJAN", "U.S.", "U.N.", "u.s.", "U.S",
      "e.g.", "i.e.", "J.F.", "W.", "A", "a", "I", "x", "s", "S", "Gen.", "Gen", "gen.", "GEN.",
      "Col.", "Lt.", "No.", "No", "no.", "Nos.", "Vol.", "10", "3.5", "1,000", "2019-07-11",
      "10/12", "5.", "1980s", "Jan.", "Sept.", "Mr.", "Mrs", "St.", "Inc.", "Corp.", "Ltd.", "etc.",
      "vs.", "v.", "approx.", "Israel's", "ministers'", "don't", "O'Brien", "it's", "'s", "'S", "'",
      "''", "Nagorno-Karabakh", "military-technical", "U.S.-led", "F-16", "30-year-old", "-", "--",
      "---", ".", "..", "...", "!", "?", ",", ";", ":", "\"", "`", "(", ")", "[", "]", "{", "}",
      "$", "%", "&", "#", "/", "ABC", "Ph.D.", "a.m.", "p.m", "r'", "rs'", "X.Y", "A.B.C", "5'",
      "q.", "Z.", "sen.", "Messrs.", "x-", "-y", "1-", "'9", "9'", "a'b's", "s's'",
      // Long words exercise the 8-bytes-at-a-time scan and upper-casing.
      "Supercalifragilisticexpialidocious", "NORTHATLANTICTREATY", "mIxEdCaSeWoRdLoNgEr",
      "abcdefgh", "ABCDEFGH", "Abcdefghi", "a1b2c3d4e5f6g7", "1234567890123456789", "x1y2'z3w4s"};
  const std::string separators[] = {" ", " ", " ", "", "", "\n", "  ", "\t"};
  std::mt19937 rng(20190711);
  TokenBuffer buf;
  for (int iter = 0; iter < 4000; ++iter) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 25);
    for (int k = 0; k < n; ++k) {
      if (rng() % 20 == 0) {
        text += static_cast<char>(0x20 + rng() % 95);  // any printable ASCII character
      } else {
        text += pieces[rng() % pieces.size()];
      }
      text += separators[rng() % std::size(separators)];
    }
    const auto ref = RefTokenize(text);
    buf.clear();
    tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, buf);
    ASSERT_EQ(buf.size(), ref.size()) << "text: <" << text << ">";
    std::string joined;
    for (size_t i = 0; i < ref.size(); ++i) {
      const Token& t = buf.tokens[i];
      const RefTok& r = ref[i];
      ASSERT_EQ(
          Describe(text, t.span.start, t.span.end, t.kind, buf.key(t), t.capitalized, t.all_caps),
          Describe(text, r.start, r.end, r.kind, r.key, r.capitalized, r.all_caps))
          << "token " << i << " of <" << text << ">";
      if (i != 0) joined += ' ';
      joined += buf.key(t);
    }
    // A span ending inside the text must give the tokens of the truncated text: nothing after
    // the span may influence the result.
    const size_t cut = rng() % (text.size() + 1);
    const auto ref_cut = RefTokenize(text.substr(0, cut));
    TokenBuffer cut_buf;
    tokenize(text, Span{0, static_cast<uint32_t>(cut)}, cut_buf);
    ASSERT_EQ(cut_buf.size(), ref_cut.size()) << "text: <" << text << "> cut " << cut;
    for (size_t i = 0; i < ref_cut.size(); ++i) {
      const Token& t = cut_buf.tokens[i];
      const RefTok& r = ref_cut[i];
      ASSERT_EQ(Describe(text, t.span.start, t.span.end, t.kind, cut_buf.key(t), t.capitalized,
                         t.all_caps),
                Describe(text, r.start, r.end, r.kind, r.key, r.capitalized, r.all_caps))
          << "token " << i << " of <" << text << "> cut " << cut;
    }
    // key_of_phrase folds a phrase exactly like tokenize (underscores aside).
    if (text.find('_') == std::string::npos) {
      ASSERT_EQ(key_of_phrase(text), joined) << "text: <" << text << ">";
    }
  }
}

}  // namespace
