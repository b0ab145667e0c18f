#include "cli/allocator.h"

#ifdef DYAD_WITH_JEMALLOC
#include <fmt/format.h>
#include <jemalloc/jemalloc.h>

// jemalloc reads this string when it starts (before main): its memory is madvise()d for
// transparent huge pages, so the kernel maps it 2 MiB at a time where the system's THP mode
// is "madvise" or "always" (Debian's default is "madvise").
//
// Why: coding writes fresh memory throughout a run: each worker's caches of the words it has
// seen grow to some megabytes, documents and formatted events are new strings, and each worker
// thread has a heap of its own. With 4 KiB pages that is one page fault per 4 KiB, some 3,300
// faults with one thread and 6,000 with two on the Reuters corpus. On some hosts (virtual
// machines whose page faults trap to the hypervisor) a fault costs 10-14 microseconds: 5% of a
// one-thread run, and more of a two-thread one, whose second worker faults in its own caches.
// With huge pages the same runs take a few hundred faults (docs/benchmarks.md).
//
// One arena for every thread (narenas:1) instead of jemalloc's default of four per core: each
// arena maps memory of its own, whose first pieces are too small for huge pages, so every
// worker thread with an arena of its own faulted in some 4 MB again (1,600 faults with two
// threads against 630). Threads still allocate small blocks from caches of their own, and the
// workers allocate little once warm (they reuse their buffers), so one arena is no point of
// contention at the thread counts measured; MALLOC_CONF=narenas:N in the environment overrides
// it (jemalloc reads the environment after this string).
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's (its documented configuration variable).
const char* malloc_conf = "thp:always,narenas:1";
}
#endif

namespace dyad::cli {

std::string allocator_description() {
#ifdef DYAD_WITH_JEMALLOC
  const char* version = nullptr;
  size_t size = sizeof version;
  if (mallctl("version", &version, &size, nullptr, 0) != 0) version = "(version unknown)";
  const char* thp = nullptr;
  size = sizeof thp;
  if (mallctl("opt.thp", &thp, &size, nullptr, 0) != 0) thp = "unknown";
  unsigned arenas = 0;
  size = sizeof arenas;
  if (mallctl("opt.narenas", &arenas, &size, nullptr, 0) != 0) arenas = 0;
  return fmt::format("jemalloc {}, huge pages: {}, arenas: {}", version, thp, arenas);
#else
  return "system";
#endif
}

}  // namespace dyad::cli
