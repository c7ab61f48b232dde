// Undo and redo of the person's own changes to one table (undoHistory):
// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) outside an editor, and a
// toast with "Undo" after a destructive change (a cleared cell, deleted
// records, a deleted field or view). Each step is a write on the server.
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";

import { del, errorMessage, post } from "../api/client";
import type { CellValue, Field, Table, TableRecord, View } from "../api/types";
import { isWritable } from "./fieldTypes";
import { UndoHistory, type CellChange, type Change } from "./undoHistory";
import type { RecordPages } from "./useRecordPages";
import { patchRecords } from "./writeCellBatches";

const TOAST_MS = 8000;

export interface TableUndo {
  toast: string | null;
  dismissToast(): void;
  recordCells(changes: CellChange[], toast?: string): void;
  recordDeletion(deleted: TableRecord[]): void;
  recordFieldDeletion(field: Field): void;
  recordViewDeletion(view: View): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  onKeyDown(event: KeyboardEvent): void;
}

// What an undone or redone field or view deletion needs from the page.
export interface SchemaHooks {
  reload(): Promise<void>;
  showView(viewId: string): void;
}

export function useTableUndo(
  table: Table,
  records: RecordPages,
  schema: SchemaHooks,
  onError: (message: string) => void,
): TableUndo {
  const history = useMemo(() => new UndoHistory(`tessera.undo.${table.id}`), [table.id]);
  const [toast, setToast] = useState<string | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  async function writeCells(changes: CellChange[], side: "before" | "after") {
    const byRecord = new Map<string, Record<string, CellValue | null>>();
    for (const change of changes) {
      byRecord.set(change.recordId, { ...byRecord.get(change.recordId), [change.fieldId]: change[side] });
    }
    const changed = [...byRecord].map(([id, fields]) => ({ id, fields }));
    for (const record of await patchRecords(table.id, changed, false)) records.replaceRecord(record);
  }

  async function createAgain(change: Extract<Change, { kind: "deleteRecords" }>): Promise<Change> {
    const writable = new Set(table.fields.filter(isWritable).map((field) => field.id));
    const answer = await post<{ records: TableRecord[] }>(`/api/table/${table.id}/record?fieldKeyType=id`, {
      records: change.records.map((record) => ({
        fields: Object.fromEntries(Object.entries(record.fields).filter(([id]) => writable.has(id))),
      })),
      fieldKeyType: "id",
    });
    return {
      kind: "deleteRecords",
      records: answer.records.map((record) => ({ id: record.id, fields: record.fields })),
    };
  }

  async function deleteAgain(change: Extract<Change, { kind: "deleteRecords" }>): Promise<Change> {
    await del(`/api/table/${table.id}/record?recordIds=${change.records.map((record) => record.id).join(",")}`);
    return change;
  }

  // Undo brings the field or view back from the server's trash (same id);
  // redo deletes it again. Returns how to bring the page up to date.
  async function restoreOrDelete(what: "field" | "view", id: string, direction: "undo" | "redo") {
    const path = `/api/table/${table.id}/${what}/${id}`;
    if (direction === "undo") await post(`${path}/restore`);
    else await del(path);
    return async () => {
      await schema.reload();
      await records.reload(); // the rows on screen were read without a deleted field
      if (what === "view" && direction === "undo") schema.showView(id);
    };
  }

  async function step(direction: "undo" | "redo") {
    setToast(null);
    let refresh = async () => {};
    try {
      await history[direction](async (change) => {
        switch (change.kind) {
          case "cells":
            await writeCells(change.changes, direction === "undo" ? "before" : "after");
            return change;
          case "deleteRecords":
            refresh = async () => {
              await records.reload();
            };
            return direction === "undo" ? createAgain(change) : deleteAgain(change);
          case "deleteField":
            refresh = await restoreOrDelete("field", change.fieldId, direction);
            return change;
          case "deleteView":
            refresh = await restoreOrDelete("view", change.viewId, direction);
            return change;
        }
      });
      // The history is saved as soon as the server has the change; the page
      // is brought up to date after, so a reload in between loses no step.
      await refresh();
    } catch (failure) {
      onError(`Could not ${direction}: ${errorMessage(failure)}`);
    }
  }

  return {
    toast,
    dismissToast: () => setToast(null),
    recordCells(changes, message) {
      history.record({ kind: "cells", changes });
      setToast(message ?? null);
    },
    recordDeletion(deleted) {
      history.record({
        kind: "deleteRecords",
        records: deleted.map((record) => ({ id: record.id, fields: record.fields })),
      });
      setToast(`${deleted.length} ${deleted.length === 1 ? "record" : "records"} deleted.`);
    },
    recordFieldDeletion(field) {
      history.record({ kind: "deleteField", fieldId: field.id, name: field.name });
      setToast(`Field “${field.name}” deleted.`);
    },
    recordViewDeletion(view) {
      history.record({ kind: "deleteView", viewId: view.id, name: view.name });
      setToast(`View “${view.name}” deleted.`);
    },
    undo: () => step("undo"),
    redo: () => step("redo"),
    onKeyDown(event) {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, dialog")) return;
      const key = event.key.toLowerCase();
      if (!(event.ctrlKey || event.metaKey) || (key !== "z" && key !== "y")) return;
      event.preventDefault();
      void step(key === "y" || event.shiftKey ? "redo" : "undo");
    },
  };
}
