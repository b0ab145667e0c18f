#include "lexicon/model_array.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace dyad::lexicon {

namespace {
constexpr size_t kPageBytes = 4096;
constexpr size_t kBlockBytes = size_t{4} << 20;    // address space, taken a block at a time
constexpr size_t kChunkBytes = size_t{256} << 10;  // pages filled in per call, ahead of use
char* page_up(char* p) {
  return reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(p) + kPageBytes - 1) &
                                 ~(kPageBytes - 1));
}
}  // namespace

ModelStorage::~ModelStorage() {
  for (size_t b = 0; b < block_count_; ++b)
    ::operator delete(blocks_[b].base, std::align_val_t(kPageBytes));
}

void* ModelStorage::allocate_slow(size_t size, size_t align) {
  size_t pad = (0 - reinterpret_cast<uintptr_t>(next_)) & (align - 1);
  if (next_ == nullptr || size + pad > static_cast<size_t>(end_ - next_)) {
    // A new block (the rest of the current one is left unused: untouched pages cost nothing).
    // From the allocator, not mmap() directly: an allocation this large is mapped fresh all the
    // same, and leak checkers scan it (the strings of the codes in it own heap memory).
    const size_t bytes = std::max(kBlockBytes, (size + align + kPageBytes - 1) & ~(kPageBytes - 1));
    if (block_count_ == block_capacity_) {
      const size_t capacity = std::max<size_t>(8, 2 * block_capacity_);
      auto grown = std::make_unique<Block[]>(capacity);
      std::copy(blocks_.get(), blocks_.get() + block_count_, grown.get());
      blocks_ = std::move(grown);
      block_capacity_ = capacity;
    }
    void* base = ::operator new(bytes, std::align_val_t(kPageBytes));
    blocks_[block_count_++] = Block{static_cast<char*>(base), bytes};
    next_ = static_cast<char*>(base);
    end_ = next_ + bytes;
    ready_ = 0;
    pad = 0;  // a block starts on a page
  }
  // Fill in the pages this request reaches and a chunk beyond, in one call. (Where the kernel
  // lacks MADV_POPULATE_WRITE, Linux before 5.14, the call fails and pages fault in as usual.)
  char* ready_end = next_ + ready_;  // on a page boundary
  char* want = std::min(end_, page_up(next_ + pad + size) + kChunkBytes);
#ifdef MADV_POPULATE_WRITE
  ::madvise(ready_end, static_cast<size_t>(want - ready_end), MADV_POPULATE_WRITE);
#endif
  ready_ = static_cast<size_t>(want - next_);
  return allocate(size, align);
}

}  // namespace dyad::lexicon
