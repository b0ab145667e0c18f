// Fuzz target: wire-article ingest (one .txt file = one document or one reject) and the
// dateline parser. Checked: exactly one unit per file, a well-formed document, datelines whose
// consumed length lies inside the line.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "ingest/ingest.h"

namespace {

using namespace dyad;
using fuzz::blank;

void run(const std::string& path, ingest::ReaderOptions options) {
  uint64_t documents = 0, rejects = 0;
  fuzz::expect_only_dyad_errors("DocumentReader", [&] {
    ingest::DocumentReader reader({path}, options);
    ingest::RawDocument doc;
    auto on_reject = [&](const ingest::Reject& r) {
      fuzz::check(!r.reason.empty() && r.reason.find('\n') == std::string::npos,
                  "a reject's reason is empty or spans lines");
      fuzz::check(r.doc_id.empty() || r.doc_id == "article", "a reject has a wrong document id");
      ++rejects;
    };
    auto on_warning = [](const ingest::Reject&) {};
    while (reader.next(doc, on_reject, on_warning)) {
      fuzz::check(doc.id == "article", "the document id is not the file name");
      fuzz::check(!blank(doc.text), "a document has a blank text");
      fuzz::check(text::valid_utf8(doc.text), "a document's text is not valid UTF-8");
      fuzz::check(doc.text.find('\0') == std::string::npos, "a document's text holds a NUL");
      fuzz::check(doc.date.empty() || ingest::valid_iso_date(doc.date), "a bad date passed");
      fuzz::check(!options.require_date || !doc.date.empty(), "a required date is missing");
      if (doc.dateline) {
        fuzz::check(doc.dateline->month >= 0 && doc.dateline->month <= 12, "dateline month");
        fuzz::check(doc.dateline->day >= 0 && doc.dateline->day <= 31, "dateline day");
      }
      ++documents;
    }
  });
  if (documents + rejects != 1) {
    fuzz::bug("a wire file gave " + std::to_string(documents) + " documents and " +
              std::to_string(rejects) + " rejects");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string path = fuzz::ScratchDir::get().write("article.txt", data, size);
  ingest::ReaderOptions options;
  options.max_document_bytes = 64 << 10;  // inputs are far smaller; a smaller read buffer
  run(path, options);
  ingest::ReaderOptions strict;
  strict.max_document_bytes = 200;
  strict.require_date = true;
  run(path, strict);

  // The dateline parser on its own, over every line.
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    size_t consumed = 0;
    fuzz::expect_only_dyad_errors("parse_dateline", [&] {
      if (ingest::parse_dateline(line, &consumed))
        fuzz::check(consumed <= line.size(), "a dateline consumed past its line");
    });
    ingest::valid_iso_date(line.substr(0, 10));
    if (nl == std::string_view::npos) break;
    pos = end + 1;
  }
  return 0;
}
