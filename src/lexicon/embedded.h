// The default knowledge files (data/knowledge/*), embedded into the library at build time.
#pragma once

#include <cstddef>

namespace dyad::lexicon {

struct EmbeddedFile {
  const char* name;  // file name without directory, e.g. "countries.actors"
  const char* data;  // file bytes (NUL-terminated for convenience; size excludes the NUL)
  size_t size;
};

// Terminated by an entry whose name is nullptr. Sorted by name.
extern const EmbeddedFile kEmbeddedKnowledge[];

}  // namespace dyad::lexicon
