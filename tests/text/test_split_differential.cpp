// Differential test of text::split_sentences's fast scan (16 and 8 bytes per step to the next
// byte that may end a sentence) against text::detail::split_sentences_reference, the same
// splitter looking at every byte. The spans must be equal on random texts made of the pieces the
// rules care about, at every alignment, and on every document of the shared corpora when they
// are present.
//
// Inputs are copied into buffers of exactly their size, so a read past the end of the text is a
// heap overflow that the sanitizer build reports.
#include <gtest/gtest.h>

#include <algorithm>
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

using dyad::testing::ExactBuffer;

std::string Show(const std::vector<Span>& spans) {
  std::string s;
  for (const Span& sp : spans)
    s += "[" + std::to_string(sp.start) + "," + std::to_string(sp.end) + ")";
  return s;
}

bool Same(std::string_view text, const std::string& what) {
  const ExactBuffer buf(text);
  std::vector<Span> fast{{7, 9}}, reference{{7, 9}};  // both append to what is there
  dyad::text::split_sentences(buf.view, fast);
  dyad::text::detail::split_sentences_reference(buf.view, reference);
  const bool same =
      fast.size() == reference.size() &&
      std::equal(fast.begin(), fast.end(), reference.begin(),
                 [](const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; });
  EXPECT_TRUE(same) << what << "\n text: " << ::testing::PrintToString(std::string(text))
                    << "\n fast:      " << Show(fast) << "\n reference: " << Show(reference);
  return same;
}

// Pieces of text that reach the splitter's rules: terminators, abbreviations, closers, openers,
// line and paragraph breaks (LF, CRLF, CR, U+2028, U+2029), non-ASCII letters and spaces, control
// characters, and plain words of various lengths to move everything across 8- and 16-byte steps.
constexpr std::string_view kPieces[] = {"The",
                                        "talks",
                                        "ended",
                                        ".",
                                        " ",
                                        "  ",
                                        "!",
                                        "?",
                                        "?!",
                                        "...",
                                        "\"",
                                        "'",
                                        ")",
                                        "(",
                                        "[",
                                        "U.S.",
                                        "Mr.",
                                        "No.",
                                        "10",
                                        "Gen.",
                                        "Inc.",
                                        "e.g.",
                                        "J.",
                                        "\n",
                                        "\n\n",
                                        "\r\n\r\n",
                                        "\r\r",
                                        "\t",
                                        "\x01",
                                        "\xE2\x80\xA8",
                                        "\xE2\x80\xA9",
                                        "\xE2\x80\x9D",
                                        "\xE2\x80\x9C",
                                        "\xC2\xA0",
                                        "\xC3\x89lys\xC3\xA9"
                                        "e",
                                        "\xD0\x9C\xD0\xBE",
                                        "\xFF",
                                        "He",
                                        "a",
                                        "1987.",
                                        "officials",
                                        "Washington",
                                        ",",
                                        "Jan.",
                                        "Ltd.",
                                        "However",
                                        "x",
                                        "abcdefghijklmnop"};

TEST(TextSplitFastScan, RandomTexts) {
  std::mt19937 rng(5);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int pieces = static_cast<int>(rng() % 40);
    for (int k = 0; k < pieces; ++k) text += kPieces[rng() % std::size(kPieces)];
    if (!Same(text, "random text " + std::to_string(i))) return;
    // The same text shifted by 1..15 bytes of plain words, so every piece meets every alignment.
    if (i % 8 == 0)
      for (size_t shift = 1; shift < 16; ++shift)
        if (!Same(std::string(shift, 'w') + text, "shifted random text " + std::to_string(i)))
          return;
  }
}

void CompareCorpus(const std::string& name) {
  size_t documents = 0, failures = 0;
  const std::string skip =
      dyad::testing::for_each_corpus_document(name, [&](const dyad::ingest::RawDocument& raw) {
        ++documents;
        return Same(raw.text, name + " document " + raw.id) || ++failures < 5;
      });
  if (!skip.empty()) GTEST_SKIP() << skip;
  if (failures == 0) {
    EXPECT_GT(documents, 100u);
  }
}

TEST(TextSplitFastScan, ReutersCorpus) {
  CompareCorpus("reuters21578.jsonl");
}

TEST(TextSplitFastScan, GuardianCorpus) {
  CompareCorpus("guardian_ngec_sample.jsonl");
}

}  // namespace
