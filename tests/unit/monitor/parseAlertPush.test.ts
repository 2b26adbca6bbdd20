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
    assert.deepEqual(a.target.items, ['pwbi-api-prod']);
    assert.equal(a.reason, 'alert "prod 5xx" (Sev1) fired: Http5xx > 10');
    assert.equal(a.firedAt, '2026-01-01T10:21:30.123Z');
    assert.equal(a.evidence['alertRule'], 'prod 5xx');
    assert.equal(a.evidence['severity'], 'Sev1');
  });

  it('ignores a resolved alert', () => {
    const a = parseAlertPush(commonAlert({ monitorCondition: 'Resolved' }));
    assert.deepEqual(a, { kind: 'ignored', reason: 'alert "prod 5xx" resolved' });
  });

  it('takes pipeline and site from custom properties', () => {
    const a = parseAlertPush(
      commonAlert(
        { alertTargetIDs: [], configurationItems: [] },
        { customProperties: { pipeline: 'pwbi-api' } },
      ),
    );
    assert.ok(a.kind === 'fire' && a.target.pipeline === 'pwbi-api');
  });

  it('reads the plain form', () => {
    const a = parseAlertPush({ site: 'pwbi-api-prod', reason: 'pager says so' });
    assert.ok(a.kind === 'fire');
    assert.equal(a.target.site, 'pwbi-api-prod');
    assert.equal(a.reason, 'alert: pager says so');
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

  it('matches the production site by resource id, name, pipeline or App Insights component', () => {
    assert.ok(matchesAlert(fire(commonAlert({ configurationItems: [] })), monitor));
    assert.ok(matchesAlert(fire({ site: 'PWBI-API-PROD', reason: 'r' }), monitor));
    assert.ok(matchesAlert(fire({ pipeline: 'pwbi-api', reason: 'r' }), monitor));
    const onComponent = fire(commonAlert({ alertTargetIDs: [component], configurationItems: [] }));
    assert.ok(matchesAlert(onComponent, monitor, component));
    assert.ok(!matchesAlert(onComponent, monitor));
  });

  it('does not match another site, or the slot that now holds the previous version', () => {
    assert.ok(!matchesAlert(fire({ site: 'other', reason: 'r' }), monitor));
    const onSlot = fire(
      commonAlert({ alertTargetIDs: [`${siteId}/slots/staging`], configurationItems: [] }),
    );
    assert.ok(!matchesAlert(onSlot, monitor));
    const similar = fire(commonAlert({ alertTargetIDs: [`${siteId}-2`], configurationItems: [] }));
    assert.ok(!matchesAlert(similar, monitor));
  });
});
