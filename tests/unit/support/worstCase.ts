/**
 * The worst inputs for a custom status budget: the longest free text the API accepts, made
 * of the characters that cost most in JSON among those it lets through, and the measure
 * Durable applies (16 KB of UTF-16 JSON).
 */
import assert from 'node:assert/strict';

import { parseAlertPush } from '../../../src/domain/monitor/parseAlertPush.js';
import type { RollbackRequest } from '../../../src/domain/release/index.js';
import { maxFreeTextLength, normalizeFreeText } from '../../../src/domain/text/freeText.js';
import { text } from '../../../src/functions/http/requestBodySchemas.js';

/** Durable's custom status limit: 16 KB of UTF-16, i.e. 8 192 UTF-16 code units of JSON. */
export const durableLimitUnits = 8192;

/**
 * The most a worst-case status may take: the limit with a margin (the host adds nothing to
 * the JSON, but a status this close to the limit leaves no room for a field added later).
 */
export const withMarginUnits = 7500;

/**
 * `length` characters of `"` and `\` (2 JSON characters each; control characters, which
 * cost 6, are refused by the API, and tab and newline, allowed, cost 2 as well), ending in
 * `tag` so that values stay distinct. Checked against the API's own free-text schema (a
 * hook callback's `detail` may have 1 000 characters, other free text 300).
 */
export function worstText(tag = '', length = maxFreeTextLength): string {
  const value = `${'"\\'.repeat(length).slice(0, length - tag.length)}${tag}`;
  const accepted = text(length).safeParse(value);
  if (!accepted.success || normalizeFreeText(value) !== value) {
    throw new Error(`the API would not accept the worst text: ${accepted.error?.message}`);
  }
  return value;
}

/**
 * An email address of exactly `length` characters (a 64-character local part, the most RFC 5321
 * allows, and a domain of labels of at most 63), distinct per `tag`.
 */
export function longestEmail(tag: string, length: number): string {
  const local = `${tag}.${'l'.repeat(64)}`.slice(0, 64);
  const labels: string[] = [];
  let left = length - local.length - 1 - 4; // ".com"
  while (left > 0) {
    const label = Math.min(63, left === 64 ? 62 : left);
    labels.push('d'.repeat(label));
    left -= label + 1;
  }
  const email = `${local}@${labels.join('.')}.com`;
  if (email.length !== length) throw new Error(`email of ${email.length}, not ${length}`);
  return email;
}

/** UTF-16 code units of JSON of the largest status set (JSON.stringify counts code units). */
export function largestStatus(statuses: unknown[]): number {
  return Math.max(0, ...statuses.map((s) => JSON.stringify(s).length));
}

/** An error line as long as a real failure's first line can be (an ARM error, a stack-free message). */
export function longFailureLine(tag: string): string {
  return `${tag}: ${'"\\'.repeat(4000)}\n    at stack (frame.js:1:1)`;
}

/**
 * The rollback the alerts route raises for a common-schema alert whose every text field holds
 * 21 000 characters (control characters and quotes: 6 JSON characters each at worst), aimed at
 * `targets`.
 */
export function worstAlertRollback(targets: string[], by: string, at: string): RollbackRequest {
  const huge = '\u0001"\\'.repeat(7000);
  const alert = parseAlertPush({
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: huge,
        alertRule: huge,
        severity: huge,
        signalType: huge,
        monitorCondition: 'Fired',
        monitoringService: huge,
        alertTargetIDs: targets.map((t, i) => (i === 0 ? t : `${t}${huge}`)),
        firedDateTime: huge,
        description: huge,
      },
      alertContext: { condition: huge },
      customProperties: { pipeline: 'pwbi-api' },
    },
  });
  assert.ok(alert.kind === 'fire');
  return {
    source: 'alert',
    by,
    reason: alert.reason,
    at,
    evidence: { ...alert.evidence, receivedAt: at },
  };
}
