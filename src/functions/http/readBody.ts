import { describeValue } from '../../domain/describeValue.js';
import { BadRequestError } from './ApiError.js';
import type { FieldProblem } from './Problem.js';

/** How one body field is checked. */
export interface FieldRule {
  required: boolean;
  /** Longest accepted text (default 2000). */
  maxLength?: number;
}

/**
 * Reads a JSON object body and its string fields. Every problem is reported at once, each
 * naming the field, what was expected and what arrived (400). Unknown fields are ignored.
 *
 * @example await readBody(() => request.text(), { stage: { required: true }, comment: { required: false } })
 */
export async function readBody<K extends string>(
  text: () => Promise<string>,
  rules: Record<K, FieldRule>,
): Promise<Partial<Record<K, string>>> {
  const raw = await text();
  let parsed: unknown;
  try {
    parsed = raw.trim() === '' ? undefined : JSON.parse(raw);
  } catch {
    throw new BadRequestError([
      { field: '(body)', expected: 'a JSON object', received: 'text that is not JSON' },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError([
      { field: '(body)', expected: 'a JSON object', received: describeValue(parsed) },
    ]);
  }
  const body = parsed as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  const problems: FieldProblem[] = [];
  for (const [field, rule] of Object.entries(rules) as [K, FieldRule][]) {
    const value = body[field];
    const maxLength = rule.maxLength ?? 2000;
    if (value === undefined || value === null) {
      if (rule.required)
        problems.push({ field, expected: 'a non-empty string', received: describeValue(value) });
    } else if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ field, expected: 'a non-empty string', received: describeValue(value) });
    } else if (value.length > maxLength) {
      problems.push({
        field,
        expected: `at most ${maxLength} characters`,
        received: `${value.length}`,
      });
    } else {
      out[field] = value.trim();
    }
  }
  if (problems.length > 0) throw new BadRequestError(problems);
  return out;
}
