#include "access/resource.h"

namespace tessera::access {

std::string_view resourceKindName(ResourceKind kind) {
  return kind == ResourceKind::Space ? "space" : "base";
}

}  // namespace tessera::access
