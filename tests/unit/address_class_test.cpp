// classifyAddress: which addresses a server-side fetch may reach. Each
// special-purpose block is refused, IPv6 forms that carry an IPv4 address
// are judged by it, and ordinary public addresses pass.
#include "net/address_class.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include <string>

namespace tessera::net {
namespace {

AddressClass classify(const std::string& text) {
  sockaddr_in ipv4{};
  if (inet_pton(AF_INET, text.c_str(), &ipv4.sin_addr) == 1) {
    ipv4.sin_family = AF_INET;
    return classifyAddress(reinterpret_cast<const sockaddr*>(&ipv4));
  }
  sockaddr_in6 ipv6{};
  EXPECT_EQ(inet_pton(AF_INET6, text.c_str(), &ipv6.sin6_addr), 1) << text;
  ipv6.sin6_family = AF_INET6;
  return classifyAddress(reinterpret_cast<const sockaddr*>(&ipv6));
}

TEST(AddressClassTest, LoopbackIsItsOwnClass) {
  EXPECT_EQ(classify("127.0.0.1"), AddressClass::Loopback);
  EXPECT_EQ(classify("127.255.0.9"), AddressClass::Loopback);
  EXPECT_EQ(classify("::1"), AddressClass::Loopback);
  EXPECT_EQ(classify("::ffff:127.0.0.1"), AddressClass::Loopback);
}

TEST(AddressClassTest, PrivateAndReservedIpv4BlocksAreNotPublic) {
  for (const char* address :
       {"0.0.0.0", "10.1.2.3", "100.64.0.1", "100.127.255.255", "169.254.169.254", "172.16.0.1",
        "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7",
        "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"}) {
    EXPECT_EQ(classify(address), AddressClass::NonPublic) << address;
  }
}

TEST(AddressClassTest, PrivateAndReservedIpv6BlocksAreNotPublic) {
  for (const char* address :
       {"::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "2001:db8::1", "2001::1",
        "2002:a00:1::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a00:1", "100::1"}) {
    EXPECT_EQ(classify(address), AddressClass::NonPublic) << address;
  }
}

TEST(AddressClassTest, OrdinaryAddressesArePublic) {
  for (const char* address :
       {"1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "193.0.0.1",
        "2606:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8", "64:ff9b::808:808"}) {
    EXPECT_EQ(classify(address), AddressClass::Public) << address;
  }
}

}  // namespace
}  // namespace tessera::net
