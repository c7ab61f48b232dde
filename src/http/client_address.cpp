#include "http/client_address.h"

#include <boost/algorithm/string/trim.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <stdexcept>

namespace tessera::http {
namespace {

namespace ip = boost::asio::ip;

std::vector<std::string_view> splitList(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    std::string_view part =
        text.substr(start, comma == std::string_view::npos ? comma : comma - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.push_back(part);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return parts;
}

}  // namespace

TrustedProxies::TrustedProxies(std::string_view list) {
  for (std::string_view item : splitList(list)) {
    boost::system::error_code error;
    const std::string text(item);
    const std::size_t slash = text.find('/');
    const ip::address address = ip::make_address(text.substr(0, slash), error);
    unsigned prefix = address.is_v6() ? 128 : 32;
    if (!error && slash != std::string::npos) {
      try {
        prefix = static_cast<unsigned>(std::stoul(text.substr(slash + 1)));
      } catch (const std::exception&) {
        error = boost::asio::error::invalid_argument;
      }
      if (prefix > (address.is_v6() ? 128u : 32u)) error = boost::asio::error::invalid_argument;
    }
    if (error) {
      throw std::invalid_argument(
          "--trusted-proxies has an entry that is not an address or network: '" + text + "'");
    }
    entries_.push_back({address.to_string(), prefix, address.is_v6()});
  }
}

bool TrustedProxies::contains(std::string_view text) const {
  boost::system::error_code error;
  const ip::address address = ip::make_address(std::string(text), error);
  if (error) return false;
  for (const Entry& entry : entries_) {
    if (entry.v6 != address.is_v6()) continue;
    if (address.is_v4()) {
      const ip::network_v4 network(ip::make_address_v4(entry.network), entry.prefixLength);
      if (ip::network_v4(address.to_v4(), entry.prefixLength).network() == network.network())
        return true;
    } else {
      const ip::network_v6 network(ip::make_address_v6(entry.network), entry.prefixLength);
      if (ip::network_v6(address.to_v6(), entry.prefixLength).network() == network.network())
        return true;
    }
  }
  return false;
}

std::string TrustedProxies::clientAddress(const std::string& peer,
                                          std::string_view forwardedFor) const {
  if (forwardedFor.empty() || !contains(peer)) return peer;
  // Walk from the nearest hop outwards; the first untrusted address is the client.
  const std::vector<std::string_view> hops = splitList(forwardedFor);
  std::string client = peer;
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    boost::system::error_code error;
    ip::make_address(std::string(*hop), error);
    if (error) break;  // garbage: stop believing the chain
    client = std::string(*hop);
    if (!contains(client)) break;
  }
  return client;
}

}  // namespace tessera::http
