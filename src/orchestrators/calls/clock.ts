import type { OrchestrationContext } from 'durable-functions';

/** The orchestration clock as ISO text (replay-safe). */
export function nowIso(context: OrchestrationContext): string {
  return context.df.currentUtcDateTime.toISOString();
}

/** The orchestration clock in epoch milliseconds (replay-safe). */
export function nowMs(context: OrchestrationContext): number {
  return context.df.currentUtcDateTime.getTime();
}

/** The instant `ms` after the orchestration clock. */
export function inMs(context: OrchestrationContext, ms: number): Date {
  return new Date(nowMs(context) + ms);
}
