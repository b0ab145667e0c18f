// Compiled model files: a Model::Impl written to disk and read back without recompiling.
//
// Layout (all integers little-endian, as written by this x86-64/ARM64 build):
//   "DYADMODL"             8 bytes, magic
//   format version         u32 (kModelFormatVersion)
//   build id               32 bytes (kBuildId: hash of the sources and default knowledge)
//   source key             u64 (hash of the dictionaries and options the model was made from)
//   payload size           u64
//   payload checksum       u64 (hash of the payload bytes)
//   payload                the Impl's members in declaration order; vectors of plain structs
//                          (trie arrays, flat hash slots) are stored as raw bytes, and those of
//                          lexicon::Array after zero bytes aligning them (as file offsets) to
//                          their values' alignment, so a mapped file is used in place
// A file is accepted only when every header field matches and the checksum is right, and the
// payload then parses to its exact end; anything else is an error, never a partial model.
//
// Thread-safety: free functions without shared state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "lexicon/model.h"

namespace dyad::lexicon {

constexpr uint32_t kModelFormatVersion = 18;
extern const char kBuildId[];  // generated/build_id.cpp

// A fast 64-bit hash of byte streams (file contents, keys, checksums); not cryptographic.
class StreamHash {
 public:
  void add(std::string_view bytes);
  void add_u64(uint64_t value);
  uint64_t finish() const;

 private:
  uint64_t state_ = 0x243f6a8885a308d3ULL;
  uint64_t length_ = 0;
};

// The whole file for `impl`.
std::string serialize_model(const Model::Impl& impl, uint64_t source_key);

// Parses a model file. Throws dyad::Error (without a file name: the caller adds it) saying what
// is wrong: not a model file, another format version or build, another source key (when
// `expected_key` is given), a bad checksum, truncation.
// With `owner` (what keeps `bytes` alive, e.g. a read-only mapping of the file at a page
// boundary) the model's arrays of plain values point into `bytes` and the model keeps `owner`
// (Model::Impl::storage) until it is destroyed; the bytes must not change meanwhile (model files
// are replaced by a rename, never rewritten in place). Without it they point into a copy.
std::unique_ptr<Model::Impl> deserialize_model(std::string_view bytes,
                                               const uint64_t* expected_key = nullptr,
                                               std::shared_ptr<const void> owner = nullptr);

}  // namespace dyad::lexicon
