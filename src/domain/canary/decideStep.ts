import type { SampleView } from '../release/contract.js';

/** The verdict on a whole canary step, from its samples. */
export type StepVerdict = 'passed' | 'inconclusive';

/**
 * A step that ran its duration without an abort passed when at least one of its samples
 * passed; a step whose samples were all inconclusive (too little canary traffic, failed
 * reads) is inconclusive, and the monitor's `inconclusive` policy decides what follows
 * (continue: next step; rollback: abort; pause: wait for a promote). A breach never reaches
 * here: it aborts the step at once (per `failureLimit`).
 *
 * @example decideStep([{verdict:'inconclusive'}, {verdict:'pass'}]) → 'passed'
 */
export function decideStep(samples: ReadonlyArray<Pick<SampleView, 'verdict'>>): StepVerdict {
  return samples.some((s) => s.verdict === 'pass') ? 'passed' : 'inconclusive';
}
