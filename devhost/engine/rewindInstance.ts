import { EventType, eventTypeName, type HistoryEvent, OrchestrationStatus } from './history.js';
import type { Store } from './Store.js';

const failures = new Set<number>([EventType.TaskFailed, EventType.SubOrchestrationInstanceFailed]);

/**
 * Rewinds a failed instance's current execution as the Azure Storage provider does
 * (`AzureTableTrackingStore.RewindHistoryAsync`): every TaskFailed, SubOrchestrationInstanceFailed
 * and failed ExecutionCompleted becomes a GenericEvent whose Reason reads `Rewound: <EventType>`;
 * the TaskScheduled behind a failed activity becomes one too (so replay schedules it again); the
 * SubOrchestrationInstanceCreated behind a failed child only gets that Reason, and the child is
 * rewound in turn. Each rewound instance goes back to Pending. Returns the deepest failed
 * instances, which the caller wakes with a GenericEvent message. Must run inside a transaction.
 */
export function rewindInstance(store: Store, instanceId: string, nowMs: number): string[] {
  const inst = store.getInstance(instanceId);
  if (inst === undefined) return [];
  const history = store.history(instanceId, inst.execution_id);
  const isFailure = (ev: HistoryEvent): boolean =>
    failures.has(ev.EventType) ||
    (ev.EventType === EventType.ExecutionCompleted &&
      ev['OrchestrationStatus'] === OrchestrationStatus.Failed);
  const failedTasks = new Set<number>();
  const failedChildren = new Set<number>();
  for (const ev of history) {
    if (ev.EventType === EventType.TaskFailed) failedTasks.add(Number(ev['TaskScheduledId']));
    if (ev.EventType === EventType.SubOrchestrationInstanceFailed)
      failedChildren.add(Number(ev['TaskScheduledId']));
  }
  const children: string[] = [];
  const rewound = (ev: HistoryEvent, generic: boolean): HistoryEvent => ({
    ...ev,
    Reason: `Rewound: ${eventTypeName(ev.EventType)}`,
    ...(generic ? { EventType: EventType.GenericEvent } : {}),
  });
  store.rewriteHistory(instanceId, inst.execution_id, (ev) => {
    if (isFailure(ev)) return rewound(ev, true);
    if (ev.EventType === EventType.TaskScheduled && failedTasks.has(ev.EventId))
      return rewound(ev, true);
    if (
      ev.EventType === EventType.SubOrchestrationInstanceCreated &&
      failedChildren.has(ev.EventId)
    ) {
      children.push(String(ev['InstanceId']));
      return rewound(ev, false);
    }
    return undefined;
  });
  const leaves = children.flatMap((child) => rewindInstance(store, child, nowMs));
  store.updateInstance(instanceId, { status: 'Pending', updated_ms: nowMs });
  return children.length === 0 ? [instanceId] : leaves;
}
