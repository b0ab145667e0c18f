// Fuzz target: the PETRARCH XML validation suite (validate::parse_petrarch_suite) and the
// <Config> options it carries (validate::apply_petrarch_config).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "validate/petrarch_suite.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_dyad_errors("parse_petrarch_suite", [&] {
    validate::PetrarchSuite suite = validate::parse_petrarch_suite(xml, "/nonexistent/suite.xml");
    CodingOptions options = validate::petrarch_coding_options();
    std::string why;
    for (const auto& [option, value] : suite.config)
      validate::apply_petrarch_config(option, value, options, &why);
    for (const validate::PetrarchRecord& r : suite.records) {
      fuzz::check(r.environment < suite.environments.size() || suite.environments.empty(),
                  "a record names an environment that does not exist");
      for (const auto& [option, value] : r.config)
        validate::apply_petrarch_config(option, value, options, &why);
    }
    for (const validate::PetrarchEnvironment& env : suite.environments) env.dictionaries();
  });
  return 0;
}
