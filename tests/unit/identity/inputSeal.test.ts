import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { sealOrchestrationInput } from '../../../src/activities/sealOrchestrationInput.js';
import { verifyOrchestrationInput } from '../../../src/activities/verifyOrchestrationInput.js';
import { isSealed, isSealedInput, sealInput } from '../../../src/domain/identity/index.js';

const key = 'test-signing-key-0123456789abcdef0123456789';
const release = 'pwbi-api-abababababababababab';
const input = {
  releaseId: release,
  pipeline: 'pwbi-api',
  digest: `sha256:${'ab'.repeat(32)}`,
  plan: { stages: [{ name: 'dev', approval: undefined, checks: [] }] },
};

describe('sealInput / isSealedInput', () => {
  it('seals an input that then verifies for its orchestrator and instance, keeping every field', () => {
    const sealed = sealInput('releasePipeline', release, input, key);
    assert.deepEqual({ ...sealed, seal: undefined }, { ...input, seal: undefined });
    assert.match(sealed.seal, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(isSealedInput('releasePipeline', release, sealed, key), true);
    const roundTrip = JSON.parse(JSON.stringify(sealed)) as unknown;
    assert.equal(isSealedInput('releasePipeline', release, roundTrip, key), true);
  });

  it('is deterministic and ignores an old seal on the input', () => {
    const once = sealInput('deployStage', `${release}-dev`, input, key);
    const twice = sealInput('deployStage', `${release}-dev`, { ...once, seal: 'old' }, key);
    assert.equal(once.seal, twice.seal);
  });

  it('refuses a missing, malformed or wrong seal', () => {
    assert.equal(isSealedInput('releasePipeline', release, input, key), false);
    assert.equal(isSealedInput('releasePipeline', release, { ...input, seal: 'x' }, key), false);
    const forged = { ...input, seal: 'A'.repeat(43) };
    assert.equal(isSealedInput('releasePipeline', release, forged, key), false);
    assert.equal(isSealedInput('releasePipeline', release, null, key), false);
    assert.equal(isSealedInput('releasePipeline', release, [input], key), false);
  });

  it('refuses a changed field, another orchestrator, another instance and another key', () => {
    const sealed = sealInput('releasePipeline', release, input, key);
    const noApprovals = { ...sealed, plan: { stages: [] } };
    assert.equal(isSealedInput('releasePipeline', release, noApprovals, key), false);
    assert.equal(isSealedInput('productionRelease', release, sealed, key), false);
    assert.equal(isSealedInput('releasePipeline', `${release}-x`, sealed, key), false);
    assert.equal(isSealedInput('releasePipeline', release, sealed, `${key}x`), false);
    assert.equal(isSealedInput('releasePipeline', release, sealed, ''), false);
  });

  it('binds a sub-orchestration input to its parent; no parent is the same whatever the host sends', () => {
    const stage = `${release}-production`;
    const sealed = sealInput('productionRelease', stage, input, key, release);
    assert.equal(isSealedInput('productionRelease', stage, sealed, key, release), true);
    assert.equal(isSealedInput('productionRelease', stage, sealed, key), false);
    assert.equal(isSealedInput('productionRelease', stage, sealed, key, 'other'), false);
    const top = sealInput('releasePipeline', release, input, key);
    const none = [undefined, '', null as unknown as string];
    for (const parent of none) {
      assert.equal(isSealedInput('releasePipeline', release, top, key, parent), true);
    }
  });

  it('an input seal is never an event seal, and an event seal never an input seal', () => {
    const sealed = sealInput('releasePipeline', release, input, key);
    assert.equal(isSealed(release, 'releasePipeline', sealed, key), false);
    assert.equal(isSealed(release, 'approval', sealed, key), false);
  });

  it('throws without a key, naming the setting', () => {
    assert.throws(
      () => sealInput('releasePipeline', release, input, ''),
      /SLOTPILOT_SIGNING_KEY: expected a signing key to seal orchestration inputs/,
    );
  });
});

describe('sealOrchestrationInput / verifyOrchestrationInput activities', () => {
  it('the seal the activity makes is the one the verifying activity accepts', () => {
    const ref = { name: 'monitorRelease', instanceId: `${release}-monitor`, input };
    const { seal } = sealOrchestrationInput(key, ref);
    const started = { ...ref, input: { ...input, seal } };
    assert.deepEqual(verifyOrchestrationInput(key, started), { valid: true });
    assert.deepEqual(verifyOrchestrationInput(key, { ...started, instanceId: release }), {
      valid: false,
    });
    assert.deepEqual(verifyOrchestrationInput(key, ref), { valid: false });
    assert.deepEqual(verifyOrchestrationInput('', started), { valid: false });
  });
});
