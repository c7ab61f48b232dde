// A selected range of grid cells (between an anchor and the cursor) and
// what can be done with it: copy as tab-separated text, paste such text
// (from a spreadsheet) from its corner or into all of it, fill down, clear.
import type { ClipboardEvent } from "react";

import type { CellValue, Field, TableRecord } from "../api/types";
import { cellText, parseTabSeparated, pastedValue, toTabSeparated } from "./cellDraft";
import { isWritable } from "./fieldTypes";
import type { Position } from "./gridNavigation";
import type { RecordPages } from "./useRecordPages";

export interface CellWrite {
  record: TableRecord;
  field: Field;
  value: CellValue | null;
}

interface CellRangeInput {
  // The other corner; null: the range is the cursor alone.
  anchor: Position | null;
  cursor: Position;
  fields: Field[];
  records: RecordPages;
  rowCount: number;
  editable: boolean;
  onWriteCells(changes: CellWrite[], toast: string): void;
}

const span = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

export function useCellRange({ anchor, cursor, fields, records, rowCount, editable, onWriteCells }: CellRangeInput) {
  const corner = anchor && anchor.row >= 0 && anchor.col >= 0 ? anchor : cursor;
  const range = {
    top: Math.max(0, Math.min(corner.row, cursor.row)),
    bottom: Math.max(corner.row, cursor.row),
    left: Math.max(0, Math.min(corner.col, cursor.col)),
    right: Math.max(corner.col, cursor.col),
  };
  const multiCell = range.bottom > range.top || range.right > range.left;
  const rows = () => span(range.top, range.bottom);
  const cols = () => span(range.left, range.right);

  // The loaded, writable cells of `rowList` x `colList`, with their values.
  function writes(rowList: number[], colList: number[], value: (row: number, col: number) => CellValue | null) {
    const result: CellWrite[] = [];
    for (const row of rowList) {
      const record = records.recordAt(row);
      if (!record) continue;
      for (const col of colList) {
        const field = fields[col];
        if (field && isWritable(field)) result.push({ record, field, value: value(row, col) });
      }
    }
    return result;
  }

  return {
    multiCell,
    inRange: (row: number, col: number) =>
      multiCell && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right,

    copy(event: ClipboardEvent) {
      const text = rows().map((row) => cols().map((col) => cellText(records.recordAt(row)?.fields[fields[col].id])));
      event.clipboardData.setData("text/plain", toTabSeparated(text));
      event.preventDefault();
    },

    paste(event: ClipboardEvent) {
      event.preventDefault();
      if (!editable) return;
      const matrix = parseTabSeparated(event.clipboardData.getData("text/plain"));
      const single = matrix.length === 1 && matrix[0].length === 1;
      const width = Math.max(...matrix.map((row) => row.length));
      // One value fills a selected range; a block is laid from its corner.
      const targetRows =
        single && multiCell ? rows() : span(range.top, Math.min(rowCount - 1, range.top + matrix.length - 1));
      const targetCols =
        single && multiCell ? cols() : span(range.left, Math.min(fields.length - 1, range.left + width - 1));
      const changes = writes(targetRows, targetCols, (row, col) =>
        pastedValue(fields[col], single ? matrix[0][0] : (matrix[row - range.top]?.[col - range.left] ?? "")),
      );
      if (changes.length) onWriteCells(changes, `${changes.length} ${changes.length === 1 ? "cell" : "cells"} pasted.`);
    },

    fillDown() {
      const top = records.recordAt(range.top);
      if (!top || range.bottom === range.top) return;
      const changes = writes(span(range.top + 1, range.bottom), cols(), (_, col) => top.fields[fields[col].id] ?? null);
      if (changes.length) onWriteCells(changes, `Filled down ${range.bottom - range.top} rows.`);
    },

    clear() {
      const changes = writes(rows(), cols(), () => null);
      if (changes.length) onWriteCells(changes, `${changes.length} cells cleared.`);
    },
  };
}
