import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseConfig } from '../../../src/domain/config/index.js';
import { buildSlotsView } from '../../../src/domain/view/index.js';

const config = parseConfig(
  `
pipelines:
  - name: api
    source: { registry: reg.azurecr.io, repository: api }
    stages:
      - name: dev
        target: { subscription: s, resourceGroup: rg, site: api-dev }
      - name: production
        target: { resourceGroup: rg, site: api-prod, slot: staging }
`,
  { settings: {} },
);

describe('slots view: routing percentages', () => {
  it('gives each slot its rule’s share and production the rest; none without rules read', () => {
    const pipeline = config.pipelines[0];
    assert.ok(pipeline);
    const view = buildSlotsView(
      pipeline,
      [
        [{ name: 'production', state: 'Running', hostName: 'api-dev.azurewebsites.net' }],
        [
          { name: 'production', state: 'Running', hostName: 'api-prod.azurewebsites.net' },
          { name: 'staging', state: 'Running', hostName: 'api-prod-staging.azurewebsites.net' },
        ],
      ],
      [undefined, [{ hostName: 'API-PROD-STAGING.azurewebsites.net', percent: 25 }]],
    );
    assert.equal(view.stages[0]?.slots[0]?.trafficPercent, undefined);
    assert.deepEqual(
      view.stages[1]?.slots.map((s) => [s.name, s.trafficPercent]),
      [
        ['production', 75],
        ['staging', 25],
      ],
    );
  });
});
