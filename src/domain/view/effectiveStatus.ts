import { type ReleaseStatus, terminalStatuses } from '../release/index.js';

const releaseStatuses: ReadonlySet<string> = new Set<ReleaseStatus>([
  'Running',
  'WaitingForApproval',
  ...terminalStatuses,
]);

/** True when `value` is one of the release statuses of DESIGN §4. */
export function isReleaseStatus(value: unknown): value is ReleaseStatus {
  return typeof value === 'string' && releaseStatuses.has(value);
}

/**
 * The release status from the durable runtime status and what the orchestration last
 * published. The orchestration's own word wins when it is final; a failed or terminated
 * instance that never said so is Failed or Canceled; a completed one that published no final
 * status is Succeeded unless its output names one.
 */
export function effectiveStatus(
  runtimeStatus: string,
  published: ReleaseStatus | undefined,
  output?: unknown,
): ReleaseStatus {
  const final = published !== undefined && terminalStatuses.has(published) ? published : undefined;
  switch (runtimeStatus) {
    case 'Failed':
      return 'Failed';
    case 'Terminated':
    case 'Canceled':
      return final ?? 'Canceled';
    case 'Completed': {
      const fromOutput = (output as { status?: unknown } | null | undefined)?.status;
      return final ?? (isReleaseStatus(fromOutput) ? fromOutput : 'Succeeded');
    }
    default:
      return published ?? 'Running';
  }
}
