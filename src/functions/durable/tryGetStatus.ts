import type { DurableClient, DurableOrchestrationStatus } from 'durable-functions';

import { isNotFound } from './isNotFound.js';

/** The status of an instance with its input, or undefined when it does not exist. */
export async function tryGetStatus(
  client: DurableClient,
  instanceId: string,
): Promise<DurableOrchestrationStatus | undefined> {
  try {
    return await client.getStatus(instanceId, { showInput: true });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
