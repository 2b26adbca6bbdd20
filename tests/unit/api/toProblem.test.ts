import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { NonRetryableError, RetryAfterError, ValidationError } from '../../../src/domain/errors.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  UnauthorizedError,
} from '../../../src/functions/http/ApiError.js';
import { toProblem } from '../../../src/functions/http/toProblem.js';

describe('toProblem', () => {
  it('maps a ValidationError to 400 problem+json naming the field', () => {
    const response = toProblem(
      new ValidationError('stage', 'one of dev, staging', '"qa"'),
      '/api/releases/x/approve',
    );
    assert.equal(response.status, 400);
    assert.equal(response.headers['Content-Type'], 'application/problem+json');
    assert.deepEqual(response.jsonBody, {
      type: 'urn:slotpilot:problem:bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'stage: expected one of dev, staging, got "qa"',
      instance: '/api/releases/x/approve',
      errors: [{ field: 'stage', expected: 'one of dev, staging', received: '"qa"' }],
    });
  });

  it('keeps every field problem of a BadRequestError', () => {
    const response = toProblem(
      new BadRequestError([
        { field: 'stage', expected: 'a non-empty string', received: 'nothing' },
        { field: 'reason', expected: 'a non-empty string', received: '42' },
      ]),
      '/api/releases/x/reject',
    );
    assert.equal(response.status, 400);
    assert.equal(response.jsonBody.errors?.length, 2);
    assert.match(
      response.jsonBody.detail,
      /stage: expected a non-empty string, got nothing; reason/,
    );
  });

  it('maps each API error to its status with a stable type', () => {
    const cases = [
      [new UnauthorizedError('no identity'), 401, 'unauthorized'],
      [new ForbiddenError('not an approver', { reason: 'not-an-approver' }), 403, 'forbidden'],
      [new NotFoundError('no release'), 404, 'not-found'],
      [new ConflictError('not waiting', { waitingFor: 'staging' }), 409, 'conflict'],
      [new GoneError('ended'), 410, 'gone'],
    ] as const;
    for (const [error, status, kind] of cases) {
      const response = toProblem(error, '/api/x');
      assert.equal(response.status, status);
      assert.equal(response.jsonBody.type, `urn:slotpilot:problem:${kind}`);
      assert.equal(response.jsonBody.detail, error.message);
      assert.equal(response.jsonBody.instance, '/api/x');
    }
    assert.equal(
      toProblem(new ConflictError('x', { waitingFor: 'staging' }), '/').jsonBody.waitingFor,
      'staging',
    );
  });

  it('maps RetryAfterError to 503 with Retry-After in whole seconds', () => {
    const response = toProblem(
      new RetryAfterError('ARM throttled', 2500),
      '/api/pipelines/p/slots',
    );
    assert.equal(response.status, 503);
    assert.equal(response.headers['Retry-After'], '3');
  });

  it('maps upstream refusals to 502 and hides unexpected errors behind a 500', () => {
    assert.equal(toProblem(new NonRetryableError('site not found'), '/').status, 502);
    const response = toProblem(new Error('secret connection string leaked'), '/');
    assert.equal(response.status, 500);
    assert.doesNotMatch(response.jsonBody.detail, /secret/);
  });
});
