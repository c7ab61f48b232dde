#include "store/postgres/prepared_statements.h"

#include <algorithm>
#include <utility>

namespace tessera::store {

PreparedStatements::PreparedStatements(std::size_t maxStatements)
    : maxStatements_(std::max<std::size_t>(maxStatements, 1)) {}

const std::string* PreparedStatements::find(std::string_view key) {
  const auto found = byKey_.find(key);
  if (found == byKey_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return &found->second->name;
}

PreparedStatements::Reservation PreparedStatements::reserve() {
  Reservation reservation{
      "t" + std::to_string(nextNumber_++), std::exchange(deallocateAll_, false), {}};
  while (entries_.size() >= maxStatements_) {
    byKey_.erase(entries_.back().key);
    reservation.evicted.push_back(std::move(entries_.back().name));
    entries_.pop_back();
  }
  return reservation;
}

void PreparedStatements::forgetAll() {
  byKey_.clear();
  entries_.clear();
  deallocateAll_ = true;
}

void PreparedStatements::add(std::string key, std::string name) {
  entries_.push_front(Entry{std::move(key), std::move(name)});
  byKey_.emplace(entries_.front().key, entries_.begin());
}

}  // namespace tessera::store
