import type { OrchestrationContext, Task } from 'durable-functions';

import type { CancelRequest } from '../../domain/release/index.js';
import { callActivity } from './callActivity.js';

/**
 * Whether the release asked this stage to stop: reads the `cancelRequested` the release put
 * in its custom status (an activity, not an event wait, so no waiter is left behind).
 * Returns undefined when it did not, or when the status could not be read.
 */
export function* pollCancel(
  context: OrchestrationContext,
  releaseId: string,
): Generator<Task, CancelRequest | undefined, unknown> {
  try {
    const request = yield* callActivity(context, 'readCancelRequest', { releaseId });
    return request ?? undefined;
  } catch {
    return undefined;
  }
}

/** The cancel request in an event payload, with defaults for missing fields. */
export function readCancel(payload: unknown): CancelRequest {
  const request = (payload ?? {}) as Partial<CancelRequest>;
  return { by: request.by ?? 'unknown', reason: request.reason ?? '', at: request.at ?? '' };
}

/** `canceled by X: reason`. */
export function cancelReason(request: CancelRequest): string {
  return `canceled by ${request.by}${request.reason === '' ? '' : `: ${request.reason}`}`;
}
