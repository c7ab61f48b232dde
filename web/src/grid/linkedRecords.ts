// Reading a linked table's records as link chips ({id, title}): a page of
// them, searched on the server, with the cursor of the next page.
import { get } from "../api/client";
import type { LinkedRecord, RecordPage, Table } from "../api/types";
import { cellText } from "./cellDraft";

// How long a search waits for more typing before it asks the server.
export const SEARCH_DELAY_MS = 200;

export interface LinkedRecordPage {
  records: LinkedRecord[];
  nextCursor: string | null;
}

export async function findLinkedRecords(
  linkedTable: Table,
  options: { take: number; search?: string; cursor?: string | null },
): Promise<LinkedRecordPage> {
  const titleField = linkedTable.primaryFieldId;
  const search = options.search?.trim();
  const page = await get<RecordPage>(`/api/table/${linkedTable.id}/record`, {
    take: options.take,
    fieldKeyType: "id",
    projection: titleField,
    ...(search ? { search } : {}),
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  return {
    records: page.records.map((record) => ({ id: record.id, title: cellText(record.fields[titleField]) })),
    nextCursor: page.nextCursor,
  };
}
