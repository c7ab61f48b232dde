// Opens the database named by the configuration and brings its schema up
// to date.
#pragma once

#include <memory>

#include "app/config.h"
#include "store/database.h"

namespace tessera::app {

// Throws std::runtime_error with an operator-facing message on failure.
std::unique_ptr<store::Database> openDatabase(const Config& config);

}  // namespace tessera::app
