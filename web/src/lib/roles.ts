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
