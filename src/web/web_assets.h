// The web app's built files, embedded into the binary at build time by
// cmake/EmbedWebAssets.mjs from the Vite output, so one artefact deploys.
#pragma once

#include <span>

#include "http/static_site.h"

namespace tessera::web {

std::span<const http::StaticFile> webAssets();

}  // namespace tessera::web
