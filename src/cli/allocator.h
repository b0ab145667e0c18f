// The dyad command's memory allocator: jemalloc where the build found it (DYAD_JEMALLOC), set up
// in allocator.cpp to back the heap with transparent huge pages; otherwise the C library's.
#pragma once

#include <string>

namespace dyad::cli {

// What `dyad bench` reports as its allocator: "jemalloc 5.3.0-..., huge pages: always,
// arenas: 1", or "system" when the command links none of its own.
std::string allocator_description();

}  // namespace dyad::cli
