// Sort keys for the grid, applied in order.
import type { Field, SortKey } from "../api/types";
import { Popover } from "../components/Popover";

interface SortPanelProps {
  fields: Field[];
  sort: SortKey[];
  onChange(sort: SortKey[]): void;
}

export function SortPanel({ fields, sort, onChange }: SortPanelProps) {
  const update = (index: number, change: Partial<SortKey>) =>
    onChange(sort.map((key, i) => (i === index ? { ...key, ...change } : key)));
  const unused = fields.filter((field) => !sort.some((key) => key.fieldId === field.id));
  return (
    <Popover label="Sort records" button={sort.length ? `Sort (${sort.length})` : "Sort"} active={sort.length > 0}>
      {sort.length === 0 && <p className="muted">Records are in the order they were created.</p>}
      {sort.map((key, index) => (
        <div className="condition" key={key.fieldId}>
          <select
            aria-label={`Sort field ${index + 1}`}
            value={key.fieldId}
            onChange={(e) => update(index, { fieldId: e.target.value })}
          >
            {fields
              .filter((field) => field.id === key.fieldId || unused.includes(field))
              .map((field) => (
                <option key={field.id} value={field.id}>
                  {field.name}
                </option>
              ))}
          </select>
          <select
            aria-label={`Direction ${index + 1}`}
            value={key.order}
            onChange={(e) => update(index, { order: e.target.value as "asc" | "desc" })}
          >
            <option value="asc">A → Z, 1 → 9</option>
            <option value="desc">Z → A, 9 → 1</option>
          </select>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove sort ${index + 1}`}
            onClick={() => onChange(sort.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      {unused.length > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange([...sort, { fieldId: unused[0].id, order: "asc" }])}
        >
          + Add sort
        </button>
      )}
    </Popover>
  );
}
