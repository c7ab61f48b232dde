// Settings › Personal Access Token: the user's tokens with their scopes,
// access, creation, last use and expiry; Create Token; and for each token
// Edit, Refresh and Delete, with the value shown once after create and
// refresh.
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";

import { del, errorMessage, get, post } from "../api/client";
import type { AccessToken, CreatedToken, ScopeCatalogue } from "../api/types";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { ListTable } from "../components/ListTable";
import { Menu } from "../components/Menu";
import { exactDate, exactTime, relativeTime } from "../lib/time";
import { expiryState, isStale } from "../lib/tokenStatus";
import { LastUsed } from "./LastUsed";
import { TokenFormDialog } from "./TokenFormDialog";
import { TokenValueDialog } from "./TokenValueDialog";
import { usePageTitle } from "../lib/usePageTitle";

type Open =
  | { kind: "create" }
  | { kind: "edit"; token: AccessToken }
  | { kind: "refresh"; token: AccessToken }
  | { kind: "delete"; token: AccessToken }
  | { kind: "value"; title: string; token: CreatedToken };

function scopeLabels(token: AccessToken, catalogue: ScopeCatalogue): string {
  return token.scopes.map((scope) => catalogue.presets.find((p) => p.name === scope)?.label ?? scope).join(", ");
}

function accessText(token: AccessToken): string {
  const names = [...token.spaces.map((s) => `${s.name} (space)`), ...token.bases.map((b) => `${b.name} (base)`)];
  return names.length ? names.join(", ") : "All spaces and bases";
}

function Expiry({ token }: { token: AccessToken }) {
  const state = expiryState(token);
  if (state === "never") return <span>Never</span>;
  const at = token.expiresAt!;
  return (
    <span className={`expiry expiry-${state}`} title={exactTime(at)}>
      {state === "expired" ? `Expired ${relativeTime(at)}` : exactDate(at)}
      {state === "soon" && <span className="badge badge-warning">Expires {relativeTime(at)}</span>}
    </span>
  );
}

export function TokensPage() {
  const [tokens, setTokens] = useState<AccessToken[] | null>(null);
  usePageTitle("Personal Access Token", "Settings");
  const [catalogue, setCatalogue] = useState<ScopeCatalogue | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [error, setError] = useState("");

  const load = useCallback(async () => {
    try {
      const [list, scopes] = await Promise.all([
        get<{ tokens: AccessToken[] }>("/api/access-token"),
        get<ScopeCatalogue>("/api/access-token/scopes"),
      ]);
      setTokens(list.tokens);
      setCatalogue(scopes);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const close = () => setOpen(null);
  // Refresh replaces its confirmation with the new value: closing the
  // confirmation afterwards must not close the value dialog.
  const closeRefresh = () => setOpen((current) => (current?.kind === "refresh" ? null : current));
  const showValue = (title: string, token: CreatedToken) => {
    setOpen({ kind: "value", title, token });
    void load();
  };

  return (
    <div className="page tokens-page">
      <header className="page-header">
        <div>
          <h2>Personal Access Token</h2>
          <p className="muted">
            Tokens let scripts, CI jobs and AI agents use Tessera as you, within the scopes and access you give them.
          </p>
        </div>
        <button type="button" className="primary" disabled={!catalogue} onClick={() => setOpen({ kind: "create" })}>
          Create Token
        </button>
      </header>
      <ErrorMessage message={error} />

      {tokens?.length === 0 && (
        <div className="empty-state">
          <h3>No tokens yet</h3>
          <p>
            A personal access token lets a program act as you without your password: a script calling the{" "}
            <Link to="/docs/api">REST API</Link>, a CI/CD pipeline, or an AI agent through the{" "}
            <Link to="/docs/mcp">MCP server</Link>. Give each integration its own token with only the scopes it needs,
            restrict it to the spaces or bases it works on, and let it expire.
          </p>
          <p>
            <Link to="/docs/personal-access-tokens">Read the guide to personal access tokens</Link>
          </p>
        </div>
      )}

      {tokens && tokens.length > 0 && catalogue && (
        <ListTable
          caption="Your personal access tokens"
          columns={["Name", "Scopes", "Access", "Created", "Last used", "Expires"]}
        >
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id}>
              <td data-label="Name">
                <strong>{token.name}</strong>
                <code className="token-prefix" title="The start of the token's value; the secret follows it">
                  {token.valuePrefix}…
                </code>
                {token.description && <span className="muted block">{token.description}</span>}
                {isStale(token) && (
                  <span className="badge badge-muted" title="Not used for 90 days: consider deleting it">
                    Unused for 90 days
                  </span>
                )}
              </td>
              <td data-label="Scopes">{scopeLabels(token, catalogue)}</td>
              <td data-label="Access">{accessText(token)}</td>
              <td data-label="Created">
                <span title={exactTime(token.createdAt)}>{relativeTime(token.createdAt)}</span>
              </td>
              <td data-label="Last used">
                <LastUsed at={token.lastUsedAt} ip={token.lastUsedIp} />
              </td>
              <td data-label="Expires">
                <Expiry token={token} />
              </td>
              <td>
                <Menu
                  label={`Actions for token ${token.name}`}
                  button="⋯"
                  items={[
                    { label: "Edit", onSelect: () => setOpen({ kind: "edit", token }) },
                    { label: "Refresh", onSelect: () => setOpen({ kind: "refresh", token }) },
                    { label: "Delete", danger: true, onSelect: () => setOpen({ kind: "delete", token }) },
                  ]}
                />
              </td>
            </tr>
          ))}
        </ListTable>
      )}

      {(open?.kind === "create" || open?.kind === "edit") && catalogue && (
        <TokenFormDialog
          catalogue={catalogue}
          token={open.kind === "edit" ? open.token : undefined}
          onClose={close}
          onSaved={(saved) => {
            if ("token" in saved) showValue("Your new token", saved);
            else {
              close();
              void load();
            }
          }}
        />
      )}
      {open?.kind === "refresh" && (
        <ConfirmDialog
          title={`Refresh “${open.token.name}”?`}
          confirmLabel="Refresh token"
          onClose={closeRefresh}
          onConfirm={async () => {
            const refreshed = await post<CreatedToken>(`/api/access-token/${open.token.id}/refresh`);
            showValue("Your refreshed token", refreshed);
          }}
        >
          <p>
            A new value is created and <strong>the old value stops working immediately</strong>. Every integration that
            uses it needs the new value.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === "delete" && (
        <ConfirmDialog
          title={`Delete “${open.token.name}”?`}
          confirmLabel="Delete token"
          danger
          onClose={close}
          onConfirm={async () => {
            await del(`/api/access-token/${open.token.id}`);
            await load();
          }}
        >
          <p>
            Integrations using <strong>{open.token.name}</strong> stop working immediately. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === "value" && (
        <TokenValueDialog title={open.title} name={open.token.name} value={open.token.token} onClose={close} />
      )}
    </div>
  );
}
