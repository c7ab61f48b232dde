// HTTP mapping of collaborators, the same for spaces and bases:
// /api/space/{spaceId}/collaborator[/{userId}] and
// /api/base/{baseId}/collaborator[/{userId}].
#pragma once

#include "access/authorizer.h"
#include "features/members/member_service.h"
#include "http/router.h"

namespace tessera::features {

void registerMemberRoutes(http::Router& router, MemberService& members,
                          const access::Authorizer& authorizer);

}  // namespace tessera::features
