import { describeValue } from '../describeValue.js';
import { formatDuration, tryParseDuration } from '../duration.js';
import { ValidationError } from '../errors.js';
import type { ReleaseStatus } from '../release/index.js';
import { isReleaseStatus } from './effectiveStatus.js';
import { decodeListCursor, type ListCursor } from './listCursor.js';

/** Filters and page of `GET /api/releases`. */
export interface ReleaseListQuery {
  pipeline?: string;
  status?: ReleaseStatus;
  /** At most this many releases, newest first (default 50, 1–1000). */
  top: number;
  /**
   * Only releases created at or after this time (epoch ms); from `since`, by default the
   * retention period back from now, never further.
   */
  sinceMs: number;
  /** The `since` parameter as given, repeated in the next link. */
  sinceText?: string;
  /** Only releases after this one in newest-first order (the `cursor` of a next link). */
  after?: ListCursor;
}

/** Default and maximum of `top`. */
export const listLimits = { defaultTop: 50, maxTop: 1000 } as const;

/** What the list's bounds depend on: the current time and the retention period. */
export interface ListBounds {
  nowMs: number;
  /** How far back `since` may reach (SLOTPILOT_RETENTION: finished instances older are purged). */
  retentionMs: number;
}

const isoTime =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses the list query string (`pipeline`, `status`, `top`, `since`, `cursor`). `since` is an
 * ISO 8601 time (`2026-12-01T00:00:00Z`) or a duration back from now (`7d`); it defaults to
 * the retention period and may not reach further back. Throws a ValidationError naming the
 * parameter for an unknown status, a `top` that is not a whole number 1–1000, a `since` that
 * is neither or too old, or a `cursor` that no next link wrote.
 */
export function parseListQuery(
  get: (name: string) => string | null,
  bounds: ListBounds,
): ReleaseListQuery {
  const pipeline = get('pipeline') ?? undefined;
  const status = get('status') ?? undefined;
  const topText = get('top');
  if (status !== undefined && !isReleaseStatus(status)) {
    throw new ValidationError(
      'status',
      'one of Running, WaitingForApproval, Succeeded, RolledBack, Rejected, Expired, Superseded, Canceled, Failed',
      describeValue(status),
    );
  }
  let top: number = listLimits.defaultTop;
  if (topText !== null) {
    top = /^\d+$/.test(topText) ? Number(topText) : Number.NaN;
    if (!(top >= 1 && top <= listLimits.maxTop)) {
      throw new ValidationError(
        'top',
        `a whole number from 1 to ${listLimits.maxTop}`,
        describeValue(topText),
      );
    }
  }
  if (pipeline === '') throw new ValidationError('pipeline', 'a pipeline name', 'an empty string');
  const sinceText = get('since') ?? undefined;
  const cursorText = get('cursor');
  return {
    ...(pipeline === undefined ? {} : { pipeline }),
    ...(status === undefined ? {} : { status }),
    top,
    sinceMs: parseSince(sinceText, bounds),
    ...(sinceText === undefined ? {} : { sinceText }),
    ...(cursorText === null ? {} : { after: decodeListCursor(cursorText) }),
  };
}

function parseSince(text: string | undefined, bounds: ListBounds): number {
  const earliestMs = bounds.nowMs - bounds.retentionMs;
  if (text === undefined) return earliestMs;
  const ms = isoTime.test(text)
    ? Date.parse(text)
    : bounds.nowMs - (tryParseDuration(text) ?? Number.NaN);
  if (Number.isNaN(ms) || ms < earliestMs) {
    throw new ValidationError(
      'since',
      `an ISO 8601 time or a duration such as 7d, at most the retention period (${formatDuration(bounds.retentionMs)}) back`,
      describeValue(text),
    );
  }
  return ms;
}
