import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The `max-lines-per-function` the repo's config applies to `file` (severity, options). */
async function maxLinesOf(file: string): Promise<unknown> {
  const config = (await new ESLint({ cwd: repo }).calculateConfigForFile(`${repo}${file}`)) as {
    rules: Record<string, unknown>;
  };
  return config.rules['max-lines-per-function'];
}

describe('functions read as named steps', () => {
  const sixty = [2, { max: 60, skipBlankLines: true, skipComments: true }];

  it('caps functions at 60 lines in every layer of the app, its CLI and its console, not in its tools', async () => {
    for (const file of [
      'src/orchestrators/production/productionRelease.ts',
      'src/functions/releases/promoteHandler.ts',
      'src/functions/http/toProblem.ts',
      'src/domain/release/reduceReleaseStatus.ts',
      'src/domain/config/crossChecks.ts',
      'src/azure/clients/createClients.ts',
      'src/activities/createActivities.ts',
      'src/index.ts',
      'cli/runCommand.ts',
      'cli/slotpilot.ts',
      'cli/commands/promote.ts',
      'web/src/actionsPanel.ts',
      'web/src/chartLayout.ts',
      'web/src/app.ts',
    ]) {
      assert.deepEqual(await maxLinesOf(file), sixty, file);
    }
    assert.equal(await maxLinesOf('devhost/cli/main.ts'), undefined);
    assert.equal(await maxLinesOf('sandbox/Sandbox.ts'), undefined);
    assert.equal(await maxLinesOf('scripts/run-tests.ts'), undefined);
  });
});
