import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseConfig } from '../../../src/domain/config/index.js';
import { parseImagePushedEvent } from '../../../src/domain/images/index.js';
import { buildSlotsView, matchPipelines } from '../../../src/domain/view/index.js';

const config = parseConfig(
  `
pipelines:
  - name: api
    source: { registry: reg.azurecr.io, repository: api, tags: ['1.*', 'release-*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-dev }
      - name: production
        target: { resourceGroup: rg, site: api-prod, slot: staging }
  - name: api-canary
    source: { registry: reg.azurecr.io, repository: api, tags: ['canary-*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-canary }
`,
  { settings: {}, localMode: true },
);

const digest = `sha256:${'cd'.repeat(32)}`;
const pushEvent = (repository: string, tag: string | undefined) => ({
  id: 'e1',
  eventType: 'Microsoft.ContainerRegistry.ImagePushed',
  data: {
    target: {
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      repository,
      digest,
      ...(tag ? { tag } : {}),
    },
    request: { host: 'reg.azurecr.io' },
  },
});

describe('matchPipelines', () => {
  it('matches a push by registry, repository and tag filter', () => {
    const push = parseImagePushedEvent(pushEvent('api', '1.4.2'));
    assert.equal(push.kind, 'push');
    if (push.kind !== 'push') return;
    const match = matchPipelines(config, push);
    assert.equal(match.kind, 'matched');
    assert.deepEqual(match.kind === 'matched' ? match.pipelines.map((p) => p.name) : [], ['api']);
  });

  it('says which pipelines filtered a tag out', () => {
    assert.deepEqual(
      matchPipelines(config, { registry: 'reg.azurecr.io', repository: 'api', tag: 'latest' }),
      { kind: 'filtered', pipelines: ['api', 'api-canary'] },
    );
  });

  it('reports an image no pipeline names', () => {
    assert.deepEqual(
      matchPipelines(config, { registry: 'other.azurecr.io', repository: 'api', tag: '1.0' }),
      { kind: 'unknownSource' },
    );
    assert.deepEqual(
      matchPipelines(config, { registry: 'reg.azurecr.io', repository: 'web', tag: '1.0' }),
      { kind: 'unknownSource' },
    );
  });

  it('ignores tag filters for a start by digest alone', () => {
    const match = matchPipelines(config, { registry: 'REG.azurecr.io', repository: 'api' });
    assert.deepEqual(match.kind === 'matched' ? match.pipelines.map((p) => p.name) : [], [
      'api',
      'api-canary',
    ]);
  });

  it('never starts anything for a tagless push', () => {
    assert.equal(parseImagePushedEvent(pushEvent('api', undefined)).kind, 'ignored');
  });
});

describe('buildSlotsView', () => {
  it('lists each stage with its site, production first', () => {
    const pipeline = config.pipelines[0];
    assert.ok(pipeline);
    const view = buildSlotsView(pipeline, [
      [
        {
          name: 'production',
          image: `reg.azurecr.io/api@${digest}`,
          digest,
          state: 'Running',
          hostName: 'api-dev.azurewebsites.net',
        },
      ],
      [
        { name: 'staging', state: 'Running', hostName: 'api-prod-staging.azurewebsites.net' },
        {
          name: 'production',
          image: `reg.azurecr.io/api@${digest}`,
          digest,
          state: 'Running',
          hostName: 'api-prod.azurewebsites.net',
        },
      ],
    ]);
    assert.deepEqual(view, {
      pipeline: 'api',
      stages: [
        {
          stage: 'dev',
          site: 'api-dev',
          slots: [
            {
              name: 'production',
              image: `reg.azurecr.io/api@${digest}`,
              digest,
              state: 'Running',
              hostName: 'api-dev.azurewebsites.net',
            },
          ],
        },
        {
          stage: 'production',
          site: 'api-prod',
          slots: [
            {
              name: 'production',
              image: `reg.azurecr.io/api@${digest}`,
              digest,
              state: 'Running',
              hostName: 'api-prod.azurewebsites.net',
            },
            {
              name: 'staging',
              image: null,
              digest: null,
              state: 'Running',
              hostName: 'api-prod-staging.azurewebsites.net',
            },
          ],
        },
      ],
    });
  });
});
