// Editing one cell in place, with the input that suits its field type.
// Enter (Ctrl+Enter in long text) or leaving the cell saves; Escape cancels.
import { useRef, useState, type KeyboardEvent } from "react";

import type { CellValue, Field } from "../api/types";

type Value = CellValue | null;

interface CellEditorProps {
  field: Field;
  value: CellValue | undefined;
  onCommit(value: Value): void;
  onCancel(): void;
}

function toDateInput(field: Field, value: CellValue | undefined): string {
  if (typeof value !== "string" || !value) return "";
  if (field.options.dateOnly !== false) return value.slice(0, 10);
  const date = new Date(value);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

function fromDateInput(field: Field, text: string): Value {
  if (!text) return null;
  return field.options.dateOnly !== false ? text : new Date(text).toISOString();
}

export function CellEditor({ field, value, onCommit, onCancel }: CellEditorProps) {
  const label = `Edit ${field.name}`;
  const [text, setText] = useState(() => {
    if (field.type === "date") return toDateInput(field, value);
    return value === undefined || value === null ? "" : String(value);
  });
  const [chosen, setChosen] = useState<string[]>(() => (Array.isArray(value) ? value : []));
  // Enter, Escape and blur can all end an edit; only the first one counts.
  const finished = useRef(false);
  const finish = (action: () => void) => {
    if (finished.current) return;
    finished.current = true;
    action();
  };

  function parsed(): Value {
    switch (field.type) {
      case "number":
      case "rating":
        return text.trim() === "" ? null : Number(text);
      case "date":
        return fromDateInput(field, text);
      case "multipleSelect":
        return chosen.length ? chosen : null;
      default:
        return text === "" ? null : text;
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish(onCancel);
    } else if (event.key === "Enter" && (field.type !== "longText" || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(() => onCommit(parsed()));
    }
  }

  const common = {
    "aria-label": label,
    autoFocus: true,
    onKeyDown,
    onBlur: () => finish(() => onCommit(parsed())),
    className: "cell-input",
  };

  switch (field.type) {
    case "longText":
      return <textarea {...common} value={text} rows={4} onChange={(e) => setText(e.target.value)} />;
    case "number":
      return (
        <input
          {...common}
          type="number"
          step={10 ** -(field.options.precision ?? 2)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      );
    case "date":
      return (
        <input
          {...common}
          type={field.options.dateOnly !== false ? "date" : "datetime-local"}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      );
    case "singleSelect":
    case "rating": {
      const options =
        field.type === "rating"
          ? Array.from({ length: field.options.max ?? 5 }, (_, i) => String(i + 1))
          : (field.options.choices ?? []).map((choice) => choice.name);
      return (
        <select {...common} value={text} onChange={(e) => setText(e.target.value)}>
          <option value="">(empty)</option>
          {options.map((option) => (
            <option key={option} value={option}>
              {field.type === "rating" ? "★".repeat(Number(option)) : option}
            </option>
          ))}
        </select>
      );
    }
    case "multipleSelect":
      return (
        <select
          {...common}
          multiple
          size={Math.min(6, (field.options.choices ?? []).length + 1)}
          value={chosen}
          onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (option) => option.value))}
        >
          {(field.options.choices ?? []).map((choice) => (
            <option key={choice.name} value={choice.name}>
              {choice.name}
            </option>
          ))}
        </select>
      );
    default:
      return (
        <input
          {...common}
          type={field.type === "email" ? "email" : field.type === "url" ? "url" : "text"}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      );
  }
}
