import { customStatusBudgetChars } from './fitStatus.js';

/** Longest string kept at each squeeze of {@link boundCustomStatus}, widest first. */
const stringLimits = [600, 240, 80];

/**
 * `status` made to fit Durable's custom status limit (16 KB of UTF-16 JSON; the budget is
 * {@link customStatusBudgetChars} JSON characters): whatever the inputs, sample counts or
 * evidence, the result's JSON is within `budget`. In order, until it fits: the oldest
 * entries of every `samples` list go (the newest stays), long strings are clipped (600, 240,
 * then 80 characters), every `evidence` object is emptied, lists keep their newest three
 * entries; as a last resort only the short top-level scalars stay, with `truncated: true`.
 * A status that already fits is returned as it is. Pure.
 *
 * @example boundCustomStatus({ step: 'x'.repeat(20_000) }) // { step: 'xxx…' } within budget
 */
export function boundCustomStatus<T>(status: T, budget = customStatusBudgetChars): T {
  if (fits(status, budget)) return status;
  let bounded: unknown = status;
  while (!fits(bounded, budget)) {
    const fewer = dropOldestSample(bounded);
    if (fewer === undefined) break;
    bounded = fewer;
  }
  for (const limit of stringLimits) {
    if (fits(bounded, budget)) return bounded as T;
    bounded = clipStrings(bounded, limit);
  }
  if (fits(bounded, budget)) return bounded as T;
  bounded = emptyEvidence(bounded);
  if (fits(bounded, budget)) return bounded as T;
  bounded = keepNewest(bounded, 3);
  if (fits(bounded, budget)) return bounded as T;
  return lastResort(bounded) as T;
}

function fits(value: unknown, budget: number): boolean {
  return (JSON.stringify(value) ?? '').length <= budget;
}

/** `value` without the oldest entry of its longest `samples` list; undefined when none has two. */
function dropOldestSample(value: unknown): unknown {
  let longest: unknown[] | undefined;
  const find = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(find);
    else if (isRecord(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key === 'samples' && Array.isArray(child) && child.length > (longest?.length ?? 1))
          longest = child;
        find(child);
      }
    }
  };
  find(value);
  if (longest === undefined) return undefined;
  const target = longest;
  return map(value, (v) => (v === target ? target.slice(1) : undefined));
}

function clipStrings(value: unknown, limit: number): unknown {
  return map(value, (v) =>
    typeof v === 'string' && v.length > limit
      ? `${v.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, '')}…`
      : undefined,
  );
}

function emptyEvidence(value: unknown): unknown {
  return mapEntries(value, (key, v) => (key === 'evidence' && isRecord(v) ? {} : undefined));
}

function keepNewest(value: unknown, count: number): unknown {
  return map(value, (v) => (Array.isArray(v) && v.length > count ? v.slice(-count) : undefined));
}

function lastResort(value: unknown): Record<string, unknown> {
  const kept: Record<string, unknown> = { truncated: true };
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'number' || typeof v === 'boolean') kept[key] = v;
      if (typeof v === 'string') kept[key] = v.slice(0, 80);
    }
  }
  return kept;
}

/** A copy of `value` where `replace` may substitute any node (undefined keeps it, recursing). */
function map(value: unknown, replace: (v: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== undefined) return replaced;
  if (Array.isArray(value)) return value.map((v) => map(v, replace));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v, replace)]));
  }
  return value;
}

/** Like {@link map}, but `replace` also sees the key a node is stored under. */
function mapEntries(value: unknown, replace: (key: string, v: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => mapEntries(v, replace));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, replace(k, v) ?? mapEntries(v, replace)]),
    );
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
