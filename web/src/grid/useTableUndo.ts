// Undo and redo of the person's own changes to one table (undoHistory):
// Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (or Ctrl+Y) outside an editor, and a
// toast with "Undo" after a destructive change (a cleared cell, deleted
// records). Each step is a write on the server.
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";

import { del, errorMessage, post } from "../api/client";
import type { CellValue, Table, TableRecord } from "../api/types";
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
  undo(): Promise<void>;
  redo(): Promise<void>;
  onKeyDown(event: KeyboardEvent): void;
}

export function useTableUndo(table: Table, records: RecordPages, onError: (message: string) => void): TableUndo {
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
    await records.reload();
    return {
      kind: "deleteRecords",
      records: answer.records.map((record) => ({ id: record.id, fields: record.fields })),
    };
  }

  async function deleteAgain(change: Extract<Change, { kind: "deleteRecords" }>): Promise<Change> {
    await del(`/api/table/${table.id}/record?recordIds=${change.records.map((record) => record.id).join(",")}`);
    await records.reload();
    return change;
  }

  async function step(direction: "undo" | "redo") {
    setToast(null);
    try {
      await history[direction](async (change) => {
        switch (change.kind) {
          case "cells":
            await writeCells(change.changes, direction === "undo" ? "before" : "after");
            return change;
          case "deleteRecords":
            return direction === "undo" ? createAgain(change) : deleteAgain(change);
        }
      });
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
