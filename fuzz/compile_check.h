// Shared by the dictionary fuzz targets: a dictionary the reader accepted must compile, and the
// compiled model must survive a trip through the model file format unchanged.
#pragma once

#include <string>

#include "fuzz_common.h"
#include "lexicon/dictionary.h"
#include "lexicon/model.h"
#include "lexicon/model_file.h"

namespace dyad::fuzz {

inline void compile_and_round_trip(const lexicon::Dictionary& dict) {
  Model::Impl impl;
  if (!expect_only_dyad_errors("compile_dictionary",
                               [&] { lexicon::compile_dictionary(dict, impl); }))
    return;
  std::string file = lexicon::serialize_model(impl, 42);
  uint64_t key = 42;
  std::unique_ptr<Model::Impl> back;
  bool ok = expect_only_dyad_errors("deserialize_model",
                                    [&] { back = lexicon::deserialize_model(file, &key); });
  check(ok && back != nullptr, "a freshly written model file does not read back");
  check(lexicon::serialize_model(*back, 42) == file, "a model file read back writes differently");
}

}  // namespace dyad::fuzz
