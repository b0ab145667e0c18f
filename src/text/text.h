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
//
// Rules, in order:
//  - A paragraph break (line break, white-space-only line, line break; CRLF and CR count as line
//    breaks; or U+2029) always ends a sentence. A single line break is just white space.
//  - Otherwise a sentence ends after . ! ? (a run like "?!" or "..." counts as one), optionally
//    followed by closing quotes/brackets (" ' ) ] ” ’ » ›), when white space follows and then an
//    upper-case letter, a digit, or an opening quote/bracket (" ' ` ( [ “ ‘ « „).
//  - A single period after an abbreviation is judged by the word before it:
//      strong, never ends a sentence: titles and ranks (Mr. Gen. Col. Lt. Sen. St. Messrs. ...),
//        months (Jan. ... Sept. ... Dec.), Vol., vs., v., approx., e.g., i.e.;
//      No./Nos.: do not end a sentence before a number ("No. 10"), otherwise they are words;
//      weak: dotted acronyms (U.S. U.N. U.K. E.U. J.F. a.m.), single-letter initials (W.), Co.
//        Cos. Corp. Inc. Ltd. Bros. Jr. Sr. etc. A weak abbreviation ends the sentence only when
//        the next word, after an optional opening quote, is a common sentence starter written
//        exactly as: The He She It They We But In A An This That On At However Meanwhile His Her
//        Its Their There These Those Some When While If After I.
//    So "the U.S. The president" splits, "the U.S. Army" and "U.S. officials" do not, and the
//    genuinely ambiguous "the U.S. Officials said" does not (missing a boundary is cheaper than
//    cutting an actor name in two). Titles and months need a capital ("Gen." but not "gen.").
// Documents larger than 4 GiB are cut at 4 GiB (spans are 32-bit).
void split_sentences(std::string_view document, std::vector<Span>& out);

enum class TokenKind : uint8_t {
  kWord,        // letters/digits (a hyphenated word is split into its parts; the hyphen is dropped)
  kNumber,      // starts with a digit
  kPossessive,  // the 'S / ' of a possessive, split from its word (key "'S")
  kComma,       // ,
  kPeriod,      // sentence-final or other . ! ? (key "." "!" "?"; ".." "..." and … are "...")
  kColon,       // : ;
  kQuote,       // " ` and typographic quotes, and ' ‘ ’ when not an apostrophe (key "\"")
  kParen,       // ( ) [ ] { }
  kDash,        // a free-standing dash: - -- en/em dash (key "-")
  kOther,       // anything else that is not white space (key: the folded character; "?" for
                // invalid UTF-8)
};

struct Token {
  Span span;            // bytes of the original text (an abbreviation's period is inside it)
  uint32_t key_offset;  // into TokenBuffer::keys
  uint32_t key_length;
  TokenKind kind;
  bool capitalized;  // first character is an upper-case letter in the original text
  bool all_caps;     // every letter is upper case (and there are at least two letters)
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
//
// Rules (nothing outside the sentence span changes the result; 8-byte loads may read bytes of
// `document` before the span, never after it):
//  - White space: ASCII white space and control characters, NBSP and the other Unicode spaces
//    (U+2000..U+200B, U+202F, U+205F, U+3000, ...), BOM, C1 controls.
//  - Words: letters, digits and combining marks; an apostrophe between word characters stays
//    ("DON'T", "O'BRIEN"). A final 's / ’s, or a bare ' / ’ after a word ending in s, is split off
//    as kPossessive "'S" ("Israel's" -> ISRAEL 'S, "ministers'" -> MINISTERS 'S; a closing
//    single quote after a word ending in s reads as a possessive too). Format characters (soft
//    hyphen, ZWJ) between word characters are kept in the span and dropped from the key.
//  - A hyphen (- U+2010 U+2011) right after a word and before a word character splits the word
//    and makes no token ("Nagorno-Karabakh" -> NAGORNO KARABAKH, "U.S.-led" -> US LED); runs of
//    other hyphens/dashes (" - ", "--", – — −) are one kDash.
//  - Numbers start with a digit and keep , . - / between digits ("1,000" "3.5" "2019-07-11");
//    letters may follow ("1980S"). A hyphen after a number before a letter splits ("30-YEAR").
//  - Abbreviation keys have no periods: a dotted acronym is one kWord ("U.S." -> US, "J.F." ->
//    JF, "U.S.A." -> USA, also "U.S" without the last period); the period of an initial ("W.")
//    and of the abbreviations listed at split_sentences() ("Gen." -> GEN, "Inc." -> INC, "No."
//    only before a number) is part of the word's span, also at the end of a sentence, and makes
//    no kPeriod. key_of_phrase() applies the same rule, so "U.S." and "U.S._" both key as US.
//  - Unicode keys: NFKC ("ﬁ" -> FI, fullwidth -> ASCII), case folding, default-ignorable
//    characters dropped, then upper case ("ß" -> SS). Marks on Latin letters are stripped
//    because dictionaries are ASCII ("Erdoğan" -> ERDOGAN, "Düsseldorf" -> DUSSELDORF);
//    letters of other scripts keep theirs ("й" -> Й).
//  - Invalid UTF-8: each run of bytes that do not decode is one kOther token, key "?".
void tokenize(std::string_view document, Span sentence, TokenBuffer& out);

namespace detail {
// split_sentences() without its fast scan: every byte is looked at. Same results by contract;
// the differential test (tests/text/test_split_differential.cpp) compares the two.
void split_sentences_reference(std::string_view document, std::vector<Span>& out);

// tokenize() without its fast path for plain ASCII words: every word goes through the general
// code. Same results by contract; the differential test compares the two field by field.
void tokenize_reference(std::string_view document, Span sentence, TokenBuffer& out);
}  // namespace detail

// Returns the key form of an arbitrary phrase (used when compiling dictionaries), with the same
// folding as tokenize(): words joined by single spaces, hyphens and underscores become spaces.
// Precisely: the keys of tokenize(phrase with '_' replaced by ' ') joined by single spaces, so a
// phrase key always equals the space-joined keys of the text tokens it should match:
// "ISRAEL'S" -> "ISRAEL 'S", "U.S._" -> "US", "NAGORNO-KARABAKH" -> "NAGORNO KARABAKH",
// "JOHN F. KENNEDY" -> "JOHN F KENNEDY". Leading/trailing spaces and underscores vanish.
std::string key_of_phrase(std::string_view phrase);

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates, or code points beyond
// U+10FFFF). On failure, *bad_offset receives the offset of the first byte of the first
// ill-formed sequence.
bool valid_utf8(std::string_view bytes, size_t* bad_offset = nullptr);

}  // namespace dyad::text
