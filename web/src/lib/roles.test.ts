import { describe, expect, it } from "vitest";

import { roleNeededFor, spacesLimitingScopes } from "./roles";

describe("roleNeededFor", () => {
  it("names the weakest role each scope needs", () => {
    expect(roleNeededFor("read")).toBe("viewer");
    expect(roleNeededFor("record:read")).toBe("viewer");
    expect(roleNeededFor("write")).toBe("editor");
    expect(roleNeededFor("view:update")).toBe("editor");
    expect(roleNeededFor("table:create")).toBe("creator");
    expect(roleNeededFor("member:manage")).toBe("owner");
    expect(roleNeededFor("full_access")).toBe("owner");
    expect(roleNeededFor("space:create")).toBeNull();
  });
});

describe("spacesLimitingScopes", () => {
  const spaces = [
    { name: "Mine", role: "owner" as const },
    { name: "Shared", role: "viewer" as const },
    { name: "Team", role: "editor" as const },
  ];
  it("lists the spaces where the role is weaker than the scopes", () => {
    expect(spacesLimitingScopes(spaces, ["read"])).toEqual([]);
    expect(spacesLimitingScopes(spaces, ["read", "write"]).map((s) => s.name)).toEqual(["Shared"]);
    expect(spacesLimitingScopes(spaces, ["admin"]).map((s) => s.name)).toEqual(["Shared", "Team"]);
  });
});
