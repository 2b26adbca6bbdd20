/** An activity failed for good (non-retryable, or retries exhausted); `message` is the activity's own. */
export class ActivityError extends Error {
  override readonly name = 'ActivityError';

  constructor(
    readonly activity: string,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}
