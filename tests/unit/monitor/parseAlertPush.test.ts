import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValidationError } from '../../../src/domain/errors.js';
import { matchesAlert } from '../../../src/domain/monitor/matchesAlert.js';
import { parseAlertPush } from '../../../src/domain/monitor/parseAlertPush.js';

const siteId =
  '/subscriptions/sub-1/resourceGroups/pwbi-prod/providers/Microsoft.Web/sites/pwbi-api-prod';
const component =
  '/subscriptions/sub-1/resourceGroups/pwbi-prod/providers/microsoft.insights/components/ai';

function commonAlert(essentials: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: '/subscriptions/sub-1/providers/Microsoft.AlertsManagement/alerts/a1',
        alertRule: 'prod 5xx',
        severity: 'Sev1',
        signalType: 'Metric',
        monitorCondition: 'Fired',
        monitoringService: 'Platform',
        alertTargetIDs: [siteId],
        configurationItems: ['pwbi-api-prod'],
        firedDateTime: '2026-01-01T10:21:30.123Z',
        description: 'Http5xx > 10',
        ...essentials,
      },
      alertContext: { condition: { windowSize: 'PT5M' } },
      ...extra,
    },
  };
}
const monitor = {
  pipeline: 'pwbi-api',
  site: { subscription: 'sub-1', resourceGroup: 'pwbi-prod', site: 'pwbi-api-prod' },
};

describe('parseAlertPush', () => {
  it('reads a fired common-schema alert: target, reason, evidence, fired time', () => {
    const a = parseAlertPush(commonAlert({}));
    assert.ok(a.kind === 'fire');
    assert.deepEqual(a.target.resourceIds, [siteId.toLowerCase()]);
    assert.equal(a.reason, 'alert "prod 5xx" (Sev1) fired: Http5xx > 10');
    assert.equal(a.firedAt, '2026-01-01T10:21:30.123Z');
    assert.equal(a.evidence['alertRule'], 'prod 5xx');
    assert.equal(a.evidence['severity'], 'Sev1');
  });

  it('ignores a resolved alert', () => {
    const a = parseAlertPush(commonAlert({ monitorCondition: 'Resolved' }));
    assert.deepEqual(a, { kind: 'ignored', reason: 'alert "prod 5xx" resolved' });
  });

  it('takes the pipeline from custom properties', () => {
    const a = parseAlertPush(
      commonAlert(
        { alertTargetIDs: [], configurationItems: [] },
        { customProperties: { pipeline: 'pwbi-api' } },
      ),
    );
    assert.ok(a.kind === 'fire' && a.target.pipeline === 'pwbi-api');
  });

  it('reads the plain form', () => {
    const a = parseAlertPush({ pipeline: 'pwbi-api', reason: 'pager says so' });
    assert.ok(a.kind === 'fire');
    assert.equal(a.target.pipeline, 'pwbi-api');
    assert.equal(a.reason, 'alert: pager says so');
  });

  it('clips alert text to a few hundred printable characters instead of refusing it', () => {
    const a = parseAlertPush(
      commonAlert({ alertRule: 'r\u0000'.repeat(500), description: 'd'.repeat(20_000) }),
    );
    assert.ok(a.kind === 'fire');
    assert.ok(a.reason.length <= 450, `${a.reason.length}`);
    assert.ok(!a.reason.includes('\u0000'));
    assert.ok((a.evidence['alertRule'] ?? '').length <= 200);
  });

  it('names the field that is wrong', () => {
    const field = (body: unknown) => {
      try {
        parseAlertPush(body);
      } catch (e) {
        assert.ok(e instanceof ValidationError);
        return e.field;
      }
      return 'no error';
    };
    assert.equal(field([]), '(body)');
    assert.equal(field({ reason: 'x' }), 'pipeline');
    assert.equal(field({ site: 'pwbi-api-prod', reason: 'x' }), 'pipeline');
    assert.equal(field({ pipeline: 'pwbi-api' }), 'reason');
    assert.equal(field({ schemaId: 'other' }), 'schemaId');
    assert.equal(field({ schemaId: 'azureMonitorCommonAlertSchema', data: {} }), 'data.essentials');
    assert.equal(field(commonAlert({ alertTargetIDs: 'x' })), 'data.essentials.alertTargetIDs');
    assert.equal(
      field(commonAlert({ alertTargetIDs: [], configurationItems: [] })),
      'data.essentials.alertTargetIDs',
    );
  });
});

describe('matchesAlert', () => {
  const fire = (body: unknown) => {
    const a = parseAlertPush(body);
    assert.ok(a.kind === 'fire');
    return a.target;
  };

  it('matches the production site by full resource id, pipeline or App Insights component', () => {
    assert.ok(matchesAlert(fire(commonAlert({ configurationItems: [] })), monitor));
    const upper = fire(commonAlert({ alertTargetIDs: [siteId.toUpperCase()] }));
    assert.ok(matchesAlert(upper, monitor), 'ARM ids compare case-insensitively');
    assert.ok(matchesAlert(fire({ pipeline: 'pwbi-api', reason: 'r' }), monitor));
    const onComponent = fire(commonAlert({ alertTargetIDs: [component], configurationItems: [] }));
    assert.ok(matchesAlert(onComponent, monitor, component));
    assert.ok(!matchesAlert(onComponent, monitor));
  });

  it('does not match another site, the same name elsewhere, or the slot that now holds the previous version', () => {
    assert.ok(!matchesAlert(fire({ pipeline: 'other', reason: 'r' }), monitor));
    const otherSubscription = fire(
      commonAlert({ alertTargetIDs: [siteId.replace('sub-1', 'sub-2')] }),
    );
    assert.ok(!matchesAlert(otherSubscription, monitor), 'same site name, other subscription');
    const otherGroup = fire(
      commonAlert({ alertTargetIDs: [siteId.replace('pwbi-prod', 'pwbi-other')] }),
    );
    assert.ok(!matchesAlert(otherGroup, monitor), 'same site name, other resource group');
    const onSlot = fire(
      commonAlert({ alertTargetIDs: [`${siteId}/slots/staging`], configurationItems: [] }),
    );
    assert.ok(!matchesAlert(onSlot, monitor));
    const similar = fire(commonAlert({ alertTargetIDs: [`${siteId}-2`], configurationItems: [] }));
    assert.ok(!matchesAlert(similar, monitor));
  });
});
