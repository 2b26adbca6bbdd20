import { describeValue } from '../../domain/describeValue.js';
import { ValidationError } from '../../domain/errors.js';

/** One path segment from a name: non-empty, URL-encoded so `/` and `..` cannot escape it. */
function segment(field: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new ValidationError(
      field,
      'a non-empty name of at most 200 characters',
      describeValue(value),
    );
  }
  return encodeURIComponent(value).replace(/\./g, '%2E');
}

/** `yyyy-mm-dd` (UTC) of an ISO time; ValidationError naming `at` when it is not one. */
export function dayOf(at: string): string {
  const ms = Date.parse(at);
  if (typeof at !== 'string' || Number.isNaN(ms)) {
    throw new ValidationError('at', 'an ISO 8601 time', describeValue(at));
  }
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Blob names of the audit trail:
 * - `audit/<pipeline>/<yyyy-mm-dd>.jsonl` — append blob, one JSON event per line;
 * - `markers/<pipeline>/<releaseId>/<eventId>` — empty block blob per event, created with
 *   `If-None-Match: *` so an event is appended once; its metadata holds `state` and `day`;
 * - `releases/<releaseId>.json` — the release record.
 */
export const auditPaths = {
  dayLog: (pipeline: string, day: string): string =>
    `audit/${segment('pipeline', pipeline)}/${day}.jsonl`,
  markerPrefix: (pipeline: string, releaseId: string): string =>
    `markers/${segment('pipeline', pipeline)}/${segment('releaseId', releaseId)}/`,
  marker: (pipeline: string, releaseId: string, eventId: string): string =>
    `${auditPaths.markerPrefix(pipeline, releaseId)}${segment('eventId', eventId)}`,
  release: (releaseId: string): string => `releases/${segment('releaseId', releaseId)}.json`,
};
