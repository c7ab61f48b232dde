// Adding a field, or editing one from its menu: its name, description, type
// and the options that type takes. Changing the type of a field with values
// converts them on the server; the dialog then says how many were kept and
// how many could not be (and were cleared).
import { useState, type FormEvent } from "react";

import { patch, post } from "../api/client";
import type { Field, FieldOptions, FieldType, FormulaResultType, LinkRelationship, Table } from "../api/types";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { FormActions } from "../components/FormActions";
import { useAction } from "../lib/useAction";
import { CHOICE_COLORS, FIELD_TYPES, RELATIONSHIP_LABELS, ROLLUP_FUNCTIONS } from "./fieldTypes";
import { FormulaEditor } from "./FormulaEditor";

interface FieldDialogProps {
  tableId: string;
  // The table's fields, for formulas to name.
  fields: Field[];
  // The base's tables, for links to link to.
  tables: Table[];
  // The field to edit; none: a new field.
  field?: Field;
  onClose(): void;
  onSaved(): Promise<void>;
}

interface Conversion {
  converted: number;
  failed: number;
}

export function FieldDialog({ tableId, fields, tables, field, onClose, onSaved }: FieldDialogProps) {
  const [name, setName] = useState(field?.name ?? "");
  const [description, setDescription] = useState(field?.description ?? "");
  const [type, setType] = useState<FieldType>(field?.type ?? "singleLineText");
  const [precision, setPrecision] = useState(field?.options.precision ?? 2);
  const [max, setMax] = useState(field?.options.max ?? 5);
  const [withTime, setWithTime] = useState(field?.options.dateOnly === false);
  const [choices, setChoices] = useState((field?.options.choices ?? []).map((choice) => choice.name).join("\n"));
  const [expression, setExpression] = useState(field?.options.expression ?? "");
  const [resultType, setResultType] = useState<FormulaResultType | "">(field?.options.resultType ?? "");
  const [linkedTableId, setLinkedTableId] = useState(field?.options.linkedTableId ?? tables[0]?.id ?? "");
  const [relationship, setRelationship] = useState<LinkRelationship>(field?.options.relationship ?? "manyMany");
  const wasTwoWay = field?.type === "link" && Boolean(field.options.symmetricFieldId);
  const [twoWay, setTwoWay] = useState(field?.type === "link" ? wasTwoWay : true);
  const linkedTable = tables.find((t) => t.id === linkedTableId);
  const symmetricField = linkedTable?.fields.find((candidate) => candidate.id === field?.options.symmetricFieldId);
  const linkFields = fields.filter((candidate) => candidate.type === "link");
  const [linkFieldId, setLinkFieldId] = useState(field?.options.linkFieldId ?? linkFields[0]?.id ?? "");
  const lookedUpTable = tables.find(
    (t) => t.id === linkFields.find((candidate) => candidate.id === linkFieldId)?.options.linkedTableId,
  );
  const [lookupFieldId, setLookupFieldId] = useState(field?.options.lookupFieldId ?? "");
  const [rollupFunction, setRollupFunction] = useState(field?.options.function ?? "sum");
  const [report, setReport] = useState<Conversion | null>(null);
  const { busy, error, setError, run } = useAction();

  function options(): FieldOptions | undefined {
    if (type === "number") return { precision };
    if (type === "rating") return { max };
    if (type === "date") return { dateOnly: !withTime };
    if (type === "formula") return { expression, ...(resultType ? { resultType } : {}) };
    if (type === "link") {
      const wayChanged = field?.type !== "link" || twoWay !== wasTwoWay;
      return { linkedTableId, relationship, ...(wayChanged ? { oneWay: !twoWay } : {}) };
    }
    if (type === "lookup" || type === "rollup") {
      const looked = { linkFieldId, lookupFieldId: lookupFieldId || lookedUpTable?.primaryFieldId || "" };
      return type === "rollup" ? { ...looked, function: rollupFunction } : looked;
    }
    if (type === "singleSelect" || type === "multipleSelect") {
      const names = choices
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      // A choice that was there keeps its colour.
      const colorOf = (choice: string, i: number) =>
        field?.options.choices?.find((known) => known.name === choice)?.color ??
        CHOICE_COLORS[i % CHOICE_COLORS.length];
      return { choices: names.map((choice, i) => ({ name: choice, color: colorOf(choice, i) })) };
    }
    return undefined;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Give the field a name.");
      return;
    }
    let conversion: Conversion | undefined;
    const saved = await run(async () => {
      const body = { name: name.trim(), description, type, options: options() };
      if (field) {
        const answer = await patch<{ conversion?: Conversion }>(`/api/table/${tableId}/field/${field.id}`, body);
        conversion = answer.conversion;
      } else {
        await post(`/api/table/${tableId}/field`, body);
      }
      await onSaved();
    });
    if (!saved) return;
    if (conversion && conversion.failed > 0) setReport(conversion);
    else onClose();
  }

  if (report) {
    return (
      <Dialog
        title="Type changed"
        onClose={onClose}
        footer={
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        }
      >
        <p role="status">
          {report.converted} {report.converted === 1 ? "value was" : "values were"} converted;{" "}
          <strong>
            {report.failed} could not be and {report.failed === 1 ? "was" : "were"} cleared
          </strong>
          .
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog title={field ? "Edit field" : "Add field"} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          Field name
          <input value={name} maxLength={255} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Description <span className="muted">(optional)</span>
          <textarea rows={2} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
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
        {field && type !== field.type && (
          <p className="hint">
            {type === "formula"
              ? "The field's values are replaced by what the formula computes."
              : "Existing values are converted to the new type; those that cannot be are cleared."}
          </p>
        )}
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
        {type === "formula" && (
          <FormulaEditor
            tableId={tableId}
            fields={fields}
            fieldId={field?.id}
            expression={expression}
            resultType={resultType}
            onChange={setExpression}
            onResultTypeChange={setResultType}
          />
        )}
        {type === "link" && (
          <>
            <label>
              Link to table
              <select
                value={linkedTableId}
                disabled={field?.type === "link"}
                onChange={(e) => setLinkedTableId(e.target.value)}
              >
                {tables.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.id === tableId ? `${t.name} (this table)` : t.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Records per link
              <select value={relationship} onChange={(e) => setRelationship(e.target.value as LinkRelationship)}>
                {(Object.keys(RELATIONSHIP_LABELS) as LinkRelationship[]).map((key) => (
                  <option key={key} value={key}>
                    {RELATIONSHIP_LABELS[key]}
                  </option>
                ))}
              </select>
            </label>
            <label className="check-label">
              <input type="checkbox" checked={twoWay} onChange={(e) => setTwoWay(e.target.checked)} />
              Show the links in the linked table too (a field named after this table)
            </label>
            {wasTwoWay && !twoWay && (
              <p className="hint" role="alert">
                Saving deletes the field {symmetricField ? `“${symmetricField.name}” ` : ""}
                {linkedTable ? `of ${linkedTable.name}` : "of the linked table"}, and the lookups that read through it
                stop working. The links stay in this field.
              </p>
            )}
          </>
        )}
        {(type === "lookup" || type === "rollup") &&
          (linkFields.length === 0 ? (
            <p className="hint">A lookup reads through a link field: add one to this table first.</p>
          ) : (
            <>
              <label>
                Through link field
                <select
                  value={linkFieldId}
                  onChange={(e) => {
                    setLinkFieldId(e.target.value);
                    setLookupFieldId("");
                  }}
                >
                  {linkFields.map((link) => (
                    <option key={link.id} value={link.id}>
                      {link.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {type === "rollup" ? "Field to roll up" : "Field to look up"}
                {lookedUpTable ? ` in ${lookedUpTable.name}` : ""}
                <select
                  value={lookupFieldId || lookedUpTable?.primaryFieldId || ""}
                  onChange={(e) => setLookupFieldId(e.target.value)}
                >
                  {(lookedUpTable?.fields ?? []).map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </label>
              {type === "rollup" && (
                <label>
                  Summary
                  <select value={rollupFunction} onChange={(e) => setRollupFunction(e.target.value)}>
                    {Object.entries(ROLLUP_FUNCTIONS).map(([key, label]) => (
                      <option key={key} value={key}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          ))}
        {(type === "singleSelect" || type === "multipleSelect") && (
          <label>
            Choices (one per line)
            <textarea rows={4} value={choices} onChange={(e) => setChoices(e.target.value)} />
          </label>
        )}
        <ErrorMessage message={error} />
        <FormActions submitLabel={field ? "Save field" : "Add field"} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
