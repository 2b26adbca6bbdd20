import type { DurableClient, OrchestrationFilter } from 'durable-functions';

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
    async listActive(name) {
      // showInput is not in OrchestrationFilter's type; the client forwards it as a query parameter.
      const filter: OrchestrationFilter & { showInput: boolean } = {
        showInput: true,
        runtimeStatus: ['Running', 'Pending'] as OrchestrationFilter['runtimeStatus'],
      };
      const statuses = await client.getStatusBy(filter);
      return statuses
        .filter((s) => s.name === name)
        .map((s) => ({
          instanceId: s.instanceId,
          runtimeStatus: String(s.runtimeStatus),
          input: s.input,
          customStatus: s.customStatus,
          createdAt: new Date(s.createdTime).toISOString(),
        }));
    },
    async terminate(instanceId, reason) {
      await client.terminate(instanceId, reason);
    },
  };
}
