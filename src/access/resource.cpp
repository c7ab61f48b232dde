#include "access/resource.h"

namespace tessera::access {

std::string_view resourceKindName(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::Space:
      return "space";
    case ResourceKind::Base:
      return "base";
    case ResourceKind::Table:
      return "table";
  }
  return "resource";
}

}  // namespace tessera::access
