// Several cells written as one step (a paste, a fill down, a cleared
// range): grouped by record, sent with the API's typecast (pasted text is
// read as the field wants it), in batches the API accepts. Each written
// cell is reported with its value before and after, for undo.
import { patch } from "../api/client";
import type { CellValue, TableRecord } from "../api/types";
import type { CellChange } from "./undoHistory";
import type { CellWrite } from "./useCellRange";

// The most records the API changes in one request.
const BATCH = 1000;

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
  const entries = [...byRecord.values()];
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const answer = await patch<{ records: TableRecord[] }>(`/api/table/${tableId}/record?fieldKeyType=id`, {
      records: batch.map(({ record, fields }) => ({ id: record.id, fields })),
      fieldKeyType: "id",
      typecast: true,
    });
    for (const updated of answer.records) {
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
}
