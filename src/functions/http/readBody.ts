import { describeValue } from '../../domain/describeValue.js';
import {
  freeTextProblem,
  maxFreeTextLength,
  normalizeFreeText,
} from '../../domain/text/freeText.js';
import { BadRequestError } from './ApiError.js';
import type { FieldProblem } from './Problem.js';

/** How one body field is checked. */
export interface FieldRule {
  required: boolean;
  /** Longest accepted text after normalisation (default {@link maxFreeTextLength}). */
  maxLength?: number;
}

/**
 * Reads a JSON object body and its string fields, normalised (NFC, trimmed); control
 * characters and text over the field's length are refused. Every problem is reported at once, each
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
    if (value === undefined || value === null) {
      if (rule.required)
        problems.push({ field, expected: 'a non-empty string', received: describeValue(value) });
      continue;
    }
    const text = typeof value === 'string' ? normalizeFreeText(value) : '';
    if (text === '') {
      problems.push({ field, expected: 'a non-empty string', received: describeValue(value) });
      continue;
    }
    const problem = freeTextProblem(text, rule.maxLength ?? maxFreeTextLength);
    if (problem === undefined) out[field] = text;
    else problems.push({ field, ...problem });
  }
  if (problems.length > 0) throw new BadRequestError(problems);
  return out;
}
