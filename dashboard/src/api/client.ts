import type { RefreshAnswer, SessionUser } from './types.ts';

/** A refused API call, with the server's stable code and its message in plain words. */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type SessionState = { status: 'checking' } | { status: 'anonymous' } | { status: 'signed_in'; user: SessionUser };

// Refresh this long before the access token expires, so no call races its expiry.
const REFRESH_MARGIN_MS = 30_000;

let accessToken: string | null = null;
let expiresAt = 0;
let state: SessionState = { status: 'checking' };
let refreshing: Promise<boolean> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The session as React reads it (useSyncExternalStore). */
export const session = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Trades the httpOnly refresh cookie for a new access token, kept in memory only. Concurrent
 * callers share one request: the server rotates the cookie, and presenting the old one twice
 * would look like a stolen token and end the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const response = await acrossTabs(() => fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' }));
      if (!response.ok) {
        signOutLocally();
        return false;
      }
      const answer = (await response.json()) as RefreshAnswer;
      accessToken = answer.accessToken;
      expiresAt = Date.now() + answer.expiresIn * 1000;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => void refreshSession(), Math.max(1_000, answer.expiresIn * 1000 - REFRESH_MARGIN_MS));
      setState({ status: 'signed_in', user: answer.user });
      return true;
    } catch {
      // The server is unreachable: keep what we have, the next call retries.
      if (state.status === 'checking') setState({ status: 'anonymous' });
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Other tabs share the cookie: one refresh at a time, so no two present the same refresh token. */
function acrossTabs<T>(run: () => Promise<T>): Promise<T> {
  return typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request('utb-session-refresh', run) as Promise<T>) : run();
}

function signOutLocally(): void {
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  setState({ status: 'anonymous' });
}

export async function logout(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  signOutLocally();
}

/** Where the browser goes to log in with Twitch; it comes back to `returnTo`. */
export function loginUrl(returnTo: string): string {
  return `/api/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** A JSON call to the API with the access token; refreshes once on 401. Throws ApiFailure. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (accessToken && Date.now() > expiresAt - REFRESH_MARGIN_MS / 3) await refreshSession();
  let response = await send(path, options);
  if (response.status === 401 && (await refreshSession())) response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw failureOf(response.status, body);
  return body as T;
}

function send(path: string, { method = 'GET', body, signal }: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  if (accessToken) headers['authorization'] = `Bearer ${accessToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal, credentials: 'same-origin' });
}

function failureOf(status: number, body: unknown): ApiFailure {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') return new ApiFailure(status, String(error.code ?? 'error'), error.message);
  if (status === 429) return new ApiFailure(status, 'rate_limited', 'Too many requests. Wait a moment and try again.');
  if (status >= 500) return new ApiFailure(status, 'internal', 'The bot had a problem answering. Try again in a moment.');
  return new ApiFailure(status, 'error', `The bot answered ${status}.`);
}

/** A message for any error, in plain words. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiFailure) return error.message;
  if (error instanceof TypeError) return 'Cannot reach the bot. Check that it is running.';
  return error instanceof Error ? error.message : String(error);
}
