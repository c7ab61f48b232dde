// A small thread-safe cache of values read from the database, keyed by
// string. Every value belongs to the write generation it was read at
// (Database::writeGeneration, read before the value); a lookup at any
// other generation misses, so a committed write makes every older value
// unusable at once, whatever it changed and whichever process wrote it.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace tessera::store {

template <class Value>
class GenerationCache {
 public:
  explicit GenerationCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<Value> find(const std::string& key, std::uint64_t generation) const {
    std::lock_guard lock(mutex_);
    if (generation != generation_) return std::nullopt;
    const auto found = values_.find(key);
    if (found == values_.end()) return std::nullopt;
    return found->second;
  }

  // Keeps `value`, read at `generation`, unless newer values are kept.
  void store(const std::string& key, Value value, std::uint64_t generation) {
    std::lock_guard lock(mutex_);
    if (generation < generation_) return;
    if (generation > generation_ || values_.size() >= capacity_) {
      values_.clear();
      generation_ = generation;
    }
    values_.insert_or_assign(key, std::move(value));
  }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Value> values_;
};

}  // namespace tessera::store
