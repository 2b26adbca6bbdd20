import { type StartRefusal, startRefusalReasons } from '../identity/inputSeal.js';
import type { DurableStatusLike } from './DurableStatusLike.js';
import { toIso } from './toIso.js';

/**
 * The custom status an orchestration publishes when it refuses its start (its first step,
 * `requireSealedInput`), just before it ends Failed.
 */
export interface StartRefusedStatus {
  startRefused: {
    orchestrator: string;
    refusal: StartRefusal;
    /** ISO time of the refused execution's first step. */
    at: string;
    /** For `alreadyRan`: when the execution that ran the input first started. */
    firstStartedAt?: string;
  };
}

/** A refused start as the views read it. */
export interface StartRefusalFacts {
  refusal: StartRefusal;
  at: string;
  firstStartedAt?: string;
}

const refusals = Object.keys(startRefusalReasons) as StartRefusal[];

/**
 * Whether the instance's current execution is a start its first step refused: from its
 * custom status ({@link StartRefusedStatus}), else (a host that keeps no custom status on
 * failure) from the failure message of a Failed instance. Undefined for anything else. Pure.
 */
export function readStartRefusal(status: DurableStatusLike): StartRefusalFacts | undefined {
  const published = (status.customStatus as Partial<StartRefusedStatus> | null | undefined)
    ?.startRefused;
  if (
    typeof published === 'object' &&
    published !== null &&
    refusals.includes(published.refusal) &&
    typeof published.at === 'string'
  ) {
    return {
      refusal: published.refusal,
      at: published.at,
      ...(typeof published.firstStartedAt === 'string'
        ? { firstStartedAt: published.firstStartedAt }
        : {}),
    };
  }
  if (status.runtimeStatus !== 'Failed') return undefined;
  const output = typeof status.output === 'string' ? status.output : JSON.stringify(status.output);
  const refusal = refusals.find((r) => output?.includes(startRefusalReasons[r]) === true);
  return refusal === undefined ? undefined : { refusal, at: toIso(status.lastUpdatedTime) };
}
