import { app } from '@azure/functions';
import * as df from 'durable-functions';

import type { ApiDeps } from './ApiDeps.js';
import { registerConsole } from './console/registerConsole.js';
import { healthHandler } from './healthHandler.js';
import { hookCallbackHandler } from './hooks/hookCallbackHandler.js';
import { withProblems } from './http/withProblems.js';
import { onImagePushedHandler } from './onImagePushed.js';
import { openApiHandler } from './openapi/openApiHandler.js';
import { slotsHandler } from './pipelines/slotsHandler.js';
import { cancelHandler } from './releases/cancelHandler.js';
import { decisionHandler } from './releases/decisionHandler.js';
import { getReleaseHandler } from './releases/getReleaseHandler.js';
import { listReleasesHandler } from './releases/listReleasesHandler.js';
import { startReleaseHandler } from './releases/startReleaseHandler.js';
import { slackInteractionHandler } from './slack/slackInteractionHandler.js';

/**
 * Registers the API engineer's triggers: the ACR Event Grid trigger and the HTTP API of
 * DESIGN §4 (route prefix `api`), plus the web console (`/api/console`). Every HTTP route but
 * `/api/health`, `/api/openapi.json`, the console's data-free page and assets and the hook
 * callbacks (which carry their own one-call token) needs a function key. Every route is
 * described in `openapi/apiOperations.ts`. The alerts route is registered by
 * `registerAlertFunctions`, rollback and resume by `registerRecoveryFunctions` (recovery/).
 */
export function registerApiFunctions(deps: ApiDeps): void {
  df.app.client.eventGrid('onImagePushed', { handler: onImagePushedHandler(deps) });

  const route = (
    name: string,
    method: 'GET' | 'POST',
    path: string,
    handler: ReturnType<typeof withProblems>,
  ): void => {
    df.app.client.http(name, { methods: [method], route: path, authLevel: 'function', handler });
  };
  route('startRelease', 'POST', 'releases', withProblems(startReleaseHandler(deps)));
  route('listReleases', 'GET', 'releases', withProblems(listReleasesHandler(deps)));
  route('getRelease', 'GET', 'releases/{id}', withProblems(getReleaseHandler()));
  route(
    'approveRelease',
    'POST',
    'releases/{id}/approve',
    withProblems(decisionHandler(deps, 'approve')),
  );
  route(
    'rejectRelease',
    'POST',
    'releases/{id}/reject',
    withProblems(decisionHandler(deps, 'reject')),
  );
  route('cancelRelease', 'POST', 'releases/{id}/cancel', withProblems(cancelHandler(deps)));
  app.http('health', {
    methods: ['GET'],
    route: 'health',
    authLevel: 'anonymous',
    handler: healthHandler(deps),
  });
  // Anonymous at the Functions level: a third-party hook has no function key; its one-call
  // callback token is checked by the handler.
  df.app.client.http('hookCallback', {
    methods: ['POST'],
    route: 'hooks/{callbackId}',
    authLevel: 'anonymous',
    handler: withProblems(hookCallbackHandler(deps)),
  });
  // Anonymous at the Functions level: Slack sends no function key; its request signature is
  // checked by the handler.
  df.app.client.http('slackInteraction', {
    methods: ['POST'],
    route: 'slack/interactions',
    authLevel: 'anonymous',
    handler: withProblems(slackInteractionHandler(deps)),
  });
  app.http('openApi', {
    methods: ['GET'],
    route: 'openapi.json',
    authLevel: 'anonymous',
    handler: openApiHandler(deps.version),
  });
  route('pipelineSlots', 'GET', 'pipelines/{name}/slots', withProblems(slotsHandler(deps)));
  registerConsole();
}
