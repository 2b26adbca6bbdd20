import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { layerRules, orchestratorRules } from '../../../eslint.config.js';

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
  const hits = async (rules: typeof orchestratorRules): Promise<string[]> =>
    (await lintAsOrchestrator(fixture('layer-escapes.ts'), rules)).messages
      .map((m) => `${m.line}:${m.ruleId}`)
      .sort();

  it('keeps src/ off the dev host, the sandbox and their shared clock', async () => {
    assert.deepEqual(await hits(layerRules.app), [
      '3:no-restricted-imports',
      '4:no-restricted-imports',
    ]);
  });

  it('keeps the domain off every other layer', async () => {
    assert.deepEqual(await hits(layerRules.domain), [
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
    ]);
  });

  it('keeps triggers off Azure SDK packages but @azure/functions', async () => {
    assert.deepEqual(await hits(layerRules.functions), [
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-imports',
    ]);
  });

  it('applies each layer rule to its folder', async () => {
    const eslint = new ESLint({ cwd: repo });
    const rulesOf = async (file: string): Promise<Record<string, unknown>> =>
      (
        (await eslint.calculateConfigForFile(`${repo}${file}`)) as {
          rules: Record<string, unknown>;
        }
      ).rules;
    const imports = 'no-restricted-imports';
    assert.deepEqual(
      optionsOf((await rulesOf('src/domain/x.ts'))[imports]),
      optionsOf(layerRules.domain[imports]),
    );
    assert.deepEqual(
      optionsOf((await rulesOf('src/functions/x.ts'))[imports]),
      optionsOf(layerRules.functions[imports]),
    );
    assert.deepEqual(
      optionsOf((await rulesOf('src/activities/x.ts'))[imports]),
      optionsOf(layerRules.app[imports]),
    );
    assert.equal((await rulesOf('devhost/x.ts'))[imports], undefined);
  });
});
