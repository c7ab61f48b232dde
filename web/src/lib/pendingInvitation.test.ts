import { describe, expect, it } from "vitest";

import { codeFromFragment } from "./pendingInvitation";

const code = "tsr_inv_" + "a1B2".repeat(10);

describe("codeFromFragment", () => {
  it("reads a link's code from the fragment", () => {
    expect(codeFromFragment("#" + code)).toBe(code);
    expect(codeFromFragment(code + " ")).toBe(code);
  });
  it("refuses what is not a whole code", () => {
    expect(codeFromFragment("")).toBe("");
    expect(codeFromFragment("#" + code.slice(0, -1))).toBe("");
    expect(codeFromFragment("#tsr_pat_" + "a".repeat(40))).toBe("");
    expect(codeFromFragment("#" + code + "x")).toBe("");
  });
});
