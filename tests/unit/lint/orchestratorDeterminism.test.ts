import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import {
  environmentRules,
  layerRules,
  orchestratorRules,
  triggerRules,
} from '../../../eslint.config.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => `${repo}tests/fixtures/lint/${name}`;
/** A rule's options without its severity (ESLint reports `'error'` as 2). */
const optionsOf = (rule: unknown): unknown[] => (Array.isArray(rule) ? rule.slice(1) : []);

/** Lints a fixture with exactly `rules` (by default those the repo applies to src/orchestrators). */
async function lintAsOrchestrator(
  file: string,
  rules: typeof orchestratorRules = orchestratorRules,
): Promise<ESLint.LintResult> {
  const eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules,
      },
    ],
  });
  const [result] = await eslint.lintFiles([file]);
  assert.ok(result);
  return result;
}

describe('orchestrator determinism lint', () => {
  it('rejects wall-clock time, randomness, timers, Node built-ins, Azure SDKs and adapters', async () => {
    const result = await lintAsOrchestrator(fixture('wall-clock-orchestrator.ts'));
    const hits = result.messages.map((m) => `${m.line}:${m.ruleId}`).sort();
    assert.deepEqual(hits, [
      '10:no-restricted-syntax',
      '11:no-restricted-properties',
      '12:no-restricted-globals',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
      '9:no-restricted-properties',
    ]);
  });

  it('accepts an orchestrator that takes time from the orchestration context', async () => {
    const result = await lintAsOrchestrator(fixture('clean-orchestrator.ts'));
    assert.deepEqual(result.messages, []);
  });

  it('rejects an event wait made outside calls/EventWaits, and allows it there', async () => {
    const result = await lintAsOrchestrator(fixture('raw-event-wait.ts'));
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.ruleId}:${m.message.split(':')[0]}`),
      ['6:no-restricted-syntax:Wait for external events with calls/EventWaits'],
    );
    const eslint = new ESLint({ cwd: repo });
    const helper = (await eslint.calculateConfigForFile(
      `${repo}src/orchestrators/calls/EventWaits.ts`,
    )) as { rules: Record<string, unknown> };
    const selectors = optionsOf(helper.rules['no-restricted-syntax']).map(
      (entry) => (entry as { selector: string }).selector,
    );
    assert.ok(selectors.length > 0);
    assert.ok(!selectors.some((selector) => selector.includes('waitForExternalEvent')));
  });

  it('applies those rules to src/orchestrators and not to activities', async () => {
    const eslint = new ESLint({ cwd: repo });
    const orchestrator = (await eslint.calculateConfigForFile(
      `${repo}src/orchestrators/releasePipeline.ts`,
    )) as { rules: Record<string, unknown> };
    const activity = (await eslint.calculateConfigForFile(`${repo}src/activities/deploy.ts`)) as {
      rules: Record<string, unknown>;
    };
    for (const rule of Object.keys(orchestratorRules)) {
      assert.deepEqual(
        optionsOf(orchestrator.rules[rule]),
        optionsOf(orchestratorRules[rule]),
        `${rule} on orchestrators`,
      );
      assert.notDeepEqual(
        optionsOf(activity.rules[rule]),
        optionsOf(orchestratorRules[rule]),
        `${rule} not on activities`,
      );
    }
  });
});

describe('layer boundary lint', () => {
  // Lines of tests/fixtures/lint/layer-escapes.ts, by what they import.
  const line = {
    azureAdapter: 2,
    devhost: 3,
    shared: 4,
    azureSdk: 5,
    functionsSdk: 6,
    activities: 8,
    orchestrators: 9,
    functions: 10,
    durableSdk: 11,
    azurePorts: 12,
    sandbox: 13,
    domain: 14,
    activityContracts: 15,
  };
  const hits = async (rules: typeof orchestratorRules): Promise<number[]> =>
    (await lintAsOrchestrator(fixture('layer-escapes.ts'), rules)).messages
      .map((m) => {
        assert.equal(m.ruleId, 'no-restricted-imports', m.message);
        return m.line;
      })
      .sort((a, b) => a - b);
  const lines = (...names: (keyof typeof line)[]): number[] =>
    names.map((n) => line[n]).sort((a, b) => a - b);
  const tools = ['devhost', 'shared', 'sandbox'] as const;

  it('keeps src/ off the dev host, the sandbox and their shared clock', async () => {
    assert.deepEqual(await hits(layerRules.app), lines(...tools));
  });

  it('keeps the domain off every other layer and off the Azure and Durable SDKs', async () => {
    assert.deepEqual(
      await hits(layerRules.domain),
      lines(
        ...tools,
        'azureAdapter',
        'azureSdk',
        'functionsSdk',
        'activities',
        'orchestrators',
        'functions',
        'durableSdk',
        'azurePorts',
        'activityContracts',
      ),
    );
  });

  it('keeps triggers off Azure SDK packages, adapters and activities (ports allowed)', async () => {
    assert.deepEqual(
      await hits(layerRules.functions),
      lines(...tools, 'azureAdapter', 'azureSdk', 'activities', 'activityContracts'),
    );
  });

  it('keeps orchestrators off azure/, activity implementations and triggers', async () => {
    assert.deepEqual(
      await hits(orchestratorRules),
      lines(...tools, 'azureAdapter', 'azureSdk', 'activities', 'functions', 'azurePorts'),
    );
  });

  it('keeps activities off triggers, orchestrators and SDK packages (ports allowed)', async () => {
    assert.deepEqual(
      await hits(layerRules.activities),
      lines(...tools, 'azureSdk', 'orchestrators', 'functions'),
    );
  });

  it('keeps adapters off every layer above them', async () => {
    assert.deepEqual(
      await hits(layerRules.azure),
      lines(...tools, 'activities', 'orchestrators', 'functions', 'activityContracts'),
    );
  });

  it('keeps the dev host, the sandbox and shared/ apart from each other and from src/', async () => {
    const app = [
      'azureAdapter',
      'activities',
      'orchestrators',
      'functions',
      'azurePorts',
      'domain',
      'activityContracts',
    ] as const;
    assert.deepEqual(await hits(layerRules.devhost), lines(...app, 'sandbox'));
    assert.deepEqual(await hits(layerRules.sandbox), lines(...app, 'devhost'));
    assert.deepEqual(await hits(layerRules.shared), lines(...app, 'devhost', 'sandbox'));
  });

  it('applies each layer rule to its folder, subfolders included', async () => {
    const eslint = new ESLint({ cwd: repo });
    const importsOf = async (file: string): Promise<unknown[]> =>
      optionsOf(
        (
          (await eslint.calculateConfigForFile(`${repo}${file}`)) as {
            rules: Record<string, unknown>;
          }
        ).rules['no-restricted-imports'],
      );
    const expected = {
      'src/domain/x.ts': layerRules.domain,
      'src/functions/recovery/x.ts': layerRules.functions,
      'src/activities/x.ts': layerRules.activities,
      'src/activities/monitor/x.ts': layerRules.activities,
      'src/activities/canary/x.ts': layerRules.activities,
      'src/azure/appService/x.ts': layerRules.azure,
      'src/orchestrators/monitor/x.ts': orchestratorRules,
      'src/index.ts': layerRules.app,
      'devhost/engine/x.ts': layerRules.devhost,
      'sandbox/x.ts': layerRules.sandbox,
      'shared/clock/x.ts': layerRules.shared,
    };
    for (const [file, rules] of Object.entries(expected)) {
      assert.deepEqual(await importsOf(file), optionsOf(rules['no-restricted-imports']), file);
    }
    assert.deepEqual(await importsOf('tests/e2e/x.ts'), []);
  });
});

describe('environment lint', () => {
  it('rejects reading process.env outside the composition root', async () => {
    const result = await lintAsOrchestrator(fixture('reads-env.ts'), environmentRules);
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.ruleId}`),
      ['2:no-restricted-properties', '3:no-restricted-properties'],
    );
  });

  it('applies to src/ but src/index.ts', async () => {
    const eslint = new ESLint({ cwd: repo });
    const ruleOf = async (file: string): Promise<unknown> =>
      (
        (await eslint.calculateConfigForFile(`${repo}${file}`)) as {
          rules: Record<string, unknown>;
        }
      ).rules['no-restricted-properties'];
    const rule = environmentRules['no-restricted-properties'];
    for (const file of ['src/functions/alerts.ts', 'src/azure/x.ts', 'src/domain/config/x.ts']) {
      assert.deepEqual(optionsOf(await ruleOf(file)), optionsOf(rule), file);
    }
    const atRoot = await ruleOf('src/index.ts');
    assert.equal(Array.isArray(atRoot) ? atRoot[0] : atRoot, 0, 'off at the composition root');
  });
});

describe('trigger lint', () => {
  it('rejects timers in triggers, and applies to src/functions only', async () => {
    const result = await lintAsOrchestrator(fixture('waiting-trigger.ts'), triggerRules);
    assert.deepEqual(
      result.messages.map((m) => `${m.line}:${m.ruleId}`),
      ['3:no-restricted-globals', '4:no-restricted-globals'],
    );
    const eslint = new ESLint({ cwd: repo });
    const ruleOf = async (file: string): Promise<unknown> =>
      (
        (await eslint.calculateConfigForFile(`${repo}${file}`)) as {
          rules: Record<string, unknown>;
        }
      ).rules['no-restricted-globals'];
    assert.deepEqual(
      optionsOf(await ruleOf('src/functions/recovery/x.ts')),
      optionsOf(triggerRules['no-restricted-globals']),
    );
    assert.equal(await ruleOf('src/activities/x.ts'), undefined);
  });
});
