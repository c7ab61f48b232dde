import { describe, expect, it } from "vitest";

import type { Field } from "../api/types";
import {
  cellText,
  draftOf,
  parseDraft,
  parseTabSeparated,
  pastedValue,
  startsWithTypedText,
  toTabSeparated,
} from "./cellDraft";

const field = (type: Field["type"], options: Field["options"] = {}): Field => ({
  id: "fld1",
  name: "Qty",
  type,
  description: "",
  options,
  isPrimary: false,
  isComputed: false,
});
const text = (value: string) => ({ text: value, chosen: [] });

describe("link cells", () => {
  const link = field("link", { linkedTableId: "tbl1", relationship: "manyMany" });
  const records = [
    { id: "rec1", title: "Apollo" },
    { id: "rec2", title: "Gemini" },
  ];

  it("edit the linked records and save their ids, or null for none", () => {
    const draft = draftOf(link, records);
    expect(draft.links).toEqual(records);
    expect(parseDraft(link, draft)).toEqual({ value: ["rec1", "rec2"] });
    expect(parseDraft(link, { ...draft, links: [] })).toEqual({ value: null });
  });

  it("come back to the editor as ids when a write was refused", () => {
    expect(draftOf(link, ["rec9"]).links).toEqual([{ id: "rec9", title: "rec9" }]);
  });

  it("copy as their titles", () => {
    expect(cellText(records)).toBe("Apollo, Gemini");
  });
});

describe("parseDraft", () => {
  it("takes numbers, with thousands separators, and refuses text", () => {
    expect(parseDraft(field("number"), text(" 42 "))).toEqual({ value: 42 });
    expect(parseDraft(field("number"), text("1,234.5"))).toEqual({ value: 1234.5 });
    expect(parseDraft(field("number"), text("-3e2"))).toEqual({ value: -300 });
    expect(parseDraft(field("number"), text(""))).toEqual({ value: null });
    expect(parseDraft(field("number"), text("12k"))).toEqual({ error: "Qty needs a number; “12k” is not one." });
    expect(parseDraft(field("number"), text("abc"))).toHaveProperty("error");
    expect(parseDraft(field("number"), text("1,2"))).toHaveProperty("error");
  });

  it("takes a URL without a scheme as https", () => {
    expect(parseDraft(field("url"), text("soylent.com"))).toEqual({ value: "https://soylent.com" });
    expect(parseDraft(field("url"), text("http://a.example"))).toEqual({ value: "http://a.example" });
    expect(parseDraft(field("url"), text("mailto:a@b.co"))).toEqual({ value: "mailto:a@b.co" });
  });

  it("keeps the chosen options and dates as the API wants them", () => {
    expect(parseDraft(field("multipleSelect"), { text: "", chosen: ["a", "b"] })).toEqual({ value: ["a", "b"] });
    expect(parseDraft(field("date"), text("2026-12-24"))).toEqual({ value: "2026-12-24" });
    expect(parseDraft(field("singleLineText"), text(""))).toEqual({ value: null });
  });
});

describe("draftOf", () => {
  it("turns stored values back into what the editor shows", () => {
    expect(draftOf(field("number"), 12)).toEqual(text("12"));
    expect(draftOf(field("multipleSelect"), ["a"])).toEqual({ text: "", chosen: ["a"] });
    expect(draftOf(field("date"), "2026-12-24")).toEqual(text("2026-12-24"));
    expect(draftOf(field("singleLineText"), undefined)).toEqual(text(""));
  });
});

it("starts an edit from typed text only where text is typed", () => {
  expect(startsWithTypedText(field("singleLineText"))).toBe(true);
  expect(startsWithTypedText(field("number"))).toBe(true);
  expect(startsWithTypedText(field("checkbox"))).toBe(false);
  expect(startsWithTypedText(field("singleSelect"))).toBe(false);
});

describe("the clipboard's tab-separated text", () => {
  it("writes cells as spreadsheets read them and reads them back", () => {
    expect(cellText(true)).toBe("checked");
    expect(cellText(["a", "b"])).toBe("a, b");
    expect(cellText(null)).toBe("");
    expect(cellText(12.5)).toBe("12.5");
    const rows = [
      ["plain", 'say "hi"'],
      ["two\nlines", "tab\there"],
    ];
    expect(parseTabSeparated(toTabSeparated(rows))).toEqual(rows);
  });

  it("reads what a spreadsheet puts there, line endings and all", () => {
    expect(parseTabSeparated("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseTabSeparated("one")).toEqual([["one"]]);
    expect(parseTabSeparated("x\t\ty")).toEqual([["x", "", "y"]]);
    expect(pastedValue(field("number"), "1,200")).toBe(1200);
    expect(pastedValue(field("number"), "12k")).toBe("12k");
    expect(pastedValue(field("singleLineText"), "")).toBeNull();
  });
});
