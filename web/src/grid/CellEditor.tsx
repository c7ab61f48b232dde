// Editing one cell in place, with the input that suits its field type.
// Enter commits and moves down (Ctrl+Enter in long text), Tab and
// Shift+Tab commit and move sideways, leaving the cell commits and stays,
// Escape cancels. A value that cannot be saved keeps the editor open with
// the reason under it, so the typed text can be fixed.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import type { CellValue, Field } from "../api/types";
import { parseDraft, type Draft } from "./cellDraft";
import type { EditMove } from "./gridNavigation";

interface CellEditorProps {
  field: Field;
  initial: Draft;
  error?: string;
  onCommit(value: CellValue | null, move: EditMove): void;
  onCancel(): void;
}

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function CellEditor({ field, initial, error: serverError, onCommit, onCancel }: CellEditorProps) {
  const label = `Edit ${field.name}`;
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState(serverError ?? "");
  const input = useRef<Input>(null);
  const errorId = useId();
  // Enter, Tab, Escape and blur can all end an edit; only the first counts.
  const finished = useRef(false);

  useEffect(() => {
    // The caret goes after what is there, as in a spreadsheet.
    const element = input.current;
    if (element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && element.type === "text")) {
      element.setSelectionRange(element.value.length, element.value.length);
    }
  }, []);

  function commit(move: EditMove): boolean {
    if (finished.current) return true;
    const parsed = parseDraft(field, draft);
    if ("error" in parsed) {
      setError(parsed.error);
      return false;
    }
    finished.current = true;
    onCommit(parsed.value, move);
    return true;
  }

  function onKeyDown(event: KeyboardEvent) {
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finished.current = true;
      onCancel();
    } else if (event.key === "Tab") {
      event.preventDefault();
      commit(event.shiftKey ? "left" : "right");
    } else if (event.key === "Enter" && (field.type !== "longText" || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit("down");
    }
  }

  const setText = (text: string) => {
    setDraft({ ...draft, text });
    setError("");
  };
  const common = {
    ref: input as never,
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    autoFocus: true,
    onKeyDown,
    // Leaving a cell whose text cannot be saved leaves the editor open with
    // the text and the message, to fix or cancel with Escape.
    onBlur: () => {
      // Leaving a refused value unchanged drops it rather than sending it
      // again to be refused again.
      if (serverError && draft === initial) {
        finished.current = true;
        onCancel();
      } else commit("stay");
    },
    className: "cell-input",
  };

  return (
    <>
      {editorFor(field, draft, common, setText, (chosen) => setDraft({ ...draft, chosen }))}
      {error && (
        <span id={errorId} role="alert" className="cell-error">
          {error}
        </span>
      )}
    </>
  );
}

function editorFor(
  field: Field,
  draft: Draft,
  common: Record<string, unknown>,
  setText: (text: string) => void,
  setChosen: (chosen: string[]) => void,
) {
  switch (field.type) {
    case "longText":
      return <textarea {...common} value={draft.text} rows={4} onChange={(e) => setText(e.target.value)} />;
    case "date":
      return (
        <input
          {...common}
          type={field.options.dateOnly !== false ? "date" : "datetime-local"}
          value={draft.text}
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
        <select {...common} value={draft.text} onChange={(e) => setText(e.target.value)}>
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
          value={draft.chosen}
          onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (option) => option.value))}
        >
          {(field.options.choices ?? []).map((choice) => (
            <option key={choice.name} value={choice.name}>
              {choice.name}
            </option>
          ))}
        </select>
      );
    case "number":
      return (
        <input
          {...common}
          type="text"
          inputMode="decimal"
          value={draft.text}
          onChange={(e) => setText(e.target.value)}
        />
      );
    default:
      return (
        <input
          {...common}
          type="text"
          inputMode={field.type === "email" ? "email" : field.type === "url" ? "url" : undefined}
          value={draft.text}
          onChange={(e) => setText(e.target.value)}
        />
      );
  }
}
