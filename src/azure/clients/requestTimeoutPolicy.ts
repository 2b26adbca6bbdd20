import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Gives every request without its own timeout one of `timeoutMs`, so a hung service fails the
 * call (mapped to RetryAfterError) instead of blocking an activity forever.
 */
export function requestTimeoutPolicy(timeoutMs: number): PipelinePolicy {
  return {
    name: 'slotpilotRequestTimeout',
    sendRequest(request, next) {
      if (!(request.timeout > 0)) request.timeout = timeoutMs;
      return next(request);
    },
  };
}
