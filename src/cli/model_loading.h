// How every dyad subcommand compiles its model: the default knowledge unless --dict-only, the
// --dict files first (so their entries win), and the dictionary lines skipped as malformed
// reported on stderr. Goes through the compiled-model cache (Model::load) unless the
// environment has DYAD_MODEL_CACHE=0. Throws dyad::Error (an unreadable file, or any skipped line when strict).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/dyad.h"

namespace dyad::cli {

std::shared_ptr<const Model> load_model(const std::vector<std::string>& dictionaries,
                                        bool dict_only, bool strict = false);

}  // namespace dyad::cli
