// The names under which one PostgreSQL connection has prepared statements,
// kept by statement text and parameter types, so that a repeated statement
// is bound and run without PostgreSQL parsing and planning it again.
// Bounded like SQLite's statement cache: past `maxStatements`, the least
// recently used are handed back to be deallocated. Names are never reused
// on a connection, so one whose DEALLOCATE did not run is harmless. Not
// thread-safe, like its connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tessera::store {

class PreparedStatements {
 public:
  explicit PreparedStatements(std::size_t maxStatements = 128);
  PreparedStatements(const PreparedStatements&) = delete;
  PreparedStatements& operator=(const PreparedStatements&) = delete;

  // The name `key` is prepared under, or nullptr; a hit becomes the most
  // recently used. The pointer is valid until the next call.
  const std::string* find(std::string_view key);

  struct Reservation {
    std::string name;                  // to prepare the new statement under
    bool deallocateAll = false;        // forgetAll() was called since the last one
    std::vector<std::string> evicted;  // to deallocate before preparing it
  };
  // A new name for a statement about to be prepared, and the statements
  // forgotten to make room for it (`maxStatements` counts it).
  Reservation reserve();
  // Records that `key` is now prepared as `name`. Requires: find(key)
  // found nothing, and `name` is from the one reserve() since.
  void add(std::string key, std::string name);

  // Forgets every statement (their plans may no longer hold), and has the
  // next reservation ask for all of them to be deallocated.
  void forgetAll();

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string key;
    std::string name;
  };
  using Entries = std::list<Entry>;  // most recently used first

  std::size_t maxStatements_;
  std::uint64_t nextNumber_ = 1;
  bool deallocateAll_ = false;
  Entries entries_;
  std::unordered_map<std::string_view, Entries::iterator> byKey_;
};

}  // namespace tessera::store
