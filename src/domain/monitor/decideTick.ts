import type { MonitorPlan, RollbackTrigger } from './contract.js';
import type { Verdict } from './Verdict.js';

/** What the monitor remembers between ticks to apply `failureLimit`. */
export interface BreachRun {
  consecutiveBreaches: number;
  /** ISO time of the first breach of the current run (what "detected" means). */
  firstBreachAt?: string;
}

/** What to do after a tick. */
export type TickDecision =
  | { action: 'continue'; run: BreachRun }
  | { action: 'pause'; run: BreachRun; reason: string }
  | {
      action: 'rollback';
      run: BreachRun;
      trigger: Extract<RollbackTrigger, 'breach' | 'health' | 'inconclusive'>;
      reason: string;
      detectedAt: string;
    };

/**
 * Applies the policy to one verdict:
 * - breach: the run grows; at `failureLimit` consecutive breaches → rollback (trigger `health`
 *   when this breach is a failed probe, else `breach`), detected at the run's first breach;
 * - pass: the run resets;
 * - inconclusive (`lowTraffic`, `queryFailed`): the run is kept as is (neither reset nor
 *   grown), then the `inconclusive` policy applies: continue | rollback | pause;
 * - inconclusive `awaitingData`: neutral, always continue.
 */
export function decideTick(
  run: BreachRun,
  verdict: Verdict,
  policy: Pick<MonitorPlan, 'failureLimit' | 'inconclusive'>,
): TickDecision {
  switch (verdict.verdict) {
    case 'pass':
      return { action: 'continue', run: { consecutiveBreaches: 0 } };
    case 'breach': {
      const grown: BreachRun = {
        consecutiveBreaches: run.consecutiveBreaches + 1,
        firstBreachAt: run.firstBreachAt ?? verdict.evidence.at,
      };
      if (grown.consecutiveBreaches < policy.failureLimit)
        return { action: 'continue', run: grown };
      const of =
        policy.failureLimit > 1 ? ` (${grown.consecutiveBreaches} consecutive breaches)` : '';
      return {
        action: 'rollback',
        run: grown,
        trigger: verdict.rules.includes('health') ? 'health' : 'breach',
        reason: `${verdict.reason}${of}`,
        detectedAt: grown.firstBreachAt ?? verdict.evidence.at,
      };
    }
    case 'inconclusive': {
      if (verdict.cause === 'awaitingData') return { action: 'continue', run };
      switch (policy.inconclusive) {
        case 'continue':
          return { action: 'continue', run };
        case 'pause':
          return { action: 'pause', run, reason: `inconclusive: ${verdict.reason}` };
        case 'rollback':
          return {
            action: 'rollback',
            run,
            trigger: 'inconclusive',
            reason: `inconclusive: ${verdict.reason}`,
            detectedAt: verdict.evidence.at,
          };
        default: {
          const never: never = policy.inconclusive;
          throw new Error(`inconclusive: unknown policy ${String(never)}`);
        }
      }
    }
    default: {
      const never: never = verdict;
      throw new Error(`verdict: unknown ${JSON.stringify(never)}`);
    }
  }
}
