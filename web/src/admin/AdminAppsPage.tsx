// Administration › Apps, for instance admins: every app (OAuth client)
// that asked for access, with whether it proved who it is, where it sends
// people back, and the admin's decision (allow, block: its connections end
// at once, or leave unreviewed); and every connection on the instance,
// whoever made it, with Revoke.
import { useState } from "react";

import { del, patch } from "../api/client";
import type { AdminOAuthGrant, OAuthClientSummary } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { ListTable } from "../components/ListTable";
import { exactTime, relativeTime } from "../lib/time";
import { useLoadedList } from "../lib/useLoadedList";
import { usePageTitle } from "../lib/usePageTitle";
import { GRANT_COLUMNS, GrantCells } from "../settings/GrantCells";

const STATUS_TEXT: Record<OAuthClientSummary["status"], string> = {
  unreviewed: "Not reviewed",
  allowed: "Allowed",
  blocked: "Blocked",
};

function hostsOf(client: OAuthClientSummary): string {
  return [...new Set(client.redirectUris.map((uri) => new URL(uri).host))].join(", ");
}

export function AdminAppsPage() {
  usePageTitle("Apps", "Administration");
  const [changes, setChanges] = useState(0);
  const clients = useLoadedList<OAuthClientSummary>("/api/admin/oauth/clients", "clients", changes);
  const grants = useLoadedList<AdminOAuthGrant>("/api/admin/oauth/grants", "grants", changes);
  const [blocking, setBlocking] = useState<OAuthClientSummary | null>(null);
  const [revoking, setRevoking] = useState<AdminOAuthGrant | null>(null);

  const setStatus = (client: OAuthClientSummary, status: OAuthClientSummary["status"]) =>
    clients.run(() => patch(`/api/admin/oauth/clients/${encodeURIComponent(client.id)}`, { status }));
  const changed = () => setChanges((n) => n + 1);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h2>Apps</h2>
          <p className="muted">
            Every app and AI agent that asked to use this Tessera through OAuth, and every connection people made.
          </p>
        </div>
      </header>
      <ErrorMessage message={clients.error || grants.error} />
      <h3>Apps</h3>
      {clients.items.length === 0 ? (
        <p className="muted">No app has asked for access yet.</p>
      ) : (
        <ListTable caption="Apps" columns={["App", "Sends people back to", "First seen", "Connections", "Decision"]}>
          {clients.items.map((client) => (
            <tr key={client.id}>
              <td data-label="App">
                <strong>{client.name}</strong>
                <span className="muted block">
                  {client.verified ? `identity checked: ${client.id}` : "registered itself"}
                </span>
              </td>
              <td data-label="Sends people back to">{hostsOf(client)}</td>
              <td data-label="First seen">
                <span title={exactTime(client.createdAt)}>{relativeTime(client.createdAt)}</span>
              </td>
              <td data-label="Connections">{client.liveGrants}</td>
              <td data-label="Decision">{STATUS_TEXT[client.status]}</td>
              <td className="row-actions">
                {client.status !== "allowed" && (
                  <button type="button" onClick={() => void setStatus(client, "allowed")}>
                    Allow
                  </button>
                )}
                {client.status !== "blocked" ? (
                  <button type="button" className="danger" onClick={() => setBlocking(client)}>
                    Block
                  </button>
                ) : (
                  <button type="button" onClick={() => void setStatus(client, "unreviewed")}>
                    Unblock
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <h3>Connections</h3>
      {grants.items.length === 0 ? (
        <p className="muted">Nobody has connected an app.</p>
      ) : (
        <ListTable caption="Connections" columns={["Person", "App", ...GRANT_COLUMNS]}>
          {grants.items.map((grant) => (
            <tr key={grant.id}>
              <td data-label="Person">
                {grant.user.name}
                <span className="muted block">{grant.user.email}</span>
              </td>
              <td data-label="App">{grant.client.name}</td>
              <GrantCells grant={grant} scopeText={grant.scopes.join(", ")} />
              <td>
                <button type="button" className="danger" onClick={() => setRevoking(grant)}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {blocking && (
        <ConfirmDialog
          title={`Block “${blocking.name}”?`}
          confirmLabel="Block app"
          danger
          onClose={() => setBlocking(null)}
          onConfirm={async () => {
            await patch(`/api/admin/oauth/clients/${encodeURIComponent(blocking.id)}`, { status: "blocked" });
            changed();
          }}
        >
          <p>
            Nobody can connect it any more, and its {blocking.liveGrants} connection
            {blocking.liveGrants === 1 ? "" : "s"} <strong>stop working immediately</strong>.
          </p>
        </ConfirmDialog>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.user.name}’s “${revoking.client.name}”?`}
          confirmLabel="Revoke access"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await del(`/api/admin/oauth/grants/${revoking.id}`);
            changed();
          }}
        >
          <p>
            Its tokens <strong>stop working immediately</strong>. {revoking.user.name} sees in the app&apos;s history
            that an administrator revoked it.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
