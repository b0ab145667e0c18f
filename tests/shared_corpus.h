// Reading the corpora of ../shared for tests that compare a fast path with its simple twin on
// real text (tests/text/*_differential.cpp).
#pragma once

#include <filesystem>
#include <string>

#include "ingest/ingest.h"
#include "test_util.h"

namespace dyad::testing {

// Calls fn(document) for each document of ../shared/corpora/<name>, in file order, until fn
// returns false. Returns why the corpus could not be read ("" when it was): the caller skips.
template <class Fn>
std::string for_each_corpus_document(const std::string& name, Fn fn) {
  if (!have_shared()) return "needs ../shared";
  const std::filesystem::path path = shared_dir() / "corpora" / name;
  if (!std::filesystem::exists(path)) return path.string() + " absent";
  ingest::DocumentReader reader({path.string()}, ingest::ReaderOptions{});
  ingest::RawDocument raw;
  auto ignore = [](const ingest::Reject&) {};
  while (reader.next(raw, ignore, ignore))
    if (!fn(raw)) break;
  return "";
}

}  // namespace dyad::testing
