import { describe, expect, it } from "vitest";

import { relativeTime } from "./time";

const now = new Date("2026-11-27T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says just now for the last few seconds", () => {
    expect(relativeTime(ago(5), now)).toBe("just now");
  });
  it("counts hours and days in the past", () => {
    expect(relativeTime(ago(3 * 3600 + 120), now)).toBe("3 hours ago");
    expect(relativeTime(ago(2 * 86400), now)).toBe("2 days ago");
  });
  it("speaks of the future for expiry dates", () => {
    const ahead = (days: number) => new Date(now.getTime() + days * 86400 * 1000).toISOString();
    expect(relativeTime(ahead(3), now)).toBe("in 3 days");
    expect(relativeTime(ahead(30), now)).toBe("next month");
  });
});
