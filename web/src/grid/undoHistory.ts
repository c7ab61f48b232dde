// The person's own recent changes to one table, to undo and redo: edited
// or cleared cells, deleted records, deleted fields and views. Each step
// is done again on the server (a save of the earlier values, the records
// created again, a field or view restored from the server's trash), and
// the list is kept in the tab's sessionStorage, so it survives a reload of
// the grid.
import type { CellValue } from "../api/types";

export interface CellChange {
  recordId: string;
  fieldId: string;
  before: CellValue | null;
  after: CellValue | null;
}

export type Change =
  | { kind: "cells"; changes: CellChange[] }
  // The ids are those the records have now: created again by an undo, a
  // record has a new id, which a redo then deletes.
  | { kind: "deleteRecords"; records: { id: string; fields: Record<string, CellValue> }[] }
  // Restored from the trash, a field or view keeps its id.
  | { kind: "deleteField"; fieldId: string; name: string }
  | { kind: "deleteView"; viewId: string; name: string };

interface Stored {
  done: Change[];
  undone: Change[];
}

const LIMIT = 50;

export class UndoHistory {
  private state: Stored;

  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, "getItem" | "setItem"> = sessionStorage,
  ) {
    try {
      this.state = JSON.parse(storage.getItem(key) ?? "") as Stored;
    } catch {
      this.state = { done: [], undone: [] };
    }
  }

  get canUndo() {
    return this.state.done.length > 0;
  }
  get canRedo() {
    return this.state.undone.length > 0;
  }

  // A new change of the person's: it can be undone, and what was undone
  // before can no longer be redone.
  record(change: Change) {
    this.state = { done: [...this.state.done, change].slice(-LIMIT), undone: [] };
    this.save();
  }

  // The change to undo, or undefined. `replaced` is what to keep for its
  // redo (a deletion undone by creating records holds their new ids).
  undo(apply: (change: Change) => Promise<Change>) {
    return this.move(this.state.done, this.state.undone, apply);
  }

  redo(apply: (change: Change) => Promise<Change>) {
    return this.move(this.state.undone, this.state.done, apply);
  }

  private async move(from: Change[], to: Change[], apply: (change: Change) => Promise<Change>) {
    const change = from.pop();
    if (!change) return false;
    try {
      to.push(await apply(change));
    } catch (failure) {
      from.push(change);
      throw failure;
    } finally {
      this.save();
    }
    return true;
  }

  private save() {
    this.storage.setItem(this.key, JSON.stringify(this.state));
  }
}
