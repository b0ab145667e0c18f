#include "geo/locate.h"

#include <string>

namespace dyad::geo {
namespace {

const lexicon::Place* lookup(const Model::Impl& model, const std::string& key) {
  const uint32_t* index = model.place_index.find(key);
  return index == nullptr ? nullptr : &model.places[*index];
}

}  // namespace

const lexicon::Place* place_in_sentence(const Model::Impl& model, const text::TokenBuffer& tokens) {
  const size_t n = tokens.size();
  for (size_t i = 0; i + 1 < n; ++i) {
    std::string_view key = tokens.key(i);
    if (key != "IN" && key != "AT" && key != "NEAR" && key != "OUTSIDE") continue;
    size_t j = i + 1;
    if (j < n && tokens.key(j) == "THE") ++j;
    // Longest capitalized run of up to four words that the gazetteer knows.
    std::string name;
    const lexicon::Place* best = nullptr;
    for (size_t k = j; k < n && k < j + 4; ++k) {
      const text::Token& t = tokens.tokens[k];
      if (t.kind != text::TokenKind::kWord || !t.capitalized) break;
      if (!name.empty()) name += ' ';
      name += tokens.key(k);
      if (const lexicon::Place* p = lookup(model, name)) best = p;
    }
    if (best != nullptr) return best;
  }
  return nullptr;
}

const lexicon::Place* dateline_place(const Model::Impl& model, std::string_view place) {
  if (place.empty()) return nullptr;
  return lookup(model, text::key_of_phrase(place));
}

}  // namespace dyad::geo
