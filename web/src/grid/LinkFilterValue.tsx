// The value of a link filter that names records (has any of, has all of,
// has none of): the records chosen, as chips that can be removed, and a
// search over the linked table's records to add (10 at a time, searched on
// the server; never the whole table).
import { useEffect, useRef, useState } from "react";

import { errorMessage, get } from "../api/client";
import type { Field, LinkedRecord, Table, TableRecord } from "../api/types";
import { LinkChip } from "./CellDisplay";
import { cellText } from "./cellDraft";
import { findLinkedRecords, SEARCH_DELAY_MS } from "./linkedRecords";

const FOUND_SIZE = 10;

interface LinkFilterValueProps {
  field: Field;
  // The table the field links to; undefined while the base's tables load.
  linkedTable?: Table;
  ids: string[];
  onChange(ids: string[]): void;
}

export function LinkFilterValue({ field, linkedTable, ids, onChange }: LinkFilterValueProps) {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<LinkedRecord[]>([]);
  const [error, setError] = useState("");
  const searchBox = useRef<HTMLInputElement>(null);
  const tableName = linkedTable?.name ?? field.options.linkedTableName ?? "the linked table";

  // The titles of records chosen before (a saved view's filter), one
  // read each: a filter names a few records.
  useEffect(() => {
    if (!linkedTable) return;
    const titleField = linkedTable.primaryFieldId;
    for (const id of ids.filter((chosen) => !(chosen in titles))) {
      get<TableRecord>(`/api/table/${linkedTable.id}/record/${id}`, { fieldKeyType: "id", projection: titleField })
        .then((record) => setTitles((current) => ({ ...current, [id]: cellText(record.fields[titleField]) })))
        .catch(() => setTitles((current) => ({ ...current, [id]: "(deleted record)" })));
    }
  }, [linkedTable?.id, ids.join(",")]);

  useEffect(() => {
    if (!linkedTable || !search.trim()) {
      setFound([]);
      return;
    }
    const timer = setTimeout(() => {
      findLinkedRecords(linkedTable, { take: FOUND_SIZE, search })
        .then((page) => {
          setFound(page.records);
          setError("");
        })
        .catch((failure) => setError(errorMessage(failure)));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, linkedTable?.id]);

  function add(record: LinkedRecord) {
    setTitles((current) => ({ ...current, [record.id]: record.title }));
    if (!ids.includes(record.id)) onChange([...ids, record.id]);
    setSearch("");
    // The result clicked goes with the list: the search keeps the focus,
    // for the next record (and Escape still closes the panel).
    searchBox.current?.focus();
  }

  return (
    <div className="link-filter">
      {ids.map((id) => (
        <span key={id} className="link-editor-chip">
          <LinkChip record={{ id, title: titles[id] ?? id }} />
          <button
            type="button"
            className="link-chip-remove"
            aria-label={`Remove ${titles[id] ?? id}`}
            onClick={() => onChange(ids.filter((other) => other !== id))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        ref={searchBox}
        type="search"
        aria-label={`Value for ${field.name}`}
        placeholder={`Find a record of ${tableName}`}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {error && <span className="field-error">{error}</span>}
      {found.length > 0 && (
        <ul className="link-editor-results" aria-label={`Records of ${tableName}`}>
          {found.map((record) => (
            <li key={record.id}>
              <button type="button" onClick={() => add(record)}>
                {record.title || "Unnamed record"}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
