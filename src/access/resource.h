// A reference to the object an action is performed on.
#pragma once

#include <string>
#include <string_view>

namespace tessera::access {

enum class ResourceKind { Space, Base, Table };

struct ResourceRef {
  ResourceKind kind;
  std::string id;
};

// "space", "base" or "table", for messages.
std::string_view resourceKindName(ResourceKind kind);

}  // namespace tessera::access
