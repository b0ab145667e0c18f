// Fuzz target: JSON Lines ingest (ingest::DocumentReader). The contract checked: every input
// unit (a non-blank line, or a line over the size limit) becomes exactly one document or one
// reject, and every document is well-formed (non-blank id and text, valid UTF-8 text without
// NUL, a real calendar date or none).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/ingest.h"

namespace {

using namespace dyad;
using fuzz::blank;

// The units the reader must account for, computed independently of it.
uint64_t json_units(std::string_view bytes, size_t max_bytes, uint64_t* lines) {
  uint64_t units = 0;
  *lines = 0;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    ++*lines;
    if (line.size() > max_bytes) {
      ++units;
    } else {
      if (*lines == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      if (!blank(line)) ++units;
    }
    pos = end + 1;
  }
  return units;
}

bool sniffs_as_json(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  size_t i = 0;
  while (i < bytes.size() && blank(bytes.substr(i, 1))) ++i;
  return i < bytes.size() && bytes[i] == '{';
}

void check_document(const ingest::RawDocument& doc, const ingest::ReaderOptions& options,
                    uint64_t lines) {
  fuzz::check(!blank(doc.id), "a document has a blank id");
  fuzz::check(!blank(doc.text), "a document has a blank text");
  fuzz::check(text::valid_utf8(doc.text), "a document's text is not valid UTF-8");
  fuzz::check(doc.text.find('\0') == std::string::npos, "a document's text holds a NUL");
  fuzz::check(doc.text.size() <= options.max_document_bytes, "a document exceeds the limit");
  fuzz::check(doc.date.empty() || ingest::valid_iso_date(doc.date), "a document's date is bad");
  fuzz::check(!options.require_date || !doc.date.empty(), "a required date is missing");
  fuzz::check(doc.origin_line >= 1 && doc.origin_line <= lines, "a document's line is wrong");
}

void run(const std::string& path, std::string_view bytes, ingest::ReaderOptions options,
         bool json) {
  uint64_t lines = 0;
  uint64_t units = json_units(bytes, options.max_document_bytes, &lines);
  uint64_t expected = json ? units : 1;  // a file read as a wire article is one unit
  uint64_t documents = 0, rejects = 0, whole_file_rejects = 0;
  fuzz::expect_only_dyad_errors("DocumentReader", [&] {
    ingest::DocumentReader reader({path}, options);
    ingest::RawDocument doc;
    auto on_reject = [&](const ingest::Reject& r) {
      if (r.reason.empty() || r.reason.find('\n') != std::string::npos)
        fuzz::bug("a reject's reason is empty or spans lines: [" + r.reason + "]");
      if (r.line > lines)
        fuzz::bug("a reject's line " + std::to_string(r.line) + " is past the end (" +
                  std::to_string(lines) + " lines): " + r.reason);
      ++rejects;
      whole_file_rejects += r.line == 0;  // e.g. a gzip file: no unit of it is read
    };
    auto on_warning = [](const ingest::Reject&) {};
    while (reader.next(doc, on_reject, on_warning)) {
      check_document(doc, options, lines);
      ++documents;
    }
  });
  if (whole_file_rejects > 0) {
    fuzz::check(whole_file_rejects == 1 && rejects == 1 && documents == 0,
                "a file rejected as a whole also gave documents or other rejects");
  } else if (documents + rejects != expected) {
    fuzz::bug("input units: expected " + std::to_string(expected) + ", got " +
              std::to_string(documents) + " documents and " + std::to_string(rejects) +
              " rejects");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto& scratch = fuzz::ScratchDir::get();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string path = scratch.write("input.jsonl", data, size);
  // The default limit (8 MiB) costs a 1 MiB read buffer per reader; inputs here are far
  // smaller, so a 64 KiB limit reads them the same way, faster.
  ingest::ReaderOptions options;
  options.max_document_bytes = 64 << 10;
  run(path, bytes, options, true);
  // A small limit (long lines are skipped without being held) and a required date.
  options.max_document_bytes = 48;
  options.require_date = true;
  run(path, bytes, options, true);
  // No telling extension: the reader sniffs the first byte.
  std::string sniffed = scratch.write("input.data", data, size);
  options = ingest::ReaderOptions{};
  options.max_document_bytes = 64 << 10;
  run(sniffed, bytes, options, sniffs_as_json(bytes));
  return 0;
}
