/**
 * The telemetry part of the cost bench: which log categories the Functions host sends to
 * Application Insights for one release, filtered by this repository's host.json. The dev
 * host does not run the .NET host, so the per-execution item counts and the item sizes below
 * are estimates (what the Functions host and Durable Functions' Azure Storage provider log per
 * execution at Information, and the billed size of such rows in Log Analytics); the counts
 * they multiply are measured. Slotpilot's own lines (`Function.<name>.User`) are counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Log levels in order; a category logs what is at or above its level. */
const levels = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical', 'None'];

/** The telemetry settings of host.json the bench honours. */
export interface HostTelemetry {
  /** Category prefix → minimum level (`default` included). */
  logLevel: Record<string, string>;
  /** Whether the host records its own outgoing calls (Azure Storage among them) as dependencies. */
  dependencyTracking: boolean;
  /** Telemetry types adaptive sampling never drops. */
  samplingExcluded: string;
}

/** Reads host.json's logging settings. */
export function readHostTelemetry(repoRoot: string): HostTelemetry {
  const host = JSON.parse(readFileSync(path.join(repoRoot, 'host.json'), 'utf8')) as {
    logging?: {
      logLevel?: Record<string, string>;
      applicationInsights?: {
        enableDependencyTracking?: boolean;
        samplingSettings?: { excludedTypes?: string };
      };
    };
  };
  const ai = host.logging?.applicationInsights;
  return {
    logLevel: host.logging?.logLevel ?? {},
    dependencyTracking: ai?.enableDependencyTracking ?? true,
    samplingExcluded: ai?.samplingSettings?.excludedTypes ?? 'Request (host default)',
  };
}

/** True when host.json lets `category` log at `level` (longest matching prefix wins). */
export function logs(settings: HostTelemetry, category: string, level = 'Information'): boolean {
  let best = 'default';
  for (const key of Object.keys(settings.logLevel)) {
    if (key === 'default') continue;
    const matches = category === key || category.startsWith(`${key}.`);
    if (matches && key.length > (best === 'default' ? 0 : best.length)) best = key;
  }
  const min = settings.logLevel[best] ?? 'Information';
  return levels.indexOf(level) >= levels.indexOf(min);
}

/** What one release did, as the telemetry model needs it. */
export interface TelemetryInput {
  executions: number;
  episodes: number;
  activities: number;
  timers: number;
  externalEvents: number;
  queueMessages: number;
  /** The function of each of Slotpilot's own log lines (counted on the dev host). */
  appLines: string[];
  /** Storage transactions the running instance made (dependencies when tracked). */
  workerStorageOps: number;
  /** Billed bursts (Host.Aggregator flushes one set of metrics per function per burst). */
  bursts: number;
  /** Distinct functions run per burst, on average. */
  functionsPerBurst: number;
  /** Times an instance started (host start-up lines). */
  instanceStarts: number;
}

/** One telemetry source: category, items and bytes each. */
export interface TelemetryLine {
  category: string;
  items: number;
  bytesEach: number;
  kept: boolean;
}

/** The estimated telemetry of one release under `settings`. */
export function telemetryLines(settings: HostTelemetry, t: TelemetryInput): TelemetryLine[] {
  const line = (category: string, items: number, bytesEach: number, kept: boolean) => ({
    category,
    items: Math.round(items),
    bytesEach,
    kept,
  });
  return [
    // One `requests` row per execution (Host.Results); never sampled away when excluded.
    line('Host.Results (requests)', t.executions, 900, logs(settings, 'Host.Results')),
    // "Executing 'Functions.x'" and "Executed 'Functions.x' (Succeeded…)"; orchestrator and
    // activity runs are nearly all of them (a release has 3 trigger runs).
    line(
      'Function.<name> (executing/executed)',
      2 * t.executions,
      450,
      logs(settings, 'Function.monitorSampleProduction'),
    ),
    line(
      'Function.<name>.User (Slotpilot)',
      t.appLines.filter((fn) => logs(settings, `Function.${fn}.User`)).length,
      450,
      true,
    ),
    // Durable tracking: started/awaited per episode, scheduled/started/completed per activity,
    // one per timer fired and per event raised.
    line(
      'Host.Triggers.DurableTask',
      2 * t.episodes + 3 * t.activities + t.timers + t.externalEvents,
      750,
      logs(settings, 'Host.Triggers.DurableTask'),
    ),
    // Sending/received/deleting per message; history fetched/appended and status per episode.
    line(
      'DurableTask.AzureStorage',
      3 * t.queueMessages + 3 * t.episodes,
      950,
      logs(settings, 'DurableTask.AzureStorage'),
    ),
    line(
      'DurableTask.Core',
      2 * t.episodes + 2 * t.activities,
      700,
      logs(settings, 'DurableTask.Core'),
    ),
    // customMetrics: count, successes, failures, success rate, min/max/avg duration.
    line(
      'Host.Aggregator (customMetrics)',
      7 * t.bursts * t.functionsPerBurst,
      400,
      logs(settings, 'Host.Aggregator'),
    ),
    line('Host.Startup / Host.General', 40 * t.instanceStarts, 700, logs(settings, 'Host.General')),
    line('dependencies (host storage calls)', t.workerStorageOps, 700, settings.dependencyTracking),
  ];
}
