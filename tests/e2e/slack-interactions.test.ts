import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { clickSlackButton } from '../../sandbox/index.js';
import type { ReleaseView } from '../../src/domain/view/index.js';
import { e2eSlackSigningSecret } from './support/appSettings.js';
import type { ConfigDoc } from './support/pipelineConfig.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

interface Button {
  action_id: string;
  value?: string;
}

describe('approvals from Slack: signed Block Kit clicks', () => {
  let world: PipelineWorld;
  let releaseId = '';
  let approveValue = '';

  before(async () => {
    world = await PipelineWorld.start({
      config: {
        edit: (doc: ConfigDoc) => {
          (doc as unknown as Record<string, unknown>).slack = {
            users: { UQALEAD: users.qaLead, UMALLORY: users.stranger },
          };
        },
      },
    });
    const pushed = await world.push('8.0.0');
    releaseId = pushed.releaseId;
    await world.untilWaitingFor(releaseId, 'staging');
    // The approval request in Slack carries Approve and Reject buttons for this wait
    const buttons = world.sandbox
      .slackMessages('releases')
      .flatMap((m) => (m.body as { blocks?: { type: string; elements?: Button[] }[] }).blocks ?? [])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const approve = buttons.find(
      (b) => b.action_id === 'slotpilot-decide-approve' && b.value?.includes(releaseId),
    );
    assert.ok(
      buttons.some((b) => b.action_id === 'slotpilot-decide-reject'),
      'a Reject button',
    );
    approveValue = approve?.value ?? '';
    assert.deepEqual(JSON.parse(approveValue), { releaseId, stage: 'staging', action: 'approve' });
  });
  after(async () => {
    await world?.stop();
  });

  let responses = 0;
  const click = (userId: string, extra: { timestampSeconds?: number; signWith?: string } = {}) =>
    clickSlackButton({
      requestUrl: `${world.host.url}/api/slack/interactions`,
      signingSecret: e2eSlackSigningSecret,
      userId,
      actionId: 'slotpilot-decide-approve',
      value: approveValue,
      responseUrl: `${world.sandbox.slackUrl}/responses`,
      ...extra,
    });
  const newResponses = (): Record<string, unknown>[] => {
    const all = world.sandbox
      .slackMessages('responses')
      .map((m) => m.body as Record<string, unknown>);
    const fresh = all.slice(responses);
    responses = all.length;
    return fresh;
  };
  const status = async (): Promise<string> => {
    await world.host.settle();
    return ((await world.api.get(releaseId)).body as ReleaseView).status;
  };

  it('refuses a bad signature with 401 and changes nothing', async () => {
    const forged = await click('UQALEAD', { signWith: 'not-the-secret' });
    assert.equal(forged.status, 401);
    assert.equal(await status(), 'WaitingForApproval');
    assert.deepEqual(newResponses(), []);
  });

  it('refuses a stale timestamp (over five minutes) with 401 and changes nothing', async () => {
    const stale = await click('UQALEAD', { timestampSeconds: Math.floor(Date.now() / 1000) - 301 });
    assert.equal(stale.status, 401);
    assert.equal(await status(), 'WaitingForApproval');
    assert.deepEqual(newResponses(), []);
  });

  it('tells an unknown Slack user they are not mapped, only to them; nothing changes', async () => {
    const unknown = await click('UNOBODY');
    assert.equal(unknown.status, 200);
    const [answer] = newResponses();
    assert.equal(answer?.response_type, 'ephemeral');
    assert.equal(answer?.replace_original, false);
    assert.match(String(answer?.text), /not mapped to a Slotpilot approver/);
    assert.equal(await status(), 'WaitingForApproval');
  });

  it('applies the approval policy: a mapped non-approver is refused (403); nothing changes', async () => {
    const stranger = await click('UMALLORY');
    assert.equal(stranger.status, 200);
    const [answer] = newResponses();
    assert.equal(answer?.replace_original, false);
    assert.match(String(answer?.text), /Not recorded \(403\).*not an approver/);
    assert.equal(await status(), 'WaitingForApproval');
  });

  it('approves for the mapped approver once on a double click, and updates the message in place', async () => {
    const [a, b] = await Promise.all([click('UQALEAD'), click('UQALEAD')]);
    assert.deepEqual([a.status, b.status], [200, 200]);
    const answers = newResponses();
    const replaced = answers.filter((r) => r.replace_original === true);
    const refused = answers.filter((r) => r.replace_original === false);
    assert.equal(replaced.length, 1, JSON.stringify(answers));
    assert.match(
      String(replaced[0]?.text),
      new RegExp(`Approved: staging of ${releaseId} by ${users.qaLead}`),
    );
    assert.equal(refused.length, 1);
    assert.match(String(refused[0]?.text), /Not recorded \(409\)/);

    await world.untilWaitingFor(releaseId, 'production');
    const view = (await world.api.get(releaseId)).body as ReleaseView;
    const staging = view.stages.find((s) => s.name === 'staging');
    assert.equal(staging?.approval?.by, users.qaLead);
    assert.equal(staging?.approvals?.length, 1, 'recorded once');
  });
});
