// Filter conditions for the grid: field, operator (those the field's type
// takes) and a value input that suits the field, joined by and / or.
import type { Field, Filter, FilterCondition, Table } from "../api/types";
import { Popover } from "../components/Popover";
import { filterValueType, operatorLabel, operatorNeedsValue, operatorsOf } from "./fieldTypes";
import { LinkFilterValue } from "./LinkFilterValue";

// The link operators whose value is a list of record ids; "is" takes one.
const RECORD_OPERATORS = ["hasAnyOf", "hasAllOf", "isNoneOf"];

interface FilterPanelProps {
  fields: Field[];
  // The base's tables: a link filter picks records of the linked one.
  tables: Table[];
  filter: Filter;
  onChange(filter: Filter): void;
}

function ValueInput({
  field,
  tables,
  condition,
  onChange,
}: {
  field: Field;
  tables: Table[];
  condition: FilterCondition;
  onChange(value: unknown): void;
}) {
  const label = `Value for ${field.name}`;
  const value = condition.value;
  if (field.type === "link" && condition.operator === "is") {
    return (
      <LinkFilterValue
        field={field}
        linkedTable={tables.find((table) => table.id === field.options.linkedTableId)}
        ids={typeof value === "string" ? [value] : []}
        onChange={(ids) => onChange(ids.at(-1))}
      />
    );
  }
  if (field.type === "link" && RECORD_OPERATORS.includes(condition.operator)) {
    return (
      <LinkFilterValue
        field={field}
        linkedTable={tables.find((table) => table.id === field.options.linkedTableId)}
        ids={Array.isArray(value) ? (value as string[]) : []}
        onChange={(ids) => onChange(ids.length ? ids : undefined)}
      />
    );
  }
  const type = filterValueType(field, condition.operator);
  if (type === "checkbox") {
    return (
      <select aria-label={label} value={String(value ?? true)} onChange={(e) => onChange(e.target.value === "true")}>
        <option value="true">checked</option>
        <option value="false">not checked</option>
      </select>
    );
  }
  if (field.type === "singleSelect" || field.type === "multipleSelect") {
    const multi = field.type === "multipleSelect";
    const current = multi ? ((value as string[] | undefined)?.[0] ?? "") : String(value ?? "");
    return (
      <select aria-label={label} value={current} onChange={(e) => onChange(multi ? [e.target.value] : e.target.value)}>
        <option value="">choose…</option>
        {(field.options.choices ?? []).map((choice) => (
          <option key={choice.name}>{choice.name}</option>
        ))}
      </select>
    );
  }
  const numeric = ["number", "rating", "autoNumber"].includes(type);
  const dated = ["date", "createdTime", "lastModifiedTime"].includes(type);
  return (
    <input
      aria-label={label}
      type={numeric ? "number" : dated ? "date" : "text"}
      value={value === undefined || value === null ? "" : String(value)}
      onChange={(e) =>
        onChange(numeric ? (e.target.value === "" ? undefined : Number(e.target.value)) : e.target.value || undefined)
      }
    />
  );
}

// A condition the API can run: a value where the operator needs one.
export function isComplete(condition: FilterCondition): boolean {
  if (!operatorNeedsValue(condition.operator)) return true;
  const value = condition.value;
  return value !== undefined && value !== "" && !(Array.isArray(value) && (value.length === 0 || value[0] === ""));
}

export function FilterPanel({ fields, tables, filter, onChange }: FilterPanelProps) {
  const conditions = filter.filterSet;
  const update = (index: number, change: Partial<FilterCondition>) =>
    onChange({ ...filter, filterSet: conditions.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const fieldOf = (id: string) => fields.find((field) => field.id === id) ?? fields[0];
  const active = conditions.filter(isComplete).length;

  return (
    <Popover label="Filter records" button={active ? `Filter (${active})` : "Filter"} active={active > 0}>
      {conditions.length === 0 && <p className="muted">No filter: every record is shown.</p>}
      {conditions.length > 1 && (
        <label className="inline-label">
          Match
          <select
            value={filter.conjunction ?? "and"}
            onChange={(e) => onChange({ ...filter, conjunction: e.target.value as "and" | "or" })}
          >
            <option value="and">all conditions</option>
            <option value="or">any condition</option>
          </select>
        </label>
      )}
      {conditions.map((condition, index) => {
        const field = fieldOf(condition.fieldId);
        return (
          <div className="condition" key={index}>
            <select
              aria-label="Field to filter on"
              value={field.id}
              onChange={(e) =>
                update(index, {
                  fieldId: e.target.value,
                  operator: operatorsOf(fieldOf(e.target.value))[0],
                  value: undefined,
                })
              }
            >
              {fields.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <select
              aria-label="Operator"
              value={condition.operator}
              onChange={(e) =>
                update(index, {
                  operator: e.target.value,
                  // Record ids and text do not carry over between link
                  // operators, nor text to a lookup's numbers or dates.
                  ...(field.type === "link" ||
                  filterValueType(field, e.target.value) !== filterValueType(field, condition.operator)
                    ? { value: undefined }
                    : {}),
                })
              }
            >
              {operatorsOf(field).map((op) => (
                <option key={op} value={op}>
                  {operatorLabel(field, op)}
                </option>
              ))}
            </select>
            {operatorNeedsValue(condition.operator) && (
              <ValueInput
                field={field}
                tables={tables}
                condition={condition}
                onChange={(value) => update(index, { value })}
              />
            )}
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove condition ${index + 1}`}
              onClick={() => onChange({ ...filter, filterSet: conditions.filter((_, i) => i !== index) })}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          const field = fields[0];
          onChange({
            ...filter,
            filterSet: [...conditions, { fieldId: field.id, operator: operatorsOf(field)[0] }],
          });
        }}
      >
        + Add condition
      </button>
    </Popover>
  );
}
