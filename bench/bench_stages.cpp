// Google Benchmark micro-benchmarks of dyad's pipeline stages, one sentence (or document, or
// event) per iteration over a fixed sample:
//
//   ingest     ingest::DocumentReader on the sample as a JSON Lines file: parsing, UTF-8
//              validation, dates and datelines (the input's normalization), per file
//   split      text::split_sentences on a whole document
//   tokenize   text::tokenize on one sentence
//   actors     actors::match_words + actors::find_mentions on one tokenized sentence
//   patterns   the actor stage, then every verb the verb trie finds outside a mention and all
//              its patterns tried with events::match_pattern (no pre-filter: the work a
//              TABARI-style coder does per verb; `patterns` minus `actors` is the matching)
//   coder      dyad::Coder::code on a one-sentence document (every stage of a sentence)
//   document   dyad::Coder::code on a whole document
//   output     output::append_event (JSON Lines, TSV) on one event
//   construct  a dyad::Coder made for the loaded default model (once per worker thread)
//
// The sample is the first documents of ../shared/corpora/reuters21578.jsonl when it exists
// (DYAD_BENCH_CORPUS overrides the path, DYAD_BENCH_DOCUMENTS the count, default 2000), else a
// built-in sample. Models: the shipped default knowledge.
//
//   ./build/dyad_bench --benchmark_filter=tokenize --benchmark_min_time=1
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "actors/mentions.h"
#include "dates/calendar.h"
#include "dyad/dyad.h"
#include "events/patterns.h"
#include "ingest/ingest.h"
#include "lexicon/model.h"
#include "output/writers.h"
#include "text/text.h"

namespace {

using namespace dyad;

constexpr const char* kBuiltInSample[] = {
    "CAIRO, Oct 16 - Egyptian President Abdel Fattah al-Sisi met with U.S. Secretary of State "
    "Antony Blinken in Cairo on Sunday to discuss humanitarian aid for Gaza, the Egyptian "
    "presidency said.\n\nIsraeli aircraft struck targets in the Gaza Strip overnight, "
    "Palestinian officials said. Police in Cairo arrested several protesters on Saturday.",
    "Turkish Foreign Minister Hakan Fidan met with Azerbaijani Foreign Minister Jeyhun Bayramov in "
    "Ankara on March 4, the Turkish Foreign Ministry said in a statement.\n\nThe ministers "
    "discussed regional transport projects and energy cooperation, as well as the peace process "
    "between Azerbaijan and Armenia.\n\nFidan praised the progress made in the talks and said "
    "that Turkey supports a lasting settlement in the South Caucasus.\n\nBayramov thanked Turkey "
    "for its support and invited Fidan to visit Baku later this year.",
    "WASHINGTON (Reuters) - The United States accused Iran on Tuesday of supplying weapons to "
    "rebels in Yemen, and the Pentagon said it would send more ships to the region. Russia "
    "condemned the air strikes and called for talks. China urged both sides to show restraint, "
    "a foreign ministry spokesman told reporters in Beijing.",
    "BRUSSELS, Feb 26 - European Union finance ministers agreed to extend sanctions against "
    "Russia for six months. Germany and France signed an agreement on defence cooperation. The "
    "Japanese government said it would not lift its ban on beef imports from the United States.",
};

struct Sample {
  std::shared_ptr<const Model> model;
  std::vector<Document> documents;
  struct Sentence {
    size_t document;
    text::Span span;
  };
  std::vector<Sentence> sentences;
  std::vector<text::TokenBuffer> tokens;  // tokens[i]: sentences[i] tokenized
  std::vector<Document> one_sentence;     // a document per sentence
  std::vector<Event> events;              // coded from the documents
  uint64_t document_bytes = 0;
};

std::vector<Document> load_documents() {
  std::filesystem::path corpus =
      std::filesystem::path(DYAD_SHARED_DIR) / "corpora/reuters21578.jsonl";
  if (const char* env = std::getenv("DYAD_BENCH_CORPUS")) corpus = env;
  size_t limit = 2000;
  if (const char* env = std::getenv("DYAD_BENCH_DOCUMENTS")) limit = std::strtoul(env, nullptr, 10);
  std::vector<Document> docs;
  if (std::filesystem::exists(corpus)) {
    ingest::DocumentReader reader({corpus.string()}, ingest::ReaderOptions{});
    ingest::RawDocument raw;
    auto ignore = [](const ingest::Reject&) {};
    while (docs.size() < limit && reader.next(raw, ignore, ignore)) {
      Document doc;
      doc.id = raw.id;
      doc.date = raw.date;
      doc.text = raw.text;
      if (raw.dateline) doc.dateline_place = raw.dateline->place;
      docs.push_back(std::move(doc));
    }
  }
  if (docs.empty()) {
    int n = 0;
    for (const char* text : kBuiltInSample) {
      Document doc;
      doc.id = "sample-" + std::to_string(++n);
      doc.date = "2023-10-16";
      doc.text = text;
      docs.push_back(std::move(doc));
    }
  }
  return docs;
}

const Sample& sample() {
  static const Sample s = [] {
    Sample s;
    s.model = Model::compile(KnowledgeOptions{});
    s.documents = load_documents();
    std::vector<text::Span> spans;
    for (size_t d = 0; d < s.documents.size(); ++d) {
      const Document& doc = s.documents[d];
      s.document_bytes += doc.text.size();
      spans.clear();
      text::split_sentences(doc.text, spans);
      for (const auto& span : spans) {
        s.sentences.push_back({d, span});
        text::TokenBuffer tokens;
        text::tokenize(doc.text, span, tokens);
        s.tokens.push_back(std::move(tokens));
        Document one = doc;
        one.id = doc.id + "." + std::to_string(s.one_sentence.size());
        one.text = doc.text.substr(span.start, span.end - span.start);
        s.one_sentence.push_back(std::move(one));
      }
    }
    Coder coder(s.model);
    for (const auto& doc : s.documents) coder.code(doc, s.events);
    return s;
  }();
  return s;
}

// The sample written back as a JSON Lines file (in the temp directory, removed at the end).
void BM_Ingest(benchmark::State& state) {
  const Sample& s = sample();
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "dyad_bench_ingest.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    for (const Document& doc : s.documents) {
      std::string line = "{\"id\":";
      output::append_json_string(doc.id, line);
      line += ",\"date\":";
      output::append_json_string(doc.date, line);
      line += ",\"text\":";
      output::append_json_string(doc.text, line);
      line += "}\n";
      out << line;
    }
  }
  const auto file_bytes = std::filesystem::file_size(path);
  size_t documents = 0;
  for (auto _ : state) {
    ingest::DocumentReader reader({path.string()}, ingest::ReaderOptions{});
    ingest::RawDocument raw;
    auto ignore = [](const ingest::Reject&) {};
    while (reader.next(raw, ignore, ignore)) ++documents;
    benchmark::DoNotOptimize(raw.text.data());
  }
  std::filesystem::remove(path);
  state.SetBytesProcessed(static_cast<int64_t>(file_bytes * state.iterations()));
  state.counters["documents/s"] =
      benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Ingest)->Name("ingest")->Unit(benchmark::kMillisecond);

void BM_Split(benchmark::State& state) {
  const Sample& s = sample();
  std::vector<text::Span> spans;
  size_t i = 0, bytes = 0, sentences = 0;
  for (auto _ : state) {
    spans.clear();
    text::split_sentences(s.documents[i].text, spans);
    benchmark::DoNotOptimize(spans.data());
    bytes += s.documents[i].text.size();
    sentences += spans.size();
    if (++i == s.documents.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Split)->Name("split");

void BM_Tokenize(benchmark::State& state) {
  const Sample& s = sample();
  text::TokenBuffer tokens;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const auto& sentence = s.sentences[i];
    tokens.clear();
    text::tokenize(s.documents[sentence.document].text, sentence.span, tokens);
    benchmark::DoNotOptimize(tokens.tokens.data());
    bytes += sentence.span.end - sentence.span.start;
    if (++i == s.sentences.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // sentences
}
BENCHMARK(BM_Tokenize)->Name("tokenize");

// The actor stage on the sample's sentences in order: the document state starts afresh at each
// document's first sentence, as in the coder.
struct ActorStage {
  explicit ActorStage(const Sample& sample) : s(sample), model(sample.model->impl()) {}
  void run(size_t i) {
    const auto& sentence = s.sentences[i];
    if (i == 0 || s.sentences[i - 1].document != sentence.document) {
      doc_state.clear();
      doc_state.has_day = dates::parse_iso_day(s.documents[sentence.document].date, &doc_state.day);
    }
    actors::match_words(model.words, s.tokens[i], scratch);
    actors::find_mentions(model, options, s.tokens[i], doc_state, scratch);
  }
  const Sample& s;
  const Model::Impl& model;
  CodingOptions options;
  actors::DocumentState doc_state;
  actors::SentenceScratch scratch;
};

void BM_Actors(benchmark::State& state) {
  const Sample& s = sample();
  ActorStage stage(s);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const auto& sentence = s.sentences[i];
    stage.run(i);
    benchmark::DoNotOptimize(stage.scratch.mentions.data());
    bytes += sentence.span.end - sentence.span.start;
    if (++i == s.sentences.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // sentences
}
BENCHMARK(BM_Actors)->Name("actors");

void BM_Patterns(benchmark::State& state) {
  const Sample& s = sample();
  const Model::Impl& model = s.model->impl();
  ActorStage stage(s);
  const actors::SentenceScratch& scratch = stage.scratch;
  events::SentenceIndex index;
  size_t i = 0, bytes = 0, tried = 0, matched = 0;
  for (auto _ : state) {
    const auto& sentence = s.sentences[i];
    const text::TokenBuffer& tokens = s.tokens[i];
    stage.run(i);
    index.clear();
    events::SentenceView view{tokens, scratch};
    view.index = &index;
    const auto n = static_cast<uint32_t>(tokens.size());
    for (uint32_t t = 0; t < n; ++t) {
      if (scratch.mention_of_token[t] >= 0 ||
          !(scratch.token_flags[t] & lexicon::WordTable::kStartsVerb))
        continue;
      uint32_t verb = 0;
      const uint32_t length = actors::longest_match(model.verb_trie, scratch, t, n, &verb,
                                                    {lexicon::WordTable::kStartsVerb, 0});
      if (length == 0) continue;
      for (const lexicon::CompiledPattern& pattern : model.verbs[verb].patterns) {
        events::PatternMatch match;
        ++tried;
        matched += events::match_pattern(pattern, view, t, t + length - 1, &match);
      }
    }
    benchmark::DoNotOptimize(matched);
    bytes += sentence.span.end - sentence.span.start;
    if (++i == s.sentences.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // sentences
  state.counters["patterns/s"] =
      benchmark::Counter(static_cast<double>(tried), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Patterns)->Name("patterns");

void BM_CoderSentence(benchmark::State& state) {
  const Sample& s = sample();
  Coder coder(s.model);
  std::vector<Event> events;
  size_t i = 0, bytes = 0, count = 0;
  for (auto _ : state) {
    events.clear();
    coder.code(s.one_sentence[i], events);
    benchmark::DoNotOptimize(events.data());
    bytes += s.one_sentence[i].text.size();
    count += events.size();
    if (++i == s.one_sentence.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // sentences
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CoderSentence)->Name("coder/sentence");

void BM_CoderDocument(benchmark::State& state) {
  const Sample& s = sample();
  Coder coder(s.model);
  std::vector<Event> events;
  CodingStats stats;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    events.clear();
    coder.code(s.documents[i], events, &stats);
    benchmark::DoNotOptimize(events.data());
    bytes += s.documents[i].text.size();
    if (++i == s.documents.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(stats.sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CoderDocument)->Name("coder/document");

void BM_Output(benchmark::State& state, output::Format format) {
  const Sample& s = sample();
  if (s.events.empty()) {
    state.SkipWithError("the sample codes no events");
    return;
  }
  std::string out;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    out.clear();
    output::append_event(format, s.events[i], out);
    benchmark::DoNotOptimize(out.data());
    bytes += out.size();
    if (++i == s.events.size()) i = 0;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());  // events
}
BENCHMARK_CAPTURE(BM_Output, jsonl, output::Format::kJsonLines)->Name("output/jsonl");
BENCHMARK_CAPTURE(BM_Output, tsv, output::Format::kTsv)->Name("output/tsv");

void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto model = Model::compile(KnowledgeOptions{});
    benchmark::DoNotOptimize(model.get());
  }
}
BENCHMARK(BM_ModelLoad)->Name("model/default")->Unit(benchmark::kMillisecond);

// A Coder made for a loaded model: what every worker thread pays once before its first document
// (its scratch buffers; the per-verb tables it reads are built by the first Coder of the model,
// in the first iteration, and shared by the rest).
void BM_CoderConstruct(benchmark::State& state) {
  std::shared_ptr<const Model> model = Model::compile(KnowledgeOptions{});
  for (auto _ : state) {
    Coder coder(model);
    benchmark::DoNotOptimize(&coder);
  }
}
BENCHMARK(BM_CoderConstruct)->Name("coder/construct")->Unit(benchmark::kMillisecond);

// Reading the compiled default model back from its file (what Model::load does on a cache hit).
void BM_ModelRead(benchmark::State& state) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "dyad_bench_default.dyadmodel").string();
  Model::compile(KnowledgeOptions{})->write(path);
  for (auto _ : state) {
    auto model = Model::read(path);
    benchmark::DoNotOptimize(model.get());
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_ModelRead)->Name("model/default_file")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
