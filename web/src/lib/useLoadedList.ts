// A list read from the API (`{"<key>": [...]}` at `path`) and read again
// after every change made through `run`; a failure of either is kept in
// `error` as the server's sentence. `reloadKey` reads it again when it
// changes (a change made elsewhere).
import { useCallback, useEffect, useState } from "react";

import { errorMessage, get } from "../api/client";

export function useLoadedList<T>(path: string, key: string, reloadKey?: unknown) {
  const [items, setItems] = useState<T[]>([]);
  const [error, setError] = useState("");

  const load = useCallback(() => get<Record<string, T[]>>(path).then((answer) => setItems(answer[key])), [path, key]);
  useEffect(() => {
    load().catch((failure) => setError(errorMessage(failure)));
  }, [load, reloadKey]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setError("");
      try {
        await action();
        await load();
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
    [load],
  );

  return { items, error, run };
}
