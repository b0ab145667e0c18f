// BuiltOnce: a table that a later stage derives from a finished model (the coder's per-verb
// index), built on first use and then shared by every thread that asks for it.
//
// Thread-safety: get() may be called from any number of threads at once; the first call builds
// the value and the others wait for it (std::call_once), after which it is read only. A
// BuiltOnce holds one value of one type for the life of its owner: every get() of it must name
// the same T (the model keeps one per use).
#pragma once

#include <memory>
#include <mutex>
#include <utility>

namespace dyad::lexicon {

class BuiltOnce {
 public:
  BuiltOnce() = default;
  BuiltOnce(const BuiltOnce&) = delete;
  BuiltOnce& operator=(const BuiltOnce&) = delete;

  // The value, made by build() (which returns a T) on the first call.
  template <typename T, typename Build>
  const T& get(Build&& build) const {
    std::call_once(once_,
                   [&] { value_ = std::make_shared<const T>(std::forward<Build>(build)()); });
    return *static_cast<const T*>(value_.get());
  }

 private:
  mutable std::once_flag once_;
  mutable std::shared_ptr<const void> value_;
};

}  // namespace dyad::lexicon
