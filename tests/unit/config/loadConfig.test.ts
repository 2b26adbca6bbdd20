import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ConfigError, loadConfigFile, parseConfig } from '../../../src/domain/config/index.js';

const settings = (
  JSON.parse(readFileSync(new URL('../../../local.settings.json', import.meta.url), 'utf8')) as {
    Values: Record<string, string>;
  }
).Values;
const repoConfig = new URL('../../../slotpilot.yaml', import.meta.url).pathname;

/** A valid one-pipeline config to break one field at a time. */
const base = `
pipelines:
  - name: web
    source: { registry: webreg.azurecr.io, repository: web }
    notify: { slack: 'https://hooks.slack.com/services/T/B/X' }
    stages:
      - name: dev
        target: { subscription: sub-1, resourceGroup: rg-dev, site: web-dev }
      - name: production
        approval: { approvers: [lead@contoso.com] }
        target: { resourceGroup: rg-prod, site: web-prod, slot: staging }
        hooks: [{ name: e2e, phase: verify, url: 'https://gates.contoso.com/e2e' }]
        monitor: { appInsights: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/web' }
`;

function issuesOf(yaml: string, env: Record<string, string> = {}, localMode = false): string[] {
  try {
    parseConfig(yaml, { settings: env, localMode });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.received}`);
  }
  assert.fail('expected the config to be rejected');
}

describe('loading the pipeline config', () => {
  it('loads the repo slotpilot.yaml with local settings, defaults and durations in ms', () => {
    const config = loadConfigFile(repoConfig, { settings });
    const pipeline = config.pipelines[0];
    assert.equal(pipeline?.name, 'pwbi-api');
    assert.deepEqual(
      pipeline?.stages.map((s) => s.name),
      ['dev', 'staging', 'production'],
    );
    const [dev, staging, production] = pipeline?.stages ?? [];
    assert.equal(dev?.checks[0]?.smoke.timeoutMs, 120_000);
    assert.equal(staging?.approval?.timeoutMs, 72 * 3_600_000);
    assert.equal(staging?.target.subscription, settings.AZ_SUB, 'subscription inherited from dev');
    assert.equal(staging?.hooks.find((h) => h.name === 'migrate')?.url, settings.MIGRATE_HOOK);
    assert.deepEqual(production?.approval?.distinctFrom, ['staging']);
    assert.equal(production?.target.slot, 'staging');
    assert.equal(production?.warmup?.intervalMs, 2000);
    assert.equal(production?.monitor?.durationMs, 3_600_000);
    assert.equal(production?.monitor?.intervalMs, 60_000);
    assert.equal(production?.monitor?.thresholds.p95Ms, 2000);
    assert.equal(production?.monitor?.thresholds.errorRate, 0.01);
    assert.equal(production?.monitor?.lookbackMs, 300_000, 'default lookback');
    assert.equal(production?.monitor?.table, 'AppRequests', 'default table');
    assert.equal(pipeline?.notify?.slack, settings.SLACK_WEBHOOK);
  });

  it('fills defaults for a minimal config', () => {
    const config = parseConfig(base, { settings: {} });
    const production = config.pipelines[0]?.stages[1];
    assert.deepEqual(config.pipelines[0]?.source.tags, ['*']);
    assert.equal(production?.approval?.timeoutMs, 72 * 3_600_000);
    assert.deepEqual(production?.approval?.distinctFrom, []);
    assert.equal(production?.hooks[0]?.timeoutMs, 600_000);
    assert.equal(production?.monitor?.failureLimit, 1);
    assert.equal(production?.monitor?.inconclusive, 'continue');
    assert.equal(production?.monitor?.thresholds.minRequests, 50);
    assert.equal(production?.monitor?.health.path, '/health');
  });

  it('accepts plain-http hook URLs in local mode only', () => {
    const local = base.replace('https://gates.contoso.com/e2e', 'http://127.0.0.1:9000/e2e');
    assert.doesNotThrow(() => parseConfig(local, { settings: {}, localMode: true }));
    assert.deepEqual(issuesOf(local), [
      'pipelines[0].stages[1].hooks[0].url: expected an https URL, got "http://127.0.0.1:9000/e2e"',
    ]);
  });
});

describe('rejecting a bad pipeline config', () => {
  const cases: Array<[string, string, string[], Record<string, string>?]> = [
    [
      'a wrong type',
      base.replace('site: web-dev', 'site: 42'),
      ['pipelines[0].stages[0].target.site: expected a string, got 42'],
    ],
    [
      'a list where a mapping belongs',
      base.replace('notify: {', 'notify: [ {').replace("X' }", "X' } ]"),
      ['pipelines[0].notify: expected a mapping of keys to values, got a list of 1'],
    ],
    [
      'an unknown key',
      base.replace('site: web-dev }', 'site: web-dev, colour: blue }'),
      [
        'pipelines[0].stages[0].target.colour: expected no such key (it is not part of the config format), got unknown key "colour"',
      ],
    ],
    [
      'a bad duration',
      base.replace('approvers: [lead@contoso.com]', 'approvers: [lead@contoso.com], timeout: soon'),
      [
        'pipelines[0].stages[1].approval.timeout: expected a duration such as 90s, 10m, 1h or 3d, got "soon"',
      ],
    ],
    [
      'a duration without a unit',
      base.replace('phase: verify,', 'phase: verify, timeout: "90",'),
      [
        'pipelines[0].stages[1].hooks[0].timeout: expected a duration such as 90s, 10m, 1h or 3d, got "90"',
      ],
    ],
    [
      'a missing app setting',
      base.replace("'https://hooks.slack.com/services/T/B/X'", "'%SLACK_WEBHOOK%'"),
      ['pipelines[0].notify.slack: expected app setting SLACK_WEBHOOK to be set, got nothing'],
    ],
    [
      'a duplicate pipeline name',
      base + base.replace('pipelines:\n', ''),
      ['pipelines[1].name: expected a pipeline name not used before (index 0 has it), got "web"'],
    ],
    [
      'a duplicate stage name',
      base.replace('- name: production', '- name: dev'),
      [
        'pipelines[0].stages[1].name: expected a stage name not used before (index 0 has it), got "dev"',
      ],
    ],
    [
      'a production stage without a slot',
      base.replace(', slot: staging', ''),
      [
        'pipelines[0].stages[1].target.slot: expected a deployment slot to deploy into before the swap (production stage), got nothing',
      ],
    ],
    [
      'a production stage deploying into live production',
      base.replace(', slot: staging', ', slot: Production'),
      [
        'pipelines[0].stages[1].target.slot: expected a slot other than production (a deploy stops its target; production is reached by the swap), got "Production"',
      ],
    ],
    [
      'an approval without approvers',
      base.replace('approvers: [lead@contoso.com]', 'approvers: []'),
      ['pipelines[0].stages[1].approval.approvers: expected at least 1 item, got a list of 0'],
    ],
    [
      'an approver that is not an email',
      base.replace('approvers: [lead@contoso.com]', 'approvers: [lead]'),
      ['pipelines[0].stages[1].approval.approvers[0]: expected an email address, got "lead"'],
    ],
    [
      'distinctFrom naming an unknown stage',
      base.replace(
        'approvers: [lead@contoso.com]',
        'approvers: [lead@contoso.com], distinctFrom: [qa]',
      ),
      [
        'pipelines[0].stages[1].approval.distinctFrom[0]: expected the name of an earlier stage (dev), got "qa"',
      ],
    ],
    [
      'an error-rate threshold above 1',
      base.replace("components/web' }", "components/web', thresholds: { errorRate: 1.5 } }"),
      ['pipelines[0].stages[1].monitor.thresholds.errorRate: expected a number <= 1, got 1.5'],
    ],
    [
      'a negative error-rate threshold',
      base.replace("components/web' }", "components/web', thresholds: { errorRate: -0.1 } }"),
      ['pipelines[0].stages[1].monitor.thresholds.errorRate: expected a number >= 0, got -0.1'],
    ],
    [
      'a negative p95',
      base.replace("components/web' }", "components/web', thresholds: { p95: -2s } }"),
      [
        'pipelines[0].stages[1].monitor.thresholds.p95: expected a duration such as 90s, 10m, 1h or 3d, got "-2s"',
      ],
    ],
    [
      'a non-https hook URL outside local mode',
      base.replace('https://gates.contoso.com/e2e', 'http://gates.contoso.com/e2e'),
      [
        'pipelines[0].stages[1].hooks[0].url: expected an https URL, got "http://gates.contoso.com/e2e"',
      ],
    ],
    [
      'a hook URL from a setting, not shown',
      base.replace("'https://gates.contoso.com/e2e'", "'%E2E_HOOK%'"),
      [
        'pipelines[0].stages[1].hooks[0].url: expected an https URL, got the value of app setting E2E_HOOK',
      ],
      { E2E_HOOK: 'http://secret-token@gates/e2e' },
    ],
    [
      'an unknown hook phase',
      base.replace('phase: verify', 'phase: afterwards'),
      [
        'pipelines[0].stages[1].hooks[0].phase: expected one of "preMigrate", "migrate", "verify", "preSwap", "onFailure", got "afterwards"',
      ],
    ],
    [
      'an unknown inconclusive policy',
      base.replace("components/web' }", "components/web', inconclusive: ignore }"),
      [
        'pipelines[0].stages[1].monitor.inconclusive: expected one of "continue", "rollback", "pause", got "ignore"',
      ],
    ],
    [
      'a first stage without a subscription',
      base.replace('subscription: sub-1, ', ''),
      [
        'pipelines[0].stages[0].target.subscription: expected a subscription id (on this stage or an earlier one), got nothing',
      ],
    ],
    [
      'no stages',
      base.replace(/stages:[\s\S]*/, 'stages: []\n'),
      ['pipelines[0].stages: expected at least 1 item, got a list of 0'],
    ],
    [
      'an uppercase pipeline name',
      base.replace('name: web', 'name: Web'),
      ['pipelines[0].name: expected a lowercase name of letters, digits and dashes, got "Web"'],
    ],
    [
      'a failure limit of zero',
      base.replace("components/web' }", "components/web', failureLimit: 0 }"),
      ['pipelines[0].stages[1].monitor.failureLimit: expected a number >= 1, got 0'],
    ],
    [
      'an App Insights id that is neither a resource nor a workspace',
      base.replace(
        "'/subscriptions/s/resourceGroups/rg/providers/Microsoft.Insights/components/web'",
        'my-insights',
      ),
      [
        'pipelines[0].stages[1].monitor.appInsights: expected an Application Insights resource id (/subscriptions/…/providers/Microsoft.Insights/components/NAME) or a Log Analytics workspace id, got "my-insights"',
      ],
    ],
  ];

  for (const [what, yaml, expected, env] of cases) {
    it(`reports ${what} at its field path`, () => {
      assert.deepEqual(issuesOf(yaml, env), expected);
    });
  }

  it('reports every problem at once', () => {
    const yaml = base
      .replace('site: web-dev', 'site: 42')
      .replace('approvers: [lead@contoso.com]', 'approvers: []')
      .replace(', slot: staging', '');
    assert.deepEqual(issuesOf(yaml).sort(), [
      'pipelines[0].stages[0].target.site: expected a string, got 42',
      'pipelines[0].stages[1].approval.approvers: expected at least 1 item, got a list of 0',
      'pipelines[0].stages[1].target.slot: expected a deployment slot to deploy into before the swap (production stage), got nothing',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf('pipelines:\n  - name: [unclosed\n');
    assert.match(issue ?? '', /^line \d+, column \d+: expected valid YAML, got /);
  });

  it('never shows an app setting value in an error message', () => {
    const secret = 'http://hooks.slack.com/services/SECRET-TOKEN';
    const yaml = base.replace("'https://hooks.slack.com/services/T/B/X'", "'%SLACK_WEBHOOK%'");
    const message = (() => {
      try {
        parseConfig(yaml, { settings: { SLACK_WEBHOOK: secret } });
      } catch (error) {
        return String(error);
      }
      return '';
    })();
    assert.match(
      message,
      /notify\.slack: expected an https URL, got the value of app setting SLACK_WEBHOOK/,
    );
    assert.doesNotMatch(message, /SECRET-TOKEN/);
  });

  it('names the file when it cannot be read', () => {
    assert.throws(
      () => loadConfigFile('/nonexistent/slotpilot.yaml', { settings: {} }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /a readable file at \/nonexistent\/slotpilot\.yaml/.test(error.message),
    );
  });
});
