#include "http/access_refusal.h"

namespace tessera::http {

ApiError refusalError(const access::Decision& decision) {
  ApiError error(decision.status, decision.code, decision.message);
  if (!decision.wwwAuthenticate.empty()) {
    error.withHeader("WWW-Authenticate", decision.wwwAuthenticate);
  }
  return error;
}

access::Role allowedRoleOrThrow(const access::Verdict& verdict) {
  if (!verdict.decision.allowed) throw refusalError(verdict.decision);
  return verdict.role;
}

}  // namespace tessera::http
