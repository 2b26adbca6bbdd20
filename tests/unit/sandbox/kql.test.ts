import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { KqlParser } from '../../../sandbox/logs/kql/KqlParser.js';
import { runQuery } from '../../../sandbox/logs/kql/runQuery.js';
import { KDate, type Row } from '../../../sandbox/logs/kql/values.js';

const SCHEMA = { T: '(t:datetime, url:string, code:string, ok:bool, ms:real, n:int)' };
const NOW = Date.UTC(2026, 0, 1, 12);
const ROWS: Row[] = [
  { t: new KDate(NOW - 30 * 60_000), url: 'https://a.net/x', code: '200', ok: true, ms: 10, n: 1 },
  { t: new KDate(NOW - 20 * 60_000), url: 'https://a.net/y', code: '500', ok: false, ms: 30, n: 2 },
  { t: new KDate(NOW - 10 * 60_000), url: 'https://B.net/x', code: '503', ok: false, ms: 20, n: 1 },
  { t: new KDate(NOW - 5 * 60_000), url: 'https://b.net/z', code: '200', ok: true, ms: 40, n: 1 },
];

void describe('sandbox KQL interpreter over the Kusto parser tree', () => {
  const parser = new KqlParser();
  after(() => parser.close());

  async function run(kql: string): Promise<Array<Record<string, unknown>>> {
    const parsed = await parser.parse(kql, SCHEMA);
    assert.deepEqual(
      parsed.diagnostics.filter((d) => d.severity === 'Error'),
      [],
    );
    return runQuery(parsed.tree, (name) => (name === 'T' ? ROWS : undefined), NOW).rows;
  }

  void it('filters with comparisons, and/or/not, between, in~, =~ and ago()', async () => {
    assert.equal((await run('T | where ms >= 20 and not(ok)')).length, 2);
    assert.equal((await run('T | where t between (ago(25m) .. ago(8m))')).length, 2);
    assert.equal((await run('T | where tostring(parse_url(url).Host) in~ ("b.net")')).length, 2);
    assert.equal((await run('T | where code =~ "500" or toint(code) == 503')).length, 2);
    assert.equal((await run('T | where url !in ("https://a.net/x")')).length, 3);
    assert.equal((await run('T | where t > datetime(2026-01-01T11:45:00Z)')).length, 2);
  });

  void it('summarizes with count, countif, sum, sumif, avg, min, max, dcount and percentiles', async () => {
    const [r] = await run(
      'T | summarize c = count(), bad = countif(ok == false), s = sum(n), s5 = sumif(n, toint(code) >= 500), a = avg(ms), lo = min(ms), hi = max(t), d = dcount(code), p50 = percentile(ms, 50), pw = percentilew(ms, n, 50)',
    );
    assert.deepEqual(
      { ...r, hi: (r?.['hi'] as KDate).ms },
      { c: 4, bad: 2, s: 5, s5: 3, a: 25, lo: 10, hi: NOW - 5 * 60_000, d: 3, p50: 20, pw: 30 },
    );
  });

  void it('groups by columns and bin(), orders, takes and uses let scalars', async () => {
    const rows = await run(
      'let cut = 15m; T | where t > ago(cut) or ok | summarize n = count() by ok, bucket = bin(t, 30m) | order by n desc, ok asc | take 1',
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.['n'], 2);
  });

  void it('extends and projects with computed columns, integer division for longs', async () => {
    const rows = await run(
      'T | summarize total = count(), bad = countif(not(ok)) | extend rate = todouble(bad) / total, intRate = bad / total | project rate, intRate',
    );
    assert.deepEqual(rows, [{ rate: 0.5, intRate: 0 }]);
  });

  void it('answers an empty summarize without by with one row of zero counts', async () => {
    assert.deepEqual(
      await run('T | where ms > 1000 | summarize n = count(), s = sum(n), p = percentile(ms, 95)'),
      [{ n: 0, s: 0, p: null }],
    );
  });

  void it('supports distinct, project-away and project-rename', async () => {
    assert.deepEqual(await run('T | distinct ok | order by ok asc'), [{ ok: false }, { ok: true }]);
    const [first] = await run(
      'T | project-away t, url, ms, n | project-rename status = code | take 1',
    );
    assert.deepEqual(first, { status: '200', ok: true });
  });

  void it('refuses operators it does not evaluate with the sandbox error', async () => {
    const parsed = await parser.parse('T | mv-expand url', SCHEMA);
    assert.throws(
      () => runQuery(parsed.tree, () => ROWS, NOW),
      /sandbox does not evaluate the query operator mvexpand/,
    );
  });
});
