// Which address a request comes from. Behind a reverse proxy the TCP peer
// is the proxy; X-Forwarded-For is believed only when the peer is a
// trusted proxy, and then only up to the first address that is not one
// (so a client cannot forge its own address by sending the header).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tessera::http {

// The longest address text worth storing (an IPv6 address with a zone is
// under 64 bytes); stores cut what they are given to it.
constexpr std::size_t kMaxClientAddressBytes = 64;

class TrustedProxies {
 public:
  // `list`: comma-separated addresses or CIDR networks, e.g.
  // "127.0.0.1,10.0.0.0/8,::1". Throws std::invalid_argument naming a bad entry.
  explicit TrustedProxies(std::string_view list = "");

  bool contains(std::string_view address) const;
  bool empty() const { return entries_.empty(); }

  // The client's address for a request from `peer` with the given
  // X-Forwarded-For header value (empty when absent).
  std::string clientAddress(const std::string& peer, std::string_view forwardedFor) const;

 private:
  struct Entry {
    std::string network;  // address text, normalised
    unsigned prefixLength;
    bool v6;
  };
  std::vector<Entry> entries_;
};

}  // namespace tessera::http
