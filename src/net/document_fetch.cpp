#include "net/document_fetch.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <memory>

#include "net/address_class.h"

namespace tessera::net {
namespace {

struct Transfer {
  const FetchLimits& limits;
  std::string body;
  bool refusedAddress = false;
  bool tooLarge = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->limits.maxBytes) {
    transfer->tooLarge = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

// Called for every connection curl is about to open, with the address it
// resolved: the check cannot be dodged by a DNS answer that changes
// between a lookup and the connection.
curl_socket_t openCheckedSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(user);
  const AddressClass kind = classifyAddress(&address->addr);
  const bool allowed = kind == AddressClass::Public ||
                       (kind == AddressClass::Loopback && transfer->limits.allowLoopback);
  if (!allowed) {
    transfer->refusedAddress = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};

void initialiseCurlOnce() {
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  (void)initialised;
}

}  // namespace

std::variant<FetchedDocument, FetchFailure> fetchDocument(const std::string& url,
                                                          const FetchLimits& limits) {
  initialiseCurlOnce();
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return FetchFailure{FetchProblem::Unreachable, "could not start an HTTP client"};
  Transfer transfer{limits, {}, false, false};
  CURL* handle = curl.get();
  const char* protocols = limits.allowLoopback ? "http,https" : "https";
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, protocols);
  curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, protocols);
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(handle, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(handle, CURLOPT_PROXY, "");
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, limits.timeoutMillis);
  curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.maxBytes));
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "Tessera");
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, openCheckedSocket);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, &transfer);
  if (!limits.caFile.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, limits.caFile.c_str());
  char details[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, details);

  const CURLcode result = curl_easy_perform(handle);
  if (result != CURLE_OK && transfer.refusedAddress) {
    return FetchFailure{FetchProblem::NonPublicAddress,
                        "its address is not a public one (private, loopback or reserved "
                        "networks are never contacted)"};
  }
  if (transfer.tooLarge || result == CURLE_FILESIZE_EXCEEDED) {
    return FetchFailure{FetchProblem::TooLarge,
                        "it is larger than " + std::to_string(limits.maxBytes) + " bytes"};
  }
  if (result == CURLE_OPERATION_TIMEDOUT) {
    return FetchFailure{FetchProblem::TimedOut,
                        "it did not answer within " + std::to_string(limits.timeoutMillis) + " ms"};
  }
  if (result != CURLE_OK) {
    return FetchFailure{FetchProblem::Unreachable,
                        details[0] != '\0' ? details : curl_easy_strerror(result)};
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    return FetchFailure{FetchProblem::BadStatus, "it answered HTTP " + std::to_string(status)};
  }
  const char* contentType = nullptr;
  curl_easy_getinfo(handle, CURLINFO_CONTENT_TYPE, &contentType);
  return FetchedDocument{std::move(transfer.body), contentType ? contentType : ""};
}

}  // namespace tessera::net
