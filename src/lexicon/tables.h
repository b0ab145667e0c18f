// The reference tables a model carries besides its dictionaries: CAMEO event codes (cameo.tsv:
// code, label, Goldstein score, quad class, PLOVER category) and the gazetteer (places.tsv:
// name, country, lat, lon, kind). Both are tab-separated with a header line; '#' lines are
// comments. A --dict file whose name ends in "cameo.tsv" or "places.tsv" is read as one.
// Errors throw dyad::Error "FILE:LINE: reason" (too few columns, a value that is not a finite
// number in its range: Goldstein -10..10, quad class 1-4, latitude -90..90, longitude
// -180..180).
#pragma once

#include <string_view>

#include "lexicon/model.h"

namespace dyad::lexicon {

void load_event_codes(std::string_view name, std::string_view content, Model::Impl& impl);
void load_places(std::string_view name, std::string_view content, Model::Impl& impl);

}  // namespace dyad::lexicon
