/** Pure formatting of API values for the console (no DOM; unit-tested under Node). */

/** How a status is drawn: the CSS tone class it gets. */
export type Tone = 'ok' | 'bad' | 'wait' | 'run' | 'muted';

/**
 * The tone of a release, stage, check or verdict status: `ok` for success, `bad` for failure
 * or rollback, `wait` for a human decision, `run` for work in progress, `muted` otherwise.
 */
export function statusTone(status: string): Tone {
  switch (status.toLowerCase()) {
    case 'succeeded':
    case 'passed':
    case 'pass':
      return 'ok';
    case 'failed':
    case 'fail':
    case 'breach':
    case 'rolledback':
    case 'rejected':
    case 'expired':
    case 'unknown':
      return 'bad';
    case 'waitingforapproval':
    case 'inconclusive':
      return 'wait';
    case 'running':
      return 'run';
    default:
      return 'muted';
  }
}

/** A status for people: `WaitingForApproval` → `Waiting for approval`, `RolledBack` → `Rolled back`. */
export function statusLabel(status: string): string {
  const words = status.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A duration for people, two units at most: `850 ms`, `42 s`, `3 m 5 s`, `2 h 10 m`, `3 d 4 h`.
 * Negative or non-finite input is `—`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const units: [number, string][] = [
    [86_400, 'd'],
    [3600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const i = units.findIndex(([size]) => s >= size);
  const [bigSize, bigName] = units[i] ?? [1, 's'];
  const [smallSize, smallName] = units[i + 1] ?? [1, 's'];
  const big = Math.floor(s / bigSize);
  const small = Math.floor((s % bigSize) / smallSize);
  return small === 0 ? `${big} ${bigName}` : `${big} ${bigName} ${small} ${smallName}`;
}

/** Time from `start` to `end` (ISO strings); `—` when either is missing or unreadable. */
export function formatSpan(start: string | undefined, end: string | undefined): string {
  if (start === undefined || end === undefined) return '—';
  return formatDuration(Date.parse(end) - Date.parse(start));
}

/** An ISO time as `YYYY-MM-DD HH:MM:SS UTC`; the input itself when it is not a date; `—` when absent. */
export function formatTime(iso: string | undefined): string {
  if (iso === undefined || iso === '') return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The wall-clock part `HH:MM:SS` of a local time (the "updated" stamp). */
export function formatClock(at: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
}

/** An error rate (0–1) as a percentage with one decimal; `n/a` when unknown. */
export function formatRate(rate: number | null): string {
  return rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`;
}

/** A latency in ms, rounded; `n/a` when unknown. */
export function formatMs(ms: number | null): string {
  return ms === null ? 'n/a' : `${Math.round(ms)} ms`;
}

/** `sha256:0123456789ab…` (the first 12 hex digits): enough to tell digests apart. */
export function shortDigest(digest: string | null | undefined): string {
  if (digest === null || digest === undefined || digest === '') return '—';
  const [algo, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
  const head = (hex ?? '').slice(0, 12);
  return `${algo === '' ? '' : `${algo}:`}${head}${(hex ?? '').length > 12 ? '…' : ''}`;
}

/** Evidence of a rollback as `key: value` lines (objects as JSON), in key order. */
export function formatEvidence(evidence: Record<string, unknown>): string[] {
  return Object.keys(evidence)
    .sort()
    .map((key) => {
      const value = evidence[key];
      return `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    });
}
