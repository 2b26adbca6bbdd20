import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import type { HistoryEntry } from '../../cli/commands/history.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { type PipelineWorld, startMonitorWorld } from './monitor-world.js';
import { e2eSigningKey } from './support/appSettings.js';
import { repoRoot } from './support/buildApp.js';
import { runSlotpilot } from './support/runSlotpilot.js';

describe('cli: history with rollback timings, --json everywhere, bash completion', () => {
  let world: PipelineWorld;
  let env: Record<string, string>;
  let rolledBack: ReleaseView;
  before(async () => {
    world = await startMonitorWorld();
    env = {
      SLOTPILOT_URL: world.host.url,
      SLOTPILOT_FUNCTION_KEY: world.host.functionKey,
      SLOTPILOT_SIGNING_KEY: e2eSigningKey,
    };
    // Given a release that breached in production and was rolled back
    const pushed = await world.releaseToProduction('3.0.0', 'errors:20');
    await world.untilEnded(pushed.releaseId);
    rolledBack = (await world.api.get(pushed.releaseId)).body as ReleaseView;
    assert.equal(rolledBack.status, 'RolledBack');
  });
  after(async () => {
    await world?.stop();
  });

  it('lists the pipeline releases with outcome and detect → decide → swapped-back timings', async () => {
    const json = await runSlotpilot(['history', 'pwbi-api', '--json'], env);
    assert.equal(json.code, 0, json.stderr);
    const entries = JSON.parse(json.stdout) as HistoryEntry[];
    const entry = entries.find((e) => e.id === rolledBack.id);
    const rollback = rolledBack.rollback;
    assert.ok(entry?.rollback !== undefined && rollback?.swapBackCompletedAt !== undefined);
    assert.equal(entry.status, 'RolledBack');
    assert.equal(entry.rollback.detectedAt, rollback.detectedAt);
    assert.equal(
      entry.rollback.decideMs,
      Date.parse(rollback.decidedAt) - Date.parse(rollback.detectedAt),
    );
    assert.equal(
      entry.rollback.swapBackMs,
      Date.parse(rollback.swapBackCompletedAt) - Date.parse(rollback.decidedAt),
    );
    assert.ok(entry.rollback.decideMs >= 0 && (entry.rollback.swapBackMs ?? -1) >= 0);

    const text = await runSlotpilot(['history', 'pwbi-api'], env);
    assert.equal(text.code, 0, text.stderr);
    const line = text.stdout.split('\n').find((l) => l.startsWith(rolledBack.id)) ?? '';
    assert.match(
      line,
      /RolledBack\s+3\.0\.0 .* rollback: detected \S+, decided \+[\d.]+s, swapped back \+[\d.]+s \(.*errorRate/,
    );

    const none = await runSlotpilot(['history', 'no-such-pipeline'], env);
    assert.equal(none.stdout.trim(), 'no releases of no-such-pipeline');
  });

  it('answers --json on every command that prints', async () => {
    for (const args of [
      ['token', 'issue', '--user', 'eng-lead@contoso.com', '--json'],
      ['list', '--json'],
      ['show', rolledBack.id, '--json'],
      ['slots', 'pwbi-api', '--json'],
      ['completion', 'bash', '--json'],
    ]) {
      const out = await runSlotpilot(args, env);
      assert.equal(out.code, 0, `${args.join(' ')}: ${out.stderr}`);
      assert.doesNotThrow(() => JSON.parse(out.stdout), `${args.join(' ')} prints JSON`);
    }
    const watch = await runSlotpilot(['watch', rolledBack.id, '--json'], env);
    assert.equal(watch.code, 4, 'a rolled-back release did not succeed');
    const lines = watch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string });
    assert.equal(lines.at(-1)?.status, 'RolledBack');
  });

  it('completes commands, options and statuses in bash', async () => {
    const complete = async (words: string[]): Promise<string[]> => {
      const script = [
        `source <(${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(repoRoot, 'cli', 'bin.js'))} completion bash)`,
        `COMP_WORDS=(${words.map((w) => JSON.stringify(w)).join(' ')})`,
        `COMP_CWORD=${words.length - 1}`,
        '_slotpilot',
        'printf "%s\\n" "${COMPREPLY[@]}"',
      ].join('\n');
      const { stdout } = await promisify(execFile)('bash', ['-c', script]);
      return stdout
        .split('\n')
        .filter((w) => w !== '')
        .sort();
    };
    assert.deepEqual(await complete(['slotpilot', 'hi']), ['history']);
    assert.deepEqual(await complete(['slotpilot', 'pro']), ['promote']);
    assert.deepEqual(await complete(['slotpilot', 'list', '--st']), [
      '--stage',
      '--status',
      '--step',
    ]);
    assert.deepEqual(await complete(['slotpilot', 'list', '--status', 'Ro']), ['RolledBack']);
  });
});
