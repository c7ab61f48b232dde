import { describe, expect, it } from "vitest";

import { DAY_MS } from "./time";
import { expiryState, isStale } from "./tokenStatus";

const now = new Date("2026-11-27T12:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();

describe("expiryState", () => {
  it("reads a missing expiry as never", () => {
    expect(expiryState({ expiresAt: null, expired: false }, now)).toBe("never");
  });
  it("marks past or server-expired tokens as expired", () => {
    expect(expiryState({ expiresAt: inDays(-1), expired: false }, now)).toBe("expired");
    expect(expiryState({ expiresAt: inDays(30), expired: true }, now)).toBe("expired");
  });
  it("warns within 7 days and not beyond", () => {
    expect(expiryState({ expiresAt: inDays(7), expired: false }, now)).toBe("soon");
    expect(expiryState({ expiresAt: inDays(7.1), expired: false }, now)).toBe("ok");
  });
});

describe("isStale", () => {
  it("marks tokens unused for 90 days", () => {
    expect(isStale({ lastUsedAt: inDays(-90), createdAt: inDays(-200) }, now)).toBe(true);
    expect(isStale({ lastUsedAt: inDays(-89), createdAt: inDays(-200) }, now)).toBe(false);
  });
  it("counts from creation when a token was never used", () => {
    expect(isStale({ lastUsedAt: null, createdAt: inDays(-91) }, now)).toBe(true);
    expect(isStale({ lastUsedAt: null, createdAt: inDays(-3) }, now)).toBe(false);
  });
});
