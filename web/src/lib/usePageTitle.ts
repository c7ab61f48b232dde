// The window's title names what the page shows, most specific first
// ("Parts – Inventory – Tessera"), so tabs and history can be told apart.
import { useEffect } from "react";

export function pageTitle(parts: (string | undefined)[]): string {
  return [...parts.filter((part): part is string => !!part), "Tessera"].join(" – ");
}

export function usePageTitle(...parts: (string | undefined)[]) {
  const title = pageTitle(parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
