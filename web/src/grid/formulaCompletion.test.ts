import { describe, expect, it } from "vitest";

import { accept, completionAt, fieldReference } from "./formulaCompletion";

const sources = {
  fields: [
    { name: "Price", type: "number" },
    { name: "Unit price", type: "number" },
    { name: "Name", type: "singleLineText" },
    { name: "a}b", type: "singleLineText" },
  ],
  functions: [
    { name: "IF", signature: "IF(condition, value if true, [value if false])" },
    { name: "IS_AFTER", signature: "IS_AFTER(date, other date)" },
    { name: "ROUND", signature: "ROUND(number, [places])" },
  ],
};

describe("formula completion", () => {
  it("offers the fields whose names contain what follows an open brace", () => {
    const completion = completionAt("{Price} * {pri", 14, sources);
    expect(completion?.from).toBe(10);
    expect(completion?.suggestions.map((s) => s.label)).toEqual(["Price", "Unit price"]);
  });

  it("offers nothing inside a closed reference or a text literal", () => {
    expect(completionAt("{Price} ", 8, sources)).toBeNull();
    expect(completionAt("'{Pri", 5, sources)).toBeNull();
    expect(completionAt('"IF', 3, sources)).toBeNull();
  });

  it("offers the functions that start with the word typed, in upper case", () => {
    const completion = completionAt("1 + i", 5, sources);
    expect(completion?.from).toBe(4);
    expect(completion?.suggestions.map((s) => s.insert)).toEqual(["IF(", "IS_AFTER("]);
  });

  it("escapes braces in field names as the server reads them", () => {
    expect(fieldReference("a}b")).toBe("{a\\}b}");
    const completion = completionAt("{a", 2, sources);
    expect(completion?.suggestions.find((s) => s.label === "a}b")?.insert).toBe("{a\\}b}");
  });

  it("taking a field replaces the reference up to its closing brace", () => {
    const text = "{Pri} + 1";
    const completion = completionAt(text, 4, sources)!;
    const [next, caret] = accept(text, 4, completion.from, completion.suggestions[0]);
    expect(next).toBe("{Price} + 1");
    expect(caret).toBe(7);
  });

  it("taking a function opens its parenthesis", () => {
    const completion = completionAt("ro", 2, sources)!;
    expect(accept("ro", 2, completion.from, completion.suggestions[0])).toEqual(["ROUND(", 6]);
  });
});
