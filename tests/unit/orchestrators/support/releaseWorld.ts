import type { RecordAuditInput } from '../../../../src/activities/contracts.js';
import type { StageInput } from '../../../../src/domain/release/index.js';
import type { ScriptedEvent } from '../../support/durable/DurableScript.js';
import type { Script } from '../../support/durable/runOrchestration.js';
import { stageResult } from './fixtures.js';

/**
 * A release whose stages all succeed and whose activities do nothing but record audits, with
 * `events`. For tests of which decision events the release acts on.
 */
export function releaseWorld(events: ScriptedEvent[]): Script & { audits: RecordAuditInput[] } {
  const audits: RecordAuditInput[] = [];
  return {
    audits,
    activities: {
      notify: () => null,
      recordAudit: (input: RecordAuditInput) => {
        audits.push(input);
        return null;
      },
      tryAcquireLock: () => ({ acquired: true }),
      supersedeOlderReleases: () => ({ superseded: [] }),
      stopStage: () => null,
      flushEvent: (input: { eventName: string }, _call: number, raise) => {
        raise(input.eventName, { flush: true });
        return null;
      },
    },
    subOrchestrators: {
      deployStage: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
      productionRelease: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
    },
    events,
  };
}
