// Whether a server is serving a SQLite database file. `tessera serve`
// holds a shared lock (flock) on the file's cache counter for as long as
// it runs, so several servers may share a file; `tessera restore` takes it
// exclusively, so it cannot run beside a server, and no server can start
// while a restore runs.
#pragma once

#include <string>

namespace tessera::store {

class ServingLock {
 public:
  enum class Mode { Serving, Exclusive };

  // Takes the lock of the database at `databasePath` without waiting.
  // Throws StoreError (Kind::Other) with a message a person understands
  // when it is held in a conflicting mode.
  ServingLock(const std::string& databasePath, Mode mode);
  ~ServingLock();
  ServingLock(const ServingLock&) = delete;
  ServingLock& operator=(const ServingLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace tessera::store
