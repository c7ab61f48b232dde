// Runs one user action against the API at a time: `busy` while it runs, and
// the server's message in `error` if it fails.
import { useCallback, useState } from "react";

import { errorMessage } from "../api/client";

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  // Resolves true when the action succeeded.
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError("");
    try {
      await action();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, run };
}
