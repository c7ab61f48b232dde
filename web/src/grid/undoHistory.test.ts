import { describe, expect, it } from "vitest";

import { UndoHistory, type Change } from "./undoHistory";

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const edit = (after: string): Change => ({
  kind: "cells",
  changes: [{ recordId: "rec1", fieldId: "fld1", before: "old", after }],
});

describe("UndoHistory", () => {
  it("undoes newest first, redoes what was undone, and a new change ends the redo", async () => {
    const history = new UndoHistory("t", memory());
    history.record(edit("a"));
    history.record(edit("b"));
    const applied: Change[] = [];
    const apply = async (change: Change) => (applied.push(change), change);
    expect(await history.undo(apply)).toBe(true);
    expect(applied).toEqual([edit("b")]);
    expect(history.canRedo).toBe(true);
    expect(await history.redo(apply)).toBe(true);
    expect(applied).toEqual([edit("b"), edit("b")]);
    await history.undo(apply);
    history.record(edit("c"));
    expect(history.canRedo).toBe(false);
  });

  it("survives a reload through its storage", async () => {
    const storage = memory();
    new UndoHistory("tbl1", storage).record(edit("a"));
    const reloaded = new UndoHistory("tbl1", storage);
    expect(reloaded.canUndo).toBe(true);
    expect(new UndoHistory("tbl2", storage).canUndo).toBe(false);
  });

  it("keeps a change whose undo failed, and what its undo replaced for the redo", async () => {
    const history = new UndoHistory("t", memory());
    const deletion: Change = { kind: "deleteRecords", records: [{ id: "rec1", fields: { fld1: "x" } }] };
    history.record(deletion);
    await expect(history.undo(async () => Promise.reject(new Error("offline")))).rejects.toThrow("offline");
    expect(history.canUndo).toBe(true);
    const recreated: Change = { kind: "deleteRecords", records: [{ id: "rec9", fields: { fld1: "x" } }] };
    await history.undo(async () => recreated);
    let redone: Change | undefined;
    await history.redo(async (change) => (redone = change));
    expect(redone).toEqual(recreated);
  });

  it("answers false when there is nothing to undo", async () => {
    expect(await new UndoHistory("t", memory()).undo(async (c) => c)).toBe(false);
  });
});
