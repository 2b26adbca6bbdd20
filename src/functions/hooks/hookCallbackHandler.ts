import {
  callbackTokenMatches,
  type HookCallback,
  hookCallbackKey,
  type HookCallbackRecord,
  hookCallbackUseKey,
} from '../../domain/release/index.js';
import { readStageProgress } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { tryGetStatus } from '../durable/tryGetStatus.js';
import { accepted } from '../http/accepted.js';
import { GoneError, UnauthorizedError } from '../http/ApiError.js';
import { readBody } from '../http/readBody.js';
import { requestBodies } from '../http/requestBodies.js';
import type { ClientHttpHandler } from '../http/withProblems.js';
import { requestOrigin } from '../releases/requestOrigin.js';

const live: ReadonlySet<string> = new Set(['Running', 'Pending']);

/**
 * `POST /api/hooks/{callbackId} {status: "passed"|"failed", token, detail?}`: a gate hook
 * that answered 202 reports its result. Anonymous at the Functions level (a hook gets no
 * function key): the callback token is the only credential. 400 for a bad body; 401 when the
 * token is not the one this hook call got (compared in constant time; an unknown id answers
 * the same); 410 when the token expired, was used already, or the stage no longer waits for
 * this call (it timed out or ended). Only then the result is raised on the waiting stage, as
 * the event of that hook, naming the call. 202 with the release's status URL. A refused
 * callback changes nothing. The token never appears in answers or logs.
 */
export function hookCallbackHandler(deps: Pick<ApiDeps, 'claims'>): ClientHttpHandler {
  return async (request, client, context) => {
    const callbackId = request.params.callbackId ?? '';
    const body = await readBody(() => request.text(), requestBodies.hookCallback);
    const status = body.status;
    const record = /^[A-Za-z0-9_-]{1,64}$/.test(callbackId)
      ? readRecord(await deps.claims.read(hookCallbackKey(callbackId)))
      : undefined;
    if (record === undefined || !callbackTokenMatches(body.token ?? '', record.tokenSha256)) {
      throw new UnauthorizedError('The callback token is not valid for this callback URL.');
    }
    const what = `hook ${record.hook} of release ${record.releaseId} (${record.stage})`;
    if (Date.parse(record.expiresAt) <= Date.now()) {
      throw new GoneError(`The callback token of ${what} expired at ${record.expiresAt}.`);
    }
    const stage = await tryGetStatus(client, record.instanceId);
    const awaiting = readStageProgress(stage?.customStatus)?.awaitingCallbacks ?? [];
    if (stage === undefined || !live.has(stage.runtimeStatus) || !awaiting.includes(callbackId)) {
      throw new GoneError(`${what} no longer waits for this callback (answered or timed out).`);
    }
    const useKey = hookCallbackUseKey(callbackId);
    const use = await deps.claims.claim(useKey, { usedAt: new Date().toISOString() });
    if (!use.won) throw new GoneError(`The callback token of ${what} was used already.`);
    const result: HookCallback = {
      status,
      callbackId,
      ...(body.detail === undefined ? {} : { detail: body.detail }),
    };
    try {
      await client.raiseEvent(record.instanceId, record.eventName, result);
    } catch (error) {
      // Not delivered: the token stays usable for the hook's retry.
      await deps.claims.remove(useKey).catch(() => undefined);
      throw error;
    }
    context.log(`release ${record.releaseId}: ${what} called back: ${status}`);
    return accepted(requestOrigin(request.url), record.releaseId, {
      releaseId: record.releaseId,
      stage: record.stage,
      hook: record.hook,
      status,
    });
  };
}

/** A stored callback record, or undefined when it is not one (a record nobody matches). */
function readRecord(value: Record<string, unknown> | undefined): HookCallbackRecord | undefined {
  if (value === undefined) return undefined;
  const fields = [
    'callbackId',
    'releaseId',
    'pipeline',
    'stage',
    'hook',
    'instanceId',
    'eventName',
    'tokenSha256',
    'expiresAt',
  ] as const;
  if (!fields.every((f) => typeof value[f] === 'string')) return undefined;
  return value as unknown as HookCallbackRecord;
}
