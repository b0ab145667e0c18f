#include "cli/allocator.h"

#ifdef DYAD_WITH_JEMALLOC
#include <jemalloc/jemalloc.h>

#include <fmt/format.h>

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
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's (its documented configuration variable).
const char* malloc_conf = "thp:always";
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
  return fmt::format("jemalloc {}, huge pages: {}", version, thp);
#else
  return "system";
#endif
}

}  // namespace dyad::cli
