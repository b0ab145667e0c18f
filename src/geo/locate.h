// Geo stage: where an event happened. A place the sentence names ("in Baku", "at Kabul airport")
// wins; otherwise the dateline's place. The gazetteer is the model's places table.
// Thread-safety: pure functions over the immutable model.
#pragma once

#include <string_view>

#include "lexicon/model.h"
#include "text/text.h"

namespace dyad::geo {

// The place named by "in/at/near <Place>" in the sentence, or nullptr.
const lexicon::Place* place_in_sentence(const Model::Impl& model, const text::TokenBuffer& tokens);

// The gazetteer entry for a dateline ("Baku", country "Azerbaijan"), or nullptr when unknown.
const lexicon::Place* dateline_place(const Model::Impl& model, std::string_view place);

}  // namespace dyad::geo
