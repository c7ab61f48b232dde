// Several cells written as one step (a paste, a fill down, a cleared
// range, an undo): grouped by record and sent in batches the API accepts.
// A paste is sent with the API's typecast (pasted text is read as the field
// wants it); each written cell is reported with its value before and after,
// for undo.
import { patch } from "../api/client";
import type { CellValue, TableRecord } from "../api/types";
import type { CellChange } from "./undoHistory";
import type { CellWrite } from "./useCellRange";

// The most records the API changes in one request.
const BATCH = 1000;

export interface RecordChange {
  id: string;
  fields: Record<string, CellValue | null>;
}

// Changes records by id, BATCH at a time; answers the records as saved.
export async function patchRecords(tableId: string, changes: RecordChange[], typecast: boolean) {
  const saved: TableRecord[] = [];
  for (let start = 0; start < changes.length; start += BATCH) {
    const answer = await patch<{ records: TableRecord[] }>(`/api/table/${tableId}/record?fieldKeyType=id`, {
      records: changes.slice(start, start + BATCH),
      fieldKeyType: "id",
      typecast,
    });
    saved.push(...answer.records);
  }
  return saved;
}

export async function writeCellBatches(
  tableId: string,
  writes: CellWrite[],
  onWritten: (updated: TableRecord, change: CellChange) => void,
) {
  const byRecord = new Map<string, { record: TableRecord; fields: Record<string, CellValue | null> }>();
  for (const { record, field, value } of writes) {
    const entry = byRecord.get(record.id) ?? { record, fields: {} };
    entry.fields[field.id] = value;
    byRecord.set(record.id, entry);
  }
  const changes = [...byRecord.values()].map(({ record, fields }) => ({ id: record.id, fields }));
  for (const updated of await patchRecords(tableId, changes, true)) {
    const sent = byRecord.get(updated.id);
    if (!sent) continue;
    for (const fieldId of Object.keys(sent.fields)) {
      onWritten(updated, {
        recordId: updated.id,
        fieldId,
        before: sent.record.fields[fieldId] ?? null,
        after: updated.fields[fieldId] ?? null,
      });
    }
  }
}
