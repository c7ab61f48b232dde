// Settings › Connected apps: the apps and agents the user let in through
// OAuth (the consent page), with what each may do, where, through what,
// since when, its last use and its end; History shows what happened to
// it; Revoke ends its access at once.
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";

import { del, get } from "../api/client";
import type { OAuthGrant, ScopeCatalogue } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { ListTable } from "../components/ListTable";
import { useLoadedList } from "../lib/useLoadedList";
import { usePageTitle } from "../lib/usePageTitle";
import { GRANT_COLUMNS, GrantCells } from "./GrantCells";
import { GrantHistoryDialog } from "./GrantHistoryDialog";

export function ConnectedAppsPage() {
  usePageTitle("Connected apps", "Settings");
  const { items: grants, error, run } = useLoadedList<OAuthGrant>("/api/oauth/grants", "grants");
  const [presets, setPresets] = useState<ScopeCatalogue["presets"]>([]);
  const [revoking, setRevoking] = useState<OAuthGrant | null>(null);
  const [history, setHistory] = useState<OAuthGrant | null>(null);
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
        <ListTable caption="Your connected apps" columns={["App", ...GRANT_COLUMNS]}>
          {grants.map((grant) => (
            <tr key={grant.id}>
              <td data-label="App">
                <strong>{grant.client.name}</strong>
                {!grant.client.verified && <span className="muted block">registered itself</span>}
              </td>
              <GrantCells grant={grant} scopeText={scopeText(grant)} />
              <td className="row-actions">
                <button type="button" onClick={() => setHistory(grant)}>
                  History
                </button>
                <button type="button" className="danger" onClick={() => setRevoking(grant)}>
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {history && <GrantHistoryDialog grant={history} onClose={() => setHistory(null)} />}
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
