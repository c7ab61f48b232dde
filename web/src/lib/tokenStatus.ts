// What the token list highlights: expired, expiring within 7 days, and
// unused for 90 days (a candidate to delete).
import type { AccessToken } from "../api/types";
import { DAY_MS } from "./time";

export type ExpiryState = "never" | "expired" | "soon" | "ok";

export function expiryState(token: Pick<AccessToken, "expiresAt" | "expired">, now: Date = new Date()): ExpiryState {
  if (!token.expiresAt) return "never";
  const left = new Date(token.expiresAt).getTime() - now.getTime();
  if (token.expired || left <= 0) return "expired";
  return left <= 7 * DAY_MS ? "soon" : "ok";
}

export function isStale(token: Pick<AccessToken, "lastUsedAt" | "createdAt">, now: Date = new Date()): boolean {
  const lastActivity = new Date(token.lastUsedAt ?? token.createdAt).getTime();
  return now.getTime() - lastActivity >= 90 * DAY_MS;
}
