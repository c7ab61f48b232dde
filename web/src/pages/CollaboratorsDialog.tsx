// Who has access to a space or a base, with their roles: owners add people
// by email (inviting those without an account), change roles and remove
// them, and manage invitations; anyone may leave.
import { useId, useState, type FormEvent } from "react";

import { ApiError, del, patch, post } from "../api/client";
import type { Collaborator, Role } from "../api/types";
import { useSession } from "../auth/session";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { ROLE_LABELS, canManageMembers } from "../lib/roles";
import { useLoadedList } from "../lib/useLoadedList";
import { InvitationsSection } from "./InvitationsSection";

interface CollaboratorsDialogProps {
  kind: "space" | "base";
  id: string;
  name: string;
  myRole: Role;
  onClose(): void;
}

export function CollaboratorsDialog({ kind, id, name, myRole, onClose }: CollaboratorsDialogProps) {
  const { user } = useSession();
  const path = `/api/${kind}/${id}/collaborator`;
  const roles = (Object.keys(ROLE_LABELS) as Role[]).filter((role) => kind === "space" || role !== "owner");
  const manage = canManageMembers(myRole);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [notice, setNotice] = useState("");
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const roleId = useId();
  const { items: people, error, run: runAndReload } = useLoadedList<Collaborator>(path, "collaborators");

  function run(action: () => Promise<unknown>) {
    setNotice("");
    return runAndReload(action);
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    void run(async () => {
      try {
        await post(path, { email: address, role });
      } catch (failure) {
        if (!(failure instanceof ApiError && failure.code === "user_not_found")) throw failure;
        // Someone without an account yet: they join when they sign up.
        await post(`/api/${kind}/${id}/invitation`, { email: address, role });
        setInvitationsVersion((version) => version + 1);
        setNotice(
          `${address} has no account yet, so they were invited as ${ROLE_LABELS[role]}. ` +
            "They join when they sign up with this address.",
        );
      }
      setEmail("");
    });
  }

  return (
    <Dialog title={`Collaborators of ${name}`} onClose={onClose} wide>
      <ul className="people">
        {people.map((person) => (
          <li key={person.userId}>
            <span className="person">
              <strong>{person.name}</strong> <span className="muted">{person.email}</span>
            </span>
            {manage ? (
              <select
                aria-label={`Role of ${person.name}`}
                value={person.role}
                onChange={(event) => void run(() => patch(`${path}/${person.userId}`, { role: event.target.value }))}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            ) : (
              <span>{ROLE_LABELS[person.role]}</span>
            )}
            {(manage || person.userId === user?.id) && (
              <button
                type="button"
                className="link-button"
                onClick={() => void run(() => del(`${path}/${person.userId}`))}
              >
                {person.userId === user?.id ? "Leave" : `Remove ${person.name}`}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && (
        <form className="inline-form" onSubmit={add}>
          <label>
            Email
            <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <span className="inline-field">
            <label htmlFor={roleId}>Role</label>
            <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </span>
          <button type="submit" className="primary">
            Add
          </button>
        </form>
      )}
      <p className="hint" role="status">
        {notice}
      </p>
      <ErrorMessage message={error} />
      {manage && <InvitationsSection kind={kind} id={id} roles={roles} version={invitationsVersion} />}
    </Dialog>
  );
}
