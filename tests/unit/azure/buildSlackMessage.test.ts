import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Notification } from '../../../src/azure/ports/index.js';
import { buildSlackMessage, escapeMrkdwn } from '../../../src/azure/slack/buildSlackMessage.js';

const base: Notification = {
  key: 'k',
  pipeline: 'pwbi-api',
  releaseId: 'pwbi-api-0123',
  stage: 'production',
  outcome: 'rolled back',
  severity: 'critical',
  image: 'pwbiregistry.azurecr.io/pwbi-api@sha256:' + 'b'.repeat(64),
  text: 'error rate 3.1% > 1% <for 2 samples>',
  links: { release: 'https://slotpilot.example/api/console#/releases/pwbi-api-0123' },
};

test('header carries icon, pipeline, stage and outcome; text is the fallback', () => {
  const msg = buildSlackMessage(base);
  assert.deepEqual(msg.blocks[0], {
    type: 'header',
    text: {
      type: 'plain_text',
      text: ':rotating_light: pwbi-api · production · rolled back',
      emoji: true,
    },
  });
  assert.equal(
    msg.text,
    `[critical] pwbi-api production: rolled back — ${base.image} (${base.links.release})`,
  );
});

test('the body text and fields are escaped mrkdwn with the image and release id', () => {
  const msg = buildSlackMessage(base);
  assert.deepEqual(msg.blocks[1], {
    type: 'section',
    text: { type: 'mrkdwn', text: 'error rate 3.1% &gt; 1% &lt;for 2 samples&gt;' },
  });
  assert.deepEqual(msg.blocks[2], {
    type: 'section',
    fields: [
      { type: 'mrkdwn', text: `*Image*\n\`${base.image}\`` },
      { type: 'mrkdwn', text: '*Release*\npwbi-api-0123' },
    ],
  });
});

test('buttons open the release page; waiting for approval adds one to approve there and names the API endpoint', () => {
  const without = buildSlackMessage({ ...base, severity: 'info' });
  const actions = without.blocks.find((b) => b.type === 'actions');
  assert.deepEqual(
    actions?.type === 'actions' && actions.elements.map((e) => [e.action_id, e.url]),
    [['slotpilot-open-release', base.links.release]],
  );
  const withApprove = buildSlackMessage({
    ...base,
    severity: 'warning',
    links: { ...base.links, approve: `${base.links.release}/approve` },
  });
  const buttons = withApprove.blocks.find((b) => b.type === 'actions');
  assert.deepEqual(
    buttons?.type === 'actions' && buttons.elements.map((e) => [e.text.text, e.style, e.url]),
    [
      ['Open release', undefined, base.links.release],
      ['Review and approve production', 'primary', base.links.release],
      ['Approve', 'primary', undefined],
      ['Reject', 'danger', undefined],
    ],
  );
  const decide = buttons?.type === 'actions' ? buttons.elements.slice(2) : [];
  assert.deepEqual(
    decide.map((e) => [e.action_id, JSON.parse(e.value ?? '') as unknown]),
    [
      [
        'slotpilot-decide-approve',
        { releaseId: base.releaseId, stage: 'production', action: 'approve' },
      ],
      [
        'slotpilot-decide-reject',
        { releaseId: base.releaseId, stage: 'production', action: 'reject' },
      ],
    ],
  );
  const terminal = withApprove.blocks.find((b) => b.type === 'context');
  assert.deepEqual(terminal?.type === 'context' && terminal.elements.map((e) => e.text), [
    `From a terminal: \`npx slotpilot approve pwbi-api-0123 --stage production\` or POST ${base.links.release}/approve`,
  ]);
  assert.ok(!without.blocks.some((b) => b.type === 'context' && b !== without.blocks.at(-1)));
});

test('only critical messages carry the critical context line; a missing stage reads "release"', () => {
  assert.equal(buildSlackMessage(base).blocks.at(-1)?.type, 'context');
  const info = buildSlackMessage({ ...base, severity: 'success', stage: undefined });
  assert.notEqual(info.blocks.at(-1)?.type, 'context');
  assert.match(JSON.stringify(info.blocks[0]), /pwbi-api · release · rolled back/);
});

test('Slack limits are respected: header 150, section 3000', () => {
  const msg = buildSlackMessage({ ...base, outcome: 'x'.repeat(400), text: 'y'.repeat(5000) });
  const header = msg.blocks[0];
  const section = msg.blocks[1];
  assert.equal(header?.type === 'header' && header.text.text.length, 150);
  assert.equal(section?.type === 'section' && section.text?.text.length, 3000);
});

test('escapeMrkdwn escapes &, < and >', () => {
  assert.equal(escapeMrkdwn('<a&b>'), '&lt;a&amp;b&gt;');
});
