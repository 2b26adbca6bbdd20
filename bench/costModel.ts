/**
 * The cost model of the cost bench: turns what one release did (counted on the dev host and
 * the sandbox) into billed Flex Consumption seconds, storage transactions, telemetry bytes and
 * dollars, with the prices and assumptions of costPrices.ts.
 */
import type { HttpCounts, StoreCounts } from './costCount.js';
import { assumptions as a, prices } from './costPrices.js';
import type { HostTelemetry, TelemetryLine } from './costTelemetry.js';
import { telemetryLines } from './costTelemetry.js';

/** Separately billed stretches of work on the virtual clock. */
export interface Bursts {
  count: number;
  billedSeconds: number;
  /** Seconds some instance is up (bursts plus keep-alive), when it polls its queues. */
  aliveSeconds: number;
  instanceStarts: number;
  functionsPerBurst: number;
}

/**
 * Groups executions into bursts: a burst starts with an execution and bills
 * max(1 s, its work) at the instance memory; executions that start before it ends join it
 * and add their work (activities and episodes take the assumed real time each, one after the
 * other, since virtual time stands still while they run).
 */
export function bursts(executions: StoreCounts['executions']): Bursts {
  let count = 0;
  let billed = 0;
  let alive = 0;
  let starts = 0;
  let functions = 0;
  let start = Number.NEGATIVE_INFINITY;
  let work = 0;
  let names = new Set<string>();
  let aliveUntil = Number.NEGATIVE_INFINITY;
  const close = (): void => {
    if (count === 0) return;
    billed += Math.max(a.minBilledSecondsPerBurst, work);
    functions += names.size;
  };
  for (const e of executions) {
    const seconds = e.kind === 'activity' ? a.activitySeconds : a.episodeSeconds;
    const end = start + Math.max(a.minBilledSecondsPerBurst, work) * 1000;
    if (e.atMs <= end) {
      work += seconds;
      names.add(e.kind === 'activity' ? e.name : 'orchestrator');
      continue;
    }
    close();
    count += 1;
    start = e.atMs;
    work = seconds;
    names = new Set([e.kind === 'activity' ? e.name : 'orchestrator']);
    // The instance is up from the burst to keep-alive after it; a gap beyond that starts one.
    if (e.atMs > aliveUntil) {
      starts += 1;
      alive += a.instanceKeepAliveSeconds;
    } else {
      alive += (e.atMs - (aliveUntil - a.instanceKeepAliveSeconds * 1000)) / 1000;
    }
    aliveUntil = e.atMs + a.instanceKeepAliveSeconds * 1000;
  }
  close();
  return {
    count,
    billedSeconds: billed,
    aliveSeconds: alive,
    instanceStarts: starts,
    functionsPerBurst: count === 0 ? 0 : functions / count,
  };
}

/** One priced line of a release's bill. */
export interface CostLine {
  what: string;
  quantity: string;
  usd: number;
}

/** Everything the bench prints for one release. */
export interface ReleaseCost {
  bursts: Bursts;
  executions: number;
  queueOps: number;
  tableOps: number;
  telemetry: TelemetryLine[];
  telemetryBytes: number;
  lines: CostLine[];
  totalUsd: number;
}

/** Inputs of {@link releaseCost}. */
export interface ReleaseFacts {
  store: StoreCounts;
  http: HttpCounts;
  /** HTTP and Event Grid trigger runs (the push and the approvals). */
  triggerRuns: number;
  /** The function of each of Slotpilot's own log lines. */
  appLines: string[];
  instanceMemoryMb: number;
  partitions: number;
  telemetry: HostTelemetry;
}

/** Prices one release. */
export function releaseCost(f: ReleaseFacts): ReleaseCost {
  const b = bursts(f.store.executions);
  const executions = f.store.episodes + f.store.activities + f.triggerRuns;
  const gbSeconds = (b.billedSeconds * f.instanceMemoryMb) / 1024;
  const queues = f.partitions + 1;
  const workerPolls = (b.aliveSeconds / a.workerPollSeconds) * queues;
  const queueOps = f.store.queueMessages * a.queueOpsPerMessage + workerPolls;
  // Table: history and instance rows per episode, partition ownership while an instance runs.
  const tableOps = f.store.episodes * a.tableOpsPerEpisode + (b.aliveSeconds / 10) * f.partitions;
  const telemetry = telemetryLines(f.telemetry, {
    executions,
    episodes: f.store.episodes,
    activities: f.store.activities,
    timers: f.store.timers,
    externalEvents: f.store.externalEvents,
    queueMessages: f.store.queueMessages,
    appLines: f.appLines,
    workerStorageOps: queueOps + tableOps,
    bursts: b.count,
    functionsPerBurst: b.functionsPerBurst,
    instanceStarts: b.instanceStarts,
  });
  const telemetryBytes = telemetry
    .filter((t) => t.kept)
    .reduce((sum, t) => sum + t.items * t.bytesEach, 0);
  const lines: CostLine[] = [
    {
      what: `Flex execution time (${f.instanceMemoryMb} MB)`,
      quantity: `${b.billedSeconds.toFixed(1)} s = ${gbSeconds.toFixed(1)} GB-s`,
      usd: gbSeconds * prices.flexGbSecond,
    },
    { what: 'Flex executions', quantity: `${executions}`, usd: executions * prices.flexExecution },
    {
      what: 'queue operations',
      quantity: `${Math.round(queueOps)}`,
      usd: queueOps * prices.queueOperation,
    },
    {
      what: 'table transactions',
      quantity: `${Math.round(tableOps)}`,
      usd: tableOps * prices.tableTransaction,
    },
    {
      what: 'blob writes + reads (audit)',
      quantity: `${f.http.blobWrites} + ${f.http.blobReads}`,
      usd: f.http.blobWrites * prices.blobWrite + f.http.blobReads * prices.blobRead,
    },
    {
      what: 'telemetry ingested',
      quantity: `${(telemetryBytes / 1024).toFixed(0)} KB`,
      usd: (telemetryBytes / 1024 ** 3) * prices.telemetryGb,
    },
    {
      what: 'Logs queries, ARM, Slack',
      quantity: `${f.http.logsQueries}, ${f.http.arm}, ${f.http.slack}`,
      usd: 0,
    },
  ];
  return {
    bursts: b,
    executions,
    queueOps,
    tableOps,
    telemetry,
    telemetryBytes,
    lines,
    totalUsd: lines.reduce((s, l) => s + l.usd, 0),
  };
}

/** The idle month: nothing runs; the scale controller still reads the task hub's queues. */
export function idleMonth(partitions: number): { operations: number; usd: number } {
  const queues = partitions + 1;
  const operations = (a.monthSeconds / a.scaleControllerPollSeconds) * queues * 2;
  return { operations, usd: operations * prices.queueOperation };
}
