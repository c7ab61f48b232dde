// fetch() for Tessera's API: JSON in and out, the session cookie, the CSRF
// header on every state change, and every failure as an ApiError carrying
// the server's code and its message for a person.
import { reportReachable } from "./connection";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const CSRF_COOKIE = "tessera_csrf";

function csrfToken(): string {
  for (const part of document.cookie.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join("="));
  }
  return "";
}

let onSignedOut: () => void = () => {};

// Called when the server says the session is gone, so the app can show the
// sign-in page instead of a broken screen.
export function setSignedOutHandler(handler: () => void) {
  onSignedOut = handler;
}

export type Query = Record<string, string | number | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const csrf = method === "GET" ? "" : csrfToken();
  if (csrf) headers["X-CSRF-Token"] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    reportReachable(false);
    throw new ApiError(0, "network_error", "Tessera could not be reached. Check your connection and try again.");
  }
  reportReachable(response.status !== 502 && response.status !== 503 && response.status !== 504);
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const code = payload?.code ?? "http_error";
    const message = payload?.message ?? `The server answered ${response.status}.`;
    if (response.status === 401 && (code === "unauthenticated" || code === "session_expired")) {
      onSignedOut();
    }
    throw new ApiError(response.status, code, message);
  }
  return payload as T;
}

export const get = <T>(path: string, query?: Query) => api<T>("GET", withQuery(path, query));
export const post = <T>(path: string, body?: unknown) => api<T>("POST", path, body ?? {});
export const patch = <T>(path: string, body: unknown) => api<T>("PATCH", path, body);
export const del = (path: string) => api<void>("DELETE", path);

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
