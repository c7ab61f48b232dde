// Adding a field: its name, its type, and the options that type takes.
import { useState, type FormEvent } from "react";

import { post } from "../api/client";
import type { FieldOptions, FieldType } from "../api/types";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormActions } from "../components/FormActions";
import { useAction } from "../lib/useAction";
import { CHOICE_COLORS, FIELD_TYPES } from "./fieldTypes";

interface FieldDialogProps {
  tableId: string;
  onClose(): void;
  onCreated(): Promise<void>;
}

export function FieldDialog({ tableId, onClose, onCreated }: FieldDialogProps) {
  const [name, setName] = useState("");
  const [type, setType] = useState<FieldType>("singleLineText");
  const [precision, setPrecision] = useState(2);
  const [max, setMax] = useState(5);
  const [withTime, setWithTime] = useState(false);
  const [choices, setChoices] = useState("");
  const { busy, error, setError, run } = useAction();

  function options(): FieldOptions | undefined {
    if (type === "number") return { precision };
    if (type === "rating") return { max };
    if (type === "date") return { dateOnly: !withTime };
    if (type === "singleSelect" || type === "multipleSelect") {
      const names = choices
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      return { choices: names.map((choice, i) => ({ name: choice, color: CHOICE_COLORS[i % CHOICE_COLORS.length] })) };
    }
    return undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Give the field a name.");
      return;
    }
    const created = await run(async () => {
      await post(`/api/table/${tableId}/field`, { name: name.trim(), type, options: options() });
      await onCreated();
    });
    if (created) onClose();
  }

  return (
    <Dialog title="Add field" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          Field name
          <input autoFocus value={name} maxLength={255} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Field type
          <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
            {(Object.keys(FIELD_TYPES) as FieldType[]).map((key) => (
              <option key={key} value={key}>
                {FIELD_TYPES[key].icon} {FIELD_TYPES[key].label}
              </option>
            ))}
          </select>
        </label>
        {type === "number" && (
          <label>
            Decimal places
            <input
              type="number"
              min={0}
              max={8}
              value={precision}
              onChange={(e) => setPrecision(Number(e.target.value))}
            />
          </label>
        )}
        {type === "rating" && (
          <label>
            Maximum rating
            <input type="number" min={1} max={10} value={max} onChange={(e) => setMax(Number(e.target.value))} />
          </label>
        )}
        {type === "date" && (
          <label className="check-label">
            <input type="checkbox" checked={withTime} onChange={(e) => setWithTime(e.target.checked)} />
            Include a time
          </label>
        )}
        {(type === "singleSelect" || type === "multipleSelect") && (
          <label>
            Choices (one per line)
            <textarea rows={4} value={choices} onChange={(e) => setChoices(e.target.value)} />
          </label>
        )}
        <ErrorMessage message={error} />
        <FormActions submitLabel="Add field" busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
