// The OAuth consent page, where an app (an AI agent, a connector) sends
// the browser to ask for access: /oauth/authorize?client_id=...&...
// It shows who asks (name, logo, where the answer goes, whether the app
// proved who it is), lets the person choose what the app may do (scopes,
// pre-filled from what it asked for), where (all or some spaces and
// bases), on what (MCP, the REST API) and for how long, then sends the
// browser back to the app with a one-time code (Allow) or a refusal (Deny).
// A visitor who is not signed in signs in first and comes back here.
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation } from "react-router-dom";

import { errorMessage, get, post } from "../api/client";
import type { Base, OAuthRequest, ScopeCatalogue, Space } from "../api/types";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { ROLE_LABELS, spacesLimitingScopes } from "../lib/roles";
import { usePageTitle } from "../lib/usePageTitle";
import { useAction } from "../lib/useAction";
import { PresetChoices, ResourcePicker, toggle } from "../settings/GrantChoices";
import { AuthFrame } from "./AuthPages";

const LIFETIMES = [1, 7, 30, 90];
const RESOURCE_LABELS: Record<string, string> = {
  mcp: "Use Tessera's tools for AI agents (MCP)",
  api: "Call Tessera's REST API",
};

interface Loaded {
  request: OAuthRequest;
  catalogue: ScopeCatalogue;
  spaces: Space[];
  bases: Base[];
}

export function ConsentPage() {
  usePageTitle("Allow access");
  const { user, loading } = useSession();
  const location = useLocation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState("");
  const [scopes, setScopes] = useState<string[]>([]);
  const [resources, setResources] = useState<string[]>([]);
  const [restricted, setRestricted] = useState(false);
  const [spaceIds, setSpaceIds] = useState<string[]>([]);
  const [baseIds, setBaseIds] = useState<string[]>([]);
  const [lifetimeDays, setLifetimeDays] = useState(30);
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!user) return;
    Promise.all([
      get<OAuthRequest>(`/api/oauth/authorize${location.search}`),
      get<ScopeCatalogue>("/api/access-token/scopes"),
      get<{ spaces: Space[] }>("/api/space"),
      get<{ bases: Base[] }>("/api/base"),
    ]).then(
      ([request, catalogue, s, b]) => {
        setLoaded({ request, catalogue, spaces: s.spaces, bases: b.bases });
        setScopes(request.scopes.length > 0 ? request.scopes : ["read"]);
        setResources(request.resources);
        setLifetimeDays(Math.min(30, request.maxLifetimeDays));
      },
      (problem) => setFailure(errorMessage(problem)),
    );
  }, [user, location.search]);

  if (loading) return <p className="loading">Loading…</p>;
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (failure) {
    return (
      <AuthFrame title="This app's request cannot be used">
        <ErrorMessage message={failure} />
        <p className="hint">Nothing was sent to the app. Start again from the app, or ask its maker.</p>
        <p className="auth-switch">
          <Link to="/">Go to Tessera</Link>
        </p>
      </AuthFrame>
    );
  }
  if (!loaded) return <p className="loading">Loading…</p>;
  const { request, catalogue, spaces, bases } = loaded;
  const { client } = request;

  async function allow() {
    await run(async () => {
      const { redirectTo } = await post<{ redirectTo: string }>("/api/oauth/authorize", {
        clientId: client.id,
        redirectUri: request.redirectUri,
        codeChallenge: request.codeChallenge,
        codeChallengeMethod: "S256",
        ...(request.state === null ? {} : { state: request.state }),
        scopes,
        spaceIds: restricted ? spaceIds : [],
        baseIds: restricted ? baseIds : [],
        resources,
        lifetimeDays,
      });
      window.location.assign(redirectTo);
    });
  }

  const nothingChosen =
    scopes.length === 0 || resources.length === 0 || (restricted && spaceIds.length + baseIds.length === 0);
  const beyondRequest = scopes.filter((s) => !request.scopes.includes(s));
  const chosenSpaces = restricted ? spaces.filter((space) => spaceIds.includes(space.id)) : spaces;
  const limited = spacesLimitingScopes(chosenSpaces, scopes);
  return (
    <AuthFrame title={`Allow ${client.name} to use your Tessera?`}>
      <div className="consent-client">
        {client.logo ? <img className="consent-logo" src={client.logo} alt="" width={48} height={48} /> : null}
        <p>
          <strong>{client.name}</strong>{" "}
          {client.verified ? (
            <span className="muted">(identity checked: {client.id})</span>
          ) : (
            <span className="warning-text">(registered itself: Tessera cannot confirm who made it)</span>
          )}
          <br />
          <span className="hint">
            After you answer, you go back to <strong>{request.redirectHost}</strong>.
          </span>
        </p>
      </div>
      {request.problem ? (
        <>
          <ErrorMessage message={request.problem} />
          <a className="button wide" href={request.denyTo}>
            Back to the app
          </a>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void allow();
          }}
        >
          <fieldset>
            <legend>It may</legend>
            <PresetChoices presets={catalogue.presets} scopes={scopes} onChange={setScopes} />
            {beyondRequest.length > 0 && (
              <p className="hint">More than the app asked for: {beyondRequest.join(", ")}.</p>
            )}
            <p className="hint">Never more than your own role allows in each space and base.</p>
            {limited.length > 0 && (
              <p className="hint consent-limited">
                Your role limits it in{" "}
                {limited.map((space) => `${space.name} (you are ${ROLE_LABELS[space.role].toLowerCase()})`).join(", ")}:
                there it gets only what your role allows.
              </p>
            )}
          </fieldset>
          <fieldset>
            <legend>Where</legend>
            <label className="choice">
              <input type="radio" name="where" checked={!restricted} onChange={() => setRestricted(false)} />
              <span>
                <strong>All spaces and bases</strong>
              </span>
            </label>
            <label className="choice">
              <input type="radio" name="where" checked={restricted} onChange={() => setRestricted(true)} />
              <span>
                <strong>Only selected spaces and bases</strong>
              </span>
            </label>
            {restricted && (
              <ResourcePicker
                spaces={spaces}
                bases={bases}
                spaceIds={spaceIds}
                baseIds={baseIds}
                onChange={(next) => {
                  if (next.spaceIds) setSpaceIds(next.spaceIds);
                  if (next.baseIds) setBaseIds(next.baseIds);
                }}
              />
            )}
          </fieldset>
          <fieldset>
            <legend>Through</legend>
            {request.resources.map((resource) => (
              <label key={resource} className="choice">
                <input
                  type="checkbox"
                  checked={resources.includes(resource)}
                  onChange={(e) => setResources(toggle(resources, resource, e.target.checked))}
                />
                <span>{RESOURCE_LABELS[resource] ?? resource}</span>
              </label>
            ))}
          </fieldset>
          <label className="consent-lifetime">
            For{" "}
            <select value={lifetimeDays} onChange={(e) => setLifetimeDays(Number(e.target.value))}>
              {LIFETIMES.filter((days) => days <= request.maxLifetimeDays).map((days) => (
                <option key={days} value={days}>
                  {days === 1 ? "1 day" : `${days} days`}
                </option>
              ))}
            </select>
          </label>
          <ErrorMessage message={error} />
          <button type="submit" className="primary wide" disabled={busy || nothingChosen}>
            Allow
          </button>
          <a className="button wide" href={request.denyTo}>
            Deny
          </a>
          <p className="hint">
            Signed in as {user.email}. You can end this access at any time in Settings › Connected apps.
          </p>
        </form>
      )}
    </AuthFrame>
  );
}
