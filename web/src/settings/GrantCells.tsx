// The cells a connected app's row shows wherever grants are listed
// (Settings › Connected apps, Administration › Apps): what it may do,
// where, through what, since when, its last use and its end.
import type { OAuthGrant } from "../api/types";
import { exactDate, exactTime, relativeTime } from "../lib/time";
import { LastUsed } from "./LastUsed";

const THROUGH: Record<string, string> = { mcp: "MCP", api: "REST API" };

function whereText(grant: OAuthGrant): string {
  const names = [
    ...grant.spaces.map((s) => `${s.name ?? "a deleted space"} (space)`),
    ...grant.bases.map((b) => `${b.name ?? "a deleted base"} (base)`),
  ];
  return names.length ? names.join(", ") : "All spaces and bases";
}

// The headings of the columns GrantCells fills.
export const GRANT_COLUMNS = ["May", "Where", "Through", "Connected", "Last used", "Ends"];

export function GrantCells({ grant, scopeText }: { grant: OAuthGrant; scopeText: string }) {
  return (
    <>
      <td data-label="May">{scopeText}</td>
      <td data-label="Where">{whereText(grant)}</td>
      <td data-label="Through">{grant.resources.map((r) => THROUGH[r] ?? r).join(", ")}</td>
      <td data-label="Connected">
        <span title={exactTime(grant.createdAt)}>{relativeTime(grant.createdAt)}</span>
      </td>
      <td data-label="Last used">
        <LastUsed at={grant.lastUsedAt} ip={grant.lastUsedIp} />
      </td>
      <td data-label="Ends">{grant.expiresAt ? exactDate(grant.expiresAt) : "Never"}</td>
    </>
  );
}
