#include "net/address_class.h"

#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace tessera::net {
namespace {

struct Ipv4Block {
  std::uint32_t prefix;
  int bits;
};

// IANA's special-purpose IPv4 registry, less the globally reachable ones.
constexpr std::array<Ipv4Block, 14> kNonPublicIpv4{{
    {0x00000000, 8},   // "this network"
    {0x0A000000, 8},   // private
    {0x64400000, 10},  // shared address space (carrier-grade NAT)
    {0xA9FE0000, 16},  // link-local (cloud metadata services live here)
    {0xAC100000, 12},  // private
    {0xC0000000, 24},  // IETF protocol assignments
    {0xC0000200, 24},  // documentation
    {0xC0A80000, 16},  // private
    {0xC6120000, 15},  // benchmarking
    {0xC6336400, 24},  // documentation
    {0xCB007100, 24},  // documentation
    {0xE0000000, 4},   // multicast
    {0xF0000000, 4},   // reserved, and the broadcast address
    {0xC0586300, 24},  // 6to4 relay anycast
}};

AddressClass classifyIpv4(std::uint32_t address) {
  if ((address >> 24) == 127) return AddressClass::Loopback;
  for (const Ipv4Block& block : kNonPublicIpv4) {
    const std::uint32_t mask = ~std::uint32_t{0} << (32 - block.bits);
    if ((address & mask) == block.prefix) return AddressClass::NonPublic;
  }
  return AddressClass::Public;
}

AddressClass classifyIpv6(const std::uint8_t (&bytes)[16]) {
  const auto startsWith = [&](std::initializer_list<std::uint8_t> prefix) {
    return std::memcmp(bytes, prefix.begin(), prefix.size()) == 0;
  };
  const auto embeddedIpv4 = [&] {
    return std::uint32_t{bytes[12]} << 24 | std::uint32_t{bytes[13]} << 16 |
           std::uint32_t{bytes[14]} << 8 | bytes[15];
  };
  static constexpr std::uint8_t kLoopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  if (std::memcmp(bytes, kLoopback, 16) == 0) return AddressClass::Loopback;
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64) reach an IPv4 host.
  if (startsWith({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}) ||
      startsWith({0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) {
    return classifyIpv4(embeddedIpv4());
  }
  const bool globalUnicast = (bytes[0] & 0xe0) == 0x20;  // 2000::/3
  const bool documentation = startsWith({0x20, 0x01, 0x0d, 0xb8});
  const bool teredoOrProtocols = startsWith({0x20, 0x01, 0x00}) && bytes[3] < 0x02;  // 2001::/23
  const bool sixToFour = startsWith({0x20, 0x02});  // 2002::/16 wraps any IPv4 address
  if (globalUnicast && !documentation && !teredoOrProtocols && !sixToFour) {
    return AddressClass::Public;
  }
  return AddressClass::NonPublic;  // unique-local, link-local, multicast, unspecified, ...
}

}  // namespace

AddressClass classifyAddress(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    sockaddr_in ipv4{};
    std::memcpy(&ipv4, address, sizeof ipv4);
    return classifyIpv4(ntohl(ipv4.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 ipv6{};
    std::memcpy(&ipv6, address, sizeof ipv6);
    std::uint8_t bytes[16];
    std::memcpy(bytes, ipv6.sin6_addr.s6_addr, 16);
    return classifyIpv6(bytes);
  }
  return AddressClass::NonPublic;
}

}  // namespace tessera::net
