import type { HttpResponseInit } from '@azure/functions';

import { ConfigError } from '../domain/config/ConfigError.js';
import type { ApiDeps } from './ApiDeps.js';
import { json } from './http/json.js';
import { toProblem } from './http/toProblem.js';

/**
 * `GET /api/health` (anonymous): version and a config summary, no secrets. The config is read
 * on the first invocation, not at import: a bad one answers 503 problem+json with every config
 * problem in `errors` (field, expected, received), which is how a deployment (and `npm start`)
 * learns that the app cannot work.
 */
export function healthHandler(deps: ApiDeps): () => Promise<HttpResponseInit> {
  let summary: unknown;
  return () => {
    try {
      summary ??= healthSummary(deps);
    } catch (error) {
      if (error instanceof ConfigError) return Promise.resolve(toProblem(error, '/api/health'));
      throw error;
    }
    return Promise.resolve(json(200, summary));
  };
}

function healthSummary(deps: ApiDeps): unknown {
  return {
    status: 'ok',
    service: 'slotpilot',
    version: deps.version,
    localMode: deps.localMode,
    identity: {
      platformAuth: deps.identity.platformAuthEnabled,
      bearerTokens: deps.identity.signingKey !== '',
    },
    pipelines: deps.config.pipelines.map((p) => ({
      name: p.name,
      source: `${p.source.registry}/${p.source.repository}`,
      stages: p.stages.map((s) => s.name),
    })),
  };
}
