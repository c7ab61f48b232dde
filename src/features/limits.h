// The documented limits on how much structure one editor can make
// (docs/api.md, "Limits"). Each bounds what one account can cost the
// server: a table with more fields is slower to write and list, each view
// sort may add an index every insert must update, and each table is a
// real SQL table. Checked inside the creating transaction, so concurrent
// requests cannot pass a limit together.
#pragma once

#include <cstddef>
#include <string_view>

namespace tessera::features {

inline constexpr std::size_t kMaxBasesPerSpace = 500;
inline constexpr std::size_t kMaxTablesPerBase = 500;
inline constexpr std::size_t kMaxFieldsPerTable = 500;
inline constexpr std::size_t kMaxViewsPerTable = 200;
// Distinct view sorts of one table that get an index; the views of later
// sorts are sorted per request (features/views/sort_index_store.h).
inline constexpr std::size_t kMaxSortIndexesPerTable = 16;

// Throws ApiError 409 limit_reached ("A <container> holds at most <limit>
// <items>; ...") when adding `adding` to `existing` would pass `limit`.
void requireRoom(std::size_t existing, std::size_t adding, std::size_t limit,
                 std::string_view container, std::string_view items);

}  // namespace tessera::features
