import type { OrchestrationContext, Task } from 'durable-functions';

import type { RollbackReleaseInput, RollbackReleaseResult } from '../../domain/monitor/contract.js';
import { boundCustomStatus } from '../../domain/release/boundCustomStatus.js';
import { nowIso } from '../calls/clock.js';
import type { MonitorStatus } from './MonitorStatus.js';
import { requestedRollback, rollBack } from './rollBack.js';

/**
 * `rollbackRelease` (instance `${releaseId}-rollback`): the manual rollback after the
 * monitoring window ended. Swaps back only while the slot still runs the previous digest;
 * otherwise it changes nothing and returns `refused` (the API answers 409). Its custom
 * status carries `phase` (the API waits for it to leave `checking`) and the `rollback` part
 * of the release view.
 */
export function* rollbackRelease(
  context: OrchestrationContext,
): Generator<Task, RollbackReleaseResult, unknown> {
  const { monitor: target, request } = context.df.getInput<RollbackReleaseInput>();
  const publish = (status: Omit<MonitorStatus, 'updatedAt'>): void =>
    context.df.setCustomStatus(
      boundCustomStatus({
        ...status,
        updatedAt: nowIso(context),
      } satisfies MonitorStatus),
    );

  publish({ step: 'checking that the previous version is still in the slot', phase: 'checking' });
  const outcome = yield* rollBack(context, target, requestedRollback(request, nowIso(context)), {
    onRefused: 'return',
    publish: (view, step, phase) =>
      publish({
        step,
        phase: phase === 'decided' ? 'checking' : phase === 'swapping' ? 'rollingBack' : 'done',
        rollback: view,
        ...(phase === 'rolledBack' && { status: 'RolledBack' as const }),
        ...(phase === 'failed' && { status: 'Failed' as const }),
      }),
  });
  if (outcome.outcome === 'refused') {
    publish({ step: `rollback refused: ${outcome.error}`, phase: 'refused' });
  }
  return outcome;
}
