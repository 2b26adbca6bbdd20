import { z } from 'zod';

import { durationExpectation, tryParseDuration } from '../duration.js';

const stepDuration = z
  .string()
  .refine((text) => tryParseDuration(text) !== undefined, { error: durationExpectation })
  .transform((text) => tryParseDuration(text) ?? 0)
  .meta({ description: durationExpectation, pattern: '^(\\d+(\\.\\d+)?(ms|s|m|h|d))+$' });

const steps = z
  .array(
    z
      .number({ error: 'a percentage of production traffic from 1 to 99' })
      .int({ error: 'a whole percentage from 1 to 99' })
      .min(1, { error: 'a percentage from 1 to 99 (0 sends nothing)' })
      .max(99, { error: 'a percentage from 1 to 99 (100 is the swap that follows the last step)' }),
  )
  .min(1, { error: 'at least one step, e.g. [5, 25, 50]' })
  .max(10, { error: 'at most 10 steps' })
  .refine((list) => list.every((p, i) => i === 0 || p > (list[i - 1] ?? 0)), {
    error: 'steps in increasing order, e.g. [5, 25, 50]',
  });

const canary = z
  .strictObject({
    steps,
    stepDuration: stepDuration.prefault('10m'),
    pauseForApproval: z.boolean().default(false),
    /**
     * Largest error rate the canary slot may have above production's over the same minutes
     * (absolute, 0.005 = half a percentage point). Unset: only the monitor's `errorRate`.
     */
    maxErrorRateIncrease: z.number().min(0).max(1).optional(),
  })
  .transform(({ stepDuration: stepDurationMs, ...rest }) => ({ ...rest, stepDurationMs }));

/**
 * A production stage's strategy: `swap` (default: deploy, warm up, swap 0 → 100 %) or
 * `{canary: {steps: [5, 25, 50], stepDuration: 10m, pauseForApproval?, maxErrorRateIncrease?}}`:
 * App Service routing rules send each step's share of production traffic to the slot, each
 * step judged on the slot's own platform metrics with the monitor's thresholds, then the swap.
 */
export const strategySchema = z
  .union([z.literal('swap'), z.strictObject({ canary })], {
    error: 'swap or {canary: {steps: [5, 25, 50], stepDuration: 10m}}',
  })
  .default('swap');

/** A validated strategy (durations in milliseconds). */
export type StrategyConfig = z.output<typeof strategySchema>;
