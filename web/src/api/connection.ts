// Whether the server answers: every API call reports it, and while it does
// not, a check of /healthz every few seconds notices when it is back, so a
// "cannot be reached" notice goes away by itself (useReachable).
import { useEffect, useRef, useSyncExternalStore } from "react";

const RETRY_MS = 3000;
let reachable = true;
let retry: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

async function checkAgain() {
  retry = undefined;
  try {
    const answer = await fetch("/healthz", { cache: "no-store" });
    reportReachable(answer.ok);
  } catch {
    reportReachable(false);
  }
}

export function reportReachable(answered: boolean) {
  if (!answered && retry === undefined) retry = setTimeout(() => void checkAgain(), RETRY_MS);
  if (answered === reachable) return;
  reachable = answered;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useReachable = () => useSyncExternalStore(subscribe, () => reachable);

// Runs `callback` each time the server answers again after it did not.
export function useOnReconnect(callback: () => void) {
  const online = useReachable();
  const wasOnline = useRef(online);
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    if (online && !wasOnline.current) latest.current();
    wasOnline.current = online;
  }, [online]);
}
