// The formula of a formula field as it is written: field names and function
// names completed as they are typed (formulaCompletion.ts), and the server's
// verdict shortly after each change (POST /formula/check): the result's type,
// or the error with the character where it starts marked in the text.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import { errorMessage, get, post } from "../api/client";
import type { Field, FormulaResultType } from "../api/types";
import { FIELD_TYPES } from "./fieldTypes";
import { accept, completionAt, type Completion } from "./formulaCompletion";

interface FormulaFunction {
  name: string;
  signature: string;
  description: string;
}

interface Verdict {
  valid: boolean;
  result?: { type: FormulaResultType };
  error?: { message: string; position: number };
}

const CHECK_DELAY_MS = 250;

// The function list is the same for every editor: fetched once.
let functionsRequest: Promise<FormulaFunction[]> | null = null;
function loadFunctions(): Promise<FormulaFunction[]> {
  functionsRequest ??= get<{ functions: FormulaFunction[] }>("/api/formula/function")
    .then((answer) => answer.functions)
    .catch(() => {
      functionsRequest = null;
      return [];
    });
  return functionsRequest;
}

interface FormulaEditorProps {
  tableId: string;
  // The table's fields, to complete; the one being edited is left out.
  fields: Field[];
  fieldId?: string;
  expression: string;
  resultType: FormulaResultType | "";
  onChange(expression: string): void;
  onResultTypeChange(resultType: FormulaResultType | ""): void;
}

export function FormulaEditor({
  tableId,
  fields,
  fieldId,
  expression,
  resultType,
  onChange,
  onResultTypeChange,
}: FormulaEditorProps) {
  const [functions, setFunctions] = useState<FormulaFunction[]>([]);
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checkFailure, setCheckFailure] = useState("");
  const input = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const statusId = useId();

  useEffect(() => {
    void loadFunctions().then(setFunctions);
  }, []);

  useEffect(() => {
    if (!expression.trim()) {
      setVerdict(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      post<Verdict>(`/api/table/${tableId}/formula/check`, {
        expression,
        ...(resultType ? { resultType } : {}),
        ...(fieldId ? { fieldId } : {}),
      })
        .then((answer) => {
          if (!current) return;
          setVerdict(answer);
          setCheckFailure("");
        })
        .catch((failure) => current && setCheckFailure(errorMessage(failure)));
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [tableId, fieldId, expression, resultType]);

  function complete(text: string, caret: number) {
    const others = fields.filter((field) => field.id !== fieldId);
    const next = completionAt(text, caret, {
      fields: others.map((field) => ({ name: field.name, type: FIELD_TYPES[field.type].label })),
      functions,
    });
    setCompletion(next);
    setActive(0);
  }

  function take(index: number) {
    const element = input.current;
    if (!completion || !element) return;
    const [text, caret] = accept(expression, element.selectionStart, completion.from, completion.suggestions[index]);
    onChange(text);
    setCompletion(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(caret, caret);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!completion) return;
    const count = completion.suggestions.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive((active + (event.key === "ArrowDown" ? 1 : count - 1)) % count);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      take(active);
    } else if (event.key === "Escape") {
      event.stopPropagation();
      setCompletion(null);
    }
  }

  const error = verdict && !verdict.valid ? verdict.error : undefined;
  return (
    <div className="formula-editor">
      <label>
        Formula
        <textarea
          ref={input}
          className="formula-input"
          rows={3}
          spellCheck={false}
          value={expression}
          placeholder="{Price} * {Quantity}"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={completion !== null}
          aria-controls={listId}
          aria-activedescendant={completion ? `${listId}-${active}` : undefined}
          aria-describedby={statusId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            onChange(e.target.value);
            complete(e.target.value, e.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setCompletion(null)}
        />
      </label>
      {completion && (
        <ul className="formula-suggestions" id={listId} role="listbox" aria-label="Suggestions">
          {completion.suggestions.map((suggestion, index) => (
            <li
              key={suggestion.label}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "active" : undefined}
              onMouseDown={(event) => {
                event.preventDefault(); // keeps the focus in the formula
                take(index);
              }}
            >
              <span>{suggestion.label}</span> <span className="muted">{suggestion.detail}</span>
            </li>
          ))}
        </ul>
      )}
      <div id={statusId}>
        {error ? (
          <p className="formula-problem" role="alert">
            {error.message}
            <ErrorMark expression={expression} position={error.position} />
          </p>
        ) : verdict?.valid ? (
          <p className="hint" role="status">
            Result: {verdict.result?.type}
          </p>
        ) : checkFailure ? (
          <p className="hint">{checkFailure}</p>
        ) : null}
      </div>
      <label>
        Result type
        <select value={resultType} onChange={(e) => onResultTypeChange(e.target.value as FormulaResultType | "")}>
          <option value="">worked out from the formula</option>
          <option value="number">number</option>
          <option value="text">text</option>
          <option value="boolean">true or false</option>
          <option value="date">date</option>
        </select>
      </label>
    </div>
  );
}

// The formula with the character where the error starts marked.
function ErrorMark({ expression, position }: { expression: string; position: number }) {
  const characters = Array.from(expression);
  const at = Math.min(Math.max(position - 1, 0), characters.length);
  return (
    <code className="formula-mark" aria-hidden="true">
      {characters.slice(0, at).join("")}
      <mark>{characters[at] ?? " "}</mark>
      {characters.slice(at + 1).join("")}
    </code>
  );
}
