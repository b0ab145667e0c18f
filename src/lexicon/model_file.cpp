#include "lexicon/model_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <type_traits>

#include "validate/tabari_suite.h"

namespace dyad::lexicon {

// Gives the archive access to the private members of the flat structures.
struct ModelFileAccess {
  template <typename Archive>
  static void visit(Archive& a, WordTable& t) {
    // The three maps as any FlatStringMap is stored (slots, arena), restored below.
    a(t.exact_.slots(), t.exact_.arena(), t.endings_.slots(), t.endings_.arena(), t.stems_.slots(),
      t.stems_.arena(), t.min_stem_, t.max_stem_, t.count_, t.flags_);
    if constexpr (Archive::kReading) {
      // The Coder keeps per-word arrays of size() entries, indexed by the ids words match to:
      // the count is that of the words in the maps (intern() numbers them), never more.
      bool ok = true;
      for (FlatStringMap* map : {&t.exact_, &t.endings_, &t.stems_}) {
        uint32_t largest = 0;
        if (!map->restore(&largest)) a.fail("a string table is malformed");
        ok = ok && (map->empty() || largest < t.count_);
      }
      if (!ok) a.fail("a word id is out of range");
      if (t.count_ != t.exact_.size() + t.endings_.size() + t.stems_.size())
        a.fail("the word count disagrees with the word table");
      t.rebuild_filters();
    }
  }
  template <typename Archive>
  static void visit(Archive& a, PhraseTrie& t) {
    // The edges as any FlatU64Map is stored (its slots), but read without the filter: a walk
    // tests the child signature its Link carries instead.
    a(t.root_links_, t.edges_.slots(), t.nodes_, t.payload_links_);
    if constexpr (Archive::kReading) {
      uint32_t largest_edge = 0;
      if (!t.edges_.restore(false, &largest_edge, PhraseTrie::kNodeMask))
        a.fail("a hash table is malformed");
      // Every index the trie follows must lie inside its arrays.
      const size_t nodes = t.nodes_.size();
      t.last_payload_.clear();  // not stored (see PhraseTrie::find_tails)
      bool ok = nodes >= 1 && t.payload_links_.size() % 2 == 0;
      // The loops over whole arrays accumulate without branching (they vectorize): these arrays
      // are large, and every load checks them.
      uint32_t largest_child = 0;
      // (A link's payload flag and signature are hints: a walk checks the node's payloads
      // before it reads one, and a wrong signature can only hide an edge.)
      for (uint64_t link : t.root_links_)
        largest_child = std::max(largest_child, PhraseTrie::Link(link).node());
      ok = ok && (t.root_links_.empty() || largest_child < nodes);
      ok = ok && (t.edges_.size() == 0 || largest_edge < nodes);
      auto link_ok = [&](uint32_t link) {
        return link == PhraseTrie::kNone || (link % 2 == 0 && link < t.payload_links_.size());
      };
      bool bad_first = false;
      for (size_t n = 0; n < nodes; ++n) bad_first |= !link_ok(t.nodes_[n].first_payload);
      ok = ok && !bad_first;
      for (size_t l = 1; l < t.payload_links_.size(); l += 2)
        ok = ok && link_ok(t.payload_links_[l]) &&
             (t.payload_links_[l] > l - 1 || t.payload_links_[l] == PhraseTrie::kNone);
      if (!ok) a.fail("a phrase trie points outside itself");
    }
  }
};

namespace {

// Member lists, shared by reading and writing (the archive decides the direction).
template <typename A>
void visit(A& a, DatedCode& c) {
  a(c.code, c.from_day, c.to_day);
}
template <typename A>
void visit(A& a, SourceLine& s) {
  a(s.file, s.line);
}
template <typename A>
void visit(A& a, EventCode& c) {
  a(c.code, c.paired, c.subordinate, c.dominant);
}
template <typename A>
void visit(A& a, CompiledPhrase& p) {
  a(p.words, p.joined, p.slots, p.length);
  if constexpr (A::kReading)
    if ((!p.slots.empty() && p.slots.size() != p.words.size()) ||
        std::any_of(p.slots.begin(), p.slots.end(),
                    [](ElementKind k) { return k > ElementKind::kSkip; }))
      a.fail("a phrase's actor slots do not match its words");
}
template <typename A>
void visit(A& a, CompiledElement& e) {
  a(e.kind, e.joined_to_next, e.word, e.alternatives, e.longest);
  if constexpr (A::kReading) {
    bool has_set = e.kind == ElementKind::kAlternatives || e.kind == ElementKind::kSynset;
    if (has_set != (e.alternatives != nullptr)) a.fail("an element's alternatives are misplaced");
  }
}
template <typename A>
void visit(A& a, AlternativeSet& set) {
  a(set.phrases, set.by_first_word, set.by_last_word, set.slot_first, set.slot_last);
  if constexpr (A::kReading) {
    bool ok = set.by_first_word.size() + set.slot_first.size() <= set.phrases.size() &&
              set.by_last_word.size() + set.slot_last.size() <= set.phrases.size();
    for (const auto* slots : {&set.slot_first, &set.slot_last})
      for (uint32_t x : *slots) ok = ok && x < set.phrases.size();
    for (const auto* index : {&set.by_first_word, &set.by_last_word})
      for (const AlternativeByWord& x : *index) ok = ok && x.alternative < set.phrases.size();
    if (!ok) a.fail("an alternative set's index is malformed");
  }
}
template <typename A>
void visit(A& a, CompiledPattern& p) {
  a(p.before, p.after, p.code, p.verb_joined_to_next, p.specificity, p.has_alternatives, p.required,
    p.required_before, p.where);
  if constexpr (A::kReading)
    if (p.required_before > p.required.size()) a.fail("a pattern's word counts disagree");
}
template <typename A>
void visit(A& a, CompiledVerb& v) {
  a(v.code, v.patterns, v.unkeyed_patterns, v.key_words, v.key_begin, v.key_patterns,
    v.has_continuation, v.continuation, v.headword_words, v.headword_chars, v.where);
  if constexpr (A::kReading) {
    bool ok = v.key_begin.size() == v.key_words.size() + 1 && v.key_begin.front() == 0 &&
              v.key_begin.back() == v.key_patterns.size() &&
              std::is_sorted(v.key_begin.begin(), v.key_begin.end());
    for (uint32_t i : v.unkeyed_patterns) ok = ok && i < v.patterns.size();
    for (uint32_t i : v.key_patterns) ok = ok && i < v.patterns.size();
    if (!ok) a.fail("a verb's pattern index is malformed");
  }
}
template <typename A>
void visit(A& a, GappedActor& g) {
  a(g.continuation, g.codes, g.words);
}
template <typename A>
void visit(A& a, AgentInfo& i) {
  a(i.code, i.suffix);
}
template <typename A>
void visit(A& a, EventCodeInfo& i) {
  a(i.label, i.goldstein, i.quad_class, i.plover);
}
template <typename A>
void visit(A& a, Place& p) {
  a(p.name, p.country, p.lat, p.lon, p.kind);
}
template <typename A>
void visit(A& a, ModelStats& s) {
  a(s.actor_phrases, s.agent_phrases, s.verbs, s.verb_patterns, s.synsets, s.places, s.event_codes,
    s.sources, s.warnings);
}
template <typename A>
void visit(A& a, FlatU64Map& m) {
  a(m.slots());
  if constexpr (A::kReading)
    if (!m.restore()) a.fail("a hash table is malformed");
}
template <typename A>
void visit(A& a, FlatStringMap& m) {
  a(m.slots(), m.arena());
  if constexpr (A::kReading)
    if (!m.restore()) a.fail("a string table is malformed");
}
template <typename A>
void visit(A& a, WordTable& t) {
  ModelFileAccess::visit(a, t);
}
template <typename A>
void visit(A& a, PhraseTrie& t) {
  ModelFileAccess::visit(a, t);
}
// Every member of Model::Impl, in declaration order. A member added to Impl must be added here
// (the size check below fails the build until it is) and kModelFormatVersion bumped.
template <typename A>
void visit(A& a, Model::Impl& m) {
  a(m.words, m.actor_trie, m.agent_trie, m.verb_trie, m.discard_trie, m.time_trie, m.noun_trie,
    m.adjective_trie, m.actor_codes, m.actor_gap_trie, m.actor_gaps, m.agents, m.verbs, m.times,
    m.event_codes, m.place_index, m.places, m.files, m.stats);
}

#if defined(__x86_64__) && defined(__GLIBCXX__)
// (WordTable::stem_filter_ and pair_filter_ are derived, Impl::storage and Impl::alternative_sets
// are not stored as members: the sets are written inside the elements naming them. Nor is
// Impl::coder_tables, which the coder derives from the rest when it first needs it.)
static_assert(sizeof(Model::Impl) == 1864,
              "Model::Impl changed: write the new member in visit(A&, Model::Impl&) above, bump "
              "kModelFormatVersion, then update this size");
static_assert(sizeof(CompiledPattern) == 144 && sizeof(CompiledVerb) == 352 &&
                  sizeof(CompiledElement) == 16 && sizeof(AlternativeSet) == 80 &&
                  sizeof(CompiledPhrase) == 56 && sizeof(ModelStats) == 136,
              "a compiled structure changed: update its visit() above and kModelFormatVersion");
#endif

template <typename T>
constexpr bool kRaw =
    std::is_trivially_copyable_v<T> && !std::is_same_v<T, bool> &&
    (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, FlatU64Map::Slot> ||
     std::is_same_v<T, AlternativeByWord> || std::is_same_v<T, PhraseTrie::Node> ||
     std::is_same_v<T, FlatStringMap::Slot>);

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};
template <typename T>
struct IsArray : std::false_type {};
template <typename T>
struct IsArray<Array<T>> : std::true_type {};

// The header is written field by field (no padding bytes reach the file).
constexpr size_t kHeaderBytes = 8 + 4 + 32 + 8 + 8 + 8;
// An Array of plain values is stored after zero bytes that align it, as a file offset, to its
// values' alignment (at most 8): a reader that has the file at an address congruent to 0 modulo
// 8 (a mapping) views the values where they lie.
constexpr size_t kMaxAlign = 8;

class Writer {
 public:
  static constexpr bool kReading = false;
  std::string bytes;

 private:
  std::unordered_map<const AlternativeSet*, uint32_t> set_numbers_;  // sets written so far
  void pad_to(size_t align) {
    while ((kHeaderBytes + bytes.size()) % align != 0) bytes.push_back('\0');
  }

 public:
  template <typename... T>
  void operator()(T&... values) {
    (one(values), ...);
  }

 private:
  void raw(const void* data, size_t size) { bytes.append(static_cast<const char*>(data), size); }
  template <typename T>
  void one(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      uint8_t b = value ? 1 : 0;
      raw(&b, 1);
    } else if constexpr (kRaw<T>) {
      raw(&value, sizeof value);
    } else if constexpr (std::is_same_v<T, std::string>) {
      uint64_t n = value.size();
      raw(&n, sizeof n);
      raw(value.data(), value.size());
    } else if constexpr (std::is_same_v<T, std::vector<bool>>) {
      uint64_t n = value.size();
      raw(&n, sizeof n);
      for (bool b : value) one(b);
    } else if constexpr (IsVector<T>::value) {
      uint64_t n = value.size();
      raw(&n, sizeof n);
      if constexpr (kRaw<typename T::value_type>)
        raw(value.data(), n * sizeof(typename T::value_type));
      else
        for (auto& item : value) one(item);
    } else if constexpr (IsArray<T>::value) {
      using Item = typename T::value_type;
      uint64_t n = value.size();
      raw(&n, sizeof n);
      if constexpr (kRaw<Item>) {
        static_assert(alignof(Item) <= kMaxAlign);
        pad_to(alignof(Item));
        raw(value.data(), n * sizeof(Item));
      } else {
        for (auto& item : value) one(item);
      }
    } else if constexpr (std::is_same_v<T, const AlternativeSet*>) {
      // A set shared by several elements is written once; later uses refer to it by number.
      uint32_t tag = 0;
      if (!value) {
        raw(&tag, sizeof tag);
        return;
      }
      auto [it, first_use] = set_numbers_.try_emplace(value, set_numbers_.size());
      tag = first_use ? 1 : 2;
      raw(&tag, sizeof tag);
      if (first_use) {
        one(const_cast<AlternativeSet&>(*value));
      } else {
        raw(&it->second, sizeof it->second);
      }
    } else if constexpr (std::is_same_v<T, std::unordered_map<std::string, EventCodeInfo>>) {
      // In key order, so equal models give equal files.
      std::vector<const std::string*> keys;
      for (auto& [key, info] : value) keys.push_back(&key);
      std::sort(keys.begin(), keys.end(), [](auto* x, auto* y) { return *x < *y; });
      uint64_t n = keys.size();
      raw(&n, sizeof n);
      for (const std::string* key : keys) {
        std::string k = *key;
        one(k);
        one(value.at(*key));
      }
    } else {
      visit(*this, value);
    }
  }
};

// Reads a payload whose bytes outlive the model (Model::Impl::storage keeps them) and lie at an
// address congruent to kHeaderBytes modulo kMaxAlign: Arrays of plain values view them in place,
// Arrays of structures are built in the storage's arena, and alternative sets are added to
// `sets` (Model::Impl::alternative_sets) in the order they are numbered in the file.
class Reader {
 public:
  static constexpr bool kReading = true;
  Reader(std::string_view bytes, ModelStorage* storage,
         std::vector<std::unique_ptr<const AlternativeSet>>* sets)
      : at_(bytes.data()), end_(bytes.data() + bytes.size()), storage_(storage), sets_(sets) {}

  template <typename... T>
  void operator()(T&... values) {
    (one(values), ...);
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(fmt::format("corrupt compiled model: {}", what));
  }
  bool at_end() const { return at_ == end_; }

 private:
  // Inlined: nearly every call reads one fixed-size field, and with the size known the copy is
  // a single load instead of a call to memcpy (loading a model makes hundreds of thousands).
  [[gnu::always_inline]] void raw(void* data, size_t size) {
    if (static_cast<size_t>(end_ - at_) < size) [[unlikely]]
      fail("truncated payload");
    if (size > 0) std::memcpy(data, at_, size);
    at_ += size;
  }
  // One fixed-size field, stored as a T: a byte copy into the field (raw) may alias any
  // memory, at_ and end_ included, which the compiler would then load again for the next field.
  template <typename T>
  [[gnu::always_inline]] T fixed() {
    if (static_cast<size_t>(end_ - at_) < sizeof(T)) [[unlikely]]
      fail("truncated payload");
    T value;
    std::memcpy(&value, at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  // A count read from the file, checked against what is left (each item takes at least
  // `min_item_bytes`), so a corrupt count cannot ask for a huge allocation.
  [[gnu::always_inline]] size_t count(size_t min_item_bytes) {
    const uint64_t n = fixed<uint64_t>();
    if (min_item_bytes > 0 && n > static_cast<uint64_t>(end_ - at_) / min_item_bytes)
      fail("a length runs past the end of the file");
    return static_cast<size_t>(n);
  }
  // Skips the zero bytes before an Array of plain values (see kMaxAlign).
  [[gnu::always_inline]] void align(size_t alignment) {
    const size_t pad = (0 - reinterpret_cast<uintptr_t>(at_)) & (alignment - 1);
    if (static_cast<size_t>(end_ - at_) < pad) [[unlikely]]
      fail("truncated payload");
    at_ += pad;
  }
  template <typename T>
  [[gnu::always_inline]] void one(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      const uint8_t b = fixed<uint8_t>();
      if (b > 1) fail("a flag is neither 0 nor 1");
      value = b == 1;
    } else if constexpr (std::is_enum_v<T>) {
      value = fixed<T>();
      if (static_cast<uint64_t>(value) > static_cast<uint64_t>(ElementKind::kSkip))
        fail("an element kind is out of range");
    } else if constexpr (kRaw<T>) {
      value = fixed<T>();
    } else if constexpr (std::is_same_v<T, std::string>) {
      const size_t n = count(1);  // (count() checked that n bytes are left)
      // Most are short codes or empty ("paired"): append() to the empty string is the short path.
      value.clear();
      if (n > 0) value.append(at_, n);
      at_ += n;
    } else if constexpr (std::is_same_v<T, std::vector<bool>>) {
      value.resize(count(1));
      for (size_t i = 0; i < value.size(); ++i) {
        bool b = false;
        one(b);
        value[i] = b;
      }
    } else if constexpr (IsVector<T>::value) {
      using Item = typename T::value_type;
      if constexpr (kRaw<Item>) {
        const size_t n = count(sizeof(Item));
        value.clear();
        if (n <= 16) {
          // Most are a pattern's few words: no zero fill and no calls to memset and memcpy.
          value.reserve(n);
          for (size_t i = 0; i < n; ++i) value.push_back(fixed<Item>());
        } else {
          value.resize(n);
          raw(value.data(), n * sizeof(Item));
        }
      } else {
        value.clear();
        value.resize(count(1));
        for (auto& item : value) one(item);
      }
    } else if constexpr (IsArray<T>::value) {
      using Item = typename T::value_type;
      if constexpr (kRaw<Item>) {
        // Viewed where it lies in the file (no copy, no allocation).
        const size_t n = count(sizeof(Item));
        align(alignof(Item));
        if (static_cast<size_t>(end_ - at_) / sizeof(Item) < n) [[unlikely]]
          fail("truncated payload");
        if (n > UINT32_MAX) fail("an array is too long");
        value.become_view(reinterpret_cast<Item*>(const_cast<char*>(at_)), n);
        at_ += n * sizeof(Item);
      } else {
        // Built in the model's arena: one bump of a pointer instead of an allocation.
        const size_t n = count(1);
        if (n > UINT32_MAX) fail("an array is too long");
        Item* items = n == 0
                          ? nullptr
                          : static_cast<Item*>(storage_->allocate(n * sizeof(Item), alignof(Item)));
        // Every member of a trivially copyable item (CompiledElement) is read below: its memory
        // needs no construction first (such objects begin their life in the arena's memory).
        if constexpr (!std::is_trivially_copyable_v<Item>)
          for (size_t i = 0; i < n; ++i) ::new (static_cast<void*>(items + i)) Item();
        value.become_view(items, n);
        for (Item& item : value) one(item);
      }
    } else if constexpr (std::is_same_v<T, const AlternativeSet*>) {
      const uint32_t tag = fixed<uint32_t>();
      if (tag == 0) {
        value = nullptr;
      } else if (tag == 1) {
        auto set = std::make_unique<AlternativeSet>();
        one(*set);
        value = set.get();
        sets_->push_back(std::move(set));
      } else if (tag == 2) {
        const uint32_t number = fixed<uint32_t>();
        if (number >= sets_->size()) fail("a shared alternative set is out of range");
        value = (*sets_)[number].get();
      } else {
        fail("an alternative set tag is unknown");
      }
    } else if constexpr (std::is_same_v<T, std::unordered_map<std::string, EventCodeInfo>>) {
      size_t n = count(1);
      value.clear();
      value.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        std::string key;
        one(key);
        one(value[key]);
      }
    } else {
      visit(*this, value);
    }
  }
  const char* at_;
  const char* end_;
  ModelStorage* storage_;
  std::vector<std::unique_ptr<const AlternativeSet>>* sets_;  // sets read so far, by number
};

constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'M', 'O', 'D', 'L'};
constexpr size_t kBuildIdBytes = 32;

struct Header {
  char magic[8];
  uint32_t version;
  char build_id[kBuildIdBytes];
  uint64_t source_key;
  uint64_t payload_size;
  uint64_t payload_checksum;
};

static_assert(kHeaderBytes == 8 + 4 + kBuildIdBytes + 8 + 8 + 8);

uint64_t load_u64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

void StreamHash::add(std::string_view bytes) {
  // Four independent lanes over 32-byte blocks (the checksum of a model file covers megabytes:
  // one dependency chain would make it the slowest part of loading), folded into the state.
  constexpr uint64_t k1 = 0x87c37b91114253d5ULL, k2 = 0x4cf5ad432745937fULL;
  auto mix = [](uint64_t lane, uint64_t k) {
    k *= k1;
    k = std::rotl(k, 31);
    k *= k2;
    lane ^= k;
    return std::rotl(lane, 27) * 5 + 0x52dce729;
  };
  // A block's lane step is one multiply and a rotation (which brings the product's well-mixed
  // high bits down for the next multiply), a third of the work of mix(); mix() folds the lanes
  // in at the end. (Changing it changes every checksum: kModelFormatVersion 12.)
  auto step = [](uint64_t lane, uint64_t k) { return std::rotl((lane ^ k) * k1, 29); };
  const char* p = bytes.data();
  size_t n = bytes.size();
  length_ += n;
  if (n >= 32) {
    uint64_t lanes[4] = {state_, state_ ^ k1, state_ ^ k2, state_ + k1 + k2};
    for (; n >= 32; p += 32, n -= 32)
      for (int l = 0; l < 4; ++l) lanes[l] = step(lanes[l], load_u64(p + 8 * l));
    for (int l = 0; l < 4; ++l) state_ = mix(state_, lanes[l]);
  }
  for (; n >= 8; p += 8, n -= 8) state_ = mix(state_, load_u64(p));
  if (n > 0) {
    uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    state_ = mix(state_, tail ^ (static_cast<uint64_t>(n) << 56));
  }
}

void StreamHash::add_u64(uint64_t value) {
  char bytes[8];
  std::memcpy(bytes, &value, sizeof value);
  add(std::string_view(bytes, sizeof bytes));
}

uint64_t StreamHash::finish() const {
  uint64_t h = state_ ^ length_;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::string serialize_model(const Model::Impl& impl, uint64_t source_key) {
  Writer payload;
  // The writer only reads; visit() takes non-const references so one member list serves both
  // directions.
  payload(const_cast<Model::Impl&>(impl));
  StreamHash checksum;
  checksum.add(payload.bytes);

  std::string out;
  out.reserve(kHeaderBytes + payload.bytes.size());
  auto put = [&](const void* data, size_t size) {
    out.append(static_cast<const char*>(data), size);
  };
  uint64_t size = payload.bytes.size(), sum = checksum.finish();
  put(kMagic, sizeof kMagic);
  put(&kModelFormatVersion, sizeof kModelFormatVersion);
  char build_id[kBuildIdBytes] = {};
  std::memcpy(build_id, kBuildId, std::min(std::strlen(kBuildId), kBuildIdBytes));
  put(build_id, kBuildIdBytes);
  put(&source_key, sizeof source_key);
  put(&size, sizeof size);
  put(&sum, sizeof sum);
  out += payload.bytes;
  return out;
}

std::unique_ptr<Model::Impl> deserialize_model(std::string_view bytes, const uint64_t* expected_key,
                                               std::shared_ptr<const void> owner) {
  if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
    throw Error("not a dyad compiled model file");
  Header h;
  const char* p = bytes.data() + sizeof kMagic;
  std::memcpy(&h.version, p, sizeof h.version);
  p += sizeof h.version;
  std::memcpy(h.build_id, p, kBuildIdBytes);
  p += kBuildIdBytes;
  h.source_key = load_u64(p);
  h.payload_size = load_u64(p + 8);
  h.payload_checksum = load_u64(p + 16);
  if (h.version != kModelFormatVersion)
    throw Error(fmt::format("compiled model format {}, this dyad reads format {}", h.version,
                            kModelFormatVersion));
  char build_id[kBuildIdBytes] = {};
  std::memcpy(build_id, kBuildId, std::min(std::strlen(kBuildId), kBuildIdBytes));
  if (std::memcmp(h.build_id, build_id, kBuildIdBytes) != 0)
    throw Error("compiled model written by another dyad build");
  if (expected_key != nullptr && h.source_key != *expected_key)
    throw Error("compiled model made from other dictionaries or options");
  std::string_view payload = bytes.substr(kHeaderBytes);
  if (payload.size() != h.payload_size)
    throw Error(fmt::format("compiled model truncated: payload of {} bytes, header says {}",
                            payload.size(), h.payload_size));
  StreamHash checksum;
  checksum.add(payload);
  if (checksum.finish() != h.payload_checksum) throw Error("compiled model checksum mismatch");

  auto impl = std::make_unique<Model::Impl>();
  // The model's arrays view the payload where it lies when its owner keeps it and it lies as in
  // a mapping of the file; otherwise they view a copy the model owns.
  if (owner == nullptr ||
      (reinterpret_cast<uintptr_t>(payload.data()) - kHeaderBytes) % kMaxAlign != 0) {
    const size_t offset = kHeaderBytes % kMaxAlign;
    std::shared_ptr<uint64_t[]> copy(new uint64_t[(offset + payload.size() + 7) / 8]);
    char* at = reinterpret_cast<char*>(copy.get()) + offset;
    std::memcpy(at, payload.data(), payload.size());
    payload = std::string_view(at, payload.size());
    owner = std::move(copy);
  }
  impl->storage.bytes = std::move(owner);
  Reader reader(payload, &impl->storage, &impl->alternative_sets);
  reader(*impl);
  if (!reader.at_end()) reader.fail("bytes left after the last member");
  // Payloads index the tables beside their trie.
  auto payloads_below = [&](const PhraseTrie& trie, size_t limit, const char* what) {
    if (auto largest = trie.largest_payload(); largest && *largest >= limit)
      reader.fail(fmt::format("a {} entry is out of range", what));
  };
  payloads_below(impl->actor_trie, impl->actor_codes.size(), "actor");
  payloads_below(impl->agent_trie, impl->agents.size(), "agent");
  payloads_below(impl->verb_trie, impl->verbs.size(), "verb");
  payloads_below(impl->time_trie, impl->times.size(), "time");
  payloads_below(impl->actor_gap_trie, impl->actor_gaps.size(), "gapped actor");
  // Word ids the Coder indexes its per-word arrays with (the words a pattern requires, a verb's
  // pattern keys) must be ids of the word table.
  const size_t words = impl->words.size();
  for (const auto* list : {&impl->verbs, &impl->times}) {
    for (const CompiledVerb& verb : *list) {
      for (WordId id : verb.key_words)
        if (id >= words) reader.fail("a verb's key word is out of range");
      for (const CompiledPattern& pattern : verb.patterns)
        for (WordId id : pattern.required)
          if (id >= words) reader.fail("a pattern's word is out of range");
    }
  }
  for (const GappedActor& gap : impl->actor_gaps)
    if (gap.codes >= impl->actor_codes.size())
      reader.fail("a gapped actor's codes are out of range");
  impl->place_index.for_each([&](std::string_view, uint32_t index) {
    if (index >= impl->places.size()) reader.fail("a place index is out of range");
  });
  return impl;
}

}  // namespace dyad::lexicon

namespace dyad {

namespace {

namespace fs = std::filesystem;

// A whole file mapped read-only (the model loader parses it in place, without a copy).
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      size_ = static_cast<size_t>(st.st_size);
      if (size_ == 0) {
        ok_ = true;
      } else {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED) {
          data_ = static_cast<const char*>(p);
          ok_ = true;
        }
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return ok_; }
  std::string_view bytes() const {
    return data_ == nullptr ? std::string_view() : std::string_view(data_, size_);
  }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool ok_ = false;
};

bool read_file(const std::string& path, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  out->clear();
  struct stat st {};
  if (::fstat(::fileno(f), &st) == 0 && st.st_size > 0)
    out->reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out->append(buffer, n);
  bool ok = std::ferror(f) == 0;
  std::fclose(f);
  return ok;
}

// The directory for compiled models, or "" when none can be named.
std::string cache_directory(const KnowledgeOptions& options) {
  if (!options.cache_dir.empty()) return options.cache_dir;
  if (const char* dir = std::getenv("DYAD_CACHE_DIR"); dir != nullptr && *dir != '\0') return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return (fs::path(xdg) / "dyad").string();
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return (fs::path(home) / ".cache" / "dyad").string();
  return "";
}

// Hash of everything the compiled model depends on besides the build: the options and each
// dictionary file's path and bytes (a .project's files included). False when a file cannot be
// read: compile() then reports it properly.
bool source_key(const KnowledgeOptions& options, uint64_t* key) {
  // The format version and build are checked from the file's header, not keyed: a new build
  // replaces its predecessor's file instead of leaving it behind.
  lexicon::StreamHash hash;
  hash.add_u64(options.use_default ? 1 : 0);
  hash.add_u64(options.strict ? 1 : 0);
  // Regular files are hashed in place through a mapping (megabytes of TABARI dictionaries would
  // otherwise be copied twice before the model cache is even looked up); others are read.
  std::string read_content;
  auto content_of = [&](const std::string& path, std::optional<MappedFile>& mapped,
                        std::string_view* content) {
    if (mapped.emplace(path); mapped->ok()) {
      *content = mapped->bytes();
      return true;
    }
    if (!read_file(path, &read_content)) return false;
    *content = read_content;
    return true;
  };
  for (const std::string& given : options.dictionaries) {
    std::vector<std::string> paths = {given};
    std::optional<MappedFile> mapped;
    std::string_view content;
    if (given.ends_with(".project")) {
      if (!content_of(given, mapped, &content)) return false;
      hash.add_u64(content.size());
      hash.add(content);
      try {
        paths = validate::read_project(given).dictionaries;
      } catch (const Error&) {
        return false;
      }
    }
    for (const std::string& path : paths) {
      if (!content_of(path, mapped, &content)) return false;
      hash.add_u64(path.size());
      hash.add(path);
      hash.add_u64(content.size());
      hash.add(content);
    }
  }
  *key = hash.finish();
  return true;
}

// Writes `bytes` to `path` through a temporary file and a rename, so a reader never sees half a
// file. Returns "" or what went wrong.
std::string write_atomically(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec)
    return fmt::format("cannot create {}: {}", fs::path(path).parent_path().string(), ec.message());
  std::string temporary = fmt::format("{}.tmp{}", path, static_cast<long>(::getpid()));
  std::FILE* f = std::fopen(temporary.c_str(), "wb");
  if (f == nullptr) return fmt::format("cannot write {}: {}", temporary, std::strerror(errno));
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    fs::remove(temporary, ec);
    return fmt::format("cannot write {}", temporary);
  }
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return fmt::format("cannot rename to {}: {}", path, ec.message());
  }
  return "";
}

}  // namespace

std::shared_ptr<const Model> Model::load(const KnowledgeOptions& options) {
  std::string dir = cache_directory(options);
  uint64_t key = 0;
  auto compiled = [&](const std::string& origin) {
    auto model = compile(options);
    const_cast<Model&>(*model).impl_->stats.origin = origin;
    return model;
  };
  if (dir.empty()) return compiled("compiled (cache not used: no cache directory)");
  if (!source_key(options, &key)) return compile(options);  // reports the unreadable file
  std::string path = (fs::path(dir) / fmt::format("{:016x}.dyadmodel", key)).string();

  std::string problem;
  if (auto file = std::make_shared<const MappedFile>(path); file->ok()) {
    try {
      // The model views the mapping, and keeps it (read-only: the model is immutable).
      auto impl = lexicon::deserialize_model(file->bytes(), &key, file);
      impl->stats.origin = "cache: " + path;
      return std::shared_ptr<const Model>(new Model(std::move(impl)));
    } catch (const Error& e) {
      problem = e.what();  // stale or corrupt: compiled again and replaced below
    }
  }
  auto model = compile(options);
  std::string written = write_atomically(path, lexicon::serialize_model(*model->impl_, key));
  std::string& origin = const_cast<Model&>(*model).impl_->stats.origin;
  if (!written.empty())
    origin = "compiled (cache not used: " + written + ")";
  else if (!problem.empty())
    origin = "compiled, cached: " + path + " (replaced: " + problem + ")";
  else
    origin = "compiled, cached: " + path;
  return model;
}

void Model::write(const std::string& path) const {
  std::string problem = write_atomically(path, lexicon::serialize_model(*impl_, 0));
  if (!problem.empty()) throw Error(problem);
}

std::shared_ptr<const Model> Model::read(const std::string& path) {
  auto file = std::make_shared<const MappedFile>(path);
  if (!file->ok()) throw Error(fmt::format("{}: cannot read compiled model", path));
  try {
    auto impl = lexicon::deserialize_model(file->bytes(), nullptr, file);
    impl->stats.origin = "model file: " + path;
    return std::shared_ptr<const Model>(new Model(std::move(impl)));
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", path, e.what()));
  }
}

}  // namespace dyad
