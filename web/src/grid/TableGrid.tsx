// The grid: a sticky header of fields with type icons, virtualized rows
// (only those on screen exist in the page), the row numbers and primary
// field frozen on horizontal scroll. It is one Tab stop (ARIA grid with a
// roving tabindex): arrow keys, Home/End and Page keys move the cursor;
// typing starts an edit that replaces the value, Enter or F2 edits it,
// Delete clears it, Space toggles checkboxes and row selection, Enter on a
// row's number (or its ⤢ button) expands the record. Shift with
// an arrow or a click selects a range of cells: Ctrl/Cmd+C copies it as
// tab-separated text, Ctrl/Cmd+V pastes such text from a spreadsheet,
// Ctrl/Cmd+D fills down, Delete clears it.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";

import type { CellValue, Field, LinkedRecord, Table, TableRecord } from "../api/types";
import { CellDisplay } from "./CellDisplay";
import { CellEditor } from "./CellEditor";
import { draftOf, startsWithTypedText, type Draft } from "./cellDraft";
import { FieldHeader } from "./FieldHeader";
import { LinkEditor } from "./LinkEditor";
import { isWritable } from "./fieldTypes";
import { editMove, keyMove, type EditMove, type Position } from "./gridNavigation";
import { useCellRange, type CellWrite } from "./useCellRange";
import type { RecordPages } from "./useRecordPages";

const ROW_HEIGHT = 36;
const SELECT_WIDTH = 68;

interface TableGridProps {
  fields: Field[];
  // The base's tables, for the records a link cell can link to.
  tables: Table[];
  records: RecordPages;
  editable: boolean;
  schemaEditable: boolean;
  selected: Set<string>;
  onToggleSelected(recordId: string): void;
  // Shift+click on a row's box: the rows from the last one toggled to it.
  onSelectRecords(recordIds: string[]): void;
  // Answers the reason a value was refused, or null once it is saved.
  onSaveCell(record: TableRecord, field: Field, value: CellValue | null): Promise<string | null>;
  // Several cells at once (a paste, a fill, a cleared range), as one step.
  onWriteCells(changes: CellWrite[], toast: string): void;
  onError(message: string): void;
  onAddRecord(): void;
  // Shows every field of the record, linked records included.
  onExpandRecord(record: TableRecord): void;
  onAddField(): void;
  onEditField(field: Field): void;
  onRenameField(field: Field): void;
  onHideField(field: Field): void;
  onDeleteField(field: Field): void;
  // A new object each time the cursor should go to a row (a new record).
  focusRequest?: { row: number };
  // The search, marked in the cells where it occurs.
  search: string;
}

interface Editing extends Position {
  draft: Draft;
  error?: string;
}

// A link cell compares by the ids it holds: it is written as ids and read
// as {id, title}.
const comparable = (value: CellValue | null | undefined) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === "object" && item !== null ? item.id : item))
    : (value ?? null);
const same = (a: CellValue | null | undefined, b: CellValue | null | undefined) =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

export function TableGrid(props: TableGridProps) {
  const { fields, records, editable, selected } = props;
  const { ensureLoaded, generation } = records;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  // The other corner of a selected range of cells; null: just the cursor.
  const [anchor, setAnchor] = useState<Position | null>(null);
  const lastToggledRow = useRef<number | null>(null);

  function toggleRow(row: number, recordId: string, extend: boolean) {
    const from = lastToggledRow.current;
    lastToggledRow.current = row;
    if (!extend || from === null) {
      props.onToggleSelected(recordId);
      return;
    }
    const ids: string[] = [];
    for (let at = Math.min(from, row); at <= Math.max(from, row); at++) {
      const record = records.recordAt(at);
      if (record) ids.push(record.id);
    }
    props.onSelectRecords(ids);
  }
  const rowCount = records.count ?? 0;
  const size = { rows: rowCount, fields: fields.length };
  // The cursor as drawn: inside the grid as it is now (rows come and go).
  const cursor = {
    row: Math.min(active.row, rowCount - 1),
    col: Math.min(active.col, active.row === -1 || rowCount === 0 ? fields.length : fields.length - 1),
  };
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
    if (last >= first) void ensureLoaded(first, last);
  }, [first, last, ensureLoaded, generation]);

  const cellAt = ({ row, col }: Position) =>
    scroller.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);

  // A cell on screen takes focus at once (the next key must reach it); one
  // scrolled to is drawn first.
  function focusCell(position: Position, extend = false) {
    setAnchor(extend ? (current) => current ?? active : null);
    setActive(position);
    if (position.row >= 0) virtualizer.scrollToIndex(position.row);
    const element = cellAt(position);
    if (element) element.focus();
    else requestAnimationFrame(() => cellAt(position)?.focus());
  }

  const cells = useCellRange({ anchor, cursor, fields, records, rowCount, editable, onWriteCells: props.onWriteCells });

  const { focusRequest } = props;
  useEffect(() => {
    if (focusRequest) focusCell({ row: focusRequest.row, col: 0 });
  }, [focusRequest]); // (focusCell is new each render; the request alone decides)

  // After an edit ends by leaving the cell, focus stays where the person
  // put it; only if it fell to the page does it come back to the cell.
  function returnFocusTo(position: Position) {
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      cellAt(position)?.focus();
    });
  }

  function commitEdit(at: Editing, record: TableRecord, field: Field, value: CellValue | null, move: EditMove) {
    setEditing(null);
    if (move === "stay") returnFocusTo(at);
    else focusCell(editMove(move, at, size));
    if (same(value, record.fields[field.id])) return;
    void props.onSaveCell(record, field, value).then((error) => {
      if (!error) return;
      // The refused value comes back at its cell with the reason, unless
      // the person has moved on (editing, or on another cell): then the
      // reason shows above the grid, and no editor takes their focus.
      const focused = document.activeElement;
      const stillHere = focused === cellAt(at) || focused === document.body || !focused;
      setEditing((current) => {
        if (current || !stillHere) {
          props.onError(error);
          return current;
        }
        return { row: at.row, col: at.col, draft: draftOf(field, value), error };
      });
    });
  }

  // A save without an editor (a checkbox, a cleared cell) reports a refusal
  // above the grid.
  function saveDirectly(record: TableRecord, field: Field, value: CellValue | null) {
    void props.onSaveCell(record, field, value).then((error) => error && props.onError(error));
  }

  function onBodyKey(event: KeyboardEvent, position: Position) {
    const record = records.recordAt(position.row);
    if (position.col === -1) {
      if (event.key === " " && record && editable) {
        event.preventDefault();
        toggleRow(position.row, record.id, event.shiftKey);
      } else if (event.key === "Enter" && record) {
        event.preventDefault();
        props.onExpandRecord(record);
      }
      return;
    }
    const field = fields[position.col];
    if (!record || !editable || !isWritable(field)) return;
    const edit = (draft: Draft) => {
      event.preventDefault();
      setEditing({ ...position, draft });
    };
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (field.type === "checkbox") {
      if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        saveDirectly(record, field, record.fields[field.id] ? null : true);
      }
    } else if (event.key === "Enter" || event.key === "F2") {
      edit(draftOf(field, record.fields[field.id]));
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      if (record.fields[field.id] !== undefined) saveDirectly(record, field, null);
    } else if (typed && startsWithTypedText(field)) {
      edit({ text: event.key, chosen: [] });
    } else if (typed && event.key !== " ") {
      edit(draftOf(field, record.fields[field.id]));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys in an editor or an open menu are theirs; a header's menu button
    // (where focus returns when its menu closes) moves like its cell.
    const target = event.target as HTMLElement;
    const cell = target.classList.contains("menu-button") ? target.closest<HTMLElement>("[data-row]") : target;
    if (event.defaultPrevented || !cell || cell.dataset.row === undefined) return;
    const position = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    const move = keyMove(event.key, event.ctrlKey || event.metaKey, position, size);
    if (move) {
      event.preventDefault();
      focusCell(move, event.shiftKey && move.row >= 0 && move.col >= 0);
    } else if (
      position.row >= 0 &&
      cells.multiCell &&
      editable &&
      (event.key === "Delete" || event.key === "Backspace")
    ) {
      event.preventDefault();
      cells.clear();
    } else if (position.row >= 0 && editable && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "d") {
      event.preventDefault();
      cells.fillDown();
    } else if (position.row === -1) {
      if (target === cell && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        cell.querySelector<HTMLElement>("button")?.click();
      }
    } else {
      onBodyKey(event, position);
    }
  }

  const primaryIndex = fields.findIndex((field) => field.isPrimary);
  const widths = [SELECT_WIDTH, ...fields.map((field) => (field.isPrimary ? 220 : 180)), 48];
  const columns = widths.map((width) => `${width}px`).join(" ");
  const totalWidth = widths.reduce((sum, width) => sum + width, 0);
  const frozen = (col: number) => (col === primaryIndex && col === 0 ? " frozen frozen-primary" : "");
  // The props every navigable cell has: its place, and one Tab stop.
  const cellProps = (position: Position) => ({
    "data-row": position.row,
    "data-col": position.col,
    tabIndex: position.row === cursor.row && position.col === cursor.col ? 0 : -1,
    onFocus: () => setActive(position),
    // Shift+click selects from the cursor to here.
    onMouseDown: (event: MouseEvent) => setAnchor(event.shiftKey ? (current) => current ?? active : null),
  });

  return (
    <>
      <div
        ref={scroller}
        className="grid-scroller"
        role="grid"
        aria-rowcount={rowCount + 1}
        aria-colcount={fields.length + 1}
        aria-label="Records"
        aria-readonly={editable ? undefined : true}
        onKeyDown={onKeyDown}
        onCopy={(event) => !(event.target as HTMLElement).closest(".cell-input") && cells.copy(event)}
        onPaste={(event) => !(event.target as HTMLElement).closest(".cell-input") && cells.paste(event)}
      >
        <div
          className="grid-row grid-header"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: columns, minWidth: totalWidth }}
        >
          <div role="columnheader" className="grid-corner frozen" {...cellProps({ row: -1, col: -1 })}>
            <span className="visually-hidden">Row</span>
          </div>
          {fields.map((field, col) => (
            <FieldHeader
              key={field.id}
              field={field}
              className={frozen(col)}
              cellProps={cellProps({ row: -1, col })}
              schemaEditable={props.schemaEditable}
              viewEditable={props.editable}
              onEdit={() => props.onEditField(field)}
              onRename={() => props.onRenameField(field)}
              onHide={() => props.onHideField(field)}
              onDelete={() => props.onDeleteField(field)}
            />
          ))}
          <div role="columnheader" className="grid-add-field" {...cellProps({ row: -1, col: fields.length })}>
            {props.schemaEditable ? (
              <button
                type="button"
                className="icon-button"
                tabIndex={-1}
                aria-label="Add field"
                title="Add field"
                onClick={props.onAddField}
              >
                +
              </button>
            ) : (
              <span className="visually-hidden">No more fields</span>
            )}
          </div>
        </div>
        <div className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth }}>
          {items.map((item) => {
            const record = records.recordAt(item.index);
            const row = item.index;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={row + 2}
                aria-selected={record && editable ? selected.has(record.id) : undefined}
                className={`grid-row ${record && selected.has(record.id) ? "selected" : ""}`}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: columns }}
              >
                <div role="gridcell" className="grid-select frozen" {...cellProps({ row, col: -1 })}>
                  <span className="visually-hidden">{`Row ${row + 1}`}</span>
                  <span className="row-number" aria-hidden="true">
                    {row + 1}
                  </span>
                  {record && (
                    <button
                      type="button"
                      className="row-expand"
                      tabIndex={-1}
                      aria-label={`Expand row ${row + 1}`}
                      title="Expand record (Enter)"
                      onClick={() => props.onExpandRecord(record)}
                    >
                      ⤢
                    </button>
                  )}
                  {record && editable && (
                    <input
                      type="checkbox"
                      tabIndex={-1}
                      aria-label={`Select row ${row + 1}`}
                      checked={selected.has(record.id)}
                      readOnly
                      onClick={(event) => toggleRow(row, record.id, event.shiftKey)}
                    />
                  )}
                </div>
                {fields.map((field, col) => {
                  const edit = editing?.row === row && editing.col === col && record ? editing : null;
                  const writable = editable && record && isWritable(field);
                  return (
                    <div
                      key={field.id}
                      role="gridcell"
                      {...cellProps({ row, col })}
                      aria-readonly={writable ? undefined : true}
                      aria-selected={cells.inRange(row, col) || undefined}
                      className={`grid-cell type-${field.type}${frozen(col)}${edit?.error ? " has-error" : ""}${cells.inRange(row, col) ? " in-range" : ""}`}
                      onDoubleClick={() =>
                        writable &&
                        field.type !== "checkbox" &&
                        setEditing({ row, col, draft: draftOf(field, record.fields[field.id]) })
                      }
                      onClick={() =>
                        writable &&
                        field.type === "checkbox" &&
                        saveDirectly(record, field, record.fields[field.id] ? null : true)
                      }
                    >
                      {/* Read first by screen readers; the name includes what the cell shows. */}
                      <span className="visually-hidden">{`${field.name}, row ${row + 1}: `}</span>
                      {edit && record && field.type === "link" ? (
                        <LinkEditor
                          field={field}
                          linkedTable={props.tables.find((t) => t.id === field.options.linkedTableId)}
                          initial={edit.draft.links as LinkedRecord[]}
                          error={edit.error}
                          onCancel={() => {
                            setEditing(null);
                            returnFocusTo(edit);
                          }}
                          onCommit={(value, move) => commitEdit(edit, record, field, value, move)}
                        />
                      ) : edit && record ? (
                        <CellEditor
                          field={field}
                          initial={edit.draft}
                          error={edit.error}
                          onCancel={() => {
                            setEditing(null);
                            returnFocusTo(edit);
                          }}
                          onCommit={(value, move) => commitEdit(edit, record, field, value, move)}
                        />
                      ) : record ? (
                        <CellDisplay field={field} value={record.fields[field.id]} search={props.search} />
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
      {editable && (
        <div className="grid-add-row">
          <button type="button" aria-label="Add a record" title="Add a record" onClick={props.onAddRecord}>
            +
          </button>
        </div>
      )}
    </>
  );
}
