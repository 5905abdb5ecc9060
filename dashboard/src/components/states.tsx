import type { ReactNode } from 'react';
import { messageOf } from '../api/client.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** An API error in plain words, with a retry when the caller offers one. */
export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <span>{messageOf(error)}</span>
      {retry && (
        <button type="button" className="button button-small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A part of the page whose API routes the running bot does not serve (yet). */
export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="notice notice-muted" role="note">
      {what} is not available: this bot does not serve the API for it yet.
    </div>
  );
}
