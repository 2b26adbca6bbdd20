import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

import { orchestratorRules } from '../../../eslint.config.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string): string => `${repo}tests/fixtures/lint/${name}`;

/** Lints a fixture with exactly the determinism rules the repo applies to src/orchestrators. */
async function lintAsOrchestrator(file: string): Promise<ESLint.LintResult> {
  const eslint = new ESLint({
    cwd: repo,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        rules: orchestratorRules,
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
      '10:no-restricted-globals',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '7:no-restricted-properties',
      '8:no-restricted-syntax',
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
      assert.ok(orchestrator.rules[rule], `${rule} applies to orchestrators`);
      assert.equal(activity.rules[rule], undefined, `${rule} does not apply to activities`);
    }
  });
});
