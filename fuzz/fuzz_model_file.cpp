// Fuzz target: compiled model files (lexicon::deserialize_model). Bad input must throw
// dyad::Error, never crash. Random bytes rarely get past the header checksum, so each input is
// used three ways:
//   1. as a whole file;
//   2. as a payload, with a valid header (magic, version, build id, size, checksum) stamped
//      around it;
//   3. as an edit script applied to the payload of a small real model (compiled at start from
//      the dictionary below), re-stamped: corrupt counts, indices and flags deep inside a
//      well-formed file.
// A payload that is accepted must write back to a file that reads back to itself, and a
// model read from it must code sentences.
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.h"
#include "lexicon/model.h"
#include "lexicon/model_file.h"
#include "lexicon/tabari_reader.h"

namespace {

using namespace dyad;

constexpr uint64_t kKey = 7;

constexpr std::string_view kActors =
    "AZERBAIJAN_ [AZE]\n+AZERBAIJANI_\nRUSSIA_ [RUS]\nVLADIMIR_PUTIN_\n  [RUSELI <19990808]\n"
    "  [RUSGOV >19990809]\nUNITED NATIONS_ [IGOUNO]\nSOCIAL_DEMOCRATS_ [---]\n";
constexpr std::string_view kAgents = "TROOPS_ [~MIL]\nNGO_ [NGO~]\nMINISTER_ [~GOV]\n";
constexpr std::string_view kVerbs =
    "<SYNSETS>\n&TIES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n"
    "MEET_ [040]\n{MET_ MEETS_ MEETING_}\n- * WITH + [042]\n- $ * { TALKS | NEGOTIATIONS } [043]\n"
    "- * &TIES TIES [045]\nACCUS [112]\n- * ^ OF_WAR_CRIMES [1121]\n"
    "ATTACK_ [190]\n- + WAS * BY $ [190:190]\n";

std::string stamp(std::string_view payload) {
  std::string out("DYADMODL", 8);
  auto put = [&](const void* p, size_t n) { out.append(static_cast<const char*>(p), n); };
  uint32_t version = lexicon::kModelFormatVersion;
  put(&version, sizeof version);
  char build_id[32] = {};
  std::memcpy(build_id, lexicon::kBuildId, std::min<size_t>(std::strlen(lexicon::kBuildId), 32));
  put(build_id, sizeof build_id);
  uint64_t key = kKey, size = payload.size();
  lexicon::StreamHash hash;
  hash.add(payload);
  uint64_t sum = hash.finish();
  put(&key, 8);
  put(&size, 8);
  put(&sum, 8);
  out.append(payload);
  return out;
}

constexpr size_t kHeaderBytes = 8 + 4 + 32 + 8 + 8 + 8;

const std::string& reference_payload() {
  static const std::string payload = [] {
    lexicon::Dictionary dict;
    lexicon::read_tabari("ref.actors", kActors, lexicon::DictionaryKind::kActors, dict);
    lexicon::read_tabari("ref.agents", kAgents, lexicon::DictionaryKind::kAgents, dict);
    lexicon::read_tabari("ref.verbs", kVerbs, lexicon::DictionaryKind::kVerbs, dict);
    Model::Impl impl;
    lexicon::compile_dictionary(dict, impl);
    std::string file = lexicon::serialize_model(impl, kKey);
    fuzz::check(stamp(file.substr(kHeaderBytes)) == file, "stamp() disagrees with the writer");
    return file.substr(kHeaderBytes);
  }();
  return payload;
}

// Applies 5-byte edits: op, 24-bit offset, value.
std::string edited(std::string payload, std::string_view script) {
  for (size_t i = 0; i + 5 <= script.size(); i += 5) {
    auto b = [&](size_t k) { return static_cast<uint8_t>(script[i + k]); };
    size_t at = (b(1) | b(2) << 8 | b(3) << 16) % (payload.size() + 1);
    uint8_t v = b(4);
    switch (b(0) % 6) {
      case 0:
        if (at < payload.size()) payload[at] = static_cast<char>(v);
        break;
      case 1:
        if (at < payload.size()) payload[at] = static_cast<char>(payload[at] ^ (1 << (v % 8)));
        break;
      case 2:
        payload.insert(payload.begin() + static_cast<long>(at), static_cast<char>(v));
        break;
      case 3:
        if (at < payload.size()) payload.erase(at, 1 + v % 8);
        break;
      case 4: {  // an interesting 64-bit value over a count or an index
        static constexpr uint64_t kValues[] = {0, 1, 2, 0xFF, 0xFFFF, 0xFFFFFFFFull,
                                               0x7FFFFFFFFFFFFFFFull, ~0ull};
        uint64_t value = kValues[v % 8];
        if (at + 8 <= payload.size()) std::memcpy(payload.data() + at, &value, 8);
        break;
      }
      default:
        payload.resize(at);
    }
  }
  return payload;
}

void check_accepted(const Model::Impl& impl) {
  std::string file = lexicon::serialize_model(impl, kKey);
  std::unique_ptr<Model::Impl> again;
  bool ok = fuzz::expect_only_dyad_errors(
      "deserialize_model(rewritten)", [&] { again = lexicon::deserialize_model(file, &kKey); });
  fuzz::check(ok, "an accepted model writes a file that does not read back");
  fuzz::check(lexicon::serialize_model(*again, kKey) == file, "a model file is not stable");
}

void try_payload(std::string_view payload, bool code) {
  std::string file = stamp(payload);
  std::unique_ptr<Model::Impl> impl;
  if (!fuzz::expect_only_dyad_errors("deserialize_model",
                                     [&] { impl = lexicon::deserialize_model(file, &kKey); })) {
    fuzz::count(code ? "edited payload refused" : "payload refused");
    return;
  }
  fuzz::count(code ? "edited payload accepted" : "payload accepted");
  check_accepted(*impl);
  if (!code) return;
  std::string path = fuzz::ScratchDir::get().write(
      "model.dyadmodel", reinterpret_cast<const uint8_t*>(file.data()), file.size());
  fuzz::expect_only_dyad_errors("code with a read model", [&] {
    auto model = Model::read(path);
    Coder coder(model);
    std::vector<Event> events;
    Document doc;
    doc.id = "d";
    doc.date = "2024-03-05";
    doc.text = "Azerbaijani troops met with Russia yesterday. Putin accused Azerbaijan of war "
               "crimes, and the United Nations was attacked by Social Democrats.";
    coder.code(doc, events);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_dyad_errors("deserialize_model(raw)",
                                [&] { lexicon::deserialize_model(bytes); });
  try_payload(bytes, false);
  try_payload(edited(reference_payload(), bytes), true);
  return 0;
}
