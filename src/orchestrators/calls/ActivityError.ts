import type { ActivityName } from '../../activities/contracts.js';

/**
 * An activity failed for good (non-retryable, or its retry policy exhausted); `message` is the
 * activity's own. Show it with `failureReason`, which names the activity.
 */
export class ActivityError extends Error {
  override readonly name = 'ActivityError';

  constructor(
    readonly activity: ActivityName,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}
