// The history of one connected app (GET /api/oauth/grants/{id}/events):
// when it was connected, each refresh, a reused code or refresh token, and
// who ended it, newest first.
import { useEffect, useState } from "react";

import { errorMessage, get } from "../api/client";
import type { AuditEvent, OAuthGrant } from "../api/types";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { exactTime } from "../lib/time";

export function describeGrantEvent(event: AuditEvent): string {
  switch (event.event) {
    case "oauth.granted":
      return "Connected (the app exchanged its code)";
    case "oauth.refreshed":
      return "The app renewed its access token";
    case "oauth.code_reused":
      return "A used authorization code came back, so access was revoked";
    case "oauth.refresh_reused":
      return "A used refresh token came back (possible theft), so access was revoked";
    case "oauth.leak_revoked":
      return "Revoked: one of its tokens was reported as leaked";
    case "oauth.revoked":
      if (event.detail.reason === "client_blocked") return "Revoked: an administrator blocked the app";
      if (event.detail.by === "admin") return "Revoked by an administrator";
      return "Revoked";
    default:
      return event.event;
  }
}

export function GrantHistoryDialog({ grant, onClose }: { grant: OAuthGrant; onClose(): void }) {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    get<{ events: AuditEvent[] }>(`/api/oauth/grants/${grant.id}/events`).then(
      (answer) => setEvents(answer.events),
      (failure) => setError(errorMessage(failure)),
    );
  }, [grant.id]);

  return (
    <Dialog title={`History of “${grant.client.name}”`} onClose={onClose} wide>
      <ErrorMessage message={error} />
      {events === null && !error && <p className="loading">Loading…</p>}
      {events !== null && (
        <ol className="event-list">
          {events.map((event, index) => (
            <li key={index}>
              <span>{describeGrantEvent(event)}</span>
              <span className="muted">
                {exactTime(event.at)}
                {event.ip ? ` · from ${event.ip}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
