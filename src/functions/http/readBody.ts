import type { z } from 'zod';

import { describeValue } from '../../domain/describeValue.js';
import { BadRequestError } from './ApiError.js';
import type { FieldProblem } from './Problem.js';
import type { RequestBody } from './requestBodies.js';

/**
 * Reads a JSON object body and validates it with `body`'s schema (one of `requestBodies`,
 * loaded on first use). Every problem is reported at once, each naming the field, what was
 * expected and what arrived (400). Unknown fields are ignored and `null` counts as absent.
 *
 * @example await readBody(() => request.text(), requestBodies.approve)
 */
export async function readBody<S extends z.ZodType>(
  text: () => Promise<string>,
  body: RequestBody<S>,
): Promise<z.output<S>> {
  const schema = await body.schema();
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
  const fields = Object.fromEntries(
    Object.entries(parsed as Record<string, unknown>).filter(([, v]) => v !== null),
  );
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  throw new BadRequestError(result.error.issues.map((issue) => toFieldProblem(issue, fields)));
}

function toFieldProblem(issue: z.core.$ZodIssue, body: Record<string, unknown>): FieldProblem {
  const field = issue.path.map(String).join('.') || '(body)';
  const value = issue.path.reduce<unknown>(
    (at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key],
    body,
  );
  switch (issue.code) {
    case 'too_big':
      return {
        field,
        expected: `at most ${String(issue.maximum)} characters`,
        received: typeof value === 'string' ? `${value.length}` : describeValue(value),
      };
    case 'invalid_type':
    case 'too_small':
      return {
        field,
        expected:
          issue.code === 'too_small' || issue.expected === 'string'
            ? 'a non-empty string'
            : `a ${issue.expected}`,
        received: describeValue(value),
      };
    case 'invalid_value':
      return {
        field,
        expected: issue.values.map((v) => JSON.stringify(v)).join(' or '),
        received: describeValue(value),
      };
    default:
      return { field, expected: issue.message, received: describeValue(value) };
  }
}
