// Fuzz target: the TABARI validation-suite files `dyad validate` reads (src/validate): the
// .project file, the .options file (and each command line through apply_option) and the text
// file of records. They take paths, so each input is written to a scratch file first.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.h"
#include "validate/tabari_suite.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace dyad;
  auto& scratch = fuzz::ScratchDir::get();
  std::string project = scratch.write("suite.project", data, size);
  fuzz::expect_only_dyad_errors("read_project", [&] {
    validate::TabariProject p = validate::read_project(project);
    fuzz::check(!p.dictionaries.empty(), "a project without dictionaries was accepted");
  });
  std::string options_path = scratch.write("suite.options", data, size);
  fuzz::expect_only_dyad_errors("read_options_file", [&] {
    CodingOptions options;
    validate::read_options_file(options_path, options);
  });
  std::string text = scratch.write("suite.txt", data, size);
  for (bool stop : {false, true}) {
    fuzz::expect_only_dyad_errors("read_records", [&] {
      for (const validate::ValidationRecord& r : validate::read_records(text, stop)) {
        fuzz::check(r.line >= 1, "a record without a line");
        for (const std::string& command : r.options) {
          CodingOptions options;
          std::string why;
          validate::apply_option(command, options, &why);
        }
      }
    });
  }
  // Every line as an options command, the way records' { OPTION: ... } lines are applied.
  std::string_view content(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    size_t end = nl == std::string_view::npos ? content.size() : nl;
    std::string line(content.substr(pos, end - pos));
    fuzz::expect_only_dyad_errors("apply_option", [&] {
      CodingOptions options;
      std::string why;
      if (!validate::apply_option(line, options, &why))
        fuzz::check(!why.empty(), "apply_option refused a command without saying why");
    });
    pos = end + 1;
  }
  return 0;
}
