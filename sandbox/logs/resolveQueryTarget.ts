import type { Scenario } from '../scenario/Scenario.js';
import { APP_REQUESTS_SCHEMA, CLASSIC_REQUESTS_SCHEMA } from './tableSchemas.js';

/** What a query runs against: the components whose telemetry it sees and the tables it may name. */
export interface QueryTarget {
  components: Array<{ name: string; resourceId: string }>;
  tables: Record<string, string>;
}

/** ARM id of an Application Insights component, lower-cased as `_ResourceId` carries it. */
export function componentResourceId(
  scenario: Scenario,
  name: string,
  resourceGroup: string,
): string {
  return `/subscriptions/${scenario.subscriptionId}/resourcegroups/${resourceGroup}/providers/microsoft.insights/components/${name}`.toLowerCase();
}

/**
 * Resolves `/v1/workspaces/{id}` (workspace id or name: `AppRequests`) or `/v1/{resourceId}`
 * (an Application Insights component: `AppRequests` and classic `requests`; a workspace
 * resource: `AppRequests`). Undefined when nothing matches.
 */
export function resolveQueryTarget(scenario: Scenario, path: string): QueryTarget | undefined {
  const ws = /^workspaces\/([^/]+)$/i.exec(path);
  const components = (workspace: string): QueryTarget['components'] =>
    scenario.appInsights
      .filter((a) => a.workspace.toLowerCase() === workspace.toLowerCase())
      .map((a) => ({
        name: a.name,
        resourceId: componentResourceId(scenario, a.name, a.resourceGroup),
      }));
  if (ws?.[1] !== undefined) {
    const id = ws[1].toLowerCase();
    const found = scenario.workspaces.find(
      (w) => w.customerId.toLowerCase() === id || w.name.toLowerCase() === id,
    );
    return found === undefined
      ? undefined
      : { components: components(found.name), tables: { AppRequests: APP_REQUESTS_SCHEMA } };
  }
  const res =
    /^subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)$/i.exec(
      path,
    );
  if (res === null) return undefined;
  const [, sub = '', rg = '', provider = '', type = '', name = ''] = res;
  if (sub.toLowerCase() !== scenario.subscriptionId.toLowerCase()) return undefined;
  const kind = `${provider}/${type}`.toLowerCase();
  if (kind === 'microsoft.insights/components') {
    const c = scenario.appInsights.find(
      (a) =>
        a.name.toLowerCase() === name.toLowerCase() &&
        a.resourceGroup.toLowerCase() === rg.toLowerCase(),
    );
    if (c === undefined) return undefined;
    return {
      components: [
        { name: c.name, resourceId: componentResourceId(scenario, c.name, c.resourceGroup) },
      ],
      tables: { AppRequests: APP_REQUESTS_SCHEMA, requests: CLASSIC_REQUESTS_SCHEMA },
    };
  }
  if (kind === 'microsoft.operationalinsights/workspaces') {
    const w = scenario.workspaces.find(
      (x) =>
        x.name.toLowerCase() === name.toLowerCase() &&
        x.resourceGroup.toLowerCase() === rg.toLowerCase(),
    );
    return w === undefined
      ? undefined
      : { components: components(w.name), tables: { AppRequests: APP_REQUESTS_SCHEMA } };
  }
  return undefined;
}
