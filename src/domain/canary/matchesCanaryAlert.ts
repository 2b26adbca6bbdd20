import { matchesAlert } from '../monitor/matchesAlert.js';
import type { AlertTarget } from '../monitor/parseAlertPush.js';
import type { CanaryInput } from './contract.js';

/**
 * Whether an alert is about a running canary: whatever would match the release's monitor
 * (pipeline, production site, App Insights component; see matchesAlert) or the canary slot's
 * own resource id (`…/sites/{site}/slots/{slot}`), which before the swap is the new version.
 */
export function matchesCanaryAlert(
  target: AlertTarget,
  canary: Pick<CanaryInput, 'pipeline' | 'site' | 'slot'>,
  appInsights?: string,
): boolean {
  if (matchesAlert(target, canary, appInsights)) return true;
  const slotId =
    `/providers/microsoft.web/sites/${canary.site.site}/slots/${canary.slot}`.toLowerCase();
  return target.resourceIds.some((id) => id.toLowerCase().replace(/\/+$/, '').endsWith(slotId));
}
