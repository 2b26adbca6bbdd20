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

  it('caps functions at 60 lines in orchestrators, triggers and the domain, not elsewhere', async () => {
    for (const file of [
      'src/orchestrators/production/productionRelease.ts',
      'src/functions/releases/promoteHandler.ts',
      'src/functions/http/toProblem.ts',
      'src/domain/release/reduceReleaseStatus.ts',
      'src/domain/config/crossChecks.ts',
    ]) {
      assert.deepEqual(await maxLinesOf(file), sixty, file);
    }
    assert.equal(await maxLinesOf('src/azure/clients/createClients.ts'), undefined);
  });
});
