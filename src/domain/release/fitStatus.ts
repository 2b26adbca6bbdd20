import type { CheckView, ReleaseCustomStatus } from './contract.js';

/** Custom status budget in JSON characters (the host limit is 16 KB of UTF-16, i.e. 8 K chars). */
export const customStatusBudgetChars = 7000;

const detailChars = 240;

/**
 * Returns `status` trimmed to fit the custom status budget: check details are shortened
 * first, then dropped, then the oldest monitoring samples go. Never removes stages.
 */
export function fitStatus<T extends Pick<ReleaseCustomStatus, 'stages' | 'monitor'>>(status: T): T {
  let fitted: T = {
    ...status,
    stages: status.stages.map((s) => ({ ...s, checks: s.checks.map(shorten) })),
  };
  if (size(fitted) <= customStatusBudgetChars) return fitted;
  fitted = {
    ...fitted,
    stages: fitted.stages.map((s) => ({
      ...s,
      checks: s.checks.map(({ name, status: st }) => ({ name, status: st })),
    })),
  };
  while (size(fitted) > customStatusBudgetChars && (fitted.monitor?.samples.length ?? 0) > 0) {
    const monitor = fitted.monitor;
    if (monitor === undefined) break;
    fitted = { ...fitted, monitor: { ...monitor, samples: monitor.samples.slice(1) } };
  }
  return fitted;
}

/** JSON length of a value. */
export function size(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Checks with their details shortened to fit a custom status. */
export function shortenChecks(checks: CheckView[]): CheckView[] {
  return checks.map(shorten);
}

function shorten(check: CheckView): CheckView {
  if (check.detail === undefined || check.detail.length <= detailChars) return check;
  return { ...check, detail: `${check.detail.slice(0, detailChars - 1)}…` };
}
