// Text stage: sentence splitting and tokenization over the ORIGINAL document bytes.
//
// Contract: nothing here rewrites the document. Sentences and tokens are byte ranges
// [start, end) into the document text, so every event can point back at the exact words
// that produced it. Typographic normalization (curly quotes, dashes, non-breaking spaces,
// NFKC, case folding) is applied only to each token's *key*, the form dictionaries match on.
//
// Thread-safety: free functions are pure; a TokenBuffer is per-thread scratch (reuse it across
// sentences to avoid allocation in the hot loop).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::text {

struct Span {
  uint32_t start = 0;  // byte offset into the document text
  uint32_t end = 0;    // one past the last byte
};

// Splits a document into sentences. Paragraph breaks (blank lines) always end a sentence.
// A period after a known abbreviation (U.S., Gen., Col., Lt., No., Jan., Mr., ...) or an
// initial (J.F.) does not end a sentence unless the next word clearly starts a new one.
// Leading/trailing white space is excluded from each span; empty sentences are never returned.
// Appends to `out` (does not clear it).
void split_sentences(std::string_view document, std::vector<Span>& out);

enum class TokenKind : uint8_t {
  kWord,         // letters/digits (a hyphenated word is split into its parts; the hyphen is dropped)
  kNumber,       // starts with a digit
  kPossessive,   // the 'S / ' of a possessive, split from its word (key "'S")
  kComma,        // ,
  kPeriod,       // sentence-final or other . ! ?
  kColon,        // : ;
  kQuote,        // " and typographic quotes (key "\"")
  kParen,        // ( ) [ ]
  kDash,         // a free-standing dash: - -- en/em dash (key "-")
  kOther,        // anything else that is not white space
};

struct Token {
  Span span;             // bytes of the original text
  uint32_t key_offset;   // into TokenBuffer::keys
  uint32_t key_length;
  TokenKind kind;
  bool capitalized;      // first character is an upper-case letter in the original text
  bool all_caps;         // every letter is upper case (and there are at least two letters)
};

// Per-thread scratch holding the tokens of one sentence and their keys.
class TokenBuffer {
 public:
  void clear() {
    tokens.clear();
    keys.clear();
  }
  std::string_view key(const Token& t) const { return {keys.data() + t.key_offset, t.key_length}; }
  std::string_view key(size_t i) const { return key(tokens[i]); }
  size_t size() const { return tokens.size(); }

  std::vector<Token> tokens;
  std::string keys;  // concatenated keys: NFKC, typographic quotes/dashes folded, UPPER CASE
};

// Tokenizes document[sentence.start, sentence.end) and appends to `out`.
// Keys: upper-case ASCII for ASCII input; for non-ASCII words NFKC + case folding + upper
// casing (utf8proc), with curly apostrophes folded to ' so "Baku’s" keys as BAKU + 'S.
// Invalid UTF-8 never crashes: an invalid byte becomes part of a kOther token with key "?".
void tokenize(std::string_view document, Span sentence, TokenBuffer& out);

// Returns the key form of an arbitrary phrase (used when compiling dictionaries), with the same
// folding as tokenize(): words joined by single spaces, hyphens and underscores become spaces.
std::string key_of_phrase(std::string_view phrase);

// True when `bytes` is well-formed UTF-8. On failure, *bad_offset receives the first bad byte.
bool valid_utf8(std::string_view bytes, size_t* bad_offset = nullptr);

}  // namespace dyad::text
