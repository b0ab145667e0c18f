// Ingest stage: turns input files (JSON Lines, plain-text wire articles, directories of either,
// stdin) into RawDocuments, one at a time (streaming: memory does not grow with the corpus).
//
// Contract: every input unit (a JSON line, a wire file) becomes exactly one RawDocument or
// exactly one Reject. Nothing is silently dropped: blank JSON lines are the only exception and
// are not documents. Rejects name the file, the 1-based line and the reason.
//
// JSON Lines: one object per line with "id" (string, or a number kept as written), "text"
// (non-empty string) and "date" (YYYY-MM-DD; an ISO date-time keeps its date part; null, "" or
// absent means no date), optional "title"/"source"/"url" (string or null); other keys are
// ignored but must still be valid JSON. A line longer than max_document_bytes is skipped without
// being held in memory and rejected.
// Wire articles: one file = one document. First line " date YYYY-MM-DD" optionally followed by a
// dateline ("Baku, Azerbaijan, July 11"), which may also stand on the next line; the text is the
// file's bytes after that header, leading blank lines stripped.
//
// Thread-safety: a DocumentReader is used by one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::ingest {

struct Dateline {
  std::string place;    // e.g. "Baku" or "LONDON" as written
  std::string country;  // e.g. "Azerbaijan" when written ("Baku, Azerbaijan, July 11"), else ""
  int month = 0;        // 1-12 when the dateline gives a date, else 0
  int day = 0;          // 1-31 when given, else 0
};

struct RawDocument {
  std::string id;
  std::string date;  // YYYY-MM-DD, validated (a real calendar date); "" when the input had none
  std::string title, source, url;  // "" when absent
  std::string text;  // the text events point into (for wire files: the body after the date line;
                     // a dateline that starts the body's first line stays in the text)
  std::optional<Dateline> dateline;  // from the wire header line or the first line of text
  // Document::dateline_length: set where the dateline was parsed from the text's own start.
  std::optional<size_t> dateline_length;
  std::string origin_file;           // path as given, or "<stdin>"
  uint64_t origin_line = 0;          // 1-based line of the JSON object; 1 for a wire file
};

// A rejected input unit; also the shape of a warning (then the document was still returned).
struct Reject {
  std::string file;
  uint64_t line = 0;   // 1-based; 0 when the whole file is affected (unreadable)
  std::string doc_id;  // when known
  std::string reason;  // one line, human-readable, e.g. "invalid JSON: missing closing brace"
};

enum class Format { kAuto, kJsonLines, kWire };

struct ReaderOptions {
  Format format = Format::kAuto;  // auto: by extension (.jsonl/.json/.ndjson) or first byte '{'
  size_t max_document_bytes = 8u << 20;  // larger lines/files are rejected, never crash
  bool require_date = false;             // when true a missing date is a reject; else a warning
};

// Streams documents from a list of inputs. "-" means stdin. A directory is walked recursively in
// sorted path order (files ending .jsonl/.json/.ndjson/.txt; others skipped): each directory's
// entries in byte order of their names, a subdirectory read where its name sorts. Inputs that
// cannot be read (missing, permission, unreadable directory) are rejects with line 0.
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> inputs, ReaderOptions options);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills `doc` with the next document and returns true, or returns false at end of input.
  // Rejected units are passed to `on_reject` and reading goes on. Warnings (e.g. a document with
  // no date) go to `on_warning` and the document is still returned.
  bool next(RawDocument& doc, const std::function<void(const Reject&)>& on_reject,
            const std::function<void(const Reject&)>& on_warning);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses a wire dateline from the start of `line` (only its first line counts):
//   "Baku, Azerbaijan, July 11"   "LONDON, Feb 26 -"   "WASHINGTON (Reuters) -"
//   "BEIRUT, March 3 (Reuters) -"   "Tokyo, 3 March (AFP) -"   "CHARLOTTE, N.C., April 13 -"
// A place of 1-4 capitalised words, optional ", Region" parts, then a month-day, or a dash (after
// an ALL-CAPS place, an agency or a region), or an ALL-CAPS "PLACE, Region" alone on the line;
// ordinary sentences ("First Deputy Minister of Defense of ...") are not datelines. Returns
// nullopt when `line` does not start with one. *consumed receives the number of bytes the
// dateline takes, with its trailing dash and the blanks after it.
std::optional<Dateline> parse_dateline(std::string_view line, size_t* consumed = nullptr);

// True when s is YYYY-MM-DD and a real calendar date.
bool valid_iso_date(std::string_view s);

}  // namespace dyad::ingest
