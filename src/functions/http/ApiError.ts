/**
 * Errors a trigger throws to answer with a specific HTTP status. They are mapped to RFC 9457
 * problem responses in one place ({@link toProblem}); handlers never build error responses.
 */
export class ApiError extends Error {
  override readonly name: string = 'ApiError';

  constructor(
    /** HTTP status code. */
    readonly status: number,
    /** Short, stable summary of the problem type (the problem's `title`). */
    readonly title: string,
    /** What went wrong this time (the problem's `detail`). */
    detail: string,
    /** Extra members of the problem body, e.g. `waitingFor`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

/** 401: no identity, or one that cannot be trusted. */
export class UnauthorizedError extends ApiError {
  override readonly name = 'UnauthorizedError';
  constructor(detail: string) {
    super(401, 'Unauthorized', detail);
  }
}

/** 403: the caller is known but may not do this. */
export class ForbiddenError extends ApiError {
  override readonly name = 'ForbiddenError';
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super(403, 'Forbidden', detail, extensions);
  }
}

/** 404: the release or pipeline does not exist. */
export class NotFoundError extends ApiError {
  override readonly name = 'NotFoundError';
  constructor(detail: string) {
    super(404, 'Not Found', detail);
  }
}

/** 409: the request conflicts with the release's current state. */
export class ConflictError extends ApiError {
  override readonly name = 'ConflictError';
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super(409, 'Conflict', detail, extensions);
  }
}

/** 410: the release has ended; nothing can change it any more. */
export class GoneError extends ApiError {
  override readonly name = 'GoneError';
  constructor(detail: string, extensions?: Record<string, unknown>) {
    super(410, 'Gone', detail, extensions);
  }
}

/** 400 with several invalid fields at once (a single one may also be a ValidationError). */
export class BadRequestError extends ApiError {
  override readonly name = 'BadRequestError';
  constructor(errors: readonly { field: string; expected: string; received: string }[]) {
    super(
      400,
      'Bad Request',
      errors.map((e) => `${e.field}: expected ${e.expected}, got ${e.received}`).join('; '),
      { errors },
    );
  }
}
