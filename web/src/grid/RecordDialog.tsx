// An expanded record: every field of the table, hidden ones included, with
// its value as the grid shows it; a link field lists its linked records.
// The record is read afresh, so what another client changed shows.
import { useEffect, useState } from "react";

import { errorMessage, get } from "../api/client";
import type { Table, TableRecord } from "../api/types";
import { Dialog } from "../components/Dialog";
import { ErrorMessage } from "../components/ErrorMessage";
import { CellDisplay } from "./CellDisplay";
import { FIELD_TYPES } from "./fieldTypes";

interface RecordDialogProps {
  table: Table;
  recordId: string;
  onClose(): void;
}

export function RecordDialog({ table, recordId, onClose }: RecordDialogProps) {
  const [record, setRecord] = useState<TableRecord | null>(null);
  const [error, setError] = useState("");

  useEffect(() => {
    get<TableRecord>(`/api/table/${table.id}/record/${recordId}`, { fieldKeyType: "id" })
      .then(setRecord)
      .catch((failure) => setError(errorMessage(failure)));
  }, [table.id, recordId]);

  const primary = table.fields.find((field) => field.isPrimary);
  const title = record && primary ? String(record.fields[primary.id] ?? "") : "";
  return (
    <Dialog
      title={title || "Record"}
      onClose={onClose}
      wide
      footer={
        <button type="button" data-autofocus onClick={onClose}>
          Done
        </button>
      }
    >
      <ErrorMessage message={error} />
      {!record && !error && <p className="loading">Loading…</p>}
      {record && (
        <dl className="record-fields">
          {table.fields.map((field) => (
            <div key={field.id} className="record-field">
              <dt>
                <span aria-hidden="true" className="field-icon">
                  {FIELD_TYPES[field.type].icon}
                </span>{" "}
                {field.name}
                {field.type === "link" && field.options.linkedTableName && (
                  <span className="muted"> · {field.options.linkedTableName}</span>
                )}
              </dt>
              <dd className={`type-${field.type}`}>
                {record.fields[field.id] === undefined ? (
                  <span className="muted">Empty</span>
                ) : (
                  <CellDisplay field={field} value={record.fields[field.id]} />
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Dialog>
  );
}
