// Where an invitation link lands: /invite#tsr_inv_... Says who invited the
// person to which space or base with which role, and lets them join; a
// visitor who is not signed in signs in or up first and comes back here,
// where joining then happens at once.
import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router-dom";

import { errorMessage, post } from "../api/client";
import type { InvitationTarget } from "../api/types";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { ROLE_LABELS } from "../lib/roles";
import { exactDate } from "../lib/time";
import { INVITATION_PREFIX, takeSecretFromAddressBar } from "../lib/linkSecret";
import { forgetInvitation, pendingInvitation, rememberInvitation } from "../lib/pendingInvitation";
import { usePageTitle } from "../lib/usePageTitle";
import { useAction } from "../lib/useAction";
import { AuthFrame } from "./AuthPages";

// The code of the link: from the fragment when the link was just opened
// (then removed from the address bar), else the one remembered.
function useInvitationCode(): string {
  const [code] = useState(() => {
    const fromLink = takeSecretFromAddressBar(INVITATION_PREFIX);
    if (fromLink) rememberInvitation(fromLink);
    return fromLink || pendingInvitation();
  });
  return code;
}

function pathOf(target: InvitationTarget): string {
  return target.kind === "base" ? `/base/${target.id}` : "/";
}

export function InvitePage() {
  usePageTitle("Invitation");
  const { user, loading } = useSession();
  const code = useInvitationCode();
  const location = useLocation();
  const navigate = useNavigate();
  const joinNow = new URLSearchParams(location.search).has("join");
  const [target, setTarget] = useState<InvitationTarget | null>(null);
  const [failure, setFailure] = useState("");
  const { busy, error, run } = useAction();

  useEffect(() => {
    if (!code) return;
    post<InvitationTarget>("/api/invitation/preview", { code }).then(setTarget, (problem) =>
      setFailure(errorMessage(problem)),
    );
  }, [code]);

  async function join() {
    let joined: InvitationTarget | null = null;
    if (await run(async () => (joined = await post<InvitationTarget>("/api/invitation/accept", { code })))) {
      forgetInvitation();
      if (joined) navigate(pathOf(joined), { replace: true, state: { joined } });
    }
  }

  useEffect(() => {
    if (joinNow && user && target && !busy && !error) void join();
    // Joins once, on the way back from signing in or up (not again when a
    // failed attempt changes `error`).
  }, [joinNow, user, target]);

  if (!code) {
    return (
      <AuthFrame title="This invitation link is incomplete">
        <p>Open the whole link you were sent, or ask for a new one.</p>
        <p className="auth-switch">
          <Link to="/">Go to Tessera</Link>
        </p>
      </AuthFrame>
    );
  }
  if (failure) {
    return (
      <AuthFrame title="This invitation cannot be used">
        <ErrorMessage message={failure} />
        <p className="auth-switch">
          <Link to="/">Go to Tessera</Link>
        </p>
      </AuthFrame>
    );
  }
  if (!target || loading) return <p className="loading">Loading…</p>;
  const back = { from: "/invite?join" };
  if (user && joinNow && !error) return <p className="loading">Joining {target.name}…</p>;
  return (
    <AuthFrame title={`Join ${target.name}`}>
      <p>
        <strong>{target.invitedBy}</strong> invited you to the {target.kind} <strong>{target.name}</strong> as{" "}
        <strong>{ROLE_LABELS[target.role]}</strong>.
      </p>
      <p className="hint">This invitation expires {exactDate(target.expiresTime)}.</p>
      <ErrorMessage message={error} />
      {user ? (
        <>
          <button type="button" className="primary wide" disabled={busy} onClick={() => void join()}>
            Join {target.name}
          </button>
          <p className="hint">
            Signed in as {user.email}. <Link to="/">Not now</Link>
          </p>
        </>
      ) : (
        <>
          <button type="button" className="primary wide" onClick={() => navigate("/signup", { state: back })}>
            Create an account to join
          </button>
          <p className="auth-switch">
            Already have an account?{" "}
            <Link to="/signin" state={back}>
              Sign in to join
            </Link>
          </p>
        </>
      )}
    </AuthFrame>
  );
}
