// The shapes of Tessera's REST API answers that the web app reads
// (docs/api.md and /api/openapi.json describe them in full).

export type Role = "owner" | "creator" | "editor" | "commenter" | "viewer";

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdTime: string;
}

export interface Space {
  id: string;
  name: string;
  role: Role;
  createdTime: string;
}

export interface Base {
  id: string;
  spaceId: string;
  name: string;
  role: Role;
  createdTime: string;
}

export interface Collaborator {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdTime: string;
}

export interface Invitation {
  id: string;
  kind: "email" | "link";
  email?: string;
  role: Role;
  invitedBy: { id: string; name: string };
  createdTime: string;
  expiresTime: string;
  expired: boolean;
  useCount: number;
  lastUsedTime: string | null;
  code?: string; // only when a link is created
}

// What an invitation link invites to; after accepting, the role held.
export interface InvitationTarget {
  kind: "space" | "base";
  id: string;
  name: string;
  spaceId: string;
  role: Role;
  invitedBy: string;
  expiresTime: string;
  alreadyMember?: boolean;
}

export type FieldType =
  | "singleLineText"
  | "longText"
  | "number"
  | "checkbox"
  | "date"
  | "singleSelect"
  | "multipleSelect"
  | "email"
  | "url"
  | "rating"
  | "autoNumber"
  | "createdTime"
  | "lastModifiedTime"
  | "createdBy"
  | "lastModifiedBy"
  | "formula"
  | "link"
  | "lookup"
  | "rollup";

export type LinkRelationship = "manyMany" | "manyOne" | "oneMany" | "oneOne";

export type FormulaResultType = "number" | "text" | "boolean" | "date";

export interface Choice {
  name: string;
  color: string;
}

export interface FieldOptions {
  precision?: number;
  dateOnly?: boolean;
  timeZone?: string;
  choices?: Choice[];
  max?: number;
  // A formula's: its text (fields by name), a forced result type, and what
  // the server worked out: the result's type, the fields it uses, and why
  // it cannot be computed when a field it used was deleted.
  expression?: string;
  resultType?: FormulaResultType;
  // A lookup's result is the looked-up field's type.
  result?: { type: FormulaResultType | FieldType };
  referencedFieldIds?: string[];
  error?: string;
  // A link's: the table it links to, how many records each side may link
  // to, and its symmetric field in that table (null: one-way).
  linkedTableId?: string;
  linkedTableName?: string;
  relationship?: LinkRelationship;
  symmetricFieldId?: string | null;
  // Asked for when creating or changing a link: true drops the symmetric
  // field, false adds it (named symmetricFieldName, else after this table).
  oneWay?: boolean;
  symmetricFieldName?: string;
  // A lookup's: the link field it looks through, the field it looks up.
  linkFieldId?: string;
  lookupFieldId?: string;
  // A rollup's: its function (sum, count, concatenate...) and separator.
  function?: string;
  separator?: string;
}

export interface Field {
  id: string;
  name: string;
  type: FieldType;
  description: string;
  options: FieldOptions;
  isPrimary: boolean;
  isComputed: boolean;
}

export interface FilterCondition {
  fieldId: string;
  operator: string;
  value?: unknown;
}

export interface Filter {
  conjunction?: "and" | "or";
  filterSet: FilterCondition[];
}

export interface SortKey {
  fieldId: string;
  order: "asc" | "desc";
}

export interface View {
  id: string;
  tableId: string;
  name: string;
  filter: Filter | null;
  sort: SortKey[];
  hiddenFieldIds: string[];
}

export interface Table {
  id: string;
  baseId: string;
  name: string;
  description: string;
  primaryFieldId: string;
  fields: Field[];
  views: View[];
}

// A linked record in a link cell: its id and its primary field as text.
export interface LinkedRecord {
  id: string;
  title: string;
}

// A broken formula's cells read {"error": "#ERROR!"}.
export type CellValue =
  string | number | boolean | string[] | LinkedRecord[] | (string | number | boolean)[] | { error: string };

export interface TableRecord {
  id: string;
  fields: Record<string, CellValue>;
  createdTime: string;
  version: number;
}

export interface RecordPage {
  records: TableRecord[];
  nextCursor: string | null;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface AccessToken {
  id: string;
  valuePrefix: string;
  name: string;
  description: string;
  scopes: string[];
  spaceIds: string[];
  baseIds: string[];
  spaces: NamedRef[];
  bases: NamedRef[];
  createdAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
  expired: boolean;
}

export interface CreatedToken extends AccessToken {
  token: string;
}

export interface ScopePreset {
  name: string;
  label: string;
  description: string;
  actions: string[];
}

export interface ScopeCatalogue {
  presets: ScopePreset[];
  actions: { name: string; description: string }[];
  expiry: { maxLifetimeDays: number; allowNonExpiring: boolean };
}

// GET /api/oauth/authorize: an app's authorization request, for the
// consent page.
export interface OAuthRequest {
  client: { id: string; name: string; logo: string | null; clientUri: string | null; verified: boolean };
  redirectUri: string;
  redirectHost: string;
  state: string | null;
  codeChallenge: string;
  scopes: string[];
  resources: string[];
  maxLifetimeDays: number;
  denyTo: string;
  problem?: string;
}

// GET /api/oauth/grants: an app the user connected through OAuth.
export interface OAuthGrant {
  id: string;
  client: { id: string; name: string; verified: boolean };
  scopes: string[];
  spaces: { id: string; name: string | null }[];
  bases: { id: string; name: string | null }[];
  resources: string[];
  createdAt: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
}

// A grant as the instance admin lists it, with whose it is.
export interface AdminOAuthGrant extends OAuthGrant {
  user: { id: string; email: string; name: string };
}

// An app (OAuth client) as the instance admin lists it.
export interface OAuthClientSummary {
  id: string;
  name: string;
  verified: boolean;
  redirectUris: string[];
  clientUri: string | null;
  createdAt: string;
  status: "unreviewed" | "allowed" | "blocked";
  liveGrants: number;
}

// One entry of a token's or a grant's history.
export interface AuditEvent {
  at: string;
  event: string;
  ip: string;
  userAgent: string;
  detail: Record<string, unknown>;
}
