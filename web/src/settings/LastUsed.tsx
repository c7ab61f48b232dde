// When a token or a connected app was last used (relative, with the exact
// time and address on hover), or "Never".
import { exactTime, relativeTime } from "../lib/time";

export function LastUsed({ at, ip }: { at: string | null; ip: string | null }) {
  if (!at) return <span className="muted">Never</span>;
  return <span title={`${exactTime(at)}${ip ? ` from ${ip}` : ""}`}>{relativeTime(at)}</span>;
}
