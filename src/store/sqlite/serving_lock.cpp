#include "store/sqlite/serving_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/sqlite/sqlite_database.h"
#include "store/store_error.h"

namespace tessera::store {

ServingLock::ServingLock(const std::string& databasePath, Mode mode) {
  const std::string path = generationCounterPath(databasePath);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    throw StoreError(StoreError::Kind::Unavailable,
                     "cannot open " + path + ": " + std::strerror(errno));
  }
  const bool exclusive = mode == Mode::Exclusive;
  if (::flock(fd_, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0) return;
  const int error = errno;
  ::close(fd_);
  if (error != EWOULDBLOCK) {
    throw StoreError(StoreError::Kind::Unavailable,
                     "cannot lock " + path + ": " + std::strerror(error));
  }
  throw StoreError(StoreError::Kind::Other, exclusive
                                                ? "a Tessera server is running on " + databasePath +
                                                      "; stop it first (nothing was changed)"
                                                : "a restore is running on " + databasePath +
                                                      "; start the server when it has finished");
}

ServingLock::~ServingLock() { ::close(fd_); }

}  // namespace tessera::store
