// Home: the user's spaces, each with its bases; create, rename and delete
// both, and open the collaborators of either.
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";

import { del, errorMessage, get, patch, post } from "../api/client";
import type { Base, Space } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { Menu, type MenuItem } from "../components/Menu";
import { NameDialog } from "../components/NameDialog";
import { canManageMembers, canManageSchema } from "../lib/roles";
import { CollaboratorsDialog } from "./CollaboratorsDialog";
import { usePageTitle } from "../lib/usePageTitle";

type Open =
  | { kind: "newSpace" }
  | { kind: "newBase"; space: Space }
  | { kind: "rename"; what: "space" | "base"; id: string; name: string }
  | { kind: "delete"; what: "space" | "base"; id: string; name: string }
  | { kind: "people"; what: "space" | "base"; item: Space | Base };

export function HomePage() {
  const [spaces, setSpaces] = useState<Space[] | null>(null);
  const [bases, setBases] = useState<Base[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState("");
  usePageTitle("Home");

  const load = useCallback(async () => {
    try {
      const [spaceList, baseList] = await Promise.all([
        get<{ spaces: Space[] }>("/api/space"),
        get<{ bases: Base[] }>("/api/base"),
      ]);
      setSpaces(spaceList.spaces);
      setBases(baseList.bases);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const close = () => setOpen(null);
  // Owners rename and delete spaces; creators rename and delete bases.
  const itemMenu = (what: "space" | "base", item: Space | Base): MenuItem[] => {
    const manage = what === "space" ? canManageMembers(item.role) : canManageSchema(item.role);
    const target = { what, id: item.id, name: item.name };
    return [
      ...(manage ? [{ label: "Rename", onSelect: () => setOpen({ kind: "rename", ...target }) }] : []),
      { label: "Collaborators", onSelect: () => setOpen({ kind: "people", what, item }) },
      ...(manage ? [{ label: "Delete", danger: true, onSelect: () => setOpen({ kind: "delete", ...target }) }] : []),
    ];
  };

  return (
    <div className="page home">
      <header className="page-header">
        <h1>Home</h1>
        <button type="button" className="primary" onClick={() => setOpen({ kind: "newSpace" })}>
          New space
        </button>
      </header>
      <ErrorMessage message={error} />
      {spaces?.length === 0 && (
        <div className="empty-state">
          <h2>No spaces yet</h2>
          <p>A space holds bases, and a base holds tables. Create a space to start.</p>
        </div>
      )}
      {spaces?.map((space) => (
        <section key={space.id} className="space" aria-labelledby={`space-${space.id}`}>
          <header className="space-header">
            <h2 id={`space-${space.id}`}>{space.name}</h2>
            <div className="space-actions">
              {canManageSchema(space.role) && (
                <button type="button" onClick={() => setOpen({ kind: "newBase", space })}>
                  New base
                </button>
              )}
              <Menu label={`Actions for space ${space.name}`} button="⋯" items={itemMenu("space", space)} />
            </div>
          </header>
          <ul className="base-grid">
            {bases
              .filter((base) => base.spaceId === space.id)
              .map((base) => (
                <li key={base.id} className="base-card">
                  <Link to={`/base/${base.id}`} className="base-link">
                    <span className="base-icon" aria-hidden="true">
                      {base.name.slice(0, 1).toUpperCase()}
                    </span>
                    {base.name}
                  </Link>
                  <Menu label={`Actions for base ${base.name}`} button="⋯" items={itemMenu("base", base)} />
                </li>
              ))}
          </ul>
        </section>
      ))}

      {open?.kind === "newSpace" && (
        <NameDialog
          title="New space"
          label="Space name"
          submitLabel="Create space"
          onClose={close}
          onSubmit={async (name) => {
            await post("/api/space", { name });
            await load();
          }}
        />
      )}
      {open?.kind === "newBase" && (
        <NameDialog
          title={`New base in ${open.space.name}`}
          label="Base name"
          submitLabel="Create base"
          onClose={close}
          onSubmit={async (name) => {
            await post("/api/base", { spaceId: open.space.id, name });
            await load();
          }}
        />
      )}
      {open?.kind === "rename" && (
        <NameDialog
          title={`Rename ${open.what}`}
          label={open.what === "space" ? "Space name" : "Base name"}
          initial={open.name}
          submitLabel="Rename"
          onClose={close}
          onSubmit={async (name) => {
            await patch(`/api/${open.what}/${open.id}`, { name });
            await load();
          }}
        />
      )}
      {open?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete ${open.what} “${open.name}”?`}
          confirmLabel={`Delete ${open.what}`}
          danger
          onClose={close}
          onConfirm={async () => {
            await del(`/api/${open.what}/${open.id}`);
            await load();
          }}
        >
          <p>
            {open.what === "space"
              ? "Every base in this space, with all its tables and records, is deleted. This cannot be undone."
              : "Every table in this base, with all its records, is deleted. This cannot be undone."}
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === "people" && (
        <CollaboratorsDialog
          kind={open.what}
          id={open.item.id}
          name={open.item.name}
          myRole={open.item.role}
          onClose={close}
        />
      )}
    </div>
  );
}
