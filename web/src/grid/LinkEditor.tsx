// Editing a link cell: its linked records as chips that can be removed,
// and a search over the linked table's records to add, read 20 at a time
// (never the whole table) with "More records" for the next page. Save
// (or a click outside the editor, or Tab) writes the cell; Escape cancels.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { errorMessage } from "../api/client";
import type { CellValue, Field, LinkedRecord, Table } from "../api/types";
import { LinkChip } from "./CellDisplay";
import { linksOneRecord } from "./fieldTypes";
import { findLinkedRecords, SEARCH_DELAY_MS } from "./linkedRecords";
import type { EditMove } from "./gridNavigation";

const PAGE_SIZE = 20;

interface LinkEditorProps {
  field: Field;
  // The table the field links to; undefined while the base's tables load.
  linkedTable?: Table;
  initial: LinkedRecord[];
  error?: string;
  onCommit(value: CellValue | null, move: EditMove): void;
  onCancel(): void;
}

export function LinkEditor({ field, linkedTable, initial, error, onCommit, onCancel }: LinkEditorProps) {
  const [links, setLinks] = useState(initial);
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<LinkedRecord[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadError, setLoadError] = useState("");
  const [loading, setLoading] = useState(false);
  const finished = useRef(false);
  const container = useRef<HTMLDivElement>(null);
  const listId = useId();
  const single = linksOneRecord(field);
  const tableName = linkedTable?.name ?? field.options.linkedTableName ?? "the linked table";

  async function load(cursor: string | null, text: string) {
    if (!linkedTable) return;
    setLoading(true);
    try {
      const page = await findLinkedRecords(linkedTable, { take: PAGE_SIZE, search: text, cursor });
      const records = page.records;
      setFound((current) => (cursor ? [...current, ...records] : records));
      setNextCursor(page.nextCursor);
      setLoadError("");
    } catch (failure) {
      setLoadError(errorMessage(failure));
    } finally {
      setLoading(false);
    }
  }

  // The first page at once, then again as the search changes.
  useEffect(() => {
    const timer = setTimeout(() => void load(null, search), search ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [search, linkedTable?.id]);

  // A click outside saves, as leaving any cell editor does. (Focus moves
  // inside the editor as buttons come and go, so blur cannot tell.)
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) finish("stay");
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  });

  function finish(move: EditMove) {
    if (finished.current) return;
    finished.current = true;
    onCommit(links.length ? links.map((record) => record.id) : null, move);
  }

  function cancel() {
    if (finished.current) return;
    finished.current = true;
    onCancel();
  }

  function toggle(record: LinkedRecord) {
    setLinks((current) => {
      if (current.some((linked) => linked.id === record.id)) return current.filter((l) => l.id !== record.id);
      return single ? [record] : [...current, record];
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(event.shiftKey ? "left" : "right");
    }
  }

  return (
    <div
      ref={container}
      className="link-editor"
      role="dialog"
      aria-label={`Edit ${field.name}`}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <div className="link-editor-chosen" aria-label={`Linked ${tableName} records`}>
        {links.length === 0 && <span className="muted">No linked records</span>}
        {links.map((record) => (
          <span key={record.id} className="link-editor-chip">
            <LinkChip record={record} />
            <button
              type="button"
              className="link-chip-remove"
              aria-label={`Unlink ${record.title || "Unnamed record"}`}
              onClick={() => toggle(record)}
            >
              ×
            </button>
          </span>
        ))}
      </div>
      <input
        className="link-editor-search"
        type="search"
        autoFocus
        aria-label={`Search ${tableName}`}
        aria-controls={listId}
        placeholder={`Find a record in ${tableName}`}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <ul id={listId} className="link-editor-results" aria-label={`Records of ${tableName}`}>
        {found.map((record) => {
          const linked = links.some((l) => l.id === record.id);
          return (
            <li key={record.id}>
              <button type="button" aria-pressed={linked} onClick={() => toggle(record)}>
                <span aria-hidden="true">{linked ? "✓" : "+"}</span> {record.title || <em>Unnamed record</em>}
              </button>
            </li>
          );
        })}
        {!loading && found.length === 0 && !loadError && <li className="muted">No records found</li>}
      </ul>
      {nextCursor && (
        <button type="button" className="link-button" onClick={() => !loading && void load(nextCursor, search)}>
          More records
        </button>
      )}
      {(loadError || error) && (
        <p role="alert" className="cell-error-inline">
          {loadError || error}
        </p>
      )}
      <div className="link-editor-actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => finish("stay")}>
          Save
        </button>
      </div>
    </div>
  );
}
