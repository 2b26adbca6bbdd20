import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  type PlannedStage,
  releaseIdFor,
  type ReleaseInput,
  type StageInput,
  stageInstanceId,
} from '../../src/domain/release/index.js';
import { armWrites, auditCalls, ended, postJson, startUrl } from './support/durableKeyAttacks.js';
import { PipelineWorld, users } from './support/PipelineWorld.js';

/**
 * What an attacker who can read a durable status URL (the 202 body of POST /api/releases, or
 * `links.status` of the release view) can do with the system key it carries: start any
 * orchestrator of the function app through the Durable HTTP API's start route.
 */
describe('security: orchestrations started around the API are refused', () => {
  let world: PipelineWorld;
  before(async () => {
    world = await PipelineWorld.start();
  });
  after(async () => {
    await world?.stop();
  });

  it('a release or production stage started with the status URL key fails; nothing is deployed or swapped; the API release goes on', async () => {
    // Given a release started through the API, waiting for staging's approval
    const legit = await world.push('8.0.0', 'healthy', { deliver: 'none' });
    const answer = await world.api.start(
      `pwbiregistry.azurecr.io/pwbi-api:8.0.0@${legit.digest}`,
      users.engLead,
    );
    assert.equal(answer.status, 202);
    const statusUri = (answer.body as { statusQueryGetUri: string }).statusQueryGetUri;
    await world.untilWaitingFor(legit.releaseId, 'staging');
    const legitInput = (await world.host.getStatus(legit.releaseId))?.input as ReleaseInput & {
      seal: string;
    };
    assert.match(legitInput.seal, /^[A-Za-z0-9_-]{43}$/, 'the API sealed the release input');

    // And an image the attacker wants live, pushed without an Event Grid delivery
    const evil = await world.push('8.6.6', 'healthy', { deliver: 'none' });
    const writesBefore = armWrites(world).length;
    const swapsBefore = world.swapCalls();

    // When the attacker starts releasePipeline with the same plan minus every approval (and the
    // legitimate release's seal copied over), and productionRelease straight at production
    const noApprovals: PlannedStage[] = legitInput.plan.stages.map(
      ({ approval: _approval, ...stage }) => stage,
    );
    const forgedRelease: ReleaseInput & { seal: string } = {
      ...legitInput,
      releaseId: releaseIdFor('pwbi-api', evil.digest),
      image: evil.image,
      tag: '8.6.6',
      digest: evil.digest,
      requestedBy: users.engLead,
      plan: { stages: noApprovals },
    };
    const production = noApprovals.find((s) => s.target.slot !== undefined);
    assert.ok(production !== undefined, 'the pipeline has a production slot stage');
    const forgedStage: StageInput = {
      releaseId: 'evil',
      pipeline: 'pwbi-api',
      image: evil.image,
      digest: evil.digest,
      stage: production,
    };
    const releaseUrl = startUrl(statusUri, 'releasePipeline', forgedRelease.releaseId);
    const stageUrl = startUrl(statusUri, 'productionRelease', 'evil-production');
    assert.equal(
      await postJson(releaseUrl, forgedRelease),
      202,
      'the durable API accepts the start',
    );
    assert.equal(await postJson(stageUrl, forgedStage), 202, 'the durable API accepts the start');
    // And restarts the finished dev stage with the sealed input its status shows
    const devId = stageInstanceId(legit.releaseId, 'dev');
    const devInput = (await world.host.getStatus(devId))?.input as { seal?: unknown };
    assert.equal(typeof devInput.seal, 'string', 'the release sealed its stage input');
    assert.equal(await postJson(startUrl(statusUri, 'deployStage', devId), devInput), 202);

    // Then all end Failed at once, saying why, with only the check and its audit line
    for (const id of [forgedRelease.releaseId, 'evil-production', devId]) {
      const { status, scheduled, history } = await ended(world, id);
      const refusals = auditCalls(history, 'forgedStartRefused');
      const audited = refusals.some((e) => !String(e['Input']).includes('seal'));
      assert.equal(status.runtimeStatus, 'Failed', `${id} failed`);
      assert.match(
        JSON.stringify(status.output),
        /input not sealed by Slotpilot: started outside its API/,
      );
      assert.ok(audited, `${id} audited forgedStartRefused without the seal`);
      assert.deepEqual(scheduled, ['recordAudit', 'verifyOrchestrationInput']);
    }
    await world.host.settle();

    // And App Service saw no deploy, no config change and no swap
    assert.equal(armWrites(world).length, writesBefore, 'no ARM write since the forged starts');
    assert.equal(world.swapCalls(), swapsBefore);
    assert.equal(await world.host.getStatus('evil-production-monitor'), undefined);
    assert.equal(await world.host.getStatus(`${forgedRelease.releaseId}-dev`), undefined);
    assert.notEqual(await world.productionServes(), evil.image);

    // When the approver approves the API release, and a new push arrives through Event Grid
    await world.approve(legit.releaseId, 'staging', users.qaLead);
    const next = await world.push('8.1.0');

    // Then both flow as usual through their sealed stages
    const staged = await world.untilWaitingFor(legit.releaseId, 'production');
    assert.equal(staged.stages[1]?.status, 'Succeeded');
    const fresh = await world.until(next.releaseId, (s) => s.stages[0]?.status === 'Succeeded');
    assert.equal(fresh.stages[0]?.name, 'dev');
    assert.ok(armWrites(world).length > writesBefore, 'the API releases deployed');
  });
});
