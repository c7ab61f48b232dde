// A base: its tables in a sidebar (add, rename, delete) and the chosen
// table as a grid.
import { useCallback, useEffect, useState } from "react";
import { Link, NavLink, Navigate, useNavigate, useParams } from "react-router-dom";

import { del, errorMessage, get, patch, post } from "../api/client";
import type { Base, Table } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { Menu } from "../components/Menu";
import { NameDialog } from "../components/NameDialog";
import { TableView } from "../grid/TableView";
import { canManageSchema } from "../lib/roles";
import { usePageTitle } from "../lib/usePageTitle";

type Open = { kind: "new" } | { kind: "rename"; table: Table } | { kind: "delete"; table: Table };

export function BasePage() {
  const { baseId, tableId } = useParams();
  const navigate = useNavigate();
  const [base, setBase] = useState<Base | null>(null);
  const [tables, setTables] = useState<Table[] | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState("");

  const load = useCallback(async () => {
    try {
      const [baseAnswer, tableAnswer] = await Promise.all([
        get<Base>(`/api/base/${baseId}`),
        get<{ tables: Table[] }>(`/api/base/${baseId}/table`),
      ]);
      setBase(baseAnswer);
      setTables(tableAnswer.tables);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [baseId]);
  useEffect(() => void load(), [load]);
  usePageTitle(tables?.find((t) => t.id === tableId)?.name, base?.name);

  if (error && !base) {
    return (
      <div className="page">
        <ErrorMessage message={error} />
        <Link to="/">Back to home</Link>
      </div>
    );
  }
  if (!base || !tables) return <p className="loading">Loading…</p>;
  if (!tableId && tables.length > 0) return <Navigate to={`/base/${base.id}/table/${tables[0].id}`} replace />;
  const table = tables.find((t) => t.id === tableId);
  const schemaEditable = canManageSchema(base.role);
  const close = () => setOpen(null);

  return (
    <div className="base-page">
      <aside className="base-sidebar" aria-label={`Tables of ${base.name}`}>
        <Link to="/" className="back-link">
          ← Home
        </Link>
        <h1 className="base-title">{base.name}</h1>
        <h2 className="sidebar-heading">Tables</h2>
        <ul className="table-list">
          {tables.map((t) => (
            <li key={t.id}>
              <NavLink to={`/base/${base.id}/table/${t.id}`}>{t.name}</NavLink>
              {schemaEditable && (
                <Menu
                  label={`Table ${t.name} actions`}
                  button="⋯"
                  items={[
                    { label: "Rename table", onSelect: () => setOpen({ kind: "rename", table: t }) },
                    { label: "Delete table", danger: true, onSelect: () => setOpen({ kind: "delete", table: t }) },
                  ]}
                />
              )}
            </li>
          ))}
        </ul>
        {schemaEditable && (
          <button type="button" className="link-button" onClick={() => setOpen({ kind: "new" })}>
            + Add table
          </button>
        )}
      </aside>
      <div className="base-main">
        <ErrorMessage message={error} />
        {table ? (
          <TableView key={table.id} table={table} tables={tables} role={base.role} onSchemaChanged={load} />
        ) : (
          <div className="empty-state">
            <h2>{tables.length ? "This table does not exist." : "No tables yet"}</h2>
            <p>A table holds records in typed fields, like a spreadsheet that knows its columns.</p>
          </div>
        )}
      </div>

      {open?.kind === "new" && (
        <NameDialog
          title="Add table"
          label="Table name"
          submitLabel="Create table"
          onClose={close}
          onSubmit={async (name) => {
            const created = await post<Table>(`/api/base/${base.id}/table`, { name });
            await load();
            navigate(`/base/${base.id}/table/${created.id}`);
          }}
        />
      )}
      {open?.kind === "rename" && (
        <NameDialog
          title="Rename table"
          label="Table name"
          initial={open.table.name}
          submitLabel="Rename"
          onClose={close}
          onSubmit={async (name) => {
            await patch(`/api/base/${base.id}/table/${open.table.id}`, { name });
            await load();
          }}
        />
      )}
      {open?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete table “${open.table.name}”?`}
          confirmLabel="Delete table"
          danger
          onClose={close}
          onConfirm={async () => {
            await del(`/api/base/${base.id}/table/${open.table.id}`);
            await load();
            navigate(`/base/${base.id}`);
          }}
        >
          <p>All its records, fields and views are deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
