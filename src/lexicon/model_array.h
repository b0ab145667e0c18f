// Array<T>: the vector type of the compiled model's arrays (pattern elements, phrase words, trie
// and hash-table arrays), so that a model read from a file needs no allocation per array.
//
// An Array either owns its memory (a model being compiled: push_back and the rest work as with
// std::vector) or views memory owned by someone else (a model read from a file: arrays of plain
// values point into the file's bytes, arrays of structures into an arena; both are kept by
// Model::Impl::storage, which must outlive every Array viewing them). A viewing Array still
// destroys its elements (they were constructed for it) but never frees their memory. Any change
// of size (push_back, resize, reserve, ...) first moves the elements into memory of the Array's
// own; copies are deep and own. Writing a viewed element in place is only allowed where the view
// is of writable memory: a model from Model::load / Model::read views a read-only mapping of its
// file (it is immutable anyway); deserialize_model without an owner views a writable copy, which
// tests edit.
//
// Thread-safety: as std::vector (const access from any number of threads; the model, read-only
// after loading, is shared by every Coder thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace dyad::lexicon {

template <typename T>
class Array {
 public:
  using value_type = T;
  using size_type = size_t;
  using iterator = T*;
  using const_iterator = const T*;
  using reference = T&;
  using const_reference = const T&;

  Array() = default;
  Array(std::initializer_list<T> items) {
    reserve(items.size());
    for (const T& item : items) push_back(item);
  }
  Array(const Array& other) {
    reserve(other.size_);
    std::uninitialized_copy(other.begin(), other.end(), data_);
    size_ = other.size_;
  }
  Array(Array&& other) noexcept
      : data_(other.data_), size_(other.size_), capacity_(other.capacity_) {
    other.data_ = nullptr;
    other.size_ = other.capacity_ = 0;
  }
  Array& operator=(const Array& other) {
    if (this != &other) {
      Array copy(other);
      swap(copy);
    }
    return *this;
  }
  Array& operator=(Array&& other) noexcept {
    if (this != &other) {
      Array gone(std::move(*this));
      swap(other);
    }
    return *this;
  }
  ~Array() { release(); }
  void swap(Array& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

  // An Array viewing `size` constructed elements at `data`, which it destroys but never frees:
  // their memory must outlive it (see the top of this file).
  static Array view(T* data, size_t size) {
    Array a;
    a.become_view(data, size);
    return a;
  }
  // The same in place (the model reader: no temporary to move and destroy).
  void become_view(T* data, size_t size) {
    release();
    data_ = size == 0 ? nullptr : data;
    size_ = checked(size);
    capacity_ = 0;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    if (size_ >= capacity_) {               // full, or a view (capacity 0)
      T item(std::forward<Args>(args)...);  // may name an element of this array
      reallocate(grown(size_ + 1));
      ::new (static_cast<void*>(data_ + size_)) T(std::move(item));
    } else {
      ::new (static_cast<void*>(data_ + size_)) T(std::forward<Args>(args)...);
    }
    return data_[size_++];
  }
  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  void pop_back() {
    --size_;
    std::destroy_at(data_ + size_);
  }
  // Appends `n` items (plain values: the bytes of a string arena).
  void append(const T* items, size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (n == 0) return;
    if (size_ + n > capacity_) reallocate(grown(size_ + n));
    std::memcpy(static_cast<void*>(data_ + size_), items, n * sizeof(T));
    size_ += static_cast<uint32_t>(n);
  }
  void clear() {
    std::destroy_n(data_, size_);
    size_ = 0;
    if (capacity_ == 0) data_ = nullptr;  // forget a view
  }
  void reserve(size_t n) {
    if (n > capacity_) reallocate(n);
  }
  void resize(size_t n) {
    resize_with(n, [](T* at) { ::new (static_cast<void*>(at)) T(); });
  }
  void resize(size_t n, const T& value) {
    if (n > size_ && n > capacity_ && &value >= data_ && &value < data_ + size_) {
      T copy(value);
      return resize(n, copy);
    }
    resize_with(n, [&](T* at) { ::new (static_cast<void*>(at)) T(value); });
  }
  void assign(size_t n, const T& value) {
    T copy(value);
    clear();
    resize(n, copy);
  }

 private:
  static uint32_t checked(size_t n) {
    if (n > UINT32_MAX) throw std::length_error("lexicon::Array: too many elements");
    return static_cast<uint32_t>(n);
  }
  size_t grown(size_t needed) const {
    size_t doubled = size_ < 4 ? 4 : 2 * static_cast<size_t>(size_);
    return needed > doubled ? needed : doubled;
  }
  template <typename Construct>
  void resize_with(size_t n, Construct construct) {
    if (n < size_) {
      std::destroy_n(data_ + n, size_ - n);
      size_ = static_cast<uint32_t>(n);
      return;
    }
    reserve(n);
    for (; size_ < n; ++size_) construct(data_ + size_);
  }
  // Moves the elements into new memory of `capacity` items owned by this array.
  void reallocate(size_t capacity) {
    capacity = checked(capacity);
    T* fresh = std::allocator<T>().allocate(capacity);
    if constexpr (std::is_trivially_copyable_v<T>) {
      if (size_ > 0) std::memcpy(static_cast<void*>(fresh), data_, size_ * sizeof(T));
    } else {
      std::uninitialized_move(data_, data_ + size_, fresh);
      std::destroy_n(data_, size_);
    }
    if (capacity_ > 0) std::allocator<T>().deallocate(data_, capacity_);
    data_ = fresh;
    capacity_ = static_cast<uint32_t>(capacity);
  }
  void release() {
    std::destroy_n(data_, size_);
    if (capacity_ > 0) std::allocator<T>().deallocate(data_, capacity_);
  }

  T* data_ = nullptr;
  uint32_t size_ = 0;
  uint32_t capacity_ = 0;  // 0: a view (or empty); otherwise memory of its own
};

// Memory that the Arrays of a model read from a file point into: the file's bytes (a read-only
// mapping or a copy) and an arena for arrays of structures built while reading. Freed only when
// the model is: declared first in Model::Impl, so it outlives every other member.
//
// The arena takes address space in large blocks and has the kernel fill in the pages a little
// ahead of the bump pointer, a chunk at a time (MADV_POPULATE_WRITE), instead of one page fault
// per 4 KiB page as the reader first writes each (page faults were a third of a model load).
class ModelStorage {
 public:
  ModelStorage() = default;
  ModelStorage(const ModelStorage&) = delete;
  ModelStorage& operator=(const ModelStorage&) = delete;
  ~ModelStorage();
  // `size` bytes aligned to `align` (a power of two, at most 4096), uninitialized.
  [[gnu::always_inline]] void* allocate(size_t size, size_t align) {
    const size_t pad = (0 - reinterpret_cast<uintptr_t>(next_)) & (align - 1);
    if (size + pad > ready_) [[unlikely]]
      return allocate_slow(size, align);
    void* at = next_ + pad;
    next_ += pad + size;
    ready_ -= pad + size;
    return at;
  }
  std::shared_ptr<const void> bytes;  // the file's bytes, which raw arrays view

 private:
  void* allocate_slow(size_t size, size_t align);
  struct Block {
    char* base;
    size_t size;
  };
  std::unique_ptr<Block[]> blocks_;
  size_t block_count_ = 0, block_capacity_ = 0;
  char* next_ = nullptr;
  char* end_ = nullptr;  // of the current block
  size_t ready_ = 0;     // bytes from next_ on whose pages are in place
};

}  // namespace dyad::lexicon
