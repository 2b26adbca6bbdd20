import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { sealOrchestrationInput } from '../../../src/activities/sealOrchestrationInput.js';
import { verifyOrchestrationInput } from '../../../src/activities/verifyOrchestrationInput.js';
import { RetryAfterError, ValidationError } from '../../../src/domain/errors.js';
import { isSealed, isSealedInput, sealInput } from '../../../src/domain/identity/index.js';
import { MemoryStartClaims } from '../support/durable/MemoryStartClaims.js';

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
  it('the seal the activity makes is the one the verifying activity accepts', async () => {
    const deps = { sealKey: key, audit: new MemoryStartClaims() };
    const parent = release;
    const ref = { name: 'monitorRelease', instanceId: `${release}-monitor`, input };
    const { seal } = sealOrchestrationInput(key, { ...ref, parentInstanceId: parent });
    const started = { ...ref, parentInstanceId: parent, input: { ...input, seal } };
    assert.deepEqual(await verifyOrchestrationInput(deps, started), { valid: true });
    const refused = { valid: false, refusal: 'notSealed' };
    assert.deepEqual(
      await verifyOrchestrationInput(deps, { ...started, instanceId: release }),
      refused,
    );
    assert.deepEqual(
      await verifyOrchestrationInput(deps, { ...ref, parentInstanceId: parent }),
      refused,
    );
    assert.deepEqual(await verifyOrchestrationInput({ ...deps, sealKey: '' }, started), refused);
    assert.equal(deps.audit.claims.size, 0, 'a sub-orchestration claims nothing');
  });
});

describe('verifyOrchestrationInput: a sealed top-level input is good for one execution', () => {
  const sealed = sealInput('releasePipeline', release, input, key);
  const first = { executionId: 'e1', startedAt: '2026-01-05T09:00:00.000Z' };
  const ref = (execution?: { executionId?: string; startedAt: string }) => ({
    name: 'releasePipeline',
    instanceId: release,
    input: sealed,
    ...(execution === undefined ? {} : { execution }),
  });

  it('the first execution claims it; the same execution again (retry, replay) passes', async () => {
    const claims = new MemoryStartClaims();
    const deps = { sealKey: key, audit: claims };
    assert.deepEqual(await verifyOrchestrationInput(deps, ref(first)), { valid: true });
    assert.deepEqual(await verifyOrchestrationInput(deps, ref(first)), { valid: true });
    assert.equal(claims.claims.size, 1);
    const [claim] = [...claims.claims.values()];
    assert.equal(claim?.execution, '2026-01-05T09:00:00.000Z|e1');
    assert.equal(claim?.startedAt, first.startedAt);
    assert.match(claim?.inputKey ?? '', /^[0-9a-f]{64}$/);
    assert.ok(!JSON.stringify(claim).includes(sealed.seal), 'the seal itself is not stored');
  });

  it('another execution of the same instance with the same input is refused, naming the first', async () => {
    const deps = { sealKey: key, audit: new MemoryStartClaims() };
    await verifyOrchestrationInput(deps, ref(first));
    const refused = { valid: false, refusal: 'alreadyRan', firstStartedAt: first.startedAt };
    // Another execution id at the same instant (a virtual clock that stood still)...
    assert.deepEqual(
      await verifyOrchestrationInput(deps, ref({ ...first, executionId: 'e2' })),
      refused,
    );
    // ...a later first episode, or a host that exposes no execution id: all refused.
    assert.deepEqual(
      await verifyOrchestrationInput(
        deps,
        ref({ ...first, startedAt: '2026-01-05T10:00:00.000Z' }),
      ),
      refused,
    );
    assert.deepEqual(
      await verifyOrchestrationInput(deps, ref({ startedAt: first.startedAt })),
      refused,
    );
  });

  it('another sealed input under the same instance id (the next lock holder) claims anew', async () => {
    const deps = { sealKey: key, audit: new MemoryStartClaims() };
    const lock = (holder: string) =>
      sealInput(
        'productionLock',
        'lock-pwbi-api-prod',
        { site: 's', holder, releaseId: holder },
        key,
      );
    const run = (holder: string, executionId: string) =>
      verifyOrchestrationInput(deps, {
        name: 'productionLock',
        instanceId: 'lock-pwbi-api-prod',
        input: lock(holder),
        execution: { executionId, startedAt: first.startedAt },
      });
    assert.deepEqual(await run('a-production', 'x1'), { valid: true });
    assert.deepEqual(await run('b-production', 'x2'), { valid: true });
    assert.equal((await run('a-production', 'x3')).refusal, 'alreadyRan');
  });

  it('an unsealed input is refused before any claim; a top-level check without its execution is a ValidationError', async () => {
    const claims = new MemoryStartClaims();
    const deps = { sealKey: key, audit: claims };
    assert.deepEqual(
      await verifyOrchestrationInput(deps, {
        ...ref(first),
        input: { ...sealed, seal: 'A'.repeat(43) },
      }),
      { valid: false, refusal: 'notSealed' },
    );
    assert.equal(claims.claims.size, 0);
    await assert.rejects(
      verifyOrchestrationInput(deps, ref()),
      (err: unknown) => err instanceof ValidationError && err.field === 'execution.startedAt',
    );
    assert.equal(claims.claims.size, 0);
  });

  it('storage errors are thrown (the orchestration retries, then refuses), never a pass', async () => {
    const claims = new MemoryStartClaims();
    claims.failWith = new RetryAfterError('audit claimStart: storage unreachable', 2_000);
    const deps = { sealKey: key, audit: claims };
    await assert.rejects(verifyOrchestrationInput(deps, ref(first)), RetryAfterError);
    claims.failWith = undefined;
    assert.deepEqual(await verifyOrchestrationInput(deps, ref(first)), { valid: true });
  });
});
