/** The store cannot be opened or migrated: a one-line message for the operator. */
export class StoreError extends Error {}

// Errors that say the database is away (connection refused, dropped, timed out, or the
// server shutting down) rather than that a query was wrong. Callers answer them with 503
// and Retry-After, caches serve what they hold, and the store's health turns to "down".
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EDBUNREACHABLE', '57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGES = /database unreachable since|Connection terminated|Query read timeout|timeout exceeded when trying to connect|not queryable|Client was closed|connection timeout|ECONNREFUSED|ECONNRESET/i;

/** True for errors meaning the database could not be reached (PostgreSQL connection lost, refused or silent). */
export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  if (CONNECTION_MESSAGES.test(err.message)) return true;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== err && cause instanceof Error && isConnectionError(cause);
}

/** SQLite: another process held the write lock for longer than the store waits (SQLITE_BUSY_TIMEOUT_MS). */
export function isBusyError(err: unknown): boolean {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * True when a request failed because the store is away or busy, not because of what it
 * asked: the answer is 503 with Retry-After, and the client may simply try again.
 * A statement cancelled by statement_timeout (57014) counts: the server is overloaded.
 */
export function isStoreUnavailable(err: unknown): boolean {
  if (isConnectionError(err) || isBusyError(err)) return true;
  return err instanceof Error && (err as { code?: unknown }).code === '57014';
}
