/**
 * Counting for the cost bench: what one release did, read from the dev host's SQLite store
 * (episodes, activities, timers, queued messages, history rows with their times) and from the
 * outgoing HTTP calls of this process (ARM, Logs queries, blob writes, Slack, hooks).
 */
import diagnostics from 'node:diagnostics_channel';

import Database from 'better-sqlite3';

/** Durable history event types the bench counts (DTFx numbering). */
const ev = {
  executionStarted: 0,
  taskScheduled: 4,
  taskCompleted: 5,
  taskFailed: 6,
  subCompleted: 8,
  subFailed: 9,
  timerCreated: 10,
  orchestratorStarted: 12,
  eventRaised: 15,
} as const;

/** One execution on the virtual clock: an orchestrator episode or an activity run. */
export interface Execution {
  atMs: number;
  kind: 'episode' | 'activity';
  name: string;
}

/** What the durable store says about one release's instances. */
export interface StoreCounts {
  instances: number;
  episodes: number;
  activities: number;
  timers: number;
  externalEvents: number;
  /** Messages through the task hub's queues (work items, results, timers, events, starts). */
  queueMessages: number;
  historyEvents: number;
  /** Bytes of the history rows as JSON (what Azure's History table holds, before overhead). */
  historyBytes: number;
  /** Activity runs by activity name. */
  activitiesByName: Record<string, number>;
  executions: Execution[];
}

interface HistoryRow {
  instance_id: string;
  event: string;
}

/** Counts the history of every instance whose id starts with one of `prefixes`. */
export function countStore(dbFile: string, prefixes: string[]): StoreCounts {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = (
      db
        .prepare('SELECT instance_id, event FROM history ORDER BY instance_id, seq')
        .all() as HistoryRow[]
    ).filter((r) => prefixes.some((p) => r.instance_id.startsWith(p)));
    const counts: StoreCounts = {
      instances: new Set(rows.map((r) => r.instance_id)).size,
      episodes: 0,
      activities: 0,
      timers: 0,
      externalEvents: 0,
      queueMessages: 0,
      historyEvents: rows.length,
      historyBytes: 0,
      activitiesByName: {},
      executions: [],
    };
    const scheduled = new Map<string, string>();
    for (const row of rows) {
      counts.historyBytes += Buffer.byteLength(row.event);
      const e = JSON.parse(row.event) as {
        EventType: number;
        EventId: number;
        Timestamp: string;
        Name?: string;
        TaskScheduledId?: number;
      };
      const atMs = Date.parse(e.Timestamp);
      switch (e.EventType) {
        case ev.orchestratorStarted:
          counts.episodes += 1;
          counts.executions.push({ atMs, kind: 'episode', name: row.instance_id });
          break;
        case ev.taskScheduled: {
          const name = e.Name ?? '?';
          counts.activities += 1;
          counts.activitiesByName[name] = (counts.activitiesByName[name] ?? 0) + 1;
          counts.queueMessages += 2; // the work item, and its result back to the orchestration
          scheduled.set(`${row.instance_id}#${e.EventId}`, name);
          break;
        }
        case ev.taskCompleted:
        case ev.taskFailed:
          counts.executions.push({
            atMs,
            kind: 'activity',
            name: scheduled.get(`${row.instance_id}#${e.TaskScheduledId}`) ?? '?',
          });
          break;
        case ev.timerCreated:
          counts.timers += 1;
          counts.queueMessages += 1;
          break;
        case ev.eventRaised:
          counts.externalEvents += 1;
          counts.queueMessages += 1;
          break;
        case ev.executionStarted:
        case ev.subCompleted:
        case ev.subFailed:
          counts.queueMessages += 1;
          break;
        default:
          break;
      }
    }
    counts.executions.sort((a, b) => a.atMs - b.atMs);
    return counts;
  } finally {
    db.close();
  }
}

/** Outgoing HTTP calls by what they reached. */
export interface HttpCounts {
  arm: number;
  logsQueries: number;
  registry: number;
  blobWrites: number;
  blobReads: number;
  slack: number;
  hooks: number;
  siteProbes: number;
}

/** Where the app's calls go in the sandbox world. */
export interface Destinations {
  /** host:port of the sandbox listeners (ARM, Logs, registry, Slack, hooks). */
  sandbox: string[];
  /** host:port of Azurite's blob endpoint. */
  blob: string;
  /** host:port of every simulated site. */
  sites: string[];
}

interface SeenRequest {
  method: string;
  hostPort: string;
  path: string;
}

/**
 * Tallies the HTTP requests this process sends (node:http and fetch), from subscribe to
 * unsubscribe. The app runs in this process on the dev host, so its calls are among them;
 * calls to the dev host itself (the bench's own API calls, Event Grid deliveries) are not
 * counted because they go to none of the {@link Destinations}.
 */
export class HttpTally {
  private readonly seen: SeenRequest[] = [];
  private readonly onNode = (message: unknown): void => {
    const request = (message as { request: { method: string; path: string } & NodeRequest })
      .request;
    this.seen.push({
      method: request.method,
      hostPort: headerText(request.getHeader('host')),
      path: request.path,
    });
  };
  private readonly onFetch = (message: unknown): void => {
    const request = (message as { request: { method: string; origin: string; path: string } })
      .request;
    this.seen.push({
      method: request.method,
      hostPort: new URL(request.origin).host,
      path: request.path,
    });
  };

  constructor() {
    diagnostics.subscribe('http.client.request.start', this.onNode);
    diagnostics.subscribe('undici:request:create', this.onFetch);
  }

  /** Stops tallying. */
  stop(): void {
    diagnostics.unsubscribe('http.client.request.start', this.onNode);
    diagnostics.unsubscribe('undici:request:create', this.onFetch);
  }

  /** How many requests were seen so far (a mark for {@link counts}). */
  mark(): number {
    return this.seen.length;
  }

  /** Counts the requests seen after `from` (a {@link mark}) by destination. */
  counts(to: Destinations, from = 0): HttpCounts {
    const c: HttpCounts = {
      arm: 0,
      logsQueries: 0,
      registry: 0,
      blobWrites: 0,
      blobReads: 0,
      slack: 0,
      hooks: 0,
      siteProbes: 0,
    };
    for (const r of this.seen.slice(from)) {
      if (r.hostPort === to.blob) {
        if (['PUT', 'POST', 'DELETE'].includes(r.method)) c.blobWrites += 1;
        else c.blobReads += 1;
      } else if (to.sites.includes(r.hostPort)) {
        c.siteProbes += 1;
      } else if (to.sandbox.includes(r.hostPort)) {
        const p = r.path.toLowerCase();
        if (p.startsWith('/subscriptions/')) c.arm += 1;
        else if (p.startsWith('/v1/')) c.logsQueries += 1;
        else if (p.startsWith('/acr/') || p.startsWith('/oauth2/')) c.registry += 1;
        else if (p.startsWith('/slack')) c.slack += 1;
        else if (p.startsWith('/hooks')) c.hooks += 1;
      }
    }
    return c;
  }
}

interface NodeRequest {
  getHeader(name: string): unknown;
}

function headerText(value: unknown): string {
  return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : '';
}

/** host:port of a URL. */
export function hostPort(url: string): string {
  return new URL(url).host;
}
