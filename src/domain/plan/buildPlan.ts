import type { PipelineConfig, StageConfig } from '../config/index.js';
import type { PlannedStage, ReleasePlan } from '../release/contract.js';

/**
 * The non-secret snapshot of a pipeline a release carries in durable history: targets,
 * approvals, checks, hook names and phases, warm-up and monitoring settings. Hook URLs,
 * Slack webhooks and the Application Insights resource stay in config; activities look
 * them up by pipeline, stage and hook name.
 */
export function buildPlan(pipeline: PipelineConfig): ReleasePlan {
  return { stages: pipeline.stages.map(planStage) };
}

function planStage(stage: StageConfig): PlannedStage {
  const { subscription, resourceGroup, site, slot } = stage.target;
  return {
    name: stage.name,
    target: { subscription, resourceGroup, site, ...(slot === undefined ? {} : { slot }) },
    ...(stage.approval === undefined
      ? {}
      : {
          approval: {
            approvers: [...stage.approval.approvers],
            required: stage.approval.required,
            timeoutMs: stage.approval.timeoutMs,
            distinctFrom: [...stage.approval.distinctFrom],
          },
        }),
    checks: stage.checks.map((c, i) => ({
      name: stage.checks.length > 1 ? `smoke-${i + 1}` : 'smoke',
      path: c.smoke.path,
      timeoutMs: c.smoke.timeoutMs,
      expectStatus: c.smoke.expectStatus,
    })),
    hooks: stage.hooks.map((h) => ({ name: h.name, phase: h.phase, timeoutMs: h.timeoutMs })),
    ...(stage.warmup === undefined ? {} : { warmup: { ...stage.warmup } }),
    ...(stage.monitor === undefined
      ? {}
      : {
          monitor: {
            durationMs: stage.monitor.durationMs,
            intervalMs: stage.monitor.intervalMs,
            lookbackMs: stage.monitor.lookbackMs,
            ingestionDelayMs: stage.monitor.ingestionDelayMs,
            table: stage.monitor.table,
            thresholds: { ...stage.monitor.thresholds },
            failureLimit: stage.monitor.failureLimit,
            inconclusive: stage.monitor.inconclusive,
            health: { ...stage.monitor.health },
            hosts: [...stage.monitor.hosts],
          },
        }),
    ...(stage.strategy === 'swap'
      ? {}
      : {
          canary: {
            stepsPercent: [...stage.strategy.canary.steps],
            stepDurationMs: stage.strategy.canary.stepDurationMs,
            pauseForApproval: stage.strategy.canary.pauseForApproval,
            ...(stage.strategy.canary.maxErrorRateIncrease !== undefined && {
              maxErrorRateIncrease: stage.strategy.canary.maxErrorRateIncrease,
            }),
          },
        }),
  };
}
