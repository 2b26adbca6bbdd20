import type { DurableClient, OrchestrationFilter } from 'durable-functions';

import { type CanaryInput, canaryOrchestratorName } from '../../domain/canary/index.js';

/** Inputs of every running canary (an alert about one aborts it at once). */
export async function activeCanaries(client: DurableClient): Promise<CanaryInput[]> {
  const filter: OrchestrationFilter & { showInput: boolean } = {
    showInput: true,
    runtimeStatus: ['Running', 'Pending'] as OrchestrationFilter['runtimeStatus'],
  };
  const statuses = await client.getStatusBy(filter);
  return statuses
    .filter((s) => s.name === canaryOrchestratorName && isCanaryInput(s.input))
    .map((s) => s.input as CanaryInput);
}

function isCanaryInput(value: unknown): value is CanaryInput {
  const v = value as Partial<CanaryInput> | null;
  return (
    typeof v?.releaseId === 'string' &&
    typeof v.site?.site === 'string' &&
    typeof v.slot === 'string'
  );
}
