import type { SlotpilotConfig } from '../../../../src/domain/config/index.js';
import { parseConfig } from '../../../../src/domain/config/index.js';
import { buildPlan } from '../../../../src/domain/plan/buildPlan.js';
import type {
  PlannedStage,
  ReleaseInput,
  StageInput,
  StageResult,
} from '../../../../src/domain/release/index.js';

/** A pipeline shaped like the seed example (dev → staging with hooks → production slot). */
export const configYaml = `
pipelines:
  - name: pwbi-api
    source: { registry: pwbiregistry.azurecr.io, repository: pwbi-api, tags: ['*'] }
    notify: { slack: '%SLACK_WEBHOOK%', critical: '%SLACK_WEBHOOK_CRITICAL%' }
    stages:
      - name: dev
        target: { subscription: sub-1, resourceGroup: pwbi-dev, site: pwbi-api-dev }
        checks: [{ smoke: { path: /health, timeout: 2m } }]
        verify: { path: /version }
      - name: staging
        approval: { approvers: [qa-lead@contoso.com], timeout: 72h }
        target: { resourceGroup: pwbi-staging, site: pwbi-api-staging }
        checks: [{ smoke: { path: /health, timeout: 2m } }]
        hooks:
          - { name: db-backup, phase: preMigrate, url: '%BACKUP_HOOK%', timeout: 15m }
          - { name: migrate, phase: migrate, url: '%MIGRATE_HOOK%', timeout: 15m }
          - { name: restore, phase: onFailure, url: '%RESTORE_HOOK%', timeout: 15m }
          - { name: e2e, phase: verify, url: '%E2E_HOOK%', timeout: 30m }
          - { name: load-test, phase: verify, url: '%LOAD_HOOK%', timeout: 10m }
      - name: production
        approval: { approvers: [eng-lead@contoso.com], timeout: 72h, distinctFrom: [staging] }
        target: { resourceGroup: pwbi-prod, site: pwbi-api-prod, slot: staging }
        warmup: { path: /health, successes: 3, interval: 2s, timeout: 1m }
        monitor: { duration: 1h, interval: 1m, appInsights: '%APPINSIGHTS%', hosts: [Edge.Contoso.net] }
`;

/** App settings the fixture config reads. */
export const settings = {
  SLACK_WEBHOOK: 'https://slack.test/releases',
  SLACK_WEBHOOK_CRITICAL: 'https://slack.test/critical',
  BACKUP_HOOK: 'https://hooks.test/db-backup',
  MIGRATE_HOOK: 'https://hooks.test/migrate',
  RESTORE_HOOK: 'https://hooks.test/restore',
  E2E_HOOK: 'https://hooks.test/e2e',
  LOAD_HOOK: 'https://hooks.test/load-test',
  APPINSIGHTS:
    '/subscriptions/sub-1/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/x',
};

/** The fixture config, parsed. */
export function testConfig(): SlotpilotConfig {
  return parseConfig(configYaml, { settings, localMode: false });
}

export const digest = `sha256:${'ab'.repeat(32)}`;
export const oldDigest = `sha256:${'01'.repeat(32)}`;
export const image = `pwbiregistry.azurecr.io/pwbi-api@${digest}`;

/** A release input for the fixture pipeline. */
export function releaseInput(): ReleaseInput {
  const pipeline = testConfig().pipelines[0];
  if (pipeline === undefined) throw new Error('fixture has no pipeline');
  return {
    releaseId: 'pwbi-api-abababababababababab',
    pipeline: 'pwbi-api',
    image,
    tag: '1.2.0',
    digest,
    requestedBy: 'acr:ci',
    plan: buildPlan(pipeline),
  };
}

/** The planned stage named `name`. */
export function plannedStage(name: string): PlannedStage {
  const stage = releaseInput().plan.stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`no stage ${name}`);
  return stage;
}

/** A stage input for stage `name`. */
export function stageInput(name: string): StageInput {
  const r = releaseInput();
  return {
    releaseId: r.releaseId,
    pipeline: r.pipeline,
    image: r.image,
    digest: r.digest,
    tag: '1.2.0',
    stage: plannedStage(name),
  };
}

/** A stage result with the given status. */
export function stageResult(
  stage: string,
  status: StageResult['status'],
  reason?: string,
): StageResult {
  return {
    stage,
    status,
    ...(reason === undefined ? {} : { reason }),
    checks: [],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
  };
}

/**
 * Approval event data as the API raises it: the decision plus `waitingSince`, read from the
 * release's custom status at the moment the event is delivered (the wait it answers).
 */
export function answeringWait(decision: object): (lastStatus: unknown) => unknown {
  return (lastStatus) => {
    const since = (lastStatus as { waitingFor?: { since?: string } } | undefined)?.waitingFor
      ?.since;
    return { ...decision, ...(since === undefined ? {} : { waitingSince: since }) };
  };
}
