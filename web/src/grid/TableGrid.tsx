// The grid: a sticky header of fields with type icons, and virtualized rows
// (only those on screen exist in the page). Cells are focusable; arrow keys
// move between them, Enter edits, Delete clears, Space toggles checkboxes.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";

import type { CellValue, Field, TableRecord } from "../api/types";
import { CellDisplay } from "./CellDisplay";
import { CellEditor } from "./CellEditor";
import { FieldHeader } from "./FieldHeader";
import { isWritable } from "./fieldTypes";
import type { RecordPages } from "./useRecordPages";

const ROW_HEIGHT = 36;

interface TableGridProps {
  fields: Field[];
  records: RecordPages;
  editable: boolean;
  schemaEditable: boolean;
  selected: Set<string>;
  onToggleSelected(recordId: string): void;
  onSaveCell(record: TableRecord, field: Field, value: CellValue | null): void;
  onAddField(): void;
  onRenameField(field: Field): void;
  onDeleteField(field: Field): void;
  scrollToIndex?: number;
}

export function TableGrid(props: TableGridProps) {
  const { fields, records, editable, selected } = props;
  const { ensureLoaded } = records;
  const scroller = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<{ row: number; col: number } | null>(null);
  const rowCount = records.count ?? 0;
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureLoaded(first, last);
  }, [first, last, ensureLoaded]);

  useEffect(() => {
    if (props.scrollToIndex !== undefined) virtualizer.scrollToIndex(props.scrollToIndex, { align: "end" });
  }, [props.scrollToIndex, virtualizer]);

  const widths = [48, ...fields.map((field) => (field.isPrimary ? 220 : 180)), 48];
  const columns = widths.map((width) => `${width}px`).join(" ");
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);

  function focusCell(row: number, col: number) {
    if (row < 0 || row >= rowCount || col < 0 || col >= fields.length) return;
    virtualizer.scrollToIndex(row);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus(),
    );
  }

  // After an edit ends, focus goes back to its cell, unless the user has
  // already moved on (clicked or tabbed elsewhere) before the next frame.
  function returnFocusTo(row: number, col: number) {
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
    });
  }

  function onCellKeyDown(event: KeyboardEvent, row: number, col: number, record: TableRecord | undefined) {
    const field = fields[col];
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
    };
    if (moves[event.key]) {
      event.preventDefault();
      focusCell(...moves[event.key]);
      return;
    }
    if (!record || !editable || !isWritable(field)) return;
    if (field.type === "checkbox" && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      props.onSaveCell(record, field, record.fields[field.id] ? null : true);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      setEditing({ row, col });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      props.onSaveCell(record, field, null);
    }
  }

  return (
    <div
      ref={scroller}
      className="grid-scroller"
      role="grid"
      aria-rowcount={rowCount + 1}
      aria-colcount={fields.length + 1}
      aria-label="Records"
    >
      <div
        className="grid-row grid-header"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: columns, minWidth: totalWidth }}
      >
        <div role="columnheader" className="grid-corner">
          <span className="visually-hidden">Select</span>
        </div>
        {fields.map((field) => (
          <FieldHeader
            key={field.id}
            field={field}
            editable={props.schemaEditable}
            onRename={() => props.onRenameField(field)}
            onDelete={() => props.onDeleteField(field)}
          />
        ))}
        <div role="columnheader" className="grid-add-field">
          {props.schemaEditable && (
            <button
              type="button"
              className="icon-button"
              aria-label="Add field"
              title="Add field"
              onClick={props.onAddField}
            >
              +
            </button>
          )}
        </div>
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth }}>
        {items.map((item) => {
          const record = records.recordAt(item.index);
          return (
            <div
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              className={`grid-row ${record && selected.has(record.id) ? "selected" : ""}`}
              style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: columns }}
            >
              <div role="gridcell" className="grid-select">
                <span className="row-number">{item.index + 1}</span>
                {record && (
                  <input
                    type="checkbox"
                    aria-label={`Select row ${item.index + 1}`}
                    checked={selected.has(record.id)}
                    onChange={() => props.onToggleSelected(record.id)}
                  />
                )}
              </div>
              {fields.map((field, col) => {
                const isEditing = editing?.row === item.index && editing.col === col && record;
                return (
                  <div
                    key={field.id}
                    role="gridcell"
                    tabIndex={0}
                    data-row={item.index}
                    data-col={col}
                    className={`grid-cell type-${field.type}`}
                    onKeyDown={(event) => onCellKeyDown(event, item.index, col, record)}
                    onDoubleClick={() =>
                      editable &&
                      record &&
                      isWritable(field) &&
                      field.type !== "checkbox" &&
                      setEditing({ row: item.index, col })
                    }
                    onClick={() =>
                      editable &&
                      record &&
                      field.type === "checkbox" &&
                      props.onSaveCell(record, field, record.fields[field.id] ? null : true)
                    }
                  >
                    {/* Read first by screen readers; the name includes what the cell shows. */}
                    <span className="visually-hidden">{`${field.name}, row ${item.index + 1}: `}</span>
                    {isEditing ? (
                      <CellEditor
                        field={field}
                        value={record.fields[field.id]}
                        onCancel={() => {
                          setEditing(null);
                          returnFocusTo(item.index, col);
                        }}
                        onCommit={(value) => {
                          setEditing(null);
                          if (JSON.stringify(value ?? null) !== JSON.stringify(record.fields[field.id] ?? null)) {
                            props.onSaveCell(record, field, value);
                          }
                          returnFocusTo(item.index, col);
                        }}
                      />
                    ) : record ? (
                      <CellDisplay field={field} value={record.fields[field.id]} />
                    ) : (
                      <span className="cell-loading" aria-hidden="true" />
                    )}
                  </div>
                );
              })}
              <div role="gridcell" />
            </div>
          );
        })}
      </div>
    </div>
  );
}
