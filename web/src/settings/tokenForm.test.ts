import { describe, expect, it } from "vitest";

import type { ScopeCatalogue } from "../api/types";
import { grantedActions, initialState, requestBody, validate } from "./tokenForm";

const catalogue: ScopeCatalogue = {
  presets: [
    { name: "read", label: "Read", description: "", actions: ["record:read", "field:read"] },
    { name: "write", label: "Write", description: "", actions: ["record:create"] },
  ],
  actions: [],
  expiry: { maxLifetimeDays: 366, allowNonExpiring: false },
};
const now = new Date("2026-11-27T12:00:00Z");

describe("validate", () => {
  it("asks for a name, a scope and a chosen resource", () => {
    const errors = validate({ ...initialState(), restricted: true }, catalogue, true, now);
    expect(Object.keys(errors).sort()).toEqual(["access", "name", "scopes"]);
  });
  it("accepts a complete form", () => {
    expect(validate({ ...initialState(), name: "CI", scopes: ["read"] }, catalogue, true, now)).toEqual({});
  });
  it("refuses no expiration unless the server allows it", () => {
    const state = { ...initialState(), name: "CI", scopes: ["read"], expiry: "never" as const };
    expect(validate(state, catalogue, true, now).expiry).toMatch(/requires every token to expire/);
    const allowing = { ...catalogue, expiry: { maxLifetimeDays: 366, allowNonExpiring: true } };
    expect(validate(state, allowing, true, now)).toEqual({});
  });
  it("keeps custom dates between tomorrow and the server's limit", () => {
    const state = { ...initialState(), name: "CI", scopes: ["read"], expiry: "custom" as const };
    expect(validate({ ...state, customDate: "" }, catalogue, true, now).expiry).toMatch(/Pick an expiration date/);
    expect(validate({ ...state, customDate: "2026-11-01" }, catalogue, true, now).expiry).toMatch(/future/);
    expect(validate({ ...state, customDate: "2028-01-01" }, catalogue, true, now).expiry).toMatch(/within 366 days/);
    expect(validate({ ...state, customDate: "2027-01-31" }, catalogue, true, now)).toEqual({});
  });
  it("does not check expiry when editing", () => {
    const state = { ...initialState(), name: "CI", scopes: ["read"], expiry: "never" as const };
    expect(validate(state, catalogue, false, now)).toEqual({});
  });
});

describe("requestBody", () => {
  it("sends the preset lifetime from now and drops the restriction when access is all", () => {
    const body = requestBody(
      { ...initialState(), name: " CI ", scopes: ["read"], spaceIds: ["spc1"], expiry: "7" },
      true,
      now,
    );
    expect(body).toEqual({
      name: "CI",
      description: "",
      scopes: ["read"],
      spaceIds: [],
      baseIds: [],
      expiresAt: "2026-12-04T12:00:00.000Z",
    });
  });
  it("never sends an expiry when editing", () => {
    expect(requestBody({ ...initialState(), name: "CI", scopes: ["read"] }, false, now)).not.toHaveProperty(
      "expiresAt",
    );
  });
});

describe("grantedActions", () => {
  it("expands presets and keeps single actions", () => {
    expect([...grantedActions(["read", "view:read"], catalogue)].sort()).toEqual([
      "field:read",
      "record:read",
      "view:read",
    ]);
  });
});
