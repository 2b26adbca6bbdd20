import type { StageInput } from '../../../../src/domain/release/index.js';
import type { Script } from '../../support/durable/runOrchestration.js';
import { digest, oldDigest, stageResult } from './fixtures.js';

/**
 * A world where every side effect would succeed and every stage ends Succeeded, so a start
 * that is not refused shows up in the calls. `extra` is spread over it.
 */
export function permissiveWorld(extra: Partial<Script> = {}): Script {
  const ready = { ready: true, state: 'Running', status: 200, detail: '200' };
  return {
    activities: {
      recordAudit: () => null,
      notify: () => null,
      deployImage: () => ({ changed: true, hostName: 'h' }),
      checkSite: () => ({ ...ready, configuredDigest: digest, servedDigest: digest }),
      callHook: () => ({ kind: 'result', status: 'passed', detail: 'ok' }),
      tryAcquireLock: () => ({ acquired: true }),
      supersedeOlderReleases: () => ({ superseded: [] }),
      releaseLock: () => null,
      readCancelRequest: () => null,
      readSlots: () => ({ productionHostName: 'h', productionDigest: oldDigest }),
      startSwap: () => ({ kind: 'alreadySwapped' }),
      isInstanceActive: () => false,
    },
    subOrchestrators: {
      deployStage: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
      productionRelease: (input: StageInput) => stageResult(input.stage.name, 'Succeeded'),
      monitorRelease: () => ({ outcome: 'healthy', samples: 60, endedAt: 'x' }),
    },
    ...extra,
  };
}
