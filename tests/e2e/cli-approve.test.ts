import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { e2eSigningKey } from './support/appSettings.js';
import { repoRoot } from './support/buildApp.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

const run = promisify(execFile);

/** Runs `slotpilot …` through the package's bin shim (what `npx slotpilot` runs). */
async function slotpilot(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(repoRoot, 'cli', 'bin.js'), ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('cli: token issue and approve against a running host', () => {
  let world: PipelineWorld;
  let env: Record<string, string>;
  before(async () => {
    world = await PipelineWorld.start();
    env = {
      SLOTPILOT_URL: world.host.url,
      SLOTPILOT_FUNCTION_KEY: world.host.functionKey,
      SLOTPILOT_SIGNING_KEY: e2eSigningKey,
    };
  });
  after(async () => {
    await world?.stop();
  });

  it('approves a stage with a token from `token issue`, and prints the problem detail of a refusal', async () => {
    const pushed = await world.push('6.0.0');
    await world.untilWaitingFor(pushed.releaseId, 'staging');

    const issued = await slotpilot(['token', 'issue', '--user', users.qaLead, '--ttl', '10m'], env);
    assert.equal(issued.code, 0, issued.stderr);
    const token = issued.stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);

    const refused = await slotpilot(
      ['approve', pushed.releaseId, '--stage', 'production', '--token', token],
      env,
    );
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /409 Conflict: .*waits for an approval of staging/);

    const list = await slotpilot(['list', '--status', 'WaitingForApproval'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, new RegExp(`${pushed.releaseId}\\s+WaitingForApproval`));

    const approved = await slotpilot(
      ['approve', pushed.releaseId, '--stage', 'staging', '--comment', 'via cli'],
      { ...env, SLOTPILOT_TOKEN: token },
    );
    assert.equal(approved.code, 0, approved.stderr);
    const waiting = await world.untilWaitingFor(pushed.releaseId, 'production');
    const staging = waiting.stages.find((s) => s.name === 'staging');
    assert.equal(staging?.approval?.by, users.qaLead);
    assert.equal(staging.approval.comment, 'via cli');

    const show = await slotpilot(['show', pushed.releaseId], env);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /staging\s+Succeeded\s+approved by qa-lead@contoso.com/);

    const slots = await slotpilot(['slots', 'pwbi-api'], env);
    assert.equal(slots.code, 0, slots.stderr);
    assert.match(
      slots.stdout,
      new RegExp(`dev\\s+pwbi-api-dev\\s+Running\\s+\\S+@${pushed.digest}`),
    );
    assert.match(slots.stdout, /production\s+pwbi-api-prod\/staging/);
  });

  it('exits 2 on usage errors and 3 when no instance can be found', async () => {
    assert.equal((await slotpilot(['approve', 'x'], env)).code, 2);
    const unreachable = await slotpilot(['list'], { SLOTPILOT_URL: 'http://127.0.0.1:9' });
    assert.equal(unreachable.code, 3);
    assert.match(unreachable.stderr, /Cannot reach Slotpilot/);
  });
});
