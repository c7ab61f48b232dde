// What a cell editor holds while a person types (a draft), how a stored
// value becomes one, and how a draft becomes the value to save, or a
// message saying why it cannot be (shown at the cell, the draft kept).
import type { CellValue, Field, FieldType, LinkedRecord } from "../api/types";

export interface Draft {
  text: string;
  chosen: string[];
  // A link cell's records, in order.
  links?: LinkedRecord[];
}

export type Parsed = { value: CellValue | null } | { error: string };

// Types where typing on a selected cell starts an edit with what was typed.
const TYPED_INTO: FieldType[] = ["singleLineText", "longText", "number", "email", "url"];
export const startsWithTypedText = (field: Field) => TYPED_INTO.includes(field.type);

function toDateText(field: Field, value: CellValue | null | undefined): string {
  if (typeof value !== "string" || !value) return "";
  if (field.options.dateOnly !== false) return value.slice(0, 10);
  const date = new Date(value);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

export function draftOf(field: Field, value: CellValue | null | undefined): Draft {
  if (field.type === "date") return { text: toDateText(field, value), chosen: [] };
  if (field.type === "link") {
    // Ids alone when a refused write comes back to its editor.
    const links = ((value ?? []) as (LinkedRecord | string)[]).map((item) =>
      typeof item === "string" ? { id: item, title: item } : item,
    );
    return { text: "", chosen: [], links };
  }
  if (Array.isArray(value)) return { text: "", chosen: value as string[] };
  return { text: value === undefined || value === null ? "" : String(value), chosen: [] };
}

// "1,234.5", " 12 " and "-3e2" are numbers; "12k" and "abc" are not.
function parseNumber(text: string): number | null {
  const plain = text.trim().replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(plain)) return null;
  const number = Number(plain);
  return Number.isFinite(number) ? number : null;
}

export function parseDraft(field: Field, draft: Draft): Parsed {
  const text = draft.text;
  switch (field.type) {
    case "number": {
      if (text.trim() === "") return { value: null };
      const number = parseNumber(text);
      return number === null
        ? { error: `${field.name} needs a number; “${text.trim()}” is not one.` }
        : { value: number };
    }
    case "rating":
      return { value: text === "" ? null : Number(text) };
    case "date":
      if (!text) return { value: null };
      return { value: field.options.dateOnly !== false ? text : new Date(text).toISOString() };
    case "multipleSelect":
      return { value: draft.chosen.length ? draft.chosen : null };
    case "link":
      return { value: draft.links?.length ? draft.links.map((record) => record.id) : null };
    case "url": {
      const trimmed = text.trim();
      if (!trimmed) return { value: null };
      // As the server does: a URL without a scheme is taken as https.
      return { value: /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}` };
    }
    case "email":
      return { value: text.trim() === "" ? null : text.trim() };
    default:
      return { value: text === "" ? null : text };
  }
}

// A cell as text for the clipboard, as spreadsheets exchange it; pasting it
// back with the API's typecast gives the same value.
export function cellText(value: CellValue | null | undefined): string {
  if (value === undefined || value === null || value === false) return "";
  if (value === true) return "checked";
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === "object" && item !== null ? item.title : String(item))).join(", ");
  }
  return String(value);
}

// Pasted text as the value to send with the API's typecast: numbers as a
// spreadsheet shows them ("1,200") become numbers; the server reads the rest.
export function pastedValue(field: Field, text: string): CellValue | null {
  if (text === "") return null;
  if (field.type === "number") return parseNumber(text) ?? text;
  return text;
}

// Tab-separated rows (what spreadsheets put on the clipboard) as a matrix.
// Quoted cells ("a\tb", "line\nbreak", "say ""hi""") are read as one cell.
export function parseTabSeparated(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === "\t") {
      rows[rows.length - 1].push(cell);
      cell = "";
    } else if (c === "\n" || (c === "\r" && text[i + 1] === "\n")) {
      if (c === "\r") i++;
      rows[rows.length - 1].push(cell);
      cell = "";
      rows.push([]);
    } else cell += c;
  }
  rows[rows.length - 1].push(cell);
  // A trailing line break ends the last row; it starts no new one.
  if (rows.length > 1 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
  return rows;
}

export function toTabSeparated(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join("\t")).join("\n");
}
