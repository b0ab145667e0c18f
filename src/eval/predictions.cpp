// dyad JSON Lines events read back for `dyad eval GOLD EVENTS`.
#include "eval/predictions.h"

#include <simdjson.h>

#include <unordered_map>

#include "output/writers.h"

namespace dyad::eval {
namespace {

std::string string_or_empty(simdjson::dom::object object, const char* key) {
  std::string_view s;
  if (object[key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return {};
}

uint32_t offset_or_zero(simdjson::dom::object object, const char* key) {
  uint64_t v = 0;
  if (object[key].get_uint64().get(v) != simdjson::SUCCESS || v > UINT32_MAX) return 0;
  return static_cast<uint32_t>(v);
}

TextSpan read_span(simdjson::dom::object object) {
  TextSpan span;
  span.text = string_or_empty(object, "text");
  span.start = offset_or_zero(object, "start");
  span.end = offset_or_zero(object, "end");
  if (span.end < span.start) span.end = span.start;
  return span;
}

std::optional<Actor> read_actor(simdjson::dom::object event, const char* key) {
  simdjson::dom::object object;
  if (event[key].get_object().get(object) != simdjson::SUCCESS) return std::nullopt;
  Actor actor;
  actor.code = string_or_empty(object, "code");
  actor.country = string_or_empty(object, "country");
  actor.sector = string_or_empty(object, "sector");
  actor.span = read_span(object);
  return actor;
}

}  // namespace

bool parse_event_json(std::string_view line, Event* event) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(simdjson::padded_string(line)).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) return false;
  *event = Event{};
  simdjson::dom::element doc_id;
  if (object["doc_id"].get(doc_id) != simdjson::SUCCESS) return false;
  std::string_view id_text;
  if (doc_id.get_string().get(id_text) == simdjson::SUCCESS)
    event->doc_id = std::string(id_text);
  else if (doc_id.is_number())
    event->doc_id = simdjson::minify(doc_id);
  else
    return false;
  event->cameo = string_or_empty(object, "cameo");
  if (event->cameo.empty()) return false;
  event->root = string_or_empty(object, "root");
  if (event->root.empty()) event->root = event->cameo.substr(0, 2);
  event->event_id = string_or_empty(object, "event_id");
  event->date = string_or_empty(object, "date");
  event->plover = string_or_empty(object, "plover");
  uint64_t sentence_index = 0;
  if (object["sentence_index"].get_uint64().get(sentence_index) == simdjson::SUCCESS &&
      sentence_index <= UINT32_MAX)
    event->sentence_index = static_cast<uint32_t>(sentence_index);
  int64_t quad = 0;
  if (object["quad_class"].get_int64().get(quad) == simdjson::SUCCESS && quad >= 0 && quad <= 4)
    event->quad_class = static_cast<int>(quad);
  double goldstein = 0;
  if (object["goldstein"].get_double().get(goldstein) == simdjson::SUCCESS)
    event->goldstein = goldstein;
  event->source = read_actor(object, "source");
  event->target = read_actor(object, "target");
  simdjson::dom::object action;
  if (object["action"].get_object().get(action) == simdjson::SUCCESS)
    event->action = read_span(action);
  return true;
}

PredictionLoad read_events_jsonl(std::string_view bytes, const GoldSet& gold,
                                 std::vector<std::vector<Event>>& out) {
  PredictionLoad load;
  out.assign(gold.sentences.size(), {});
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < gold.sentences.size(); ++i) index.emplace(gold.sentences[i].id, i);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  uint64_t number = 0;
  Event event;
  while (!bytes.empty()) {
    size_t nl = bytes.find('\n');
    std::string_view line = bytes.substr(0, nl);
    bytes = nl == std::string_view::npos ? std::string_view() : bytes.substr(nl + 1);
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!parse_event_json(line, &event)) {
      load.invalid_lines.push_back(number);
      continue;
    }
    auto it = index.find(event.doc_id);
    if (it == index.end()) {
      ++load.unknown_doc_events;
      continue;
    }
    ++load.events;
    out[it->second].push_back(std::move(event));
  }
  return load;
}

std::string gold_as_corpus(const GoldSet& gold, const std::string& default_date) {
  std::string out;
  for (const auto& s : gold.sentences) {
    out += "{\"id\":";
    output::append_json_string(s.id, out);
    out += ",\"date\":";
    output::append_json_string(s.date.empty() ? default_date : s.date, out);
    out += ",\"text\":";
    output::append_json_string(s.text, out);
    out += "}\n";
  }
  return out;
}

}  // namespace dyad::eval
