// Fuzz target: TABARI dictionaries (lexicon::read_tabari) as .actors, .agents and .verbs files,
// then compile_dictionary and a model-file round trip of what was read.
#include <cstdint>
#include <string_view>

#include "compile_check.h"
#include "fuzz_common.h"
#include "lexicon/tabari_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  const struct {
    const char* name;
    lexicon::DictionaryKind kind;
  } kinds[] = {{"fuzz.actors", lexicon::DictionaryKind::kActors},
               {"fuzz.agents", lexicon::DictionaryKind::kAgents},
               {"fuzz.verbs", lexicon::DictionaryKind::kVerbs}};
  for (const auto& k : kinds) {
    lexicon::Dictionary dict;
    if (fuzz::expect_only_dyad_errors("read_tabari",
                                      [&] { lexicon::read_tabari(k.name, content, k.kind, dict); }))
      fuzz::compile_and_round_trip(dict);
  }
  // The pattern and code-block parsers on each line, as the tests call them.
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t end = nl == std::string_view::npos ? content.size() : nl;
    std::string_view line = content.substr(pos, end - pos);
    if (!line.empty() && line[0] == '-') {
      fuzz::expect_only_dyad_errors("parse_verb_pattern", [&] {
        lexicon::parse_verb_pattern(line.substr(1), "fuzz:1", false);
      });
      fuzz::expect_only_dyad_errors("parse_verb_pattern(time)", [&] {
        lexicon::parse_verb_pattern(line.substr(1), "fuzz:1", true);
      });
    }
    size_t open = line.find('['), close = line.find(']');
    if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
      fuzz::expect_only_dyad_errors("parse_code_block", [&] {
        lexicon::parse_code_block(line.substr(open + 1, close - open - 1), "fuzz:1");
      });
    }
    pos = end + 1;
  }
  return 0;
}
