// Fuzz target: PETRARCH dictionaries (lexicon::read_petrarch) as verb, actor, agent, discard and
// issue files, then compile_dictionary and a model-file round trip; issue files also build an
// IssueCoder that tags a sentence.
#include <cstdint>
#include <string_view>

#include "compile_check.h"
#include "fuzz_common.h"
#include "lexicon/petrarch_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  const struct {
    const char* name;
    lexicon::PetrarchKind kind;
  } kinds[] = {{"CAMEO.verbs.txt", lexicon::PetrarchKind::kVerbs},
               {"Phoenix.actors.txt", lexicon::PetrarchKind::kActors},
               {"Phoenix.agents.txt", lexicon::PetrarchKind::kAgents},
               {"Phoenix.discards.txt", lexicon::PetrarchKind::kDiscards},
               {"Phoenix.issues.txt", lexicon::PetrarchKind::kIssues}};
  for (const auto& k : kinds) {
    lexicon::Dictionary dict;
    lexicon::PetrarchNotes notes;
    if (!fuzz::expect_only_dyad_errors("read_petrarch", [&] {
          lexicon::read_petrarch(k.name, content, k.kind, dict, &notes);
        }))
      continue;
    fuzz::compile_and_round_trip(dict);
    if (k.kind == lexicon::PetrarchKind::kIssues && !dict.issues.empty()) {
      fuzz::expect_only_dyad_errors("IssueCoder", [&] {
        lexicon::IssueCoder coder(dict.issues);
        coder.sentence_issues("Refugees fled the terror attack. Talks on trade resumed.", true);
      });
    }
  }
  fuzz::expect_only_dyad_errors("detect_verb_dialect",
                                [&] { lexicon::detect_verb_dialect(content); });
  return 0;
}
