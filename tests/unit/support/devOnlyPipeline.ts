import { parseConfig, type PipelineConfig } from '../../../src/domain/config/index.js';

/** Pipeline `api` of `reg.azurecr.io/api` (every tag) with one stage, `dev` on site `api-dev`. */
export function devOnlyPipeline(): PipelineConfig {
  const config = parseConfig(
    `
pipelines:
  - name: api
    source: { registry: reg.azurecr.io, repository: api, tags: ['*'] }
    stages:
      - name: dev
        target: { subscription: sub, resourceGroup: rg, site: api-dev }
`,
    { settings: {}, localMode: true },
  );
  return config.pipelines[0]!;
}
