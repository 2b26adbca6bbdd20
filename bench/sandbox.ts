/**
 * Sandbox benchmark (prints figures; targets from the sandbox issue):
 * - start including Azurite and the TLS certificate: under 3 s;
 * - a Logs query over one simulated hour at 10 requests/s: under 200 ms.
 */
import { readFileSync } from 'node:fs';

import { LogsQueryClient, LogsQueryResultStatus } from '@azure/monitor-query-logs';

import { startSandbox } from '../sandbox/index.js';
import { VirtualClock } from '../shared/clock/index.js';

const WORKSPACE = '5e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const QUERY = `let prodHosts = dynamic(["pwbi-api-prod.azurewebsites.net"]);
AppRequests
| where TimeGenerated > ago(1h)
| where tostring(parse_url(Url).Host) in~ (prodHosts)
| summarize total = sum(ItemCount), failed = sumif(ItemCount, Success == false),
            http5xx = sumif(ItemCount, toint(ResultCode) >= 500),
            p95Ms = percentilew(DurationMs, ItemCount, 95), lastIngest = max(ingestion_time())
| extend errorRate = iff(total == 0, real(null), todouble(http5xx) / total)`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

async function benchStart(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const sandbox = await startSandbox();
    times.push(performance.now() - t0);
    await sandbox.stop();
  }
  return times;
}

async function benchQuery(): Promise<{
  cold: number;
  same: number[];
  fresh: number[];
  rows: number;
}> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 10));
  const sandbox = await startSandbox({ clock, azurite: false, warmKql: true });
  try {
    await clock.advance(3_600_000);
    const logs = new LogsQueryClient(sandbox.credential, {
      endpoint: sandbox.logsEndpoint,
      tlsOptions: { ca: readFileSync(sandbox.caCertPath, 'utf8') },
    });
    await logs.queryWorkspace(WORKSPACE, 'AppRequests | take 1', { duration: 'PT1M' });
    const time = async (text: string): Promise<number> => {
      const t0 = performance.now();
      await logs.queryWorkspace(WORKSPACE, text, { duration: 'PT1H' });
      return performance.now() - t0;
    };
    const t0 = performance.now();
    const first = await logs.queryWorkspace(WORKSPACE, QUERY, { duration: 'PT1H' });
    const cold = performance.now() - t0;
    const same: number[] = [];
    for (let i = 0; i < 7; i++) same.push(await time(QUERY));
    // A new query text each time (as the monitor's moving windows are): parsed and analyzed anew.
    const fresh: number[] = [];
    for (let i = 0; i < 7; i++) fresh.push(await time(`// tick ${i}\n${QUERY}`));
    const rows =
      first.status === LogsQueryResultStatus.Success
        ? Number(first.tables[0]?.rows[0]?.[0] ?? 0)
        : -1;
    return { cold, same, fresh, rows };
  } finally {
    await sandbox.stop();
  }
}

const starts = await benchStart();
console.log(
  `sandbox start (Azurite + certificate + listeners): median ${median(starts).toFixed(0)} ms [${starts.map((t) => t.toFixed(0)).join(', ')}] (target < 3000 ms)`,
);
const q = await benchQuery();
const list = (xs: number[]): string => xs.map((t) => t.toFixed(0)).join(', ');
console.log(
  `logs query over 1 simulated hour at 10 req/s (${q.rows} requests), target < 200 ms:\n` +
    `  first (telemetry generated): ${q.cold.toFixed(0)} ms\n` +
    `  same text again (parse cached): median ${median(q.same).toFixed(0)} ms [${list(q.same)}]\n` +
    `  new text each time (parsed and analyzed): median ${median(q.fresh).toFixed(0)} ms [${list(q.fresh)}]`,
);
