import { describeValue } from '../describeValue.js';
import { ValidationError } from '../errors.js';
import type { ReleaseStatus } from '../release/index.js';
import { isReleaseStatus } from './effectiveStatus.js';

/** Filters of `GET /api/releases`. */
export interface ReleaseListQuery {
  pipeline?: string;
  status?: ReleaseStatus;
  /** At most this many releases, newest first (default 50, 1–1000). */
  top: number;
}

/** Default and maximum of `top`. */
export const listLimits = { defaultTop: 50, maxTop: 1000 } as const;

/**
 * Parses the list query string (`pipeline`, `status`, `top`). Throws a ValidationError
 * naming the parameter for an unknown status or a `top` that is not a whole number 1–1000.
 */
export function parseListQuery(get: (name: string) => string | null): ReleaseListQuery {
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
  return {
    ...(pipeline === undefined ? {} : { pipeline }),
    ...(status === undefined ? {} : { status }),
    top,
  };
}
