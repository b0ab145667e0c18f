#include "cli/model_loading.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace dyad::cli {

std::shared_ptr<const Model> load_model(const std::vector<std::string>& dictionaries,
                                        bool dict_only, bool strict) {
  KnowledgeOptions knowledge;
  knowledge.use_default = !dict_only;
  knowledge.dictionaries = dictionaries;
  knowledge.strict = strict;
  // Through the compiled-model cache unless DYAD_MODEL_CACHE=0 (docs/formats.md).
  const char* cache = std::getenv("DYAD_MODEL_CACHE");
  bool use_cache = cache == nullptr || std::string_view(cache) != "0";
  auto model = use_cache ? Model::load(knowledge) : Model::compile(knowledge);
  // A command uses its model until the process ends: keeping a reference to the end spares
  // freeing a few hundred thousand allocations at exit (tens of ms). Reachable, not a leak.
  static auto* const kept_to_exit = new std::vector<std::shared_ptr<const Model>>();
  kept_to_exit->push_back(model);
  const auto& warnings = model->stats().warnings;
  for (size_t i = 0; i < warnings.size() && i < 5; ++i)
    fmt::print(stderr, "dyad: dictionary line skipped: {}\n", warnings[i]);
  if (warnings.size() > 5)
    fmt::print(stderr,
               "dyad: ... {} malformed dictionary lines skipped in all (--strict-dict to stop "
               "on them)\n",
               warnings.size());
  return model;
}

}  // namespace dyad::cli
