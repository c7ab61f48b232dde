// Keeping shown records current when saves answer out of order: two quick
// edits of one record (through two servers, or on a slow network) can be
// answered in either order, and the older answer must not undo the newer.

import type { TableRecord } from "../api/types";

// Puts `record` in place of the row with its id in `rows`, unless the row
// shown is already newer (a higher version). Returns whether it did.
export function replaceIfNewer(rows: TableRecord[], record: TableRecord): boolean {
  const at = rows.findIndex((row) => row.id === record.id);
  if (at < 0 || rows[at].version > record.version) return false;
  rows[at] = record;
  return true;
}
