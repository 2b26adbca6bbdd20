import type { MonitorInput } from './contract.js';
import type { AlertTarget } from './parseAlertPush.js';

/**
 * Whether an alert is about the release a monitor watches: the same pipeline (named by the
 * alert rule's custom properties), or a full resource id (subscription, resource group and
 * name; compared case-insensitively, as ARM ids are) of the production site — not a slot's,
 * which holds the previous version after the swap — or of the App Insights component the
 * monitor queries (`appInsights`, when known). A site name alone never matches: the same name
 * can exist in another subscription or resource group.
 */
export function matchesAlert(
  target: AlertTarget,
  monitor: Pick<MonitorInput, 'pipeline' | 'site'>,
  appInsights?: string,
): boolean {
  if (target.pipeline !== undefined && target.pipeline === monitor.pipeline) return true;
  const { subscription, resourceGroup, site } = monitor.site;
  const siteId = normalizeResourceId(
    `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/sites/${site}`,
  );
  const component = appInsights === undefined ? undefined : normalizeResourceId(appInsights);
  return target.resourceIds.some((id) => {
    const normalized = normalizeResourceId(id);
    return normalized === siteId || normalized === component;
  });
}

/** An ARM resource id in comparable form: lower-cased, one leading slash, no trailing slash. */
function normalizeResourceId(id: string): string {
  return `/${id.toLowerCase().replace(/^\/+|\/+$/g, '')}`;
}
