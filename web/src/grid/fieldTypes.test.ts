import { describe, expect, it } from "vitest";

import type { Field } from "../api/types";
import { canOrderBy, filterValueType, operatorLabel, operatorsOf } from "./fieldTypes";

const field = (type: Field["type"], options: Field["options"] = {}): Field => ({
  id: "fld1",
  name: "Field",
  type,
  description: "",
  options,
  isPrimary: false,
  isComputed: false,
});

describe("canOrderBy", () => {
  it("offers stored fields, formulas and rollups", () => {
    expect(canOrderBy(field("number"))).toBe(true);
    expect(canOrderBy(field("formula", { result: { type: "number" } }))).toBe(true);
    expect(canOrderBy(field("rollup", { result: { type: "number" } }))).toBe(true);
  });

  it("offers lookups of text and of numbers or dates (by their first value), not of links or users", () => {
    expect(canOrderBy(field("link"))).toBe(false);
    expect(canOrderBy(field("lookup", { result: { type: "number" } }))).toBe(true);
    expect(canOrderBy(field("lookup", { result: { type: "date" } }))).toBe(true);
    expect(canOrderBy(field("lookup", { result: { type: "singleLineText" } }))).toBe(true);
    expect(canOrderBy(field("lookup", { result: { type: "link" } }))).toBe(false);
    expect(canOrderBy(field("lookup", { result: { type: "createdBy" } }))).toBe(false);
  });
});

describe("the filter operators of a link", () => {
  it("are those the API takes for links, 'is' shown as 'links to'", () => {
    expect(operatorsOf(field("link"))).toEqual([
      "is",
      "contains",
      "doesNotContain",
      "hasAnyOf",
      "hasAllOf",
      "isNoneOf",
      "isEmpty",
      "isNotEmpty",
    ]);
    expect(operatorLabel(field("link"), "is")).toBe("links to");
    expect(operatorLabel(field("number"), "is")).toBe("is");
  });
});

describe("the filter operators of a lookup", () => {
  it("add those of its values' type, compared one by one, to the text ones", () => {
    const numbers = field("lookup", { result: { type: "number" } });
    expect(operatorsOf(numbers)).toEqual([
      "contains",
      "doesNotContain",
      "isEmpty",
      "isNotEmpty",
      "is",
      "isNot",
      "isGreater",
      "isGreaterEqual",
      "isLess",
      "isLessEqual",
    ]);
    expect(filterValueType(numbers, "isGreater")).toBe("number");
    expect(filterValueType(numbers, "contains")).toBe("lookup");
  });

  it("keep the text ones for lists the API cannot compare one by one", () => {
    expect(operatorsOf(field("lookup", { result: { type: "link" } }))).toEqual([
      "contains",
      "doesNotContain",
      "isEmpty",
      "isNotEmpty",
    ]);
    expect(operatorsOf(field("rollup", { result: { type: "number" } }))).toContain("isGreater");
  });
});
