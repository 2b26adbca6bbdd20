/**
 * An error answered as JSON: `body` is the exact wire body (ARM `{error:{code,message}}` or the
 * Log Analytics shape), `status` the HTTP status, `headers` any extra response headers.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly body: unknown = { error: { code, message } },
  ) {
    super(message);
  }
}
