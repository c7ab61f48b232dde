// What each role may do, mirrored from the server's policy so the app only
// offers what will work (the server decides anyway).
import type { Role } from "../api/types";

const RANK: Record<Role, number> = { viewer: 1, commenter: 2, editor: 3, creator: 4, owner: 5 };

export const atLeast = (role: Role | undefined, wanted: Role) => !!role && RANK[role] >= RANK[wanted];

export const canManageMembers = (role?: Role) => atLeast(role, "owner");
export const canManageSchema = (role?: Role) => atLeast(role, "creator");
export const canEditRecords = (role?: Role) => atLeast(role, "editor");

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  creator: "Creator",
  editor: "Editor",
  commenter: "Commenter",
  viewer: "Viewer",
};

// The weakest role that can do everything a scope (a preset or a single
// action) allows; "space:create" needs no role at all.
export function roleNeededFor(scope: string): Role | null {
  if (scope === "read" || scope.endsWith(":read")) return "viewer";
  if (scope === "write" || scope.startsWith("record:") || scope.startsWith("view:")) return "editor";
  if (scope === "space:create") return null;
  if (scope.startsWith("space:") || scope.startsWith("member:") || scope === "admin" || scope === "full_access") {
    return "owner";
  }
  return "creator"; // base, table and field changes
}

// The spaces of `spaces` where the user's role is weaker than `scopes`
// need: there a token or an app gets only what that role allows.
export function spacesLimitingScopes<T extends { role: Role }>(spaces: T[], scopes: string[]): T[] {
  const needed = scopes.map(roleNeededFor).filter((role): role is Role => role !== null);
  return spaces.filter((space) => needed.some((role) => !atLeast(space.role, role)));
}
