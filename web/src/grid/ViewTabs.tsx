// The table's views as tabs: pick one, save the current filter and sort as
// a new view, rename or delete a view.
import { useState } from "react";

import { del, patch, post } from "../api/client";
import type { Filter, SortKey, Table, View } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Menu } from "../components/Menu";
import { NameDialog } from "../components/NameDialog";
import { isComplete } from "./FilterPanel";

interface ViewTabsProps {
  table: Table;
  activeView: View;
  editable: boolean;
  filter: Filter;
  sort: SortKey[];
  onSelect(viewId: string): void;
  onChanged(): Promise<void>;
  // After a view was deleted (to offer undoing it).
  onDeleted(view: View): void;
}

type Open = { kind: "new" } | { kind: "rename"; view: View } | { kind: "delete"; view: View };

export function ViewTabs({ table, activeView, editable, filter, sort, onSelect, onChanged, onDeleted }: ViewTabsProps) {
  const [open, setOpen] = useState<Open | null>(null);
  const close = () => setOpen(null);
  const runnable = filter.filterSet.filter(isComplete);
  return (
    <div className="view-tabs">
      <div role="tablist" aria-label="Views">
        {table.views.map((view) => (
          <button
            key={view.id}
            type="button"
            role="tab"
            className={view.id === activeView.id ? "view-tab active" : "view-tab"}
            aria-selected={view.id === activeView.id}
            onClick={() => onSelect(view.id)}
          >
            {view.name}
          </button>
        ))}
      </div>
      {editable && (
        <Menu
          label={`View ${activeView.name} actions`}
          button="▾"
          items={[
            { label: "Rename view", onSelect: () => setOpen({ kind: "rename", view: activeView }) },
            ...(table.views.length > 1
              ? [{ label: "Delete view", danger: true, onSelect: () => setOpen({ kind: "delete", view: activeView }) }]
              : []),
          ]}
        />
      )}
      {editable && (
        <button type="button" className="link-button" onClick={() => setOpen({ kind: "new" })}>
          + New view
        </button>
      )}
      {open?.kind === "new" && (
        <NameDialog
          title="New view"
          label="View name"
          submitLabel="Create view"
          onClose={close}
          onSubmit={async (name) => {
            const view = await post<View>(`/api/table/${table.id}/view`, {
              name,
              filter: runnable.length ? { conjunction: filter.conjunction ?? "and", filterSet: runnable } : null,
              sort,
            });
            await onChanged();
            onSelect(view.id);
          }}
        />
      )}
      {open?.kind === "rename" && (
        <NameDialog
          title="Rename view"
          label="View name"
          initial={open.view.name}
          submitLabel="Rename"
          onClose={close}
          onSubmit={async (name) => {
            await patch(`/api/table/${table.id}/view/${open.view.id}`, { name });
            await onChanged();
          }}
        />
      )}
      {open?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete view “${open.view.name}”?`}
          confirmLabel="Delete view"
          danger
          onClose={close}
          onConfirm={async () => {
            await del(`/api/table/${table.id}/view/${open.view.id}`);
            onDeleted(open.view);
            await onChanged();
            onSelect(table.views.find((view) => view.id !== open.view.id)!.id);
          }}
        >
          <p>
            The records stay; only this view's filter, sort and hidden fields go. You can undo this (Ctrl+Z, or Undo in
            the notice that follows).
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
