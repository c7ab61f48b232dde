// Settings › Connected apps: the apps and agents the user let in through
// OAuth (the consent page), with what each may do, where, through what,
// since when, its last use and its end; Revoke ends its access at once.
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";

import { del, get } from "../api/client";
import type { OAuthGrant, ScopeCatalogue } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { useLoadedList } from "../lib/useLoadedList";
import { exactDate, exactTime, relativeTime } from "../lib/time";
import { usePageTitle } from "../lib/usePageTitle";
import { LastUsed } from "./LastUsed";

const THROUGH: Record<string, string> = { mcp: "MCP", api: "REST API" };

function whereText(grant: OAuthGrant): string {
  const names = [
    ...grant.spaces.map((s) => `${s.name ?? "a deleted space"} (space)`),
    ...grant.bases.map((b) => `${b.name ?? "a deleted base"} (base)`),
  ];
  return names.length ? names.join(", ") : "All spaces and bases";
}

export function ConnectedAppsPage() {
  usePageTitle("Connected apps", "Settings");
  const { items: grants, error, run } = useLoadedList<OAuthGrant>("/api/oauth/grants", "grants");
  const [presets, setPresets] = useState<ScopeCatalogue["presets"]>([]);
  const [revoking, setRevoking] = useState<OAuthGrant | null>(null);
  useEffect(() => {
    get<ScopeCatalogue>("/api/access-token/scopes").then(
      (catalogue) => setPresets(catalogue.presets),
      () => {},
    );
  }, []);

  const scopeText = (grant: OAuthGrant) =>
    grant.scopes.map((scope) => presets.find((p) => p.name === scope)?.label ?? scope).join(", ");

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h2>Connected apps</h2>
          <p className="muted">Apps and AI agents you let use Tessera as you, from its consent page.</p>
        </div>
      </header>
      <ErrorMessage message={error} />
      {grants.length === 0 && (
        <div className="empty-state">
          <h3>No connected apps</h3>
          <p>
            An app appears here once you allow it on Tessera&apos;s consent page, for example an AI agent you give the
            address of Tessera&apos;s MCP server. <Link to="/docs/oauth">How apps connect</Link>
          </p>
        </div>
      )}
      {grants.length > 0 && (
        <table className="token-table">
          <caption className="visually-hidden">Your connected apps</caption>
          <thead>
            <tr>
              <th scope="col">App</th>
              <th scope="col">May</th>
              <th scope="col">Where</th>
              <th scope="col">Through</th>
              <th scope="col">Connected</th>
              <th scope="col">Last used</th>
              <th scope="col">Ends</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((grant) => (
              <tr key={grant.id}>
                <td data-label="App">
                  <strong>{grant.client.name}</strong>
                  {!grant.client.verified && <span className="muted block">registered itself</span>}
                </td>
                <td data-label="May">{scopeText(grant)}</td>
                <td data-label="Where">{whereText(grant)}</td>
                <td data-label="Through">{grant.resources.map((r) => THROUGH[r] ?? r).join(", ")}</td>
                <td data-label="Connected">
                  <span title={exactTime(grant.createdAt)}>{relativeTime(grant.createdAt)}</span>
                </td>
                <td data-label="Last used">
                  <LastUsed at={grant.lastUsedAt} ip={grant.lastUsedIp} />
                </td>
                <td data-label="Ends">{grant.expiresAt ? exactDate(grant.expiresAt) : "Never"}</td>
                <td>
                  <button type="button" className="danger" onClick={() => setRevoking(grant)}>
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.client.name}”?`}
          confirmLabel="Revoke access"
          danger
          onClose={() => setRevoking(null)}
          onConfirm={() => run(() => del(`/api/oauth/grants/${revoking.id}`))}
        >
          <p>
            Its tokens <strong>stop working immediately</strong>. To use Tessera again, the app has to ask you again.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
