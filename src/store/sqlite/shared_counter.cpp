#include "store/sqlite/shared_counter.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

#include "store/store_error.h"

namespace tessera::store {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw StoreError(StoreError::Kind::Unavailable,
                   "cannot " + what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

SharedCounter::SharedCounter(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) fail("open", path);
  struct stat info {};
  // Growing a new file to 8 bytes fills it with zeros; a file another
  // process already grew keeps its value.
  if (::fstat(fd_, &info) != 0 || (info.st_size < static_cast<off_t>(sizeof(std::uint64_t)) &&
                                   ::ftruncate(fd_, sizeof(std::uint64_t)) != 0)) {
    ::close(fd_);
    fail("size", path);
  }
  void* mapped = ::mmap(nullptr, sizeof(std::uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd_, 0);
  if (mapped == MAP_FAILED) {
    ::close(fd_);
    fail("map", path);
  }
  value_ = static_cast<std::uint64_t*>(mapped);
}

SharedCounter::~SharedCounter() {
  ::munmap(value_, sizeof(std::uint64_t));
  ::close(fd_);
}

std::uint64_t SharedCounter::load() const {
  return std::atomic_ref<std::uint64_t>(*value_).load(std::memory_order_acquire);
}

void SharedCounter::increment() {
  std::atomic_ref<std::uint64_t>(*value_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace tessera::store
