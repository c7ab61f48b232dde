// How a cell's value looks in the grid, by field type.
import type { ReactNode } from "react";

import type { CellValue, Field, LinkedRecord } from "../api/types";
import { cellText } from "./cellDraft";

function choiceColor(field: Field, name: string): string {
  return field.options.choices?.find((choice) => choice.name === name)?.color ?? "gray";
}

function Pill({ field, name }: { field: Field; name: string }) {
  return <span className={`pill pill-${choiceColor(field, name)}`}>{name}</span>;
}

export function formatDate(field: Field, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const timeZone = field.options.timeZone ?? "UTC";
  const dateOnly = field.type === "date" && field.options.dateOnly !== false;
  return dateOnly
    ? date.toLocaleDateString("en", { dateStyle: "medium", timeZone: "UTC" })
    : date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone });
}

// With thousands separators and the field's decimal places: 1,234.50.
const formatNumber = (value: number, precision: number) =>
  value.toLocaleString("en", { minimumFractionDigits: precision, maximumFractionDigits: precision });

// `text` with each case-insensitive occurrence of `search` marked.
export function Highlighted({ text, search }: { text: string; search?: string }) {
  const needle = search?.trim().toLowerCase();
  if (!needle) return <>{text}</>;
  const parts: ReactNode[] = [];
  const lower = text.toLowerCase();
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + needle.length)}</mark>);
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}

interface CellDisplayProps {
  field: Field;
  value: CellValue | undefined;
  // The table's search, marked where it occurs in text.
  search?: string;
}

// A formula's value, by its result's type; a broken formula's error.
function FormulaValue({ field, value, search }: { field: Field; value: CellValue; search?: string }) {
  if (typeof value === "object" && !Array.isArray(value)) {
    return (
      <span className="formula-error" title={field.options.error}>
        {value.error}
      </span>
    );
  }
  switch (field.options.result?.type) {
    case "number":
      return <span className="number">{Number(value).toLocaleString("en", { maximumFractionDigits: 10 })}</span>;
    case "boolean":
      return value ? (
        <span className="check" aria-label="true">
          ✓
        </span>
      ) : null;
    case "date":
      return <>{formatDate(field, String(value))}</>;
    default:
      return <Highlighted text={String(value)} search={search} />;
  }
}

// A linked record's chip: its title, or "Unnamed record" when that is empty.
export function LinkChip({ record, search }: { record: LinkedRecord; search?: string }) {
  return (
    <span className="link-chip" title={record.title || "Unnamed record"}>
      {record.title ? <Highlighted text={record.title} search={search} /> : <em>Unnamed record</em>}
    </span>
  );
}

function LinkChips({ records, search }: { records: LinkedRecord[]; search?: string }) {
  return (
    <>
      {records.map((record, index) => (
        <LinkChip key={`${record.id}-${index}`} record={record} search={search} />
      ))}
    </>
  );
}

export function CellDisplay({ field, value, search }: CellDisplayProps) {
  if (value === undefined || value === null || value === "") return null;
  switch (field.type) {
    case "lookup":
    case "rollup":
      if (field.options.result?.type === "link") {
        // A lookup of a link: the linked records of the linked records.
        return <LinkChips records={value as LinkedRecord[]} search={search} />;
      }
      return Array.isArray(value) ? (
        <Highlighted text={cellText(value)} search={search} />
      ) : (
        <FormulaValue field={field} value={value} search={search} />
      );
    case "link":
      return <LinkChips records={value as LinkedRecord[]} search={search} />;
    case "formula":
      return <FormulaValue field={field} value={value} search={search} />;
    case "checkbox":
      return value ? (
        <span className="check" aria-label="checked">
          ✓
        </span>
      ) : null;
    case "singleSelect":
      return <Pill field={field} name={String(value)} />;
    case "multipleSelect":
      return (
        <>
          {(value as string[]).map((name) => (
            <Pill key={name} field={field} name={name} />
          ))}
        </>
      );
    case "number":
      return <span className="number">{formatNumber(Number(value), field.options.precision ?? 2)}</span>;
    case "rating": {
      const max = field.options.max ?? 5;
      return (
        <span className="rating" aria-label={`${value} of ${max}`}>
          {"★".repeat(Number(value))}
          <span className="rating-empty">{"★".repeat(Math.max(0, max - Number(value)))}</span>
        </span>
      );
    }
    case "date":
    case "createdTime":
    case "lastModifiedTime":
      return <>{formatDate(field, String(value))}</>;
    case "url":
      return (
        <a
          href={String(value)}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={-1}
          onClick={(event) => event.stopPropagation()}
        >
          <Highlighted text={String(value)} search={search} />
        </a>
      );
    case "autoNumber":
      return <span className="number">{String(value)}</span>;
    default:
      return <Highlighted text={String(value)} search={search} />;
  }
}
