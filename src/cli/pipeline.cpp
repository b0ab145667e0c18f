#include "cli/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace dyad::cli {
namespace {

// A run of consecutive documents and, once coded, their formatted events.
struct Batch {
  std::vector<Document> docs;  // reused across batches; the first `count` are live
  size_t count = 0;
  size_t bytes = 0;
  std::string output;
  CodingStats stats;
  std::exception_ptr error;
  bool done = false;  // guarded by Workers::mutex_ while the batch is in flight
};

void code_batch(Coder& coder, const PipelineOptions& options, std::vector<Event>& events,
                Batch& batch) {
  const output::Format format = options.format;
  batch.output.clear();
  batch.stats = {};
  batch.error = nullptr;
  try {
    for (size_t i = 0; i < batch.count; ++i) {
      events.clear();
      coder.code(batch.docs[i], events, &batch.stats);
      if (options.issues && !events.empty())
        options.issues->assign(batch.docs[i], options.coding.split_sentences, events);
      for (const auto& e : events) output::append_event(format, e, batch.output);
    }
  } catch (...) {
    batch.error = std::current_exception();
  }
}

// Worker threads taking batches from a FIFO queue; each owns a Coder.
class Workers {
 public:
  Workers(const std::shared_ptr<const Model>& model, const PipelineOptions& options, unsigned count)
      : model_(model), options_(options) {
    threads_.reserve(count);
    try {
      for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { run(); });
    } catch (...) {
      stop();
      throw;
    }
  }
  ~Workers() { stop(); }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void submit(Batch* batch) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      batch->done = false;
      pending_.push_back(batch);
    }
    work_cv_.notify_one();
  }
  bool done(const Batch& batch) {
    std::lock_guard<std::mutex> lock(mutex_);
    return batch.done;
  }
  void wait(const Batch& batch) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_cv_.wait(lock, [&] { return batch.done; });
  }

 private:
  // Stops the workers and joins them. Batches still queued are dropped: stop() only runs with
  // work pending while an exception unwinds the pipeline.
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : threads_)
      if (t.joinable()) t.join();
  }

  void run() {
    Coder coder(model_);
    coder.set_options(options_.coding);
    std::vector<Event> events;
    for (;;) {
      Batch* batch = nullptr;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_cv_.wait(lock, [&] { return stop_ || !pending_.empty(); });
        if (stop_) return;
        batch = pending_.front();
        pending_.pop_front();
      }
      code_batch(coder, options_, events, *batch);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        batch->done = true;
      }
      done_cv_.notify_one();  // only the calling thread waits on done_cv_
    }
  }

  std::shared_ptr<const Model> model_;
  const PipelineOptions& options_;
  std::mutex mutex_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Batch*> pending_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

unsigned resolve_threads(unsigned requested) {
  if (requested > 0) return requested;
  unsigned cores = std::thread::hardware_concurrency();
  return cores > 0 ? cores : 1;
}

void to_document(ingest::RawDocument&& raw, Document& doc) {
  doc.id = std::move(raw.id);
  doc.date = std::move(raw.date);
  doc.text = std::move(raw.text);
  doc.title = std::move(raw.title);
  doc.source = std::move(raw.source);
  doc.url = std::move(raw.url);
  if (raw.dateline) {
    doc.dateline_place = std::move(raw.dateline->place);
    doc.dateline_country = std::move(raw.dateline->country);
  } else {
    doc.dateline_place.clear();
    doc.dateline_country.clear();
  }
  doc.dateline_length = raw.dateline_length;
}

PipelineStats run_pipeline(std::shared_ptr<const Model> model, const PipelineOptions& options,
                           const NextDocument& next, const WriteOutput& write) {
  const unsigned threads = resolve_threads(options.threads);
  const size_t batch_documents = std::max<size_t>(1, options.batch_documents);
  PipelineStats stats;
  bool end_of_input = false;

  // Reads the next batch; false when the input is exhausted.
  auto fill = [&](Batch& batch) {
    batch.count = 0;
    batch.bytes = 0;
    while (!end_of_input && batch.count < batch_documents && batch.bytes < options.batch_bytes) {
      if (batch.count == batch.docs.size()) batch.docs.emplace_back();
      Document& doc = batch.docs[batch.count];
      if (!next(doc)) {
        end_of_input = true;
        break;
      }
      batch.bytes += doc.text.size();
      ++batch.count;
    }
    return batch.count > 0;
  };
  // Writes a coded batch (in input order) and adds up its counts.
  auto finish = [&](const Batch& batch) {
    if (batch.error) std::rethrow_exception(batch.error);
    stats.documents += batch.count;
    stats.coding.sentences += batch.stats.sentences;
    stats.coding.events += batch.stats.events;
    if (!batch.output.empty()) {
      stats.output_bytes += batch.output.size();
      write(batch.output);
    }
  };

  if (threads == 1) {
    Coder coder(std::move(model));
    coder.set_options(options.coding);
    std::vector<Event> events;
    Batch batch;
    while (fill(batch)) {
      code_batch(coder, options, events, batch);
      finish(batch);
    }
    return stats;
  }

  const size_t max_in_flight = threads * std::max<size_t>(1, options.batches_per_thread);
  // Declared before the workers so that they outlive them (the workers stop first).
  std::deque<std::unique_ptr<Batch>> in_flight;  // input order
  std::vector<std::unique_ptr<Batch>> spare;
  Workers workers(model, options, threads);
  auto write_front = [&] {
    workers.wait(*in_flight.front());
    finish(*in_flight.front());
    spare.push_back(std::move(in_flight.front()));
    in_flight.pop_front();
  };
  for (;;) {
    std::unique_ptr<Batch> batch;
    if (spare.empty()) {
      batch = std::make_unique<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
    }
    if (!fill(*batch)) break;
    workers.submit(batch.get());
    in_flight.push_back(std::move(batch));
    // Write whatever is ready at the front; wait for the oldest batch while too many are queued.
    while (!in_flight.empty() &&
           (in_flight.size() >= max_in_flight || workers.done(*in_flight.front())))
      write_front();
  }
  while (!in_flight.empty()) write_front();
  return stats;
}

}  // namespace dyad::cli
