import type { NotifyRollbackInput } from './contracts.js';

const triggerText = {
  breach: 'metrics breached the thresholds',
  health: 'the health probe failed',
  inconclusive: 'monitoring was inconclusive (policy: rollback)',
  alert: 'an Azure Monitor alert fired',
  manual: 'a manual rollback was requested',
} as const;

/** The human text of a rollback notification: what happened, why, the numbers and the times. */
export function rollbackMessage(input: NotifyRollbackInput): string {
  const lines =
    input.outcome === 'rolledBack'
      ? [`Rolled back ${input.pipeline} ${input.stage}: ${triggerText[input.trigger]}.`]
      : [
          `ROLLBACK FAILED for ${input.pipeline} ${input.stage}: ${triggerText[input.trigger]}, but production was not swapped back.`,
          `Error: ${input.error ?? 'unknown'}`,
          ...(input.command === undefined
            ? []
            : [`To finish the rollback by hand, run: ${input.command}`]),
        ];
  lines.push(`Reason: ${input.reason}`);
  const figures = evidenceLine(input.evidence);
  if (figures !== '') lines.push(`Evidence: ${figures}`);
  const detected = Date.parse(input.detectedAt);
  const times = [`detected ${input.detectedAt}`, `decided ${input.decidedAt}`];
  if (input.swapBackCompletedAt !== undefined) {
    const took = Math.round((Date.parse(input.swapBackCompletedAt) - detected) / 1000);
    times.push(`swap-back complete ${input.swapBackCompletedAt} (${took}s after detection)`);
  }
  lines.push(`Times: ${times.join(', ')}`);
  return lines.join('\n');
}

function evidenceLine(evidence: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object') {
      if (key === 'thresholds') parts.push(`thresholds ${JSON.stringify(value)}`);
      continue;
    }
    parts.push(`${key} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(', ');
}
