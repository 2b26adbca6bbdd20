import type { HttpResponseInit } from '@azure/functions';

import type { ApiDeps } from './ApiDeps.js';
import { json } from './http/json.js';

/** `GET /api/health` (anonymous): version and a config summary, no secrets. */
export function healthHandler(deps: ApiDeps): () => Promise<HttpResponseInit> {
  const body = {
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
  return () => Promise.resolve(json(200, body));
}
