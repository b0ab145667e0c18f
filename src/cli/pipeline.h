// The threaded, ordered coding pipeline behind `dyad code` and `dyad bench`.
//
//   calling thread: next() ─► batch ─► queue ─► worker 1..N (own Coder, formats its batch)
//                                                    │
//   calling thread: write(batch text) in input order ◄┘
//
// The calling thread reads documents (the reader is single-threaded, so rejects and warnings
// keep flowing in input order straight from it), groups them into batches and hands the batches
// to worker threads. Each worker owns its dyad::Coder (Coders are not thread-safe; the Model is
// immutable and shared) and formats its batch's events into one string with
// output::append_event. The calling thread passes those strings to write() strictly in input
// order, so the output is byte-identical for any number of threads: events ids are per document
// and a Coder keeps no state across documents.
//
// Memory is bounded: at most `batches_per_thread` batches per worker are in flight (read but not
// yet written); when that many are pending the reader waits for the oldest one.
//
// With threads == 1 no thread is started: the calling thread codes each batch itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "dyad/dyad.h"
#include "ingest/ingest.h"
#include "lexicon/petrarch_reader.h"
#include "output/writers.h"

namespace dyad::cli {

struct PipelineOptions {
  unsigned threads = 0;           // coding threads; 0 = std::thread::hardware_concurrency()
  size_t batch_documents = 256;   // a batch closes at this many documents ...
  size_t batch_bytes = 1u << 20;  // ... or once its texts reach this many bytes
  size_t batches_per_thread = 3;  // batches in flight per worker thread
  output::Format format = output::Format::kJsonLines;
  CodingOptions coding;  // applied to every worker's Coder
  // PETRARCH issue coding (Phoenix.IssueCoding.txt among the dictionaries): every event gets the
  // issues of its sentence (Event::issues). Null = none.
  std::shared_ptr<const lexicon::IssueCoder> issues;
};

struct PipelineStats {
  uint64_t documents = 0;  // documents coded
  CodingStats coding;      // sentences and events
  uint64_t output_bytes = 0;
};

// Fills `doc` with the next document and returns true, or returns false at the end of input.
// Called on the calling thread only.
using NextDocument = std::function<bool(Document& doc)>;
// Receives formatted events, batch by batch, in input order, on the calling thread.
using WriteOutput = std::function<void(const std::string& bytes)>;

// The number of coding threads `requested` means (0 = every core; at least 1).
unsigned resolve_threads(unsigned requested);

// Codes every document `next` yields and writes the events through `write`. An exception thrown
// by a Coder is rethrown here (after the workers have stopped), in input order.
PipelineStats run_pipeline(std::shared_ptr<const Model> model, const PipelineOptions& options,
                           const NextDocument& next, const WriteOutput& write);

// Moves a RawDocument from the reader into the Document the Coder takes.
void to_document(ingest::RawDocument&& raw, Document& doc);

}  // namespace dyad::cli
