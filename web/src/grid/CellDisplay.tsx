// How a cell's value looks in the grid, by field type.
import type { CellValue, Field } from "../api/types";

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

export function CellDisplay({ field, value }: { field: Field; value: CellValue | undefined }) {
  if (value === undefined || value === null || value === "") return null;
  switch (field.type) {
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
        <a href={String(value)} target="_blank" rel="noopener noreferrer" onClick={(event) => event.stopPropagation()}>
          {String(value)}
        </a>
      );
    case "autoNumber":
      return <span className="number">{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
