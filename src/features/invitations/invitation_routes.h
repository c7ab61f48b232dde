// HTTP mapping of invitations: /api/space/{spaceId}/invitation and
// /api/base/{baseId}/invitation (list, invite by e-mail, revoke),
// .../invite-link (a new link), and /api/invitation/preview and /accept
// for whoever opens a link.
#pragma once

#include "features/invitations/invitation_service.h"
#include "http/router.h"

namespace tessera::features {

void registerInvitationRoutes(http::Router& router, InvitationService& invitations);

}  // namespace tessera::features
