#include "http/client_address.h"

#include <gtest/gtest.h>

namespace tessera::http {
namespace {

TEST(ClientAddressTest, WithoutTrustedProxiesThePeerIsTheClient) {
  const TrustedProxies none;
  EXPECT_EQ(none.clientAddress("10.0.0.5", "203.0.113.7"), "10.0.0.5");
}

TEST(ClientAddressTest, ATrustedProxysForwardedForIsBelieved) {
  const TrustedProxies proxies("127.0.0.1, 10.0.0.0/8, ::1");
  EXPECT_EQ(proxies.clientAddress("10.1.2.3", "203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(proxies.clientAddress("::1", "2001:db8::1"), "2001:db8::1");
  // A client's own X-Forwarded-For before the proxy's is not believed.
  EXPECT_EQ(proxies.clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7"), "203.0.113.7");
  // Chained trusted proxies are walked through.
  EXPECT_EQ(proxies.clientAddress("127.0.0.1", "198.51.100.2, 10.9.9.9"), "198.51.100.2");
  EXPECT_EQ(proxies.clientAddress("127.0.0.1", "not-an-ip"), "127.0.0.1");
  EXPECT_EQ(proxies.clientAddress("192.0.2.1", "203.0.113.7"), "192.0.2.1") << "untrusted peer";
}

TEST(ClientAddressTest, BadEntriesAreRefused) {
  EXPECT_THROW(TrustedProxies("10.0.0.0/33"), std::invalid_argument);
  EXPECT_THROW(TrustedProxies("proxy.example.com"), std::invalid_argument);
  EXPECT_NO_THROW(TrustedProxies("192.168.0.0/16,fd00::/8"));
}

}  // namespace
}  // namespace tessera::http
