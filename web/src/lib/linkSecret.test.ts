import { describe, expect, it } from "vitest";

import { INVITATION_PREFIX, PASSWORD_RESET_PREFIX, secretFromFragment } from "./linkSecret";

const invitation = INVITATION_PREFIX + "a1B2".repeat(10);

describe("secretFromFragment", () => {
  it("reads a link's secret from the fragment", () => {
    expect(secretFromFragment("#" + invitation, INVITATION_PREFIX)).toBe(invitation);
    expect(secretFromFragment(invitation + " ", INVITATION_PREFIX)).toBe(invitation);
  });
  it("refuses what is not a whole secret of that kind", () => {
    expect(secretFromFragment("", INVITATION_PREFIX)).toBe("");
    expect(secretFromFragment("#" + invitation.slice(0, -1), INVITATION_PREFIX)).toBe("");
    expect(secretFromFragment("#" + invitation + "x", INVITATION_PREFIX)).toBe("");
    expect(secretFromFragment("#" + invitation, PASSWORD_RESET_PREFIX)).toBe("");
    expect(secretFromFragment("#tsr_pat_" + "a".repeat(40), INVITATION_PREFIX)).toBe("");
  });
});
