// One table: its views as tabs, the filter / sort / search toolbar, record
// actions, and the grid. Filter and sort belong to the active view and are
// saved to it for those who may change views.
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router-dom";

import { ApiError, del, errorMessage, patch, post, type Query } from "../api/client";
import { useOnReconnect } from "../api/connection";
import type { CellValue, Field, Filter, Role, SortKey, Table, TableRecord, View } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { NameDialog } from "../components/NameDialog";
import { Popover } from "../components/Popover";
import { canEditRecords, canManageSchema } from "../lib/roles";
import { canOrderBy } from "./fieldTypes";
import { FieldDialog } from "./FieldDialog";
import { RecordDialog } from "./RecordDialog";
import { FilterPanel, isComplete } from "./FilterPanel";
import { SortPanel } from "./SortPanel";
import { TableGrid } from "./TableGrid";
import type { CellWrite } from "./useCellRange";
import { writeCellBatches } from "./writeCellBatches";
import { useRecordPages } from "./useRecordPages";
import { useTableUndo } from "./useTableUndo";
import type { CellChange } from "./undoHistory";
import { ViewTabs } from "./ViewTabs";

interface TableViewProps {
  table: Table;
  // Every table of the base, this one included: what links can link to.
  tables: Table[];
  role: Role;
  onSchemaChanged(): Promise<void>;
}

type Open =
  | { kind: "addField" }
  | { kind: "editField"; field: Field }
  | { kind: "renameField"; field: Field }
  | { kind: "deleteField"; field: Field }
  | { kind: "deleteRecords" }
  | { kind: "expandRecord"; recordId: string };

const EMPTY_FILTER: Filter = { conjunction: "and", filterSet: [] };

export function TableView({ table, tables, role, onSchemaChanged }: TableViewProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const view: View = table.views.find((v) => v.id === searchParams.get("view")) ?? table.views[0];
  const [filter, setFilter] = useState<Filter>(view.filter ?? EMPTY_FILTER);
  const [sort, setSort] = useState<SortKey[]>(view.sort);
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState("");
  const [focusRequest, setFocusRequest] = useState<{ row: number }>();
  const editable = canEditRecords(role);
  const schemaEditable = canManageSchema(role);

  useEffect(() => {
    setFilter(view.filter ?? EMPTY_FILTER);
    setSort(view.sort);
    setSelected(new Set());
  }, [view.id, view.filter, view.sort]);

  // A viewer may filter and sort for themselves; the view keeps its own.
  const onlyForMe =
    !editable &&
    (JSON.stringify(filter) !== JSON.stringify(view.filter ?? EMPTY_FILTER) ||
      JSON.stringify(sort) !== JSON.stringify(view.sort));
  const complete = filter.filterSet.filter(isComplete);
  const query: Query = {
    filter: complete.length
      ? JSON.stringify({ conjunction: filter.conjunction ?? "and", filterSet: complete })
      : undefined,
    orderBy: sort.length ? JSON.stringify(sort) : undefined,
    search: search.trim() || undefined,
  };
  const records = useRecordPages(table.id, query);
  const undo = useTableUndo(
    table,
    records,
    { reload: onSchemaChanged, showView: (id) => setSearchParams({ view: id }) },
    setError,
  );
  // What failed while the server was away is read again once it is back.
  useOnReconnect(() => {
    setError("");
    void records.reload();
  });
  const visibleFields = useMemo(
    () => table.fields.filter((field) => !view.hiddenFieldIds.includes(field.id)),
    [table.fields, view.hiddenFieldIds],
  );

  // A field's values change with it: a new formula's, a retyped field's.
  async function afterFieldSaved() {
    await onSchemaChanged();
    await records.reload();
  }

  async function saveToView(change: { filter?: Filter | null; sort?: SortKey[] }) {
    if (!editable) return;
    try {
      await patch(`/api/table/${table.id}/view/${view.id}`, change);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  function changeFilter(next: Filter) {
    setFilter(next);
    const runnable = next.filterSet.filter(isComplete);
    if (runnable.length === next.filterSet.length) {
      void saveToView({
        filter: runnable.length ? { conjunction: next.conjunction ?? "and", filterSet: runnable } : null,
      });
    }
  }

  function changeSort(next: SortKey[]) {
    setSort(next);
    void saveToView({ sort: next });
  }

  async function run(action: () => Promise<unknown>) {
    setError("");
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  // A refused value's reason goes back to its cell (the grid keeps the
  // typed value there); other failures show above the grid.
  async function saveCell(record: TableRecord, field: Field, value: CellValue | null): Promise<string | null> {
    try {
      const updated = await patch<TableRecord>(`/api/table/${table.id}/record/${record.id}?fieldKeyType=id`, {
        fields: { [field.id]: value },
        fieldKeyType: "id",
      });
      records.replaceRecord(updated);
      setError("");
      const before = record.fields[field.id] ?? null;
      undo.recordCells(
        [{ recordId: record.id, fieldId: field.id, before, after: value }],
        value === null && before !== null ? `${field.name} cleared.` : undefined,
      );
      return null;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 403) {
        // The role was lowered while the page was open: show the table as
        // it now is (read-only) rather than the refusal's wording.
        setError("Your role on this base has changed: you can no longer change its records.");
        await onSchemaChanged();
        return null;
      }
      return errorMessage(failure);
    }
  }

  async function writeCells(changes: CellWrite[], toast: string) {
    const done: CellChange[] = [];
    try {
      await writeCellBatches(table.id, changes, (updated, change) => {
        records.replaceRecord(updated);
        done.push(change);
      });
      setError("");
    } catch (failure) {
      setError(errorMessage(failure));
    }
    if (done.length) undo.recordCells(done, toast);
  }

  // Which fields the view hides (saved to the view).
  const setHidden = (hiddenFieldIds: string[]) =>
    run(async () => {
      await patch(`/api/table/${table.id}/view/${view.id}`, { hiddenFieldIds });
      await onSchemaChanged();
    });
  const hiddenFields = table.fields.filter((field) => view.hiddenFieldIds.includes(field.id));

  const addRecord = () =>
    run(async () => {
      await post(`/api/table/${table.id}/record`, { records: [{ fields: {} }] });
      const count = await records.reload();
      // The cursor goes to the new record once it is read, so what is typed
      // next reaches an editable cell, not a row still being read.
      await records.ensureLoaded(count - 1, count - 1);
      setFocusRequest({ row: count - 1 });
    });

  return (
    <section
      className="table-view"
      aria-label={`Table ${table.name}`}
      onKeyDown={editable ? undo.onKeyDown : undefined}
    >
      <ViewTabs
        table={table}
        activeView={view}
        editable={editable}
        filter={filter}
        sort={sort}
        onSelect={(id) => setSearchParams({ view: id })}
        onChanged={onSchemaChanged}
        onDeleted={undo.recordViewDeletion}
      />
      <div className="toolbar" role="toolbar" aria-label="Table tools">
        <FilterPanel fields={table.fields} tables={tables} filter={filter} onChange={changeFilter} />
        <SortPanel fields={table.fields.filter(canOrderBy)} sort={sort} onChange={changeSort} />
        {hiddenFields.length > 0 && (
          <Popover label="Hidden fields" button={`Hidden (${hiddenFields.length})`} active>
            <ul className="plain-list">
              {hiddenFields.map((field) => (
                <li key={field.id}>
                  {field.name}{" "}
                  {editable && (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void setHidden(view.hiddenFieldIds.filter((id) => id !== field.id))}
                    >
                      Show {field.name}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </Popover>
        )}
        <input
          type="search"
          className="search"
          aria-label="Search records"
          placeholder="Search…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {!editable && (
          <span className="badge badge-muted" title="Your role lets you view this table, not change it">
            Read only
          </span>
        )}
        {onlyForMe && <span className="hint">Filter and sort are only for you, not saved to the view.</span>}
        <span className="record-count" aria-live="polite">
          {records.count === null
            ? "…"
            : `${records.count.toLocaleString("en")} ${records.count === 1 ? "record" : "records"}`}
        </span>
        {editable && selected.size > 0 && (
          <button type="button" className="danger" onClick={() => setOpen({ kind: "deleteRecords" })}>
            Delete {selected.size} selected
          </button>
        )}
        {editable && (
          <button type="button" className="primary" onClick={addRecord}>
            + Add record
          </button>
        )}
      </div>
      {records.count === 0 && (search.trim() || query.filter) && (
        <p className="no-match" role="status">
          {search.trim()
            ? `No records match “${search.trim()}”${query.filter ? " within the filter" : ""}.`
            : "No records match the filter."}
        </p>
      )}
      <ErrorMessage message={error || records.error} onDismiss={error ? () => setError("") : undefined} />
      <TableGrid
        fields={visibleFields}
        tables={tables}
        records={records}
        editable={editable}
        schemaEditable={schemaEditable}
        selected={selected}
        focusRequest={focusRequest}
        search={search.trim()}
        onSelectRecords={(ids) => setSelected((current) => new Set([...current, ...ids]))}
        onToggleSelected={(id) =>
          setSelected((current) => {
            const next = new Set(current);
            if (!next.delete(id)) next.add(id);
            return next;
          })
        }
        onSaveCell={saveCell}
        onError={setError}
        onWriteCells={(changes, toast) => void writeCells(changes, toast)}
        onAddRecord={addRecord}
        onExpandRecord={(record) => setOpen({ kind: "expandRecord", recordId: record.id })}
        onAddField={() => setOpen({ kind: "addField" })}
        onEditField={(field) => setOpen({ kind: "editField", field })}
        onRenameField={(field) => setOpen({ kind: "renameField", field })}
        onHideField={(field) => void setHidden([...view.hiddenFieldIds, field.id])}
        onDeleteField={(field) => setOpen({ kind: "deleteField", field })}
      />
      {open?.kind === "expandRecord" && (
        <RecordDialog table={table} recordId={open.recordId} onClose={() => setOpen(null)} />
      )}
      {open?.kind === "addField" && (
        <FieldDialog
          tableId={table.id}
          fields={table.fields}
          tables={tables}
          onClose={() => setOpen(null)}
          onSaved={afterFieldSaved}
        />
      )}
      {open?.kind === "editField" && (
        <FieldDialog
          tableId={table.id}
          fields={table.fields}
          tables={tables}
          field={open.field}
          onClose={() => setOpen(null)}
          onSaved={afterFieldSaved}
        />
      )}
      {open?.kind === "renameField" && (
        <NameDialog
          title="Rename field"
          label="Field name"
          initial={open.field.name}
          submitLabel="Rename"
          onClose={() => setOpen(null)}
          onSubmit={async (name) => {
            await patch(`/api/table/${table.id}/field/${open.field.id}`, { name });
            await onSchemaChanged();
          }}
        />
      )}
      {open?.kind === "deleteField" && (
        <ConfirmDialog
          title={`Delete field “${open.field.name}”?`}
          confirmLabel="Delete field"
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            await del(`/api/table/${table.id}/field/${open.field.id}`);
            undo.recordFieldDeletion(open.field);
            await onSchemaChanged();
          }}
        >
          <p>
            Its values go with it, and views stop filtering or sorting on it. You can undo this (Ctrl+Z, or Undo in the
            notice that follows).
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === "deleteRecords" && (
        <ConfirmDialog
          title={`Delete ${selected.size} ${selected.size === 1 ? "record" : "records"}?`}
          confirmLabel="Delete"
          danger
          onClose={() => setOpen(null)}
          onConfirm={async () => {
            const deleted = [...selected].flatMap((id) => records.recordById(id) ?? []);
            await del(`/api/table/${table.id}/record?recordIds=${[...selected].join(",")}`);
            undo.recordDeletion(deleted);
            setSelected(new Set());
            await records.reload();
          }}
        >
          <p>You can undo this right after (Ctrl+Z, or Undo in the notice that follows).</p>
        </ConfirmDialog>
      )}
      {undo.toast && (
        <div className="toast" role="status">
          <span>{undo.toast}</span>
          <button type="button" className="link-button" onClick={() => void undo.undo()}>
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={undo.dismissToast}>
            ×
          </button>
        </div>
      )}
    </section>
  );
}
