import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError, configLimits, parseConfig } from '../../../src/domain/config/index.js';

const target = { subscription: 'sub-1', resourceGroup: 'rg', site: 'web' };
const email = (i: number): string => `approver${i}@contoso.com`;

/** A one-pipeline config (JSON is YAML) with `stages`. */
function config(stages: object[]): string {
  return JSON.stringify({
    pipelines: [{ name: 'web', source: { registry: 'reg.azurecr.io', repository: 'web' }, stages }],
  });
}

function issuesOf(yaml: string): string[] {
  try {
    parseConfig(yaml, { settings: {}, localMode: false });
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.issues.map((i) => `${i.path}: expected ${i.expected}, got ${i.received}`);
  }
  assert.fail('expected the config to be rejected');
}

const many = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

describe('config bounds that keep a release within its custom status budget', () => {
  it('accepts a pipeline at every bound', () => {
    const stages = many(configLimits.stages, (i) => ({
      name: `s${i}`,
      target,
      approval: { approvers: many(configLimits.approversPerStage, email) },
      checks: many(configLimits.checksPerStage, () => ({ smoke: {} })),
      hooks: many(configLimits.hooksPerStage, (h) => ({
        name: `h${h}`,
        phase: 'verify',
        url: 'https://hooks.test/h',
      })),
    }));
    const parsed = parseConfig(config(stages), { settings: {}, localMode: false });
    assert.equal(parsed.pipelines[0]?.stages.length, configLimits.stages);
  });

  it('refuses one stage, check, hook or approver more, naming the field', () => {
    const stage = (i: number) => ({ name: `s${i}`, target });
    assert.deepEqual(issuesOf(config(many(configLimits.stages + 1, stage))), [
      `pipelines[0].stages: expected at most ${configLimits.stages} items, got a list of ${configLimits.stages + 1}`,
    ]);
    const checks = many(configLimits.checksPerStage + 1, () => ({ smoke: {} }));
    assert.match(
      issuesOf(config([{ ...stage(0), checks }]))[0] ?? '',
      /^pipelines\[0\]\.stages\[0\]\.checks: expected at most 5 items, got a list of 6$/,
    );
    const hooks = many(configLimits.hooksPerStage + 1, (h) => ({
      name: `h${h}`,
      phase: 'verify',
      url: 'https://hooks.test/h',
    }));
    assert.match(
      issuesOf(config([{ ...stage(0), hooks }]))[0] ?? '',
      /^pipelines\[0\]\.stages\[0\]\.hooks: expected at most 10 items, got a list of 11$/,
    );
    const approval = { approvers: many(configLimits.approversPerStage + 1, email) };
    assert.match(
      issuesOf(config([{ ...stage(0), approval }]))[0] ?? '',
      /^pipelines\[0\]\.stages\[0\]\.approval\.approvers: expected at most 10 items, got a list of 11$/,
    );
  });

  it('refuses an approver address longer than the bound', () => {
    const long = `${'a'.repeat(64)}@${'d'.repeat(60)}.com`;
    assert.equal(long.length, configLimits.approverEmailChars + 1);
    const issues = issuesOf(config([{ name: 's0', target, approval: { approvers: [long] } }]));
    assert.match(
      issues[0] ?? '',
      /^pipelines\[0\]\.stages\[0\]\.approval\.approvers\[0\]: expected at most 128 characters, got "a+/,
    );
  });

  it('refuses more approvals in all than the bound, summed over the stages', () => {
    const approval = { approvers: many(configLimits.approversPerStage, email), required: 4 };
    const stages = many(3, (i) => ({ name: `s${i}`, target, approval }));
    assert.deepEqual(issuesOf(config(stages)), [
      `pipelines[0].stages: expected at most ${configLimits.approvalsPerPipeline} approvals in all (approval.required summed over the stages), got 12`,
    ]);
  });
});
