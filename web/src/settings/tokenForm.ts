// The Create / Edit Token form's state, its inline validation, and the
// request body it becomes. Kept apart from the markup so it is unit-tested.
import type { AccessToken, ScopeCatalogue } from "../api/types";
import { DAY_MS, addDays } from "../lib/time";

export type ExpiryChoice = "7" | "30" | "60" | "90" | "custom" | "never";

export interface TokenFormState {
  name: string;
  description: string;
  scopes: string[];
  restricted: boolean;
  spaceIds: string[];
  baseIds: string[];
  expiry: ExpiryChoice;
  customDate: string; // yyyy-mm-dd
}

export type TokenFormErrors = Partial<Record<"name" | "scopes" | "access" | "expiry", string>>;

export function initialState(token?: AccessToken): TokenFormState {
  return {
    name: token?.name ?? "",
    description: token?.description ?? "",
    scopes: token?.scopes ?? [],
    restricted: !!token && (token.spaceIds.length > 0 || token.baseIds.length > 0),
    spaceIds: token?.spaceIds ?? [],
    baseIds: token?.baseIds ?? [],
    expiry: "30",
    customDate: "",
  };
}

// The custom dates the server accepts: tomorrow up to its maximum lifetime.
export function customDateBounds(catalogue: ScopeCatalogue, now: Date = new Date()): { min: Date; max: Date } {
  return { min: addDays(1, now), max: addDays(catalogue.expiry.maxLifetimeDays - 1, now) };
}

export function expiresAt(state: TokenFormState, now: Date = new Date()): string | null {
  if (state.expiry === "never") return null;
  if (state.expiry === "custom") return state.customDate;
  return new Date(now.getTime() + Number(state.expiry) * DAY_MS).toISOString();
}

export function validate(
  state: TokenFormState,
  catalogue: ScopeCatalogue,
  creating: boolean,
  now: Date = new Date(),
): TokenFormErrors {
  const errors: TokenFormErrors = {};
  if (!state.name.trim()) errors.name = "Give the token a name, such as “CI/CD Pipeline”.";
  else if (state.name.trim().length > 100) errors.name = "Keep the name to 100 characters or fewer.";
  if (state.scopes.length === 0) errors.scopes = "Choose at least one scope.";
  if (state.restricted && state.spaceIds.length === 0 && state.baseIds.length === 0) {
    errors.access = "Choose at least one space or base, or allow all of them.";
  }
  if (creating) {
    if (state.expiry === "never" && !catalogue.expiry.allowNonExpiring) {
      errors.expiry = "This server requires every token to expire.";
    } else if (state.expiry === "custom") {
      const { min, max } = customDateBounds(catalogue, now);
      const chosen = new Date(`${state.customDate}T00:00:00Z`);
      if (!state.customDate || Number.isNaN(chosen.getTime())) errors.expiry = "Pick an expiration date.";
      else if (chosen.getTime() < min.getTime() - DAY_MS) errors.expiry = "Pick a date in the future.";
      else if (chosen.getTime() > max.getTime()) {
        errors.expiry = `Pick a date within ${catalogue.expiry.maxLifetimeDays} days.`;
      }
    }
  }
  return errors;
}

export function requestBody(state: TokenFormState, creating: boolean, now: Date = new Date()) {
  const body: Record<string, unknown> = {
    name: state.name.trim(),
    description: state.description.trim(),
    scopes: state.scopes,
    spaceIds: state.restricted ? state.spaceIds : [],
    baseIds: state.restricted ? state.baseIds : [],
  };
  if (creating) {
    const expiry = expiresAt(state, now);
    if (expiry) body.expiresAt = expiry;
  }
  return body;
}

// The actions a set of scopes grants, for showing what a preset includes.
export function grantedActions(scopes: string[], catalogue: ScopeCatalogue): Set<string> {
  const granted = new Set<string>();
  for (const scope of scopes) {
    const preset = catalogue.presets.find((p) => p.name === scope);
    if (preset) preset.actions.forEach((action) => granted.add(action));
    else granted.add(scope);
  }
  return granted;
}
