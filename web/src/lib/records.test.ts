import { describe, expect, it } from "vitest";

import type { TableRecord } from "../api/types";
import { replaceIfNewer } from "./records";

const record = (version: number, done: boolean): TableRecord => ({
  id: "rec1",
  fields: { Done: done },
  createdTime: "2026-11-30T12:00:00Z",
  version,
});

describe("replaceIfNewer", () => {
  it("takes a newer answer", () => {
    const rows = [record(1, false)];
    expect(replaceIfNewer(rows, record(2, true))).toBe(true);
    expect(rows[0].fields.Done).toBe(true);
  });
  it("keeps the newer row when an older answer comes last", () => {
    // Qty saved (version 2), then Done ticked (version 3); the answers
    // arrive Done first, then Qty.
    const rows = [record(1, false)];
    replaceIfNewer(rows, record(3, true));
    expect(replaceIfNewer(rows, record(2, false))).toBe(false);
    expect(rows[0]).toEqual(record(3, true));
  });
  it("ignores a record that is not shown", () => {
    const rows = [record(1, false)];
    expect(replaceIfNewer(rows, { ...record(5, true), id: "rec2" })).toBe(false);
    expect(rows[0].version).toBe(1);
  });
});
