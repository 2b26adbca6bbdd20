import type { ReleaseStatus, StageStatus, StageView } from '../release/index.js';
import type { ReleaseView } from './ReleaseView.js';

/** The fields of an audit event (`AuditStore.events`) the recovery reads. */
export interface AuditRecordLike {
  eventId: string;
  type: string;
  at: string;
  stage?: string;
  actor?: string;
}

/** Endings `releasePipeline` reports as `<releaseId>:<stage>:<status>` audit events. */
const stageEndings: readonly ReleaseStatus[] = [
  'Rejected',
  'Expired',
  'Superseded',
  'Canceled',
  'RolledBack',
  'Failed',
];

/** The status the stage that ended the release shows (as the release status reducer sets it). */
const endingStageStatus: Record<string, StageStatus> = {
  Rejected: 'Rejected',
  Expired: 'Expired',
  Superseded: 'Canceled',
  Canceled: 'Canceled',
  RolledBack: 'RolledBack',
  Failed: 'Failed',
};

/**
 * The view of a release whose durable record was replaced by a start its first step refused
 * (`view.startRefused`): the original outcome, rebuilt from the release's audit trail — the
 * final step `releasePipeline` reported (`<id>:Succeeded` or `<id>:<stage>:<Status>`, or a
 * later swap back, `<id>:rolledBack`), the
 * stages it deployed, the approvals it got and when it started. When the trail shows the
 * release ran but not how it ended (or the refusal says an earlier run existed), the status is
 * `Unknown` and `startRefused.original` says so; when the trail shows no earlier run at all,
 * the refused start is all there was: Failed, `original: 'none'`. Checks, hooks and monitoring
 * samples are not in the trail and stay empty. A view without `startRefused` is returned as it
 * is. Pure.
 */
export function recoverOriginalOutcome(
  view: ReleaseView,
  events: readonly AuditRecordLike[],
): ReleaseView {
  const refused = view.startRefused;
  if (refused === undefined) return view;
  const id = view.id;
  const started = events.find((e) => e.eventId === `${id}:started`);
  const final = finalOf(id, view.stages, events);
  if (final === undefined) {
    // Already known from elsewhere (a later rollback orchestration reported RolledBack).
    if (refused.original === 'recovered') return view;
    const ranBefore = started !== undefined || refused.refusal === 'alreadyRan';
    return ranBefore
      ? {
          ...view,
          status: 'Unknown',
          step: 'original outcome unknown: its durable record was replaced by a refused start outside the API, and the audit trail does not say how it ended',
          ...(started === undefined ? {} : { createdAt: started.at }),
          startRefused: { ...refused, original: 'unknown' },
        }
      : {
          ...view,
          status: 'Failed',
          step: `ended: Failed (start refused: ${refused.refusal})`,
          startRefused: { ...refused, original: 'none' },
        };
  }
  const finalIndex = view.stages.findIndex((s) => s.name === final.stage);
  const stages = view.stages.map((stage, index): StageView => {
    const approved = events.find((e) => e.eventId === `${id}:${stage.name}:approved`);
    const approval =
      approved === undefined ? {} : { approval: { by: approved.actor ?? '', at: approved.at } };
    const deployed = events.find((e) => e.eventId === `${id}:${stage.name}:Succeeded`);
    if (deployed !== undefined) {
      return { ...stage, status: 'Succeeded', finishedAt: deployed.at, ...approval };
    }
    if (index === finalIndex && final.status !== 'Succeeded') {
      const status = endingStageStatus[final.status] ?? 'Failed';
      return { ...stage, status, finishedAt: final.at, ...approval };
    }
    return { ...stage, status: index > finalIndex ? 'Skipped' : stage.status, ...approval };
  });
  const { waitingFor: _waitingFor, waitingForLock: _waitingForLock, ...rest } = view;
  return {
    ...rest,
    status: final.status,
    stage: final.stage,
    step: `ended: ${final.status}`,
    ...(started === undefined ? {} : { createdAt: started.at }),
    updatedAt: final.at,
    stages,
    startRefused: { ...refused, original: 'recovered' },
  };
}

/** The release's final reported step: its status, stage and time (latest wins). */
function finalOf(
  id: string,
  stages: readonly StageView[],
  events: readonly AuditRecordLike[],
): { status: ReleaseStatus; stage: string; at: string } | undefined {
  const endings = new Map<string, { status: ReleaseStatus; stage: string }>();
  endings.set(`${id}:Succeeded`, { status: 'Succeeded', stage: stages.at(-1)?.name ?? '' });
  for (const stage of stages) {
    for (const status of stageEndings) {
      endings.set(`${id}:${stage.name}:${status}`, { status, stage: stage.name });
    }
  }
  let found: { status: ReleaseStatus; stage: string; at: string } | undefined;
  for (const event of events) {
    // A swap back (in the window or by a later manual rollback) also ends a release RolledBack.
    const rolledBack =
      event.eventId === `${id}:rolledBack`
        ? { status: 'RolledBack' as const, stage: event.stage ?? stages.at(-1)?.name ?? '' }
        : undefined;
    const ending = rolledBack ?? endings.get(event.eventId);
    if (ending === undefined) continue;
    if (found === undefined || Date.parse(event.at) >= Date.parse(found.at)) {
      found = { ...ending, at: event.at };
    }
  }
  return found;
}
