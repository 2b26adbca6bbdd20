import type { OrchestrationContext, Task } from 'durable-functions';

import type { CheckView, StageInput, StageResult } from '../../domain/release/index.js';
import { callActivity } from '../calls/callActivity.js';
import { failureReason } from '../calls/failureReason.js';
import { deployRetry } from '../calls/RetryPolicy.js';
import { runHookPhase } from './runHookPhase.js';
import { StageTracker } from './StageTracker.js';
import { waitUntilReady } from './waitUntilReady.js';

/** Hook phases of a non-production stage, in order. */
const phases = ['preMigrate', 'migrate', 'verify'] as const;

/** Default wait for a site to run the new digest when the stage has no smoke check. */
const defaultReadyTimeoutMs = 5 * 60_000;
const readyIntervalMs = 5_000;

/**
 * The `deployStage` sub-orchestration: deploy by digest, wait until the site runs it and
 * answers healthy, smoke checks, then hooks by phase (preMigrate → migrate → verify). A
 * failed or timed-out `migrate` runs the `onFailure` hooks. Returns a {@link StageResult};
 * never throws for a failed gate.
 */
export function* deployStage(context: OrchestrationContext): Generator<Task, StageResult, unknown> {
  const input = context.df.getInput<StageInput>();
  const tracker = new StageTracker(context, input);
  try {
    return yield* deployAndCheck(context, input, tracker);
  } catch (error) {
    return tracker.result('Failed', failureReason(error));
  }
}

function* deployAndCheck(
  context: OrchestrationContext,
  input: StageInput,
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  const { stage } = input;
  tracker.step(`deploying ${input.digest} to ${stage.target.site}`);
  yield* callActivity(
    context,
    'deployImage',
    { pipeline: input.pipeline, stage: stage.name, target: stage.target, image: input.image },
    deployRetry,
  );

  const first = stage.checks[0];
  tracker.step(`waiting for ${stage.target.site} to run the new image`);
  const ready = yield* waitUntilReady(context, {
    target: stage.target,
    digest: input.digest,
    path: first?.path ?? '/',
    expectStatus: first?.expectStatus ?? 200,
    timeoutMs: first?.timeoutMs ?? defaultReadyTimeoutMs,
    intervalMs: readyIntervalMs,
  });
  if (!ready.ready) {
    tracker.check({ name: first?.name ?? 'running', status: 'Failed', detail: ready.detail });
    return tracker.result('Failed', `${stage.target.site} did not become healthy: ${ready.detail}`);
  }

  for (const check of stage.checks) {
    tracker.step(`smoke check ${check.path}`);
    const look = yield* waitUntilReady(context, {
      target: stage.target,
      digest: input.digest,
      path: check.path,
      expectStatus: check.expectStatus,
      timeoutMs: check.timeoutMs,
      intervalMs: readyIntervalMs,
    });
    const view: CheckView = {
      name: check.name,
      status: look.ready ? 'Passed' : 'Failed',
      detail: look.detail,
    };
    tracker.check(view);
    if (!look.ready)
      return tracker.result('Failed', `smoke check ${check.path} failed: ${look.detail}`);
  }

  return yield* runHookPhases(context, input, tracker);
}

/**
 * The hook phases in order (preMigrate → migrate → verify): the first phase with a failed hook
 * fails the stage; a failed `migrate` runs the `onFailure` hooks first.
 */
function* runHookPhases(
  context: OrchestrationContext,
  input: StageInput,
  tracker: StageTracker,
): Generator<Task, StageResult, unknown> {
  for (const phase of phases) {
    tracker.step(`running ${phase} hooks`);
    const checks = yield* runHookPhase(context, input, phase, tracker);
    const failed = checks.filter((c) => c.status === 'Failed');
    if (failed.length === 0) continue;
    const reason = failed
      .map((c) => `hook ${c.name} failed: ${c.detail ?? 'no detail'}`)
      .join('; ');
    if (phase === 'migrate') {
      tracker.step('running onFailure hooks');
      yield* runHookPhase(context, input, 'onFailure', tracker);
    }
    return tracker.result('Failed', reason);
  }
  return tracker.result('Succeeded');
}
