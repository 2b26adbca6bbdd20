import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { CanaryInput } from '../../../src/domain/canary/index.js';
import type { SlotpilotConfig } from '../../../src/domain/config/index.js';
import { decideAlertRollback, type MonitorInput } from '../../../src/domain/monitor/index.js';

const site = { subscription: 'sub', resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' };
const siteId = '/subscriptions/sub/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites';
const component =
  '/subscriptions/sub/resourceGroups/obs/providers/microsoft.insights/components/ai';
const monitor = (releaseId: string, pipeline = 'pwbi-api'): MonitorInput =>
  ({ releaseId, pipeline, stage: 'production', site, slot: 'staging' }) as MonitorInput;
const canary = (releaseId: string): CanaryInput =>
  ({ releaseId, pipeline: 'pwbi-api', stage: 'production', site, slot: 'staging' }) as CanaryInput;
const config = {
  pipelines: [
    { name: 'pwbi-api', stages: [{ name: 'production', monitor: { appInsights: component } }] },
  ],
} as unknown as SlotpilotConfig;
const fire = (resourceIds: string[], firedAt?: string) =>
  ({
    kind: 'fire',
    target: { resourceIds },
    reason: 'alert "prod 5xx" (Sev1) fired',
    evidence: { rule: 'prod 5xx' },
    ...(firedAt === undefined ? {} : { firedAt }),
  }) as const;
const receivedAt = '2026-01-05T10:00:05.000Z';

describe('decideAlertRollback', () => {
  it('reaches the monitors and canaries of the production site it fired on, nothing else', () => {
    const decision = decideAlertRollback(
      fire([`${siteId}/pwbi-api-prod`]),
      'azure-monitor',
      receivedAt,
      {
        monitors: [monitor('a'), { ...monitor('b'), site: { ...site, site: 'other' } }],
        canaries: [canary('c')],
      },
    );
    assert.deepEqual([decision.monitors, decision.canaries], [['a'], ['c']]);
    assert.deepEqual(decision.rollback, {
      source: 'alert',
      by: 'azure-monitor',
      reason: 'alert "prod 5xx" (Sev1) fired',
      at: receivedAt,
      evidence: { rule: 'prod 5xx', receivedAt },
    });
  });

  it('matches the App Insights component from config, and a canary by its slot', () => {
    const live = { monitors: [monitor('a')], canaries: [canary('c')] };
    assert.deepEqual(decideAlertRollback(fire([component]), 'x', receivedAt, live).monitors, []);
    assert.deepEqual(
      decideAlertRollback(fire([component]), 'x', receivedAt, live, config).monitors,
      ['a'],
    );
    const slot = decideAlertRollback(
      fire([`${siteId}/pwbi-api-prod/slots/staging`]),
      'x',
      receivedAt,
      live,
    );
    assert.deepEqual([slot.monitors, slot.canaries], [[], ['c']]);
  });

  it('dates the rollback when the alert fired, when that is earlier than its arrival', () => {
    const live = { monitors: [monitor('a')], canaries: [] };
    const early = '2026-01-05T09:59:00.000Z';
    const id = `${siteId}/pwbi-api-prod`;
    assert.equal(decideAlertRollback(fire([id], early), 'x', receivedAt, live).rollback.at, early);
    const late = '2026-01-05T10:10:00.000Z';
    assert.equal(
      decideAlertRollback(fire([id], late), 'x', receivedAt, live).rollback.at,
      receivedAt,
    );
  });
});
