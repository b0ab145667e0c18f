// What writing fresh memory costs on this host: maps N MiB of anonymous memory (N from the
// command line, default 20), writes one byte in every 4 KiB page, and prints the time per page.
// Each first write makes the kernel supply a page; docs/benchmarks.md ("Two hosts") shows how
// much that costs differs between hosts, and what it does to the tokenizer floor.
// Build: g++ -std=c++20 -O2 -o /tmp/first_touch tools/first_touch.cpp
#include <sys/mman.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  const size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20;
  const size_t bytes = mib << 20, pages = bytes / 4096;
  const auto start = std::chrono::steady_clock::now();
  void* map = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED || pages == 0) return 1;
  volatile char* p = static_cast<char*>(map);
  for (size_t i = 0; i < pages; ++i) p[i * 4096] = 1;
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu MiB: %.1f ms, %.2f us per 4 KiB page\n", mib, us / 1000, us / pages);
  return 0;
}
