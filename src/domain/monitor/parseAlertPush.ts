import { describeValue } from '../describeValue.js';
import { ValidationError } from '../errors.js';
import { clipFreeText } from '../text/freeText.js';

/** Which release an alert is about: any of these may match a release in its window. */
export interface AlertTarget {
  /** A pipeline named by the alert rule's custom properties (or the plain form). */
  pipeline?: string;
  /** Full Azure resource ids the alert fired on (sites, slots, App Insights components), lower-cased. */
  resourceIds: string[];
}

/** Longest alert rule name and description kept (alert text is clipped, never refused). */
const maxAlertTextLength = 200;

/** At most this many target ids are read from one alert. */
const maxAlertTargets = 50;

/** A parsed alert push. */
export type AlertPush =
  | {
      kind: 'fire';
      target: AlertTarget;
      /** One line for humans, e.g. `alert "prod 5xx" (Sev1) fired: Http5xx > 10`. */
      reason: string;
      /** Rule, severity, ids and times, as evidence of the rollback. */
      evidence: Record<string, string>;
      /** When the alert fired (ISO), when it says. */
      firedAt?: string;
    }
  | { kind: 'ignored'; reason: string };

/**
 * Reads `POST /api/alerts`: the Azure Monitor common alert schema
 * (`{schemaId: "azureMonitorCommonAlertSchema", data: {essentials, alertContext, customProperties?}}`)
 * or the plain form `{pipeline, reason}`. A `Resolved` alert is ignored. Alert text (rule,
 * description, evidence) is clipped to a few hundred printable characters: an alert is never
 * refused for its length. Throws ValidationError naming the field otherwise.
 */
export function parseAlertPush(body: unknown): AlertPush {
  if (!isRecord(body)) throw new ValidationError('(body)', 'a JSON object', describeValue(body));
  if (body['schemaId'] !== undefined) return parseCommonSchema(body);
  const pipeline = optionalString(body, 'pipeline');
  if (pipeline === undefined) {
    throw new ValidationError(
      'pipeline',
      'a pipeline name (or the common alert schema)',
      describeValue(body['pipeline']),
    );
  }
  const given = optionalString(body, 'reason');
  if (given === undefined)
    throw new ValidationError('reason', 'a non-empty string', describeValue(body['reason']));
  const reason = clipFreeText(given, maxAlertTextLength);
  return {
    kind: 'fire',
    target: { pipeline, resourceIds: [] },
    reason: `alert: ${reason}`,
    evidence: { alertReason: reason },
  };
}

function parseCommonSchema(body: Record<string, unknown>): AlertPush {
  const { data, essentials } = readEnvelope(body);
  const condition = essentialString(essentials, 'monitorCondition');
  const rule = clipFreeText(
    essentialString(essentials, 'alertRule') ?? 'unnamed rule',
    maxAlertTextLength,
  );
  if (condition !== undefined && condition.toLowerCase() === 'resolved') {
    return { kind: 'ignored', reason: `alert "${rule}" resolved` };
  }
  const target = alertTarget(data, essentials);
  const rawSeverity = essentialString(essentials, 'severity');
  const severity = rawSeverity === undefined ? undefined : clipFreeText(rawSeverity, 20);
  const firedAt = essentialString(essentials, 'firedDateTime');
  const description = alertDescription(essentials);
  const evidence = alertEvidence(essentials, rule);
  const firedMs = firedAt === undefined ? Number.NaN : Date.parse(firedAt);
  return {
    kind: 'fire',
    target,
    reason: `alert "${rule}"${severity === undefined ? '' : ` (${severity})`} fired${description === undefined ? '' : `: ${description}`}`,
    evidence,
    ...(!Number.isNaN(firedMs) && { firedAt: new Date(firedMs).toISOString() }),
  };
}

/** `schemaId`, `data` and `data.essentials` of a common-schema alert, or the error naming them. */
function readEnvelope(body: Record<string, unknown>): {
  data: Record<string, unknown>;
  essentials: Record<string, unknown>;
} {
  if (body['schemaId'] !== 'azureMonitorCommonAlertSchema') {
    throw new ValidationError(
      'schemaId',
      '"azureMonitorCommonAlertSchema"',
      describeValue(body['schemaId']),
    );
  }
  const data = body['data'];
  if (!isRecord(data)) throw new ValidationError('data', 'an object', describeValue(data));
  const essentials = data['essentials'];
  if (!isRecord(essentials)) {
    throw new ValidationError('data.essentials', 'an object', describeValue(essentials));
  }
  return { data, essentials };
}

/** The resources the alert fired on and the pipeline it names; at least one of them. */
function alertTarget(
  data: Record<string, unknown>,
  essentials: Record<string, unknown>,
): AlertTarget {
  const resourceIds = stringList(essentials, 'alertTargetIDs')
    .slice(0, maxAlertTargets)
    .map((s) => s.toLowerCase());
  const custom = isRecord(data['customProperties']) ? data['customProperties'] : {};
  const pipeline = optionalString(custom, 'pipeline', 'data.customProperties.');
  if (resourceIds.length === 0 && pipeline === undefined) {
    throw new ValidationError(
      'data.essentials.alertTargetIDs',
      'the resource ids the alert fired on (or customProperties.pipeline)',
      'none',
    );
  }
  return { ...(pipeline !== undefined && { pipeline }), resourceIds };
}

/** The rule's description, clipped; a rule without one sends "" (Azure Monitor always sends it). */
function alertDescription(essentials: Record<string, unknown>): string | undefined {
  if (essentials['description'] === '') return undefined;
  const description = essentialString(essentials, 'description');
  return description === undefined ? undefined : clipFreeText(description, maxAlertTextLength);
}

/** Rule, severity, ids and times, clipped, as evidence of the rollback. */
function alertEvidence(essentials: Record<string, unknown>, rule: string): Record<string, string> {
  const evidence: Record<string, string> = { alertRule: rule };
  for (const key of [
    'alertId',
    'severity',
    'signalType',
    'monitoringService',
    'firedDateTime',
  ] as const) {
    const value = essentialString(essentials, key);
    if (value !== undefined) evidence[key] = clipFreeText(value, maxAlertTextLength);
  }
  return evidence;
}

function essentialString(essentials: Record<string, unknown>, key: string): string | undefined {
  return optionalString(essentials, key, 'data.essentials.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(
  record: Record<string, unknown>,
  key: string,
  prefix = '',
): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(`${prefix}${key}`, 'a non-empty string', describeValue(value));
  }
  return value.trim();
}

function stringList(record: Record<string, unknown>, key: string): string[] {
  const value = record[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ValidationError(`data.essentials.${key}`, 'a list of strings', describeValue(value));
  }
  return value as string[];
}
