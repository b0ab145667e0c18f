// Fuzz target: the reference tables a --dict file may replace (lexicon/tables.h): CAMEO event
// codes (cameo.tsv) and the gazetteer (places.tsv). What is accepted must be finite and in range
// (it reaches the JSON output as numbers).
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "lexicon/tables.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  Model::Impl codes;
  if (fuzz::expect_only_dyad_errors("load_event_codes", [&] {
        lexicon::load_event_codes("fuzz.cameo.tsv", content, codes);
      })) {
    for (const auto& [code, info] : codes.event_codes) {
      fuzz::check(std::isfinite(info.goldstein) && info.goldstein >= -10 && info.goldstein <= 10,
                  "a Goldstein score out of range was accepted");
      fuzz::check(info.quad_class >= 1 && info.quad_class <= 4, "a bad quad class was accepted");
      codes.event_code(code);
    }
  }
  Model::Impl places;
  if (fuzz::expect_only_dyad_errors("load_places", [&] {
        lexicon::load_places("fuzz.places.tsv", content, places);
      })) {
    for (const lexicon::Place& p : places.places)
      fuzz::check(std::isfinite(p.lat) && std::isfinite(p.lon) && std::abs(p.lat) <= 90 &&
                      std::abs(p.lon) <= 180,
                  "a place with bad coordinates was accepted");
    places.place_index.for_each([&](std::string_view, uint32_t index) {
      fuzz::check(index < places.places.size(), "a place index points past the places");
    });
  }
  return 0;
}
