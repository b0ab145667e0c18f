#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "lexicon/built_once.h"

namespace dyad::lexicon {
namespace {

struct Table {
  explicit Table(int v) : value(v) {}
  int value;
};

TEST(BuiltOnceTest, BuildsOnceForAllThreadsAndHandsOutTheSameValue) {
  BuiltOnce once;
  std::atomic<int> builds{0};
  std::atomic<bool> go{false};
  constexpr int kThreads = 8;
  std::vector<const Table*> seen(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      seen[t] = &once.get<Table>([&] {
        builds.fetch_add(1);
        return Table(42);
      });
    });
  go.store(true);
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(builds.load(), 1);
  for (const Table* table : seen) {
    ASSERT_EQ(table, seen[0]);
    EXPECT_EQ(table->value, 42);
  }
  // Later calls do not build again.
  EXPECT_EQ(&once.get<Table>([] { return Table(7); }), seen[0]);
  EXPECT_EQ(builds.load(), 1);
}

}  // namespace
}  // namespace dyad::lexicon
