/**
 * A parsed timer schedule: an NCRONTAB expression with six fields
 * (`{second} {minute} {hour} {day} {month} {day-of-week}`, UTC) or an interval (`hh:mm:ss`).
 */
export type Schedule =
  { kind: 'cron'; fields: Set<number>[] } | { kind: 'interval'; everyMs: number };

const ranges: [number, number][] = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
];
const names: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

function parseField(text: string, index: number, expr: string): Set<number> {
  const [min, max] = ranges[index] as [number, number];
  const out = new Set<number>();
  const num = (t: string): number => {
    const v = names[t.toLowerCase()] ?? Number(t);
    if (!Number.isInteger(v) || v < min || v > max + (index === 5 ? 1 : 0)) {
      throw new Error(
        `schedule: expected field ${index + 1} of "${expr}" within ${min}-${max}, got "${t}"`,
      );
    }
    return index === 5 && v === 7 ? 0 : v;
  };
  for (const part of text.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new Error(`schedule: expected a positive step in "${expr}", got "${stepText}"`);
    let lo: number;
    let hi: number;
    if (rangeText === '*') [lo, hi] = [min, max];
    else if (rangeText.includes('-')) {
      const [a = '', b = ''] = rangeText.split('-');
      [lo, hi] = [num(a), num(b)];
    } else {
      lo = num(rangeText);
      hi = stepText === undefined ? lo : max;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

/** Parses a timer trigger's `schedule`; throws naming the expression when it is not valid. */
export function parseSchedule(expr: string): Schedule {
  const interval = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/.exec(expr.trim());
  if (interval !== null) {
    const [, d = '0', h = '0', m = '0', s = '0'] = interval;
    const everyMs = (((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60 + Number(s)) * 1000;
    if (everyMs <= 0) throw new Error(`schedule: expected a positive interval, got "${expr}"`);
    return { kind: 'interval', everyMs };
  }
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new Error(
      `schedule: expected six NCRONTAB fields (second minute hour day month day-of-week), got "${expr}"`,
    );
  }
  return { kind: 'cron', fields: parts.map((p, i) => parseField(p, i, expr)) };
}

/** The first occurrence strictly after `afterMs` (UTC), within five years; undefined when none. */
export function nextOccurrence(schedule: Schedule, afterMs: number): number | undefined {
  if (schedule.kind === 'interval') return afterMs + schedule.everyMs;
  const [sec, min, hour, day, month, dow] = schedule.fields as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const t = new Date(Math.floor(afterMs / 1000) * 1000 + 1000);
  const limit = afterMs + 5 * 366 * 24 * 3600 * 1000;
  while (t.getTime() <= limit) {
    if (!month.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0);
      continue;
    }
    if (!day.has(t.getUTCDate()) || !dow.has(t.getUTCDay())) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0);
      continue;
    }
    if (!hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0);
      continue;
    }
    if (!min.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
      continue;
    }
    if (!sec.has(t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1);
      continue;
    }
    return t.getTime();
  }
  return undefined;
}
