import type { RecordAuditInput } from '../../../../src/activities/contracts.js';
import type { StageInput } from '../../../../src/domain/release/index.js';
import type { Script, ScriptedEvent } from './FakeOrchestration.js';
import { stageResult } from './fixtures.js';
import { sealAll, verifySeal } from './seals.js';

/**
 * A release whose stages all succeed and whose activities do nothing but record audits, with
 * `events` delivered sealed for `release-1` unless they carry their own `seal`. For tests of
 * which decision events the release trusts.
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
      stopStage: () => null,
      verifyEventSeal: verifySeal,
      flushEvent: (input: { eventName: string }, _n: number, raise) => {
        raise(input.eventName, { flush: true });
        return null;
      },
    },
    subOrchestrators: {
      deployStage: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
      productionRelease: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
    },
    events: sealAll('release-1', events),
  };
}
