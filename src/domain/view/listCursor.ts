import { describeValue } from '../describeValue.js';
import { ValidationError } from '../errors.js';

/**
 * Where a page of `GET /api/releases` ended: the last release it listed. The next page lists
 * the releases that sort after it (newest first: older `createdAt`, or the same one and a
 * smaller id), so every release appears exactly once however the pages are cut.
 */
export interface ListCursor {
  /** `createdAt` of the last release listed (ISO 8601, as the list shows it). */
  createdAt: string;
  /** Id of the last release listed. */
  id: string;
}

/** The `cursor` parameter of a next link: opaque to callers (base64url of JSON). Pure. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id]), 'utf8').toString('base64url');
}

/**
 * Reads a `cursor` parameter written by {@link encodeListCursor}. Throws a ValidationError
 * naming `cursor` for anything else.
 */
export function decodeListCursor(text: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]+$/.test(text)
      ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [createdAt, id] = parsed as unknown[];
    const ms = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
    if (!Number.isNaN(ms) && typeof id === 'string' && id !== '') {
      return { createdAt: new Date(ms).toISOString(), id };
    }
  }
  throw new ValidationError(
    'cursor',
    "the cursor of a previous page's next link",
    describeValue(text),
  );
}

/**
 * Newest first: later `createdAt` first, then the larger id (plain code-unit order, so the
 * order is the same in every process). Negative when `a` comes before `b`. Pure.
 */
export function compareNewestFirst(a: ListCursor, b: ListCursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id > b.id ? -1 : 1;
}
