import { expect, it } from "vitest";

import { pageTitle } from "./usePageTitle";

it("names the page, most specific first, and skips what is not known yet", () => {
  expect(pageTitle(["Parts", "Inventory"])).toBe("Parts – Inventory – Tessera");
  expect(pageTitle([undefined, "Inventory"])).toBe("Inventory – Tessera");
  expect(pageTitle([])).toBe("Tessera");
});
