import type { DurableClient } from 'durable-functions';

import type { DurableOps } from './DurableOps.js';

/** {@link DurableOps} over the durable-functions client an activity received as input. */
export function durableOpsFromClient(client: DurableClient): DurableOps {
  return {
    async getInstance(instanceId) {
      try {
        const status = await client.getStatus(instanceId);
        return {
          runtimeStatus: String(status.runtimeStatus),
          input: status.input,
          customStatus: status.customStatus,
        };
      } catch (error) {
        if (error instanceof Error && error.message.includes('HTTP 404')) return undefined;
        throw error;
      }
    },
    async startNew(name, instanceId, input) {
      await client.startNew(name, { instanceId, input });
    },
    async raiseEvent(instanceId, eventName, data) {
      await client.raiseEvent(instanceId, eventName, data);
    },
    async terminate(instanceId, reason) {
      await client.terminate(instanceId, reason);
    },
  };
}
