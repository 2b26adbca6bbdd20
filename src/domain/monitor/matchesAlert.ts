import type { MonitorInput } from './contract.js';
import type { AlertTarget } from './parseAlertPush.js';

/**
 * Whether an alert is about the release a monitor watches: the same pipeline, the same
 * production site (by name, by its resource id — not a slot's, which holds the previous
 * version after the swap — or as a configuration item), or the App Insights component the monitor queries (`appInsights`, when known).
 */
export function matchesAlert(
  target: AlertTarget,
  monitor: Pick<MonitorInput, 'pipeline' | 'site'>,
  appInsights?: string,
): boolean {
  const site = monitor.site.site.toLowerCase();
  if (target.pipeline !== undefined && target.pipeline === monitor.pipeline) return true;
  if (target.site !== undefined && target.site.toLowerCase() === site) return true;
  if (target.items.includes(site)) return true;
  const siteId = `/providers/microsoft.web/sites/${site}`;
  const component = appInsights?.toLowerCase().replace(/\/+$/, '');
  return target.resourceIds.some((id) => {
    const trimmed = id.replace(/\/+$/, '');
    if (trimmed.endsWith(siteId)) return true;
    return component !== undefined && trimmed === component;
  });
}
