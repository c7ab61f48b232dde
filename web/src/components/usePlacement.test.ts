import { expect, it } from "vitest";

import { placePanel } from "./usePlacement";

const phone = { width: 390, height: 844 };
const menu = { width: 170, height: 120 };

it("opens below the button, its end edge under the button's", () => {
  expect(placePanel({ top: 100, left: 300, width: 30, height: 30 }, menu, phone, "below", "end")).toEqual({
    top: 134,
    left: 160,
  });
});

it("shifts a panel that would leave the window back inside it", () => {
  // A button at the left edge (beside the rail) with an end-aligned menu.
  expect(placePanel({ top: 100, left: 20, width: 30, height: 30 }, menu, phone, "below", "end").left).toBe(8);
  // A start-aligned popover wider than the room to its right.
  expect(
    placePanel({ top: 100, left: 300, width: 60, height: 30 }, { width: 320, height: 200 }, phone, "below", "start")
      .left,
  ).toBe(62);
});

it("flips above when there is no room below, and below when none above", () => {
  expect(placePanel({ top: 780, left: 100, width: 30, height: 30 }, menu, phone, "below", "start").top).toBe(656);
  expect(placePanel({ top: 20, left: 100, width: 30, height: 30 }, menu, phone, "above", "start").top).toBe(54);
});
