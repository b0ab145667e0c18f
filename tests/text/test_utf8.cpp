// Tests of text::valid_utf8 and of the Unicode side of tokenize()/key_of_phrase(): typographic
// punctuation, Unicode spaces, NFKC, diacritics, invalid bytes.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/text.h"

namespace {

using dyad::text::key_of_phrase;
using dyad::text::Span;
using dyad::text::split_sentences;
using dyad::text::Token;
using dyad::text::TokenBuffer;
using dyad::text::tokenize;
using dyad::text::TokenKind;
using dyad::text::valid_utf8;

struct Tok {
  std::string text;
  TokenKind kind;
  std::string key;
  bool capitalized, all_caps;
};

std::vector<Tok> Tokens(std::string_view text) {
  TokenBuffer buf;
  tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, buf);
  std::vector<Tok> out;
  for (const Token& t : buf.tokens) {
    out.push_back({std::string(text.substr(t.span.start, t.span.end - t.span.start)), t.kind,
                   std::string(buf.key(t)), t.capitalized, t.all_caps});
  }
  return out;
}

std::vector<std::string> Keys(std::string_view text) {
  std::vector<std::string> out;
  for (const Tok& t : Tokens(text)) out.push_back(t.key);
  return out;
}

using Keyv = std::vector<std::string>;

// ------------------------------------------------------------------------------------------------
// valid_utf8

// Straight from the table of well-formed byte sequences in the Unicode standard (table 3-7).
bool RefValid(const std::string& s, size_t* bad) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = b(i);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 <= 0x7F) {
      len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 == 0xE0) {
      len = 3, lo = 0xA0;
    } else if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) {
      len = 3;
    } else if (b0 == 0xED) {
      len = 3, hi = 0x9F;
    } else if (b0 == 0xF0) {
      len = 4, lo = 0x90;
    } else if (b0 >= 0xF1 && b0 <= 0xF3) {
      len = 4;
    } else if (b0 == 0xF4) {
      len = 4, hi = 0x8F;
    }
    bool ok = len != 0 && i + len <= s.size();
    if (ok && len > 1) ok = b(i + 1) >= lo && b(i + 1) <= hi;
    for (size_t k = 2; ok && k < len; ++k) ok = b(i + k) >= 0x80 && b(i + k) <= 0xBF;
    if (!ok) {
      *bad = i;
      return false;
    }
    i += len;
  }
  return true;
}

TEST(TextUtf8, AcceptsWellFormedText) {
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_TRUE(valid_utf8("plain ASCII text that is longer than eight bytes"));
  EXPECT_TRUE(
      valid_utf8("Erdo\xC4\x9F"
                 "an \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"));
  EXPECT_TRUE(valid_utf8("\x7F"));
  EXPECT_TRUE(valid_utf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(valid_utf8("\xDF\xBF"));          // U+07FF
  EXPECT_TRUE(valid_utf8("\xE0\xA0\x80"));      // U+0800
  EXPECT_TRUE(valid_utf8("\xED\x9F\xBF"));      // U+D7FF
  EXPECT_TRUE(valid_utf8("\xEE\x80\x80"));      // U+E000
  EXPECT_TRUE(valid_utf8("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(valid_utf8("\xF0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(valid_utf8(std::string_view("a\0b", 3)));
}

TEST(TextUtf8, RejectsIllFormedTextWithOffset) {
  struct Case {
    std::string bytes;
    size_t bad;
  };
  const Case cases[] = {
      {"\x80", 0},                          // stray continuation byte
      {"abc\xBF", 3},                       //
      {"\xC0\xAF", 0},                      // overlong '/'
      {"\xC1\xBF", 0},                      // overlong
      {"\xE0\x80\xAF", 0},                  // overlong 3-byte
      {"\xE0\x9F\xBF", 0},                  // overlong 3-byte (U+07FF)
      {"\xF0\x80\x80\xAF", 0},              // overlong 4-byte
      {"\xF0\x8F\xBF\xBF", 0},              // overlong 4-byte (U+FFFF)
      {"ok \xED\xA0\x80", 3},               // surrogate U+D800
      {"\xED\xBF\xBF", 0},                  // surrogate U+DFFF
      {"\xF4\x90\x80\x80", 0},              // U+110000
      {"\xF5\x80\x80\x80", 0},              // lead byte beyond U+10FFFF
      {"\xFF", 0},                          //
      {"\xFE", 0},                          //
      {"abcdefgh\xE2\x80", 8},              // truncated at the end
      {"abcdefghijklmnop\xC3(", 16},        // bad continuation after the 8-byte fast path
      {"\xE2\x80\x9C ok \xE2\x28\xA1", 7},  // second sequence broken
  };
  for (const Case& c : cases) {
    size_t bad = 12345;
    EXPECT_FALSE(valid_utf8(c.bytes, &bad)) << testing::PrintToString(c.bytes);
    EXPECT_EQ(bad, c.bad) << testing::PrintToString(c.bytes);
    EXPECT_FALSE(valid_utf8(c.bytes));  // no offset wanted
  }
}

TEST(TextUtf8, MatchesReferenceOnAllShortSequences) {
  std::string s(3, '\0');
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0; b < 0x100; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      size_t bad1 = 0, bad2 = 0;
      ASSERT_EQ(valid_utf8(s, &bad1), RefValid(s, &bad2)) << testing::PrintToString(s);
      for (int c : {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xF0}) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        const bool ok = RefValid(s, &bad2);
        ASSERT_EQ(valid_utf8(s, &bad1), ok) << testing::PrintToString(s);
        if (!ok) {
          ASSERT_EQ(bad1, bad2) << testing::PrintToString(s);
        }
      }
    }
  }
}

TEST(TextUtf8, MatchesReferenceOnRandomBytes) {
  std::mt19937 rng(7);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      const unsigned r = rng() % 10;
      if (r < 5) {
        s += static_cast<char>('a' + rng() % 26);  // ASCII runs exercise the 8-byte path
      } else if (r < 8) {
        s += static_cast<char>(0x80 + rng() % 0x40);
      } else {
        s += static_cast<char>(0xC0 + rng() % 0x40);
      }
    }
    size_t bad1 = 0, bad2 = 0;
    const bool ok = RefValid(s, &bad2);
    ASSERT_EQ(valid_utf8(s, &bad1), ok) << testing::PrintToString(s);
    if (!ok) {
      ASSERT_EQ(bad1, bad2) << testing::PrintToString(s);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Typographic punctuation and Unicode spaces

TEST(TextUnicode, CurlyQuotesAreQuotes) {
  const auto t = Tokens(
      "\xE2\x80\x9C"
      "Baku\xE2\x80\x9D \xC2\xAB"
      "Paris\xC2\xBB \xE2\x80\x9EX\xE2\x80\x9C");
  ASSERT_EQ(t.size(), 9u);
  EXPECT_EQ(t[0].kind, TokenKind::kQuote);
  EXPECT_EQ(t[0].key, "\"");
  EXPECT_EQ(t[0].text, "\xE2\x80\x9C");
  EXPECT_EQ(t[1].key, "BAKU");
  EXPECT_EQ(t[2].kind, TokenKind::kQuote);
  EXPECT_EQ(t[3].kind, TokenKind::kQuote);
  EXPECT_EQ(t[3].text, "\xC2\xAB");
  EXPECT_EQ(t[6].kind, TokenKind::kQuote);
  // Single curly quotes around a word.
  EXPECT_EQ(Keys("\xE2\x80\x98Mom\xE2\x80\x99"), (Keyv{"\"", "MOM", "\""}));
}

TEST(TextUnicode, CurlyApostrophes) {
  const auto t = Tokens("Baku\xE2\x80\x99s and Armenia\xE2\x80\x99s");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].key, "BAKU");
  EXPECT_EQ(t[1].kind, TokenKind::kPossessive);
  EXPECT_EQ(t[1].key, "'S");
  EXPECT_EQ(t[1].text, "\xE2\x80\x99s");
  EXPECT_EQ(Keys("don\xE2\x80\x99t"), (Keyv{"DON'T"}));
  EXPECT_EQ(Tokens("don\xE2\x80\x99t")[0].text, "don\xE2\x80\x99t");
  EXPECT_EQ(Keys("ministers\xE2\x80\x99 meeting"), (Keyv{"MINISTERS", "'S", "MEETING"}));
  EXPECT_EQ(Keys("O\xCA\xBC"
                 "Brien"),
            (Keyv{"O'BRIEN"}));  // U+02BC modifier apostrophe
  EXPECT_EQ(key_of_phrase("ISRAEL\xE2\x80\x99S"), "ISRAEL 'S");
}

TEST(TextUnicode, DashesAndHyphens) {
  EXPECT_EQ(Keys("Baku \xE2\x80\x93 Moscow \xE2\x80\x94 talks"),
            (Keyv{"BAKU", "-", "MOSCOW", "-", "TALKS"}));
  const auto t = Tokens(
      "Paris\xE2\x80\x94"
      "Berlin \xE2\x88\x92"
      "5");
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[1].kind, TokenKind::kDash);
  EXPECT_EQ(t[1].text, "\xE2\x80\x94");
  EXPECT_EQ(t[3].kind, TokenKind::kDash);  // U+2212 MINUS SIGN
  EXPECT_EQ(t[4].kind, TokenKind::kNumber);
  // U+2010 HYPHEN inside a word splits it like '-'.
  EXPECT_EQ(Keys("Nagorno\xE2\x80\x90Karabakh"), (Keyv{"NAGORNO", "KARABAKH"}));
  EXPECT_EQ(Keys("\xE2\x80\x94\xE2\x80\x94"), (Keyv{"-"}));  // one run, one token
}

TEST(TextUnicode, UnicodeSpacesAreWhiteSpace) {
  EXPECT_EQ(Keys("a\xC2\xA0"
                 "b\xE2\x80\x89"
                 "c\xE2\x80\xAF"
                 "d\xE3\x80\x80"
                 "e\xE2\x80\x8B"
                 "f"),
            (Keyv{"A", "B", "C", "D", "E", "F"}));
  const auto t = Tokens(
      "\xEF\xBB\xBF"
      "Baku");  // byte-order mark
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "Baku");
}

TEST(TextUnicode, EllipsisAndFullwidthPunctuation) {
  const auto t = Tokens("Wait\xE2\x80\xA6 yes\xEF\xBC\x8C no\xEF\xBC\x81");
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t[1].kind, TokenKind::kPeriod);
  EXPECT_EQ(t[1].key, "...");
  EXPECT_EQ(t[3].kind, TokenKind::kComma);
  EXPECT_EQ(t[3].key, ",");
  EXPECT_EQ(t[3].text, "\xEF\xBC\x8C");
  EXPECT_EQ(t[5].kind, TokenKind::kPeriod);
  EXPECT_EQ(t[5].key, "!");
}

// ------------------------------------------------------------------------------------------------
// Key folding

TEST(TextUnicode, Nfkc) {
  EXPECT_EQ(Keys("\xEF\xAC\x81nance"), (Keyv{"FINANCE"}));    // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_EQ(Keys("\xEF\xBC\xB5\xEF\xBC\xAE"), (Keyv{"UN"}));  // fullwidth UN
  EXPECT_EQ(Keys("\xE2\x84\xA2"), (Keyv{"TM"}));              // trade mark sign
  EXPECT_EQ(Tokens("\xE2\x84\xA2")[0].kind, TokenKind::kOther);
  EXPECT_EQ(Tokens("\xEF\xBC\x91\xEF\xBC\x92")[0].kind, TokenKind::kNumber);  // fullwidth 12
  EXPECT_EQ(Keys("\xEF\xBC\x91\xEF\xBC\x92"), (Keyv{"12"}));
}

TEST(TextUnicode, DiacriticsAreStrippedFromLatinLetters) {
  EXPECT_EQ(Keys("Erdo\xC4\x9F"
                 "an"),
            (Keyv{"ERDOGAN"}));
  EXPECT_EQ(Keys("D\xC3\xBCsseldorf"), (Keyv{"DUSSELDORF"}));
  EXPECT_EQ(Keys("S\xC3\xA3o Paulo"), (Keyv{"SAO", "PAULO"}));
  EXPECT_EQ(Keys("Tal\xC4\xB1"
                 "bova A\xC4\x9F"
                 "dam \xC4\xB0stanbul"),
            (Keyv{"TALIBOVA", "AGDAM", "ISTANBUL"}));
  EXPECT_EQ(Keys("Stra\xC3\x9F"
                 "e"),
            (Keyv{"STRASSE"}));
  // Decomposed input (g + combining breve) folds the same way.
  EXPECT_EQ(Keys("Erdog\xCC\x86"
                 "an"),
            (Keyv{"ERDOGAN"}));
  // Soft hyphen is ignorable inside a word.
  EXPECT_EQ(Keys("Kara\xC2\xAD"
                 "bakh"),
            (Keyv{"KARABAKH"}));
  EXPECT_EQ(key_of_phrase("Erdo\xC4\x9F"
                          "an_Recep"),
            "ERDOGAN RECEP");
}

TEST(TextUnicode, OtherScriptsKeepTheirLetters) {
  // Cyrillic: upper-cased, and the breve of й is part of the letter, so it stays.
  EXPECT_EQ(Keys("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB9"),
            (Keyv{"\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90", "\xD0\x99"}));
  EXPECT_EQ(Tokens("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0")[0].kind, TokenKind::kWord);
}

TEST(TextUnicode, CapitalizationFromOriginalText) {
  const auto t = Tokens(
      "\xC3\x96l\xC3\xA7"
      "er \xC3\x96L\xC3\x87"
      "ER \xC3\xB6l\xC3\xA7"
      "er");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[0].capitalized);
  EXPECT_FALSE(t[0].all_caps);
  EXPECT_TRUE(t[1].capitalized);
  EXPECT_TRUE(t[1].all_caps);
  EXPECT_FALSE(t[2].capitalized);
  EXPECT_EQ(t[2].key, "OLCER");
}

TEST(TextUnicode, TokenKeysMatchKeyOfPhraseOfTheirText) {
  const std::string text =
      "\xE2\x80\x9CMy children suffered,\xE2\x80\x9D \xC5\x9E\xC9\x99hla Tal\xC4\xB1"
      "bova said "
      "of Armenia\xE2\x80\x99s aggression in Kh\xC3\xB6jaly \xE2\x80\x94 D\xC3\xBCsseldorf.";
  TokenBuffer buf;
  tokenize(text, Span{0, static_cast<uint32_t>(text.size())}, buf);
  for (const Token& t : buf.tokens) {
    const std::string piece = text.substr(t.span.start, t.span.end - t.span.start);
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) {
      EXPECT_EQ(key_of_phrase(piece), buf.key(t)) << piece;
    }
    EXPECT_TRUE(valid_utf8(buf.key(t))) << piece;
  }
}

// ------------------------------------------------------------------------------------------------
// Invalid UTF-8

TEST(TextUnicode, InvalidBytesBecomeOtherTokens) {
  auto t = Tokens("\xFF");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].kind, TokenKind::kOther);
  EXPECT_EQ(t[0].key, "?");

  EXPECT_EQ(Keys("abc\xFF"
                 "def"),
            (Keyv{"ABC", "?", "DEF"}));
  t = Tokens("x \xC0\xAF y");  // overlong: both bytes in one run
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "\xC0\xAF");
  EXPECT_EQ(Keys("\xED\xA0\x80"), (Keyv{"?"}));           // surrogate
  EXPECT_EQ(Keys("\xF4\x90\x80\x80"), (Keyv{"?"}));       // beyond U+10FFFF
  EXPECT_EQ(Keys("Baku\xE2\x80"), (Keyv{"BAKU", "?"}));   // truncated at the end
  EXPECT_EQ(Keys("\x80\x80\xC3\xA9"), (Keyv{"?", "E"}));  // valid é after the bad run
}

TEST(TextUnicode, TruncatedSequenceAtSpanEndIsNotReadPastTheSpan) {
  // The span ends in the middle of "é": the tokenizer must not look at bytes after it.
  const std::string text = "caf\xC3\xA9 ok";
  TokenBuffer buf;
  tokenize(text, Span{0, 4}, buf);
  ASSERT_EQ(buf.size(), 2u);
  EXPECT_EQ(buf.key(0), "CAF");
  EXPECT_EQ(buf.key(1), "?");
}

TEST(TextUnicode, RandomBytesNeverBreakInvariants) {
  std::mt19937 rng(99);
  const char* seeds[] = {"\xE2\x80\x99", "\xE2\x80\x9C", "\xC2\xA0", "\xE2\x80\x94",
                         "\xC4\x9F",     "\xEF\xAC\x81", "\xCC\x86", "\xC2\xAD",
                         "'s",           "U.S.",         "-",        ". ",
                         "\n\n"};
  TokenBuffer buf;
  for (int iter = 0; iter < 5000; ++iter) {
    std::string doc;
    const int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      const unsigned r = rng() % 4;
      if (r == 0) {
        doc += static_cast<char>(rng() % 256);
      } else if (r == 1) {
        doc += seeds[rng() % std::size(seeds)];
      } else {
        doc += static_cast<char>('A' + rng() % 58);
      }
    }
    std::vector<Span> sentences;
    split_sentences(doc, sentences);
    for (const Span& s : sentences) {
      ASSERT_LT(s.start, s.end);
      ASSERT_LE(s.end, doc.size());
      buf.clear();
      tokenize(doc, s, buf);
      uint32_t prev = s.start;
      for (const Token& t : buf.tokens) {
        ASSERT_LE(prev, t.span.start);
        ASSERT_LT(t.span.start, t.span.end);
        ASSERT_LE(t.span.end, s.end);
        ASSERT_GT(t.key_length, 0u);
        ASSERT_TRUE(valid_utf8(buf.key(t)));
        const std::string_view piece(doc.data() + t.span.start, t.span.end - t.span.start);
        if (!valid_utf8(piece)) {
          EXPECT_EQ(t.kind, TokenKind::kOther);
          EXPECT_EQ(buf.key(t), "?");
        }
        prev = t.span.end;
      }
    }
    // Whole document as one span too (crosses sentence boundaries).
    buf.clear();
    tokenize(doc, Span{0, static_cast<uint32_t>(doc.size())}, buf);
    (void)key_of_phrase(doc);
  }
}

}  // namespace
