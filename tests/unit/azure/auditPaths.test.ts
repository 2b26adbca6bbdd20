import assert from 'node:assert/strict';
import { test } from 'node:test';

import { auditPaths, dayOf } from '../../../src/azure/audit/auditPaths.js';
import { parseAuditLines } from '../../../src/azure/audit/parseAuditLines.js';
import { ValidationError } from '../../../src/domain/errors.js';

test('blob names follow the documented layout', () => {
  assert.equal(auditPaths.dayLog('pwbi-api', '2026-11-26'), 'audit/pwbi-api/2026-11-26.jsonl');
  assert.equal(
    auditPaths.marker('pwbi-api', 'pwbi-api-0123', 'ev:1'),
    'markers/pwbi-api/pwbi-api-0123/ev%3A1',
  );
  assert.equal(auditPaths.release('pwbi-api-0123'), 'releases/pwbi-api-0123.json');
  assert.equal(auditPaths.release('../x'), 'releases/%2E%2E%2Fx.json');
});

test('dayOf gives the UTC day and rejects non-times', () => {
  assert.equal(dayOf('2026-11-26T23:30:00-02:00'), '2026-11-27');
  assert.throws(
    () => dayOf('soon'),
    (err: unknown) => err instanceof ValidationError && err.field === 'at',
  );
});

test('empty names are refused naming the field', () => {
  assert.throws(
    () => auditPaths.release(' '),
    (err: unknown) => err instanceof ValidationError && err.field === 'releaseId',
  );
});

test('parseAuditLines keeps events in order and skips lines that are not events', () => {
  const a = { eventId: 'a', releaseId: 'r', pipeline: 'p', at: '2026-01-01T00:00:00Z', type: 't' };
  const text = `${JSON.stringify(a)}\n\nnot json\n{"eventId":1}\n${JSON.stringify({ ...a, eventId: 'b' })}\n`;
  assert.deepEqual(
    parseAuditLines(text).map((e) => e.eventId),
    ['a', 'b'],
  );
});
