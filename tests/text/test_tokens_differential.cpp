// Differential test of text::tokenize's fast path for plain ASCII words against
// text::detail::tokenize_reference, the same tokenizer with the fast path switched off (every word
// goes through the general code that implements the rules of text.h). Every field of every token
// (span, key, key offset, kind, capitalized, all_caps) and the whole key buffer must be equal, on
// hand-written edge cases, every sub-span of them, random byte strings, and every sentence of the
// shared corpora when they are present.
//
// Inputs are copied into buffers of exactly their size, so a read past the end of the text is a
// heap overflow that the sanitizer build reports.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.h"
#include "shared_corpus.h"
#include "test_util.h"
#include "text/text.h"

namespace {

using dyad::text::Span;
using dyad::text::Token;
using dyad::text::TokenBuffer;
using dyad::text::tokenize;
using dyad::text::detail::tokenize_reference;

// Describes a token for failure messages.
std::string Describe(std::string_view text, const TokenBuffer& buf, size_t i) {
  const Token& t = buf.tokens[i];
  return "#" + std::to_string(i) + " [" + std::to_string(t.span.start) + "," +
         std::to_string(t.span.end) + ") '" +
         std::string(text.substr(t.span.start, t.span.end - t.span.start)) + "' key '" +
         std::string(buf.key(t)) + "' @" + std::to_string(t.key_offset) + " kind " +
         std::to_string(static_cast<int>(t.kind)) + " cap " + std::to_string(t.capitalized) +
         " caps " + std::to_string(t.all_caps);
}

// Tokenizes text[span] with both tokenizers, into empty buffers and (unless empty_only) into
// buffers that already hold a sentence (keys are appended at an offset), and compares everything.
// Returns false (after reporting) on the first difference.
bool Same(std::string_view text, Span span, const std::string& what, bool empty_only = false) {
  for (const bool prefilled : {false, true}) {
    if (prefilled && empty_only) break;
    TokenBuffer fast;
    TokenBuffer ref;
    if (prefilled) {
      const std::string_view before = "Prior U.S. sentence, 1,000 words.";
      tokenize(before, Span{0, static_cast<uint32_t>(before.size())}, fast);
      tokenize_reference(before, Span{0, static_cast<uint32_t>(before.size())}, ref);
    }
    tokenize(text, span, fast);
    tokenize_reference(text, span, ref);
    const std::string where = what + " span [" + std::to_string(span.start) + "," +
                              std::to_string(span.end) + ")" + (prefilled ? " prefilled" : "");
    if (fast.keys != ref.keys) {
      ADD_FAILURE() << where << ": keys '" << fast.keys << "' vs reference '" << ref.keys << "'";
      return false;
    }
    if (fast.tokens.size() != ref.tokens.size()) {
      ADD_FAILURE() << where << ": " << fast.tokens.size() << " tokens vs reference "
                    << ref.tokens.size();
      return false;
    }
    for (size_t i = 0; i < fast.tokens.size(); ++i) {
      const Token& a = fast.tokens[i];
      const Token& b = ref.tokens[i];
      if (a.span.start != b.span.start || a.span.end != b.span.end ||
          a.key_offset != b.key_offset || a.key_length != b.key_length || a.kind != b.kind ||
          a.capitalized != b.capitalized || a.all_caps != b.all_caps) {
        ADD_FAILURE() << where << ": " << Describe(text, fast, i) << " vs reference "
                      << Describe(text, ref, i);
        return false;
      }
    }
  }
  return true;
}

using dyad::testing::ExactBuffer;

// Whole text, every prefix and suffix, and (for short texts) every sub-span.
bool SameOnAllSpans(std::string_view s, const std::string& what) {
  const ExactBuffer buf(s);
  const std::string_view text = buf.view;
  const auto n = static_cast<uint32_t>(text.size());
  if (!Same(text, Span{0, n}, what)) return false;
  if (n <= 48) {
    for (uint32_t b = 0; b <= n; ++b) {
      for (uint32_t e = b; e <= n; ++e) {
        if (!Same(text, Span{b, e}, what)) return false;
      }
    }
  } else {
    for (uint32_t k = 0; k <= n; ++k) {
      if (!Same(text, Span{0, k}, what) || !Same(text, Span{k, n}, what)) return false;
    }
  }
  return true;
}

const char* const kEdgeCases[] = {
    // Acronyms and initials.
    "U.S.",
    "U.S",
    "the U.S. Army",
    "U.S officials",
    "U.S.A. and U.K.",
    "J.F. Kennedy",
    "George W. Bush",
    "W.",
    "a.m. p.m. e.g. i.e. etc.",
    "U.S.-led",
    "U.N.'s",
    "A.B",
    "A.B.C",
    "x.y.z",
    "I.",
    "U.S.S.R.",
    "Ph.D. student",
    // Abbreviations.
    "Gen. Smith",
    "gen. smith",
    "Inc.",
    "Acme Inc.",
    "Acme Inc. The",
    "No. 10",
    "No. ten",
    "No.",
    "Nos. 5 and 6",
    "Col. Lt. Sgt. Messrs. Sept. Dec.",
    "vs. v. V. approx. Approx.",
    "Co. Corp.",
    "Jr.",
    "Mr.Smith",
    "Gens.",
    "Mrs",
    "Abcdefg.",
    "Abcdef.",
    "Abcde.",
    "abcdefgh.",
    // Possessives and apostrophes.
    "Israel's",
    "Israel's army",
    "ministers' meeting",
    "ministers'",
    "Baku\xE2\x80\x99s",
    "Baku\xE2\x80\x99",
    "don't",
    "O'Brien",
    "DON'T",
    "rock 'n' roll",
    "'quoted'",
    "it's'",
    "Charles' ",
    "1990's",
    "the 1990s'",
    "US's",
    "James's",
    "x's's",
    "'s",
    "a'",
    "ab'c'd",
    "Russia\xCA\xBCs",
    // Hyphens and dashes.
    "Nagorno-Karabakh",
    "U.S.-led",
    "30-year",
    "30-40",
    "a - b",
    "a--b",
    "a -- b",
    "-a",
    "a-",
    "self-\xC3\xA9lu",
    "pro\xE2\x80\x90Kremlin",
    "a\xE2\x80\x94"
    "b",
    "a \xE2\x80\x93 b",
    "x-1",
    "1-x",
    "well-known",
    "A-B-C-D-E-F-G-H-I",
    // Numbers.
    "1,000",
    "3.5",
    "2019-07-11",
    "1980s",
    "1,000,000.50",
    "5,",
    "5.",
    "5. Then",
    "12/31/2019",
    "1,a",
    "1.a",
    "a1.5",
    "3.5pct",
    "100-year-old",
    "0.5%",
    "$1.5 billion",
    "1,",
    "1'000",
    "12345678",
    "123456789",
    "1234567.",
    "1234567,5",
    // Words of every length around the 8-byte step, at the end of the text and before stops.
    "a",
    "ab",
    "abc",
    "abcd",
    "abcde",
    "abcdef",
    "abcdefg",
    "abcdefgh",
    "abcdefghi",
    "abcdefghijklmnop",
    "abcdefghijklmnopq",
    "ABCDEFGH",
    "ABCDEFG",
    "Abcdefgh",
    "aBCDEFGH",
    "AB",
    "A",
    "Ab",
    "a b",
    "ab cd",
    "abcdefg h",
    "abcdefgh i",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "abcdefg,",
    "abcdefgh,",
    "abcdefg.",
    "abcdefg'",
    "abcdefg\xC3\xA9",
    "abcdefgh\xC3\xA9",
    "Abcdefg\xE2\x80\x99s",
    "A1B2C3D4",
    "a1b2c3d",
    "1a2b3c4d",
    // Punctuation.
    "Yes!",
    "Really?!",
    "Wait...",
    "Wait..",
    "Wait\xE2\x80\xA6",
    "(a) [b] {c}",
    "a; b: c",
    "\"a\" `b`",
    "\xE2\x80\x9C"
    "a"
    "\xE2\x80\x9D",
    "@#$%^&*~|\\",
    "a_b",
    "__a__",
    "\xEF\xBC\x8C\xEF\xBC\x81\xEF\xBC\x88",
    "_",
    // Non-ASCII.
    "Erdo\xC4\x9F"
    "an",
    "\xEF\xAC\x81"
    "nance",
    "D\xC3\xBCsseldorf",
    "stra\xC3\x9F"
    "e",
    "\xD0\x99\xD0\xBE",
    "\xC3\x89LYS\xC3\x89"
    "E",
    "\xC3\xA9l\xC3\xA9phant",
    "Caf\xC3\xA9.",
    "na\xC3\xAFve",
    "soft\xC2\xAD"
    "hyphen",
    "zero\xE2\x80\x8Bwidth",
    "a\xC2\xA0"
    "b",
    "\xEF\xBB\xBF"
    "bom",
    "\xE2\x80\xA8"
    "line",
    "\xF0\x9F\x98\x80 emoji",
    "x\xCC\x81",
    "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3",
    "\xEF\xB7\xBA",
    "\xE2\x84\xAB",
    "\xC3\x9C"
    "BER",
    // Invalid UTF-8.
    "\xFF",
    "a\xFF"
    "b",
    "\xC3",
    "abc\xC3",
    "abcdefg\xC3",
    "\xE2\x80",
    "\xED\xA0\x80",
    "\xC0\xAF",
    "\xF4\x90\x80\x80",
    "\x80\x80\x80 x",
    "Erdo\xC4",
    // Control characters and white space.
    "a\tb\nc\rd\x0B"
    "e\x0C"
    "f",
    "\x01\x02\x7F",
    "  lead and trail  ",
    "",
    // Sentences.
    "Russia, Azerbaijan (Baku) agreed: \"Yes!\"",
    "REUTERS - The U.S. Treasury said on Tuesday it sold $1.5 billion of 30-year bonds.",
    "Azerbaijan's President Ilham Aliyev met Armenia's Pashinyan in Brussels on 2019-07-11.",
    "SHR 1.16 DLRS VS 1.05 DLRS NET 12.4 MLN VS 11.1 MLN REVS 256.5 MLN VS 229.9 MLN",
};

TEST(TextTokensFastPath, EdgeCases) {
  for (const char* c : kEdgeCases) {
    EXPECT_TRUE(SameOnAllSpans(c, std::string("edge case '") + c + "'"));
  }
}

// Every pair of edge cases joined by a space, a period or nothing: words meeting stops they
// did not meet alone.
TEST(TextTokensFastPath, EdgeCasePairs) {
  const char* const joins[] = {" ", "", ". ", "'", "-"};
  size_t failures = 0;
  for (const char* a : kEdgeCases) {
    for (const char* b : kEdgeCases) {
      for (const char* j : joins) {
        const std::string s = std::string(a) + j + b;
        const ExactBuffer buf(s);
        if (!Same(buf.view, Span{0, static_cast<uint32_t>(s.size())}, "pair '" + s + "'")) {
          if (++failures > 10) return;
        }
      }
    }
  }
}

// Random strings over an alphabet weighted towards what the fast path must get right.
TEST(TextTokensFastPath, RandomStrings) {
  const char* const pieces[] = {"a",
                                "b",
                                "S",
                                "s",
                                "Z",
                                "q",
                                "0",
                                "1",
                                "9",
                                ".",
                                ",",
                                "'",
                                "-",
                                "/",
                                " ",
                                " ",
                                " ",
                                "\n",
                                "!",
                                "?",
                                "\"",
                                "(",
                                "_",
                                "U.S.",
                                "Gen",
                                "Inc",
                                "No",
                                "\xE2\x80\x99",
                                "\xC3\xA9",
                                "\xC4\x9F",
                                "\xEF\xAC\x81",
                                "\xC2\xA0",
                                "\xE2\x80\x94",
                                "\xE2\x80\x90",
                                "\xC2\xAD",
                                "\xE2\x80\xA6",
                                "\xFF",
                                "\xC3",
                                "\x80",
                                "abcdefg",
                                "ABCDEFGH",
                                "12345678"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1);
  std::uniform_int_distribution<size_t> length(0, 40);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t n = length(rng);
    if (round % 4 == 3) {
      for (size_t k = 0; k < n; ++k) s.push_back(static_cast<char>(byte(rng)));  // raw bytes
    } else {
      for (size_t k = 0; k < n; ++k) s += pieces[piece(rng)];
    }
    const ExactBuffer buf(s);
    const auto len = static_cast<uint32_t>(s.size());
    ASSERT_TRUE(Same(buf.view, Span{0, len}, "random #" + std::to_string(round)));
    if (len > 0) {
      const uint32_t cut = static_cast<uint32_t>(round) % len;
      ASSERT_TRUE(Same(buf.view, Span{0, cut}, "random prefix #" + std::to_string(round)));
      ASSERT_TRUE(Same(buf.view, Span{cut, len}, "random suffix #" + std::to_string(round)));
    }
  }
}

// Every sentence of the shared corpora, and every 10th sentence also into a prefilled buffer and
// cut short at several points (fewer runs, so the sanitizer build stays quick).
// One document's sentences (see CompareCorpus); false once ten comparisons failed.
bool CompareDocument(const dyad::ingest::RawDocument& raw, const std::string& name,
                     std::vector<Span>& spans, size_t& sentences, size_t& failures) {
  const ExactBuffer buf(raw.text);
  spans.clear();
  dyad::text::split_sentences(buf.view, spans);
  for (const Span& sp : spans) {
    const std::string what = name + " document " + raw.id;
    const bool sample = sentences % 10 == 0;
    bool ok = Same(buf.view, sp, what, !sample);
    if (ok && sample) {
      for (uint32_t cut = sp.start + 1; ok && cut < sp.end; cut += 7) {
        ok = Same(buf.view, Span{sp.start, cut}, what, true);
      }
    }
    ++sentences;
    if (!ok && ++failures >= 10) return false;
  }
  // The whole document as one span: words at the very end of the buffer.
  if (!Same(buf.view, Span{0, static_cast<uint32_t>(buf.view.size())}, name + " " + raw.id, true)) {
    if (++failures >= 10) return false;
  }
  return true;
}

void CompareCorpus(const std::string& name) {
  std::vector<Span> spans;
  size_t sentences = 0;
  size_t failures = 0;
  const std::string skip =
      dyad::testing::for_each_corpus_document(name, [&](const dyad::ingest::RawDocument& raw) {
        return CompareDocument(raw, name, spans, sentences, failures);
      });
  if (!skip.empty()) GTEST_SKIP() << skip;
  if (failures == 0) {
    EXPECT_GT(sentences, 1000u);
  }
}

TEST(TextTokensFastPath, ReutersCorpus) {
  CompareCorpus("reuters21578.jsonl");
}

TEST(TextTokensFastPath, GuardianCorpus) {
  CompareCorpus("guardian_ngec_sample.jsonl");
}

}  // namespace
