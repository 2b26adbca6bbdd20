import type { ReleaseCustomStatus } from '../domain/release/index.js';
import type { CancelRequestView, ReadCancelRequestInput } from './contracts.js';
import type { DurableOps } from './DurableOps.js';

/**
 * The cancel a release recorded in its custom status while a stage ran, or null. Read-only:
 * a running `productionRelease` asks before it deploys and before it swaps.
 */
export async function readCancelRequest(
  durable: DurableOps,
  input: ReadCancelRequestInput,
): Promise<CancelRequestView | null> {
  const info = await durable.getInstance(input.releaseId);
  const status = info?.customStatus as Partial<ReleaseCustomStatus> | null | undefined;
  const request = status?.cancelRequested;
  return request === undefined ? null : { by: request.by, reason: request.reason, at: request.at };
}
