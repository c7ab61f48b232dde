// The invitations of a space or a base, for those who manage its
// collaborators: the e-mail invitations waiting for a sign-up and the
// invitation links, each revocable; and a form that creates a link with a
// role and an expiry, shown once with a Copy button.
import { useId, useState, type FormEvent } from "react";

import { del, post } from "../api/client";
import type { Invitation, Role } from "../api/types";
import { CopyableValue } from "../components/CopyableValue";
import { ErrorMessage } from "../components/ErrorMessage";
import { ROLE_LABELS } from "../lib/roles";
import { addDays, exactDate } from "../lib/time";
import { useLoadedList } from "../lib/useLoadedList";

const LINK_LIFETIMES = [
  { days: 1, label: "1 day" },
  { days: 7, label: "7 days" },
  { days: 30, label: "30 days" },
];

interface InvitationsSectionProps {
  kind: "space" | "base";
  id: string;
  roles: Role[];
  // Changes when the dialog sent an e-mail invitation, to list it.
  version: number;
}

function describe(invitation: Invitation): string {
  const role = ROLE_LABELS[invitation.role];
  const ends = invitation.expired ? "expired" : `expires ${exactDate(invitation.expiresTime)}`;
  if (invitation.kind === "email") return `${role} · ${ends}`;
  const uses =
    invitation.useCount === 0
      ? "not used yet"
      : invitation.useCount === 1
        ? "used once"
        : `used ${invitation.useCount} times`;
  return `${role} · ${ends} · ${uses}`;
}

function NewLink({ invitation, onDone }: { invitation: Invitation; onDone(): void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const url = `${window.location.origin}/invite#${invitation.code}`;
  return (
    <div className="new-link" role="group" aria-label="New invitation link">
      <p className="warning" role="note">
        Anyone signed in who opens this link before {exactDate(invitation.expiresTime)} joins as{" "}
        {ROLE_LABELS[invitation.role]}. <strong>Copy it now: it will not be shown again.</strong>
      </p>
      <CopyableValue label="Invitation link" value={url} noun="link" copied={copied} onCopied={setCopied}>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </CopyableValue>
    </div>
  );
}

export function InvitationsSection({ kind, id, roles, version }: InvitationsSectionProps) {
  const path = `/api/${kind}/${id}`;
  const { items: invitations, error, run } = useLoadedList<Invitation>(`${path}/invitation`, "invitations", version);
  const [role, setRole] = useState<Role>("editor");
  const [days, setDays] = useState(7);
  const [created, setCreated] = useState<Invitation | null>(null);
  const headingId = useId();
  const roleId = useId();
  const daysId = useId();

  function createLink(event: FormEvent) {
    event.preventDefault();
    void run(async () =>
      setCreated(await post<Invitation>(`${path}/invite-link`, { role, expiresAt: addDays(days).toISOString() })),
    );
  }

  return (
    <section aria-labelledby={headingId} className="invitations">
      <h3 id={headingId}>Invitations</h3>
      {invitations.length === 0 ? (
        <p className="hint">No invitations are waiting.</p>
      ) : (
        <ul className="people">
          {invitations.map((invitation) => {
            const what = invitation.kind === "email" ? invitation.email! : "Invitation link";
            return (
              <li key={invitation.id}>
                <span className="person">
                  <strong>{what}</strong> <span className="muted">{describe(invitation)}</span>
                </span>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Revoke ${invitation.kind === "email" ? `the invitation of ${what}` : `the ${ROLE_LABELS[invitation.role]} invitation link`}`}
                  onClick={() => void run(() => del(`${path}/invitation/${invitation.id}`))}
                >
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {created ? (
        <NewLink invitation={created} onDone={() => setCreated(null)} />
      ) : (
        <form className="inline-form" onSubmit={createLink}>
          <span className="inline-field">
            <label htmlFor={roleId}>Link role</label>
            <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </span>
          <span className="inline-field">
            <label htmlFor={daysId}>Expires after</label>
            <select id={daysId} value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {LINK_LIFETIMES.map((lifetime) => (
                <option key={lifetime.days} value={lifetime.days}>
                  {lifetime.label}
                </option>
              ))}
            </select>
          </span>
          <button type="submit">Create invitation link</button>
        </form>
      )}
      <ErrorMessage message={error} />
    </section>
  );
}
