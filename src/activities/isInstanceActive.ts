import type { IsInstanceActiveInput } from './contracts.js';
import { activeStatuses, type DurableOps } from './DurableOps.js';

/** True while the instance exists and can still do work. Read-only. */
export async function isInstanceActive(
  durable: DurableOps,
  input: IsInstanceActiveInput,
): Promise<boolean> {
  const info = await durable.getInstance(input.instanceId);
  return info !== undefined && activeStatuses.has(info.runtimeStatus);
}
