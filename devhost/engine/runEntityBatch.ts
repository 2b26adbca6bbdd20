import { invokeFunction } from '../load/invokeFunction.js';
import type { EngineDeps } from './EngineDeps.js';
import {
  type EntityRequest,
  operationEvent,
  parseSchedulerId,
  schedulerId,
} from './entityMessages.js';
import { EventType, type HistoryEvent, makeEvent } from './history.js';
import { typedDataToJson } from './typedDataToJson.js';

/** What durable-functions' entity handler returns for a batch (its EntityState). */
interface EntityBatchResult {
  entityExists: boolean;
  entityState?: string;
  results: { isError: boolean; result?: string }[];
  signals: { target: { name: string; key: string }; name: string; input?: string }[];
}

/**
 * Runs an entity's due operations as one batch (the extension's entity scheduler): invokes the
 * entity function with `{self, exists, state, batch}`, then, in one transaction, stores the new
 * state, answers each call with an EventRaised named by its request id (to the caller's
 * execution), sends the signals the entity made, and removes the consumed messages. A batch
 * whose function throws, or an unknown entity, answers every call with an error and keeps the
 * state. Returns false when nothing was due.
 */
export async function runEntityBatch(deps: EngineDeps, entityId: string): Promise<boolean> {
  const { store, clock, log } = deps;
  const due = store.dueMessages(entityId, clock.now());
  if (due.length === 0) return false;
  const requests = due.map(
    (m) => JSON.parse(String((JSON.parse(m.event) as HistoryEvent)['Input'])) as EntityRequest,
  );
  const self = parseSchedulerId(entityId) ?? { name: entityId, key: '' };
  const current = store.getEntity(entityId);
  const fn = deps.registry
    .byTrigger('entityTrigger')
    .find((f) => f.name.toLowerCase() === self.name);
  let outcome: EntityBatchResult | { error: string };
  if (fn === undefined) {
    outcome = {
      error: `The function '${self.name}' doesn't exist, is disabled, or is not an entity function.`,
    };
  } else {
    try {
      const rv = await invokeFunction(
        deps.registry,
        fn,
        {
          trigger: {
            string: JSON.stringify({
              self,
              exists: current?.present === 1,
              state: current?.state ?? null,
              batch: requests.map((r) => ({
                id: r.id,
                name: r.op,
                signal: r.signal,
                input: r.input,
              })),
            }),
          },
          inputsByType: deps.inputsByType(),
        },
        log,
      );
      outcome = JSON.parse(typedDataToJson(rv) ?? 'null') as EntityBatchResult;
    } catch (err) {
      outcome = { error: `Entity function '${self.name}' failed: ${(err as Error).message}` };
    }
  }
  const nowMs = clock.now();
  const woken = new Set<string>();
  store.transaction(() => {
    store.deleteMessages(due.map((m) => m.id));
    if (!('error' in outcome)) {
      store.putEntity({
        id: entityId,
        present: outcome.entityExists ? 1 : 0,
        state: outcome.entityExists ? (outcome.entityState ?? null) : null,
        updated_ms: nowMs,
      });
      for (const s of outcome.signals) {
        const target = schedulerId(s.target.name, s.target.key);
        store.enqueue(
          target,
          null,
          nowMs,
          operationEvent(nowMs, {
            id: `${entityId}:${nowMs}:${woken.size}`,
            op: s.name,
            signal: true,
            input: s.input === undefined || s.input === '' ? null : s.input,
          }),
        );
        woken.add(target);
      }
    }
    requests.forEach((r, i) => {
      if (r.signal || r.parent === undefined) return;
      const res = 'error' in outcome ? undefined : outcome.results[i];
      const response =
        res === undefined
          ? {
              result: JSON.stringify('error' in outcome ? outcome.error : 'no result'),
              exceptionType: 'Error',
            }
          : res.isError
            ? { result: res.result ?? '', exceptionType: 'Error' }
            : { result: res.result ?? '' };
      store.enqueue(
        r.parent,
        r.parentExecution ?? null,
        nowMs,
        makeEvent(EventType.EventRaised, nowMs, { Name: r.id, Input: JSON.stringify(response) }),
      );
      woken.add(r.parent);
    });
  });
  if ('error' in outcome) log(`entity ${entityId}: ${outcome.error}`);
  for (const id of woken) deps.wake(id);
  return true;
}
