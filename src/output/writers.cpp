#include "output/writers.h"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace dyad::output {
namespace {

void append_tsv_field(std::string_view s, std::string& out) {
  // Tabs and newlines inside a field would break the row: they become spaces.
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void append_span_json(const TextSpan& span, std::string& out) {
  out += "\"text\":";
  append_json_string(span.text, out);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"start\":{},\"end\":{}"), span.start, span.end);
}

void append_nullable(std::string_view s, std::string& out) {
  if (s.empty())
    out += "null";
  else
    append_json_string(s, out);
}

void append_actor_json(const std::optional<Actor>& actor, std::string& out) {
  if (!actor) {
    out += "null";
    return;
  }
  // An uncoded actor (dyad's rules: a target named by its words only) has a null code.
  out += "{\"code\":";
  append_nullable(actor->code, out);
  out += ",\"country\":";
  if (actor->country.empty())
    out += "null";
  else
    append_json_string(actor->country, out);
  out += ",\"sector\":";
  if (actor->sector.empty())
    out += "null";
  else
    append_json_string(actor->sector, out);
  out += ',';
  append_span_json(actor->span, out);
  out += '}';
}

}  // namespace

bool parse_format(std::string_view name, Format* out) {
  if (name == "jsonl" || name == "json") {
    *out = Format::kJsonLines;
    return true;
  }
  if (name == "tsv") {
    *out = Format::kTsv;
    return true;
  }
  return false;
}

std::string header(Format format) {
  if (format != Format::kTsv) return "";
  return "event_id\tdoc_id\tsentence_index\tdate\tcameo\troot\tquad_class\tgoldstein\tplover\t"
         "source_code\tsource_country\tsource_sector\tsource_text\tsource_start\tsource_end\t"
         "target_code\ttarget_country\ttarget_sector\ttarget_text\ttarget_start\ttarget_end\t"
         "action_text\taction_start\taction_end\tlocation_name\tlocation_country\tlat\tlon\n";
}

void append_json_string(std::string_view s, std::string& out) {
  out.push_back('"');
  // Runs of bytes that need no escape (nearly all of them) are appended whole.
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        fmt::format_to(std::back_inserter(out), FMT_COMPILE("\\u{:04x}"), c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void append_event(Format format, const Event& e, std::string& out) {
  if (format == Format::kJsonLines) {
    out += "{\"event_id\":";
    append_json_string(e.event_id, out);
    out += ",\"doc_id\":";
    append_json_string(e.doc_id, out);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"sentence_index\":{},\"date\":"), e.sentence_index);
    append_nullable(e.date, out);
    out += ",\"cameo\":";
    append_json_string(e.cameo, out);
    out += ",\"root\":";
    append_json_string(e.root, out);
    if (e.quad_class > 0)
      fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"quad_class\":{}"), e.quad_class);
    else
      out += ",\"quad_class\":null";
    if (e.goldstein)
      fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"goldstein\":{:.1f}"), *e.goldstein);
    else
      out += ",\"goldstein\":null";
    out += ",\"plover\":";
    append_nullable(e.plover, out);
    out += ",\"source\":";
    append_actor_json(e.source, out);
    out += ",\"target\":";
    append_actor_json(e.target, out);
    out += ",\"action\":{";
    append_span_json(e.action, out);
    out += "},\"location\":";
    if (e.location) {
      out += "{\"name\":";
      append_json_string(e.location->name, out);
      out += ",\"country\":";
      append_nullable(e.location->country, out);
      if (e.location->lat && e.location->lon)
        fmt::format_to(std::back_inserter(out), FMT_COMPILE(",\"lat\":{:.2f},\"lon\":{:.2f}}}"),
                       *e.location->lat, *e.location->lon);
      else
        out += ",\"lat\":null,\"lon\":null}";
    } else {
      out += "null";
    }
    if (!e.issues.empty()) {
      out += ",\"issues\":[";
      for (size_t i = 0; i < e.issues.size(); ++i) {
        if (i) out += ',';
        append_json_string(e.issues[i], out);
      }
      out += ']';
    }
    out += "}\n";
    return;
  }
  auto field = [&](std::string_view s) {
    append_tsv_field(s, out);
    out += '\t';
  };
  auto actor = [&](const std::optional<Actor>& a) {
    if (!a) {
      out += "\t\t\t\t\t\t";
      return;
    }
    field(a->code);
    field(a->country);
    field(a->sector);
    field(a->span.text);
    fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t{}\t"), a->span.start, a->span.end);
  };
  field(e.event_id);
  field(e.doc_id);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t"), e.sentence_index);
  field(e.date);
  field(e.cameo);
  field(e.root);
  if (e.quad_class > 0) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}"), e.quad_class);
  out += '\t';
  if (e.goldstein) fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.1f}"), *e.goldstein);
  out += '\t';
  field(e.plover);
  actor(e.source);
  actor(e.target);
  field(e.action.text);
  fmt::format_to(std::back_inserter(out), FMT_COMPILE("{}\t{}\t"), e.action.start, e.action.end);
  if (e.location) {
    field(e.location->name);
    field(e.location->country);
    if (e.location->lat && e.location->lon)
      fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.2f}\t{:.2f}\n"), *e.location->lat,
                     *e.location->lon);
    else
      out += "\t\n";
  } else {
    out += "\t\t\t\n";
  }
}

}  // namespace dyad::output
