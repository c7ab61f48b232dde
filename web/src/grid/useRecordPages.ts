// The records of a table as a sparse list of pages, loaded as the grid
// scrolls to them, so a table of any size costs only what is on screen.
// A page right after a loaded one is read by its keyset cursor; a page
// reached by jumping (dragging the scrollbar) is read by offset.
import { useCallback, useEffect, useRef, useState } from "react";

import { errorMessage, get, type Query } from "../api/client";
import type { RecordPage, TableRecord } from "../api/types";
import { replaceIfNewer } from "../lib/records";

export const PAGE_SIZE = 100;

interface Cache {
  generation: number;
  pages: Map<number, TableRecord[]>;
  cursors: Map<number, string>;
  // The pages being read, by number, each with the read to wait on.
  loading: Map<number, Promise<void>>;
}

export interface RecordPages {
  count: number | null;
  // Changes at each reload: what was on screen must be read again.
  generation: number;
  error: string;
  recordAt(index: number): TableRecord | undefined;
  // A loaded record by id (the selected rows are on screen, so loaded).
  recordById(id: string): TableRecord | undefined;
  // Starts reading the pages holding these rows; resolves once they are read
  // (or the read failed: then `error` says why).
  ensureLoaded(first: number, last: number): Promise<void>;
  replaceRecord(record: TableRecord): void;
  reload(): Promise<number>;
}

export function useRecordPages(tableId: string, query: Query): RecordPages {
  const queryKey = JSON.stringify(query);
  const cache = useRef<Cache>({ generation: 0, pages: new Map(), cursors: new Map(), loading: new Map() });
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState("");
  const [generation, setGeneration] = useState(0);
  const [, setVersion] = useState(0);
  const rerender = () => setVersion((v) => v + 1);

  const reload = useCallback(async () => {
    const generation = cache.current.generation + 1;
    cache.current = { generation, pages: new Map(), cursors: new Map(), loading: new Map() };
    setGeneration(generation);
    setError("");
    try {
      // Order does not change a count, and the count endpoint refuses it.
      const countQuery = JSON.parse(queryKey);
      delete countQuery.orderBy;
      const answer = await get<{ count: number }>(`/api/table/${tableId}/record/count`, countQuery);
      if (cache.current.generation === generation) setCount(answer.count);
      return answer.count;
    } catch (failure) {
      setError(errorMessage(failure));
      setCount(0);
      return 0;
    }
  }, [tableId, queryKey]);

  useEffect(() => {
    setCount(null);
    void reload();
  }, [reload]);

  const loadPage = useCallback(
    (page: number): Promise<void> => {
      const current = cache.current;
      if (current.pages.has(page)) return Promise.resolve();
      const inFlight = current.loading.get(page);
      if (inFlight) return inFlight;
      const cursor = current.cursors.get(page);
      const position = cursor ? { cursor } : { skip: page * PAGE_SIZE };
      const read = (async () => {
        try {
          const answer = await get<RecordPage>(`/api/table/${tableId}/record`, {
            ...JSON.parse(queryKey),
            ...position,
            take: PAGE_SIZE,
            fieldKeyType: "id",
          });
          if (cache.current !== current) return;
          current.pages.set(page, answer.records);
          if (answer.nextCursor) current.cursors.set(page + 1, answer.nextCursor);
          rerender();
        } catch (failure) {
          if (cache.current === current) setError(errorMessage(failure));
        } finally {
          current.loading.delete(page);
        }
      })();
      current.loading.set(page, read);
      return read;
    },
    [tableId, queryKey],
  );

  const ensureLoaded = useCallback(
    async (first: number, last: number) => {
      const reads = [];
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
        reads.push(loadPage(page));
      }
      await Promise.all(reads);
    },
    [loadPage],
  );

  const recordById = (id: string) => {
    for (const rows of cache.current.pages.values()) {
      const found = rows.find((row) => row.id === id);
      if (found) return found;
    }
    return undefined;
  };
  const recordAt = (index: number) => cache.current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  // An answer older than the row shown (saves answered out of order) is
  // dropped, so it cannot undo a newer edit.
  const replaceRecord = useCallback((record: TableRecord) => {
    for (const rows of cache.current.pages.values()) replaceIfNewer(rows, record);
    rerender();
  }, []);

  return { count, generation, error, recordAt, recordById, ensureLoaded, replaceRecord, reload };
}
