import {
  decideSupersede,
  orchestratorNames,
  type ReleaseCustomStatus,
  releaseEvents,
  type ReleaseInput,
  type SupersedeNotice,
} from '../domain/release/index.js';
import type { SupersedeOlderInput, SupersedeOlderOutput } from './contracts.js';
import type { DurableOps } from './DurableOps.js';

/**
 * A release's first step: reads the pipeline's running releases and sends `supersede` to the
 * older ones that may still wait for an approval (they end Superseded at that wait); reports
 * a newer running release this one must yield to ({@link decideSupersede}). Idempotent.
 */
export async function supersedeOlderReleases(
  durable: DurableOps,
  input: SupersedeOlderInput,
): Promise<SupersedeOlderOutput> {
  const active = await durable.listActive(orchestratorNames.release);
  const self = active.find((i) => i.instanceId === input.releaseId);
  const decision = decideSupersede(
    {
      releaseId: input.releaseId,
      pipeline: input.pipeline,
      order: input.order,
      createdAt: self?.createdAt ?? input.at,
    },
    active.map((i) => ({
      releaseId: i.instanceId,
      input: i.input as Partial<ReleaseInput> | undefined,
      customStatus: i.customStatus as Partial<ReleaseCustomStatus> | null,
      createdAt: i.createdAt,
    })),
  );
  const notice: SupersedeNotice = { byReleaseId: input.releaseId, at: input.at };
  await Promise.all(
    decision.supersede.map((id) => durable.raiseEvent(id, releaseEvents.supersede, notice)),
  );
  return {
    superseded: decision.supersede,
    ...(decision.supersededBy !== undefined && { supersededBy: decision.supersededBy }),
  };
}
