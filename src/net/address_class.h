// Which addresses a server-side fetch may connect to. Tessera fetches
// documents that strangers name (an OAuth client's metadata document and
// its logo); connecting to an address inside the operator's network
// would let them probe it (server-side request forgery). An address is
// public unless it is loopback, private (RFC 1918, unique-local),
// link-local, shared (100.64/10), reserved for documentation or
// benchmarks, multicast, unspecified or broadcast; an IPv6 address that
// carries an IPv4 one (mapped or NAT64) is judged by that one.
#pragma once

#include <sys/socket.h>

namespace tessera::net {

enum class AddressClass { Public, Loopback, NonPublic };

// The class of an IPv4 or IPv6 socket address; NonPublic for any other
// family.
AddressClass classifyAddress(const sockaddr* address);

}  // namespace tessera::net
