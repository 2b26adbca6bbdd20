import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { createAdapters, createClients } from '../../src/azure/index.js';
import type { StageProgress } from '../../src/domain/release/index.js';
import { stageInstanceId } from '../../src/domain/release/index.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { appSettingsFor, e2eSigningKey } from './support/appSettings.js';
import { repoRoot } from './support/buildApp.js';
import { writePipelineConfig } from './support/pipelineConfig.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';
import type { ApiAnswer } from './support/ReleaseApi.js';
import { And, Given, Then, When } from './support/steps.js';

const run = promisify(execFile);
const minuteMs = 60_000;

/**
 * What must never leave Slotpilot (DESIGN §4 "Status URLs and keys"): the host's keys, a
 * Durable management path, or any `code=` query.
 */
function leaksIn(text: string, keys: readonly string[]): string[] {
  const found = keys.filter((key) => text.includes(key));
  if (/durabletask/i.test(text)) found.push('durabletask');
  if (/[?&]code=/i.test(text)) found.push('code=');
  return found;
}

describe('security: no key leaves Slotpilot (strict-key dev host)', () => {
  let world: PipelineWorld;
  let keys: string[];
  const hostLog: string[] = [];
  /** Everything Slotpilot answered, sent or printed, with where it came from. */
  const seen: { where: string; text: string }[] = [];

  /** An API call as `user`, its whole answer (status line, headers, body) kept for the scan. */
  async function call(method: string, route: string, body?: unknown, user?: string) {
    const answer = await world.api.call(method, route, body, user);
    keep(`${method} ${route}`, answer);
    return answer;
  }
  function keep(where: string, answer: ApiAnswer): void {
    const headers = [...answer.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    seen.push({ where, text: `${answer.status}\n${headers}\n\n${answer.text}` });
  }
  async function slotpilot(args: string[]): Promise<string> {
    const { stdout, stderr } = await run(
      process.execPath,
      [path.join(repoRoot, 'cli', 'bin.js'), ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          SLOTPILOT_URL: world.host.url,
          SLOTPILOT_FUNCTION_KEY: world.host.functionKey,
          SLOTPILOT_SIGNING_KEY: e2eSigningKey,
        },
      },
    );
    seen.push({ where: `slotpilot ${args.join(' ')}`, text: `${stdout}\n${stderr}` });
    return stdout;
  }
  const stageProgress = (releaseId: string, stage: string) =>
    world.host
      .getStatus(stageInstanceId(releaseId, stage))
      .then((s) => s?.customStatus as StageProgress | undefined);

  before(async () => {
    world = await PipelineWorld.start({
      strictAuth: true,
      hostLog: (line) => hostLog.push(line),
      config: {
        monitor: true,
        edit: (doc) => {
          for (const stage of doc.pipelines[0]?.stages ?? []) {
            if (stage.monitor !== undefined) {
              stage.monitor = { ...(stage.monitor as Record<string, unknown>), duration: '10m' };
            }
          }
        },
      },
    });
    // The master (= system) key and the function key of the strict host.
    keys = [world.host.functionKey, 'devhost-function-key'];
  });
  after(async () => {
    await world?.stop();
  });

  it('a whole release (approvals, a synchronous and a callback hook, swap, monitoring, rollback) shows no key and no durabletask path anywhere', async () => {
    const previous = await Given(
      'hooks that answer at once, and a migrate hook that answers later by callback',
      () => {
        world.sandbox.setHook('migrate', 'callback-pass', { delayMs: 3 * minuteMs });
        return world.sandbox.siteState('pwbi-api-prod').digest;
      },
    );

    const pushed = await When('an image is pushed and staging approved', async () => {
      const pushed = await world.push('8.0.0', 'healthy', { actor: 'ci-bot@contoso.com' });
      await world.untilWaitingFor(pushed.releaseId, 'staging');
      await call('GET', `/api/releases/${pushed.releaseId}`);
      const staging = await call(
        'POST',
        `/api/releases/${pushed.releaseId}/approve`,
        { stage: 'staging', comment: 'ok' },
        users.qaLead,
      );
      assert.equal(staging.status, 202, staging.text);
      const statusUrl = `${world.host.url}/api/releases/${pushed.releaseId}`;
      assert.equal(staging.headers.get('location'), statusUrl);
      assert.equal(staging.headers.get('retry-after'), '10');
      assert.equal((staging.body as { statusQueryGetUri?: string }).statusQueryGetUri, statusUrl);
      await world.host.settle();
      return pushed;
    });

    await And(
      'production is approved and monitored, and read through the API and the CLI',
      async () => {
        await world.untilWaitingFor(pushed.releaseId, 'production');
        const production = await call(
          'POST',
          `/api/releases/${pushed.releaseId}/approve`,
          { stage: 'production' },
          users.engLead,
        );
        assert.equal(production.status, 202, production.text);
        await world.host.settle();
        await world.host.waitFor(
          `${pushed.releaseId}-monitor`,
          (s) =>
            (s.customStatus as { monitor?: { samples?: unknown[] } } | null)?.monitor?.samples
              ?.length === 2,
          { maxVirtualMs: 3 * 3_600_000, realTimeoutMs: 60_000 },
        );
        await call('GET', `/api/releases/${pushed.releaseId}`);
        await call('GET', '/api/releases');
        await call('GET', '/api/pipelines/pwbi-api/slots');
        await slotpilot(['show', pushed.releaseId, '--json']);
        await slotpilot(['list']);
      },
    );

    const ended = await And('the production approver rolls it back', async () => {
      const rollback = await call(
        'POST',
        `/api/releases/${pushed.releaseId}/rollback`,
        { reason: 'customers report errors' },
        users.engLead,
      );
      assert.equal(rollback.status, 202, rollback.text);
      return world.untilEnded(pushed.releaseId);
    });

    await Then('it went the whole way and back', async () => {
      assert.equal(ended.status, 'RolledBack');
      assert.equal(world.sandbox.siteState('pwbi-api-prod').digest, previous);
      const view = await call('GET', `/api/releases/${pushed.releaseId}`);
      const checks = (view.body as ReleaseView).stages[1]?.checks.map((c) => [c.name, c.status]);
      assert.deepEqual(
        checks?.find(([name]) => name === 'migrate'),
        ['migrate', 'Passed'],
      );
      assert.deepEqual(Object.keys((view.body as ReleaseView).links).sort(), [
        'approve',
        'console',
        'self',
      ]);
      await slotpilot(['show', pushed.releaseId, '--json']);
      await slotpilot(['show', pushed.releaseId]);
      const started = await slotpilot([
        'start',
        `pwbiregistry.azurecr.io/pwbi-api:8.0.0@${pushed.digest}`,
        '--json',
      ]).catch((error: { stdout?: string; stderr?: string }) => {
        // A second start of the same digest is a 409 problem: its text is scanned too.
        seen.push({ where: 'slotpilot start (409)', text: `${error.stdout}\n${error.stderr}` });
        return '';
      });
      assert.equal(started, '');
    });

    await And(
      'nothing Slotpilot answered, sent or printed carries a key or a Durable path',
      async () => {
        const hookPayloads = world.sandbox.hookCalls();
        assert.ok(hookPayloads.some((c) => c.name === 'migrate'));
        const migrateCall = hookPayloads.find((c) => c.name === 'migrate')?.body as {
          callbackUrl: string;
          callbackToken: string;
        };
        assert.match(migrateCall.callbackUrl, new RegExp(`^${world.host.url}/api/hooks/[\\w-]+$`));
        for (const c of hookPayloads)
          seen.push({ where: `hook ${c.name}`, text: JSON.stringify(c.body) });
        const slack = world.sandbox.slackMessages();
        assert.ok(slack.length >= 5, `Slack got ${slack.length} messages`);
        for (const m of slack) seen.push({ where: 'slack', text: JSON.stringify(m) });
        const page = await fetch(`${world.host.url}/api/console`);
        const html = await page.text();
        seen.push({ where: 'console page', text: html });
        for (const asset of html.matchAll(
          /(?:src|href)="(?:\.\/|\/api\/console\/)?([\w.-]+\.(?:js|css))"/g,
        )) {
          const res = await fetch(`${world.host.url}/api/console/${asset[1]}`);
          seen.push({ where: `console ${asset[1]}`, text: await res.text() });
        }
        const settings = appSettingsFor(world.sandbox, writePipelineConfig());
        const audit = await createAdapters(createClients(settings)).audit.events(
          pushed.releaseId,
          'pwbi-api',
        );
        assert.ok(audit.length >= 5);
        seen.push({ where: 'audit trail', text: JSON.stringify(audit) });
        seen.push({ where: 'host log', text: hostLog.join('\n') });

        const leaks = seen.flatMap(({ where, text }) =>
          leaksIn(text, keys).map((what) => `${where}: ${what}`),
        );
        assert.deepEqual(leaks, []);
        // The scan would see them: the requests themselves carried the key.
        assert.ok(seen.length > 20);
      },
    );
  });

  it('refuses callbacks with a wrong, replayed, other-hook or expired token; nothing changes', async () => {
    const { pushed, stage, e2e, load } = await Given(
      'a release whose verify hooks e2e and load-test both answered 202 (running)',
      async () => {
        world.sandbox.setHook('migrate', 'pass');
        world.sandbox.setHook('e2e', 'hang');
        world.sandbox.setHook('load-test', 'hang');
        const pushed = await world.pushAndApproveStaging('8.1.0', 'healthy', {
          actor: 'ci-bot@contoso.com',
        });
        const stage = stageInstanceId(pushed.releaseId, 'staging');
        await world.host.waitFor(
          stage,
          (s) => (s.customStatus as StageProgress | null)?.awaitingCallbacks?.length === 2,
          { maxVirtualMs: 3_600_000, realTimeoutMs: 60_000 },
        );
        const callOf = (hook: string) => {
          const body = world.sandbox.hookCalls(hook).at(-1)?.body as {
            releaseId: string;
            callbackUrl: string;
            callbackToken: string;
          };
          assert.equal(body.releaseId, pushed.releaseId);
          return body;
        };
        return { pushed, stage, e2e: callOf('e2e'), load: callOf('load-test') };
      },
    );
    const post = async (url: string, body: unknown): Promise<ApiAnswer> => {
      // As a third-party hook does: no function key, no identity.
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      const answer = { status: res.status, body: text, headers: res.headers, text };
      keep(`callback ${url}`, answer);
      return answer;
    };
    const checksNow = async () =>
      ((await call('GET', `/api/releases/${pushed.releaseId}`)).body as ReleaseView).stages[1]
        ?.checks;
    const before = await And('the release view shows both Running', async () => {
      const checks = await checksNow();
      assert.deepEqual(
        checks?.filter((c) => ['e2e', 'load-test'].includes(c.name)).map((c) => c.status),
        ['Running', 'Running'],
      );
      return checks;
    });

    const refused = await When(
      "callbacks arrive with a wrong token and with another hook's token",
      async () => {
        const wrong = await post(e2e.callbackUrl, { status: 'passed', token: 'x'.repeat(43) });
        const otherHook = await post(e2e.callbackUrl, {
          status: 'passed',
          token: load.callbackToken,
        });
        const noSuchCall = await post(`${world.host.url}/api/hooks/nope`, {
          status: 'passed',
          token: e2e.callbackToken,
        });
        await world.host.settle();
        return [wrong, otherHook, noSuchCall];
      },
    );

    await Then('they are refused (401 problem) and nothing changed', async () => {
      for (const answer of refused) {
        assert.equal(answer.status, 401, answer.text);
        assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.ok(
          !answer.text.includes(e2e.callbackToken) && !answer.text.includes(load.callbackToken),
        );
      }
      assert.deepEqual(await checksNow(), before);
      assert.deepEqual(
        (await stageProgress(pushed.releaseId, 'staging'))?.awaitingCallbacks?.length,
        2,
      );
    });

    await When(
      'the right token arrives, then it is used once: a replay is refused (410)',
      async () => {
        const right = await post(e2e.callbackUrl, {
          status: 'passed',
          token: e2e.callbackToken,
          detail: 'green',
        });
        assert.equal(right.status, 202, right.text);
        assert.equal(
          right.headers.get('location'),
          `${world.host.url}/api/releases/${pushed.releaseId}`,
        );
        const replay = await post(e2e.callbackUrl, { status: 'failed', token: e2e.callbackToken });
        assert.equal(replay.status, 410, replay.text);
        await world.host.settle();
        const afterE2e = await world.host.waitFor(
          stage,
          (s) =>
            (s.customStatus as StageProgress | null)?.checks.find((c) => c.name === 'e2e')
              ?.status === 'Passed',
          { maxVirtualMs: 0, realTimeoutMs: 30_000 },
        );
        assert.equal(
          (afterE2e.customStatus as StageProgress).checks.find((c) => c.name === 'e2e')?.detail,
          'green',
          'the replayed "failed" changed nothing',
        );
      },
    );

    await When(
      "load-test's deadline passes, then its token has expired with it (410)",
      async () => {
        await world.host.waitFor(
          stage,
          (s) =>
            (s.customStatus as StageProgress | null)?.checks.find((c) => c.name === 'load-test')
              ?.status === 'Failed',
          { maxVirtualMs: 3_600_000, realTimeoutMs: 60_000 },
        );
        const expired = await post(load.callbackUrl, {
          status: 'passed',
          token: load.callbackToken,
        });
        assert.equal(expired.status, 410, expired.text);
        const ended = await world.untilEnded(pushed.releaseId);
        assert.equal(ended.status, 'Failed');
        assert.match(ended.step, /load-test failed: timed out/);
      },
    );
    world.sandbox.setHook('e2e', 'pass');
    world.sandbox.setHook('load-test', 'pass');
    await And('no answer carried a key or a Durable path', () => {
      assert.deepEqual(
        seen.flatMap(({ where, text }) => leaksIn(text, keys).map((w) => `${where}: ${w}`)),
        [],
      );
    });
  });

  it('50 concurrent decisions on one stage: one 202, 49 × 409 naming the decision that won', async () => {
    const pushed = await Given('a release waiting for staging', async () => {
      const pushed = await world.push('8.2.0', 'healthy', { actor: 'ci-bot@contoso.com' });
      await world.untilWaitingFor(pushed.releaseId, 'staging');
      return pushed;
    });

    const answers = await When('the QA lead sends 40 approvals and 10 rejections at once', () =>
      Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          i % 5 === 4
            ? call(
                'POST',
                `/api/releases/${pushed.releaseId}/reject`,
                { stage: 'staging', reason: `no ${i}` },
                users.qaLead,
              )
            : call(
                'POST',
                `/api/releases/${pushed.releaseId}/approve`,
                { stage: 'staging', comment: `yes ${i}` },
                users.qaLead,
              ),
        ),
      ),
    );

    const accepted = answers.filter((a) => a.status === 202);
    const winner = await Then('one is accepted; the 49 others name the decision that won', () => {
      // The losers answer 409 naming the winner; one that arrives after a winning rejection has
      // already ended the release answers 410 (ended, DESIGN §4), naming the winner too.
      const conflicts = answers.filter((a) => a.status === 409 || a.status === 410);
      assert.equal(accepted.length, 1, JSON.stringify(answers.map((a) => a.status)));
      assert.equal(conflicts.length, 49);
      const winnerDecision = (accepted[0]?.body as { decision: string }).decision;
      if (winnerDecision === 'approved') assert.ok(conflicts.every((c) => c.status === 409));
      const winner = accepted[0]?.body as { decision: string; by: string; at: string };
      for (const c of conflicts) {
        assert.deepEqual((c.body as { decided?: unknown }).decided, {
          decision: winner.decision,
          by: winner.by,
          at: winner.at,
        });
      }
      return winner;
    });

    await world.host.settle();
    await And('the release goes the way the winner decided', async () => {
      if (winner.decision === 'rejected') {
        assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Rejected');
      } else {
        const waiting = await world.untilWaitingFor(pushed.releaseId, 'production');
        assert.equal(waiting.stages[1]?.approval?.by, users.qaLead);
        assert.equal(
          waiting.stages[1]?.approval?.comment,
          (accepted[0]?.body as { comment?: string }).comment,
        );
        await world.cancel(pushed.releaseId, users.engLead, 'done');
        assert.equal((await world.untilEnded(pushed.releaseId)).status, 'Canceled');
      }
    });
  });

  it('a push by qa-lead@contoso.com cannot be approved by qa-lead', async () => {
    const pushed = await Given('a release qa-lead pushed, waiting for staging', async () => {
      const pushed = await world.push('8.3.0', 'healthy', { actor: users.qaLead });
      await world.untilWaitingFor(pushed.releaseId, 'staging');
      const view = (await call('GET', `/api/releases/${pushed.releaseId}`)).body as ReleaseView;
      assert.equal(view.requestedBy, users.qaLead);
      return pushed;
    });

    const self = await When('qa-lead approves it (spelt in another case)', () =>
      call(
        'POST',
        `/api/releases/${pushed.releaseId}/approve`,
        { stage: 'staging' },
        'QA-Lead@Contoso.com',
      ),
    );

    await Then('it is refused as self-approval and the release still waits', async () => {
      assert.equal(self.status, 403, self.text);
      assert.match(self.text, /started|own|self/i);
      await world.host.settle();
      const still = (await call('GET', `/api/releases/${pushed.releaseId}`)).body as ReleaseView;
      assert.equal(still.status, 'WaitingForApproval');
      assert.equal(still.stages[1]?.approval, undefined);
    });
    await world.cancel(pushed.releaseId, users.engLead, 'done');
  });
});
