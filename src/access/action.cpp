#include "access/action.h"

#include <array>
#include <utility>

namespace tessera::access {
namespace {

constexpr std::array<std::pair<Action, std::string_view>, 25> kActionNames = {{
    {Action::SpaceRead, "space:read"},       {Action::SpaceUpdate, "space:update"},
    {Action::SpaceDelete, "space:delete"},   {Action::BaseCreate, "base:create"},
    {Action::BaseRead, "base:read"},         {Action::BaseUpdate, "base:update"},
    {Action::BaseDelete, "base:delete"},     {Action::MemberRead, "member:read"},
    {Action::MemberManage, "member:manage"}, {Action::TableCreate, "table:create"},
    {Action::TableRead, "table:read"},       {Action::TableUpdate, "table:update"},
    {Action::TableDelete, "table:delete"},   {Action::FieldCreate, "field:create"},
    {Action::FieldRead, "field:read"},       {Action::FieldUpdate, "field:update"},
    {Action::FieldDelete, "field:delete"},   {Action::RecordRead, "record:read"},
    {Action::RecordCreate, "record:create"}, {Action::RecordUpdate, "record:update"},
    {Action::RecordDelete, "record:delete"}, {Action::ViewCreate, "view:create"},
    {Action::ViewRead, "view:read"},         {Action::ViewUpdate, "view:update"},
    {Action::ViewDelete, "view:delete"},
}};

}  // namespace

std::string_view actionName(Action action) {
  for (const auto& [known, name] : kActionNames) {
    if (known == action) return name;
  }
  return "unknown";
}

}  // namespace tessera::access
