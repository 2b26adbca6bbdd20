import { randomUUID } from 'node:crypto';

/** An alert to fire through an action group (what an alert rule would raise). */
export interface AlertFiring {
  /** The alert rule's name, e.g. `pwbi-api-prod 5xx`. */
  rule: string;
  /** Full ARM id of the resource the rule watches (a site, a slot, an App Insights component). */
  targetResourceId: string;
  /** `Sev0` … `Sev4`; default `Sev1`. */
  severity?: string;
  /** `Fired` (default) or `Resolved`. */
  condition?: 'Fired' | 'Resolved';
  description?: string;
  /** The rule's custom properties (`data.customProperties`). */
  customProperties?: Record<string, string>;
}

/** What the webhook receiver answered. */
export interface ActionGroupDelivery {
  status: number;
  body: unknown;
}

/**
 * Simulated Azure Monitor action groups with one webhook receiver each. As in Azure, a
 * receiver is only a `serviceUri` (the function key rides in its query, `?code=`) and the
 * common alert schema is POSTed with a JSON content type and no other header: no
 * Authorization, no custom headers (an action group webhook receiver has none).
 */
export class ActionGroups {
  private readonly receivers = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** Sets the webhook receiver's `serviceUri` of action group `name` (creates the group). */
  setReceiver(name: string, serviceUri: string): void {
    this.receivers.set(name.toLowerCase(), new URL(serviceUri).toString());
  }

  /** Raises `alert` through action group `name`: one POST of the common alert schema. */
  async fire(name: string, alert: AlertFiring): Promise<ActionGroupDelivery> {
    const serviceUri = this.receivers.get(name.toLowerCase());
    if (serviceUri === undefined) {
      throw new RangeError(`action group: expected a configured group, got ${name}`);
    }
    const res = await fetch(serviceUri, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.commonAlert(alert)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body };
  }

  /** The common alert schema of a metric alert on `alert.targetResourceId`. */
  private commonAlert(alert: AlertFiring): object {
    const at = new Date(this.now()).toISOString();
    const subscription = /^\/subscriptions\/([^/]+)/i.exec(alert.targetResourceId)?.[1] ?? '';
    const condition = alert.condition ?? 'Fired';
    return {
      schemaId: 'azureMonitorCommonAlertSchema',
      data: {
        essentials: {
          alertId: `/subscriptions/${subscription}/providers/Microsoft.AlertsManagement/alerts/${randomUUID()}`,
          alertRule: alert.rule,
          severity: alert.severity ?? 'Sev1',
          signalType: 'Metric',
          monitorCondition: condition,
          monitoringService: 'Platform',
          alertTargetIDs: [alert.targetResourceId.toLowerCase()],
          configurationItems: [alert.targetResourceId.split('/').pop() ?? ''],
          originAlertId: randomUUID(),
          firedDateTime: at,
          ...(condition === 'Resolved' && { resolvedDateTime: at }),
          description: alert.description ?? '',
          essentialsVersion: '1.0',
          alertContextVersion: '1.0',
        },
        alertContext: { properties: null, conditionType: 'SingleResourceMultipleMetricCriteria' },
        ...(alert.customProperties !== undefined && { customProperties: alert.customProperties }),
      },
    };
  }
}
