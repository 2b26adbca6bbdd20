import type { EventGridEvent, InvocationContext } from '@azure/functions';
import type { DurableClient } from 'durable-functions';

import { parseImagePushedEvent } from '../domain/images/index.js';
import { matchPipelines } from '../domain/view/index.js';
import type { ApiDeps } from './ApiDeps.js';
import { startRelease } from './durable/startRelease.js';

/**
 * Event Grid trigger for ACR `ImagePushed`: starts one release per matching pipeline. Other
 * event types, tagless pushes, unknown sources and filtered tags are logged and ignored
 * (returning normally, so Event Grid does not retry them). A redelivered event finds its
 * release and starts nothing. It returns (2xx) only once every start is durable; failures to
 * reach the durable engine throw, so Event Grid delivers again. Superseding older releases is
 * each new release's own first step, so a crash after the start loses nothing.
 * The push's actor is the release's requester.
 */
export function onImagePushedHandler(
  deps: ApiDeps,
): (event: EventGridEvent, client: DurableClient, context: InvocationContext) => Promise<void> {
  return async (event, client, context) => {
    const push = parseImagePushedEvent(event);
    if (push.kind === 'ignored') {
      context.log(`event ${describeEvent(event)} ignored: ${push.reason}`);
      return;
    }
    const image = `${push.registry}/${push.repository}:${push.tag}@${push.digest}`;
    const match = matchPipelines(deps.config, push);
    switch (match.kind) {
      case 'unknownSource':
        context.warn(
          `push of ${image} ignored: no pipeline deploys ${push.registry}/${push.repository}`,
        );
        return;
      case 'filtered':
        context.log(
          `push of ${image} ignored: tag ${push.tag} is excluded by the tag filters of ${match.pipelines.join(', ')}`,
        );
        return;
      case 'matched':
        break;
    }
    // The pusher (a user principal name, or a token or service principal name) requested the
    // release, and so may not approve it: compared with approvers like a manual requester.
    const requestedBy = push.actor ?? 'acr:unknown';
    for (const pipeline of match.pipelines) {
      const outcome = await startRelease(client, {
        pipeline,
        image: push,
        requestedBy,
        now: new Date(),
      });
      context.log(
        outcome.kind === 'started'
          ? `release ${outcome.releaseId} started for ${image}`
          : `push of ${image} redelivered: release ${outcome.releaseId} exists (${outcome.runtimeStatus})`,
      );
    }
  };
}

function describeEvent(event: unknown): string {
  const e = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  return `${text(e.id) ?? '?'} (${text(e.eventType) ?? text(e.type) ?? 'no type'})`;
}
