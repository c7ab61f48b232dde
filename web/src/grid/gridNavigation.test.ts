import { expect, it } from "vitest";

import { editMove, keyMove } from "./gridNavigation";

const size = { rows: 3, fields: 4 };

it("arrow keys move one cell and stop at the edges", () => {
  expect(keyMove("ArrowDown", false, { row: 0, col: 1 }, size)).toEqual({ row: 1, col: 1 });
  expect(keyMove("ArrowDown", false, { row: 2, col: 1 }, size)).toEqual({ row: 2, col: 1 });
  expect(keyMove("ArrowUp", false, { row: 0, col: 1 }, size)).toEqual({ row: -1, col: 1 });
  expect(keyMove("ArrowUp", false, { row: -1, col: 1 }, size)).toEqual({ row: -1, col: 1 });
  expect(keyMove("ArrowLeft", false, { row: 0, col: 0 }, size)).toEqual({ row: 0, col: -1 });
  expect(keyMove("ArrowRight", false, { row: 0, col: 3 }, size)).toEqual({ row: 0, col: 3 });
  expect(keyMove("ArrowRight", false, { row: -1, col: 3 }, size)).toEqual({ row: -1, col: 4 });
  expect(keyMove("ArrowDown", false, { row: -1, col: 4 }, size)).toEqual({ row: 0, col: 3 });
});

it("Home, End, their Ctrl forms and page keys jump", () => {
  expect(keyMove("Home", false, { row: 1, col: 2 }, size)).toEqual({ row: 1, col: -1 });
  expect(keyMove("End", false, { row: 1, col: 0 }, size)).toEqual({ row: 1, col: 3 });
  expect(keyMove("Home", true, { row: 2, col: 2 }, size)).toEqual({ row: 0, col: 2 });
  expect(keyMove("End", true, { row: 0, col: 2 }, size)).toEqual({ row: 2, col: 2 });
  expect(keyMove("PageDown", false, { row: 0, col: 0 }, { rows: 50, fields: 1 })).toEqual({ row: 10, col: 0 });
  expect(keyMove("PageUp", false, { row: 5, col: 0 }, size)).toEqual({ row: 0, col: 0 });
  expect(keyMove("a", false, { row: 0, col: 0 }, size)).toBeNull();
});

it("an edit moves down on Enter and sideways on Tab, within the fields", () => {
  expect(editMove("down", { row: 0, col: 1 }, size)).toEqual({ row: 1, col: 1 });
  expect(editMove("down", { row: 2, col: 1 }, size)).toEqual({ row: 2, col: 1 });
  expect(editMove("right", { row: 0, col: 3 }, size)).toEqual({ row: 0, col: 3 });
  expect(editMove("left", { row: 0, col: 0 }, size)).toEqual({ row: 0, col: 0 });
  expect(editMove("stay", { row: 1, col: 1 }, size)).toEqual({ row: 1, col: 1 });
});
