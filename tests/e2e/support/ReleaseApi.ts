import { issueToken } from '../../../src/domain/identity/index.js';
import { e2eSigningKey } from './appSettings.js';

/** An HTTP answer: status, headers and parsed JSON body (or text). */
export interface ApiAnswer {
  status: number;
  body: unknown;
  headers: Headers;
  /** The body as it arrived. */
  text: string;
}

/**
 * The release API over HTTP, as a user of Slotpilot calls it (bearer token per user, and the
 * host's function key in `x-functions-key` when `functionKey` is given).
 */
export class ReleaseApi {
  constructor(
    private readonly baseUrl: () => string,
    private readonly functionKey?: () => string,
  ) {}

  /** GET /api/releases/{id}. */
  get(id: string): Promise<ApiAnswer> {
    return this.call('GET', `/api/releases/${id}`);
  }

  /** POST /api/releases/{id}/approve as `user`. */
  approve(id: string, stage: string, user: string, comment?: string): Promise<ApiAnswer> {
    return this.call(
      'POST',
      `/api/releases/${id}/approve`,
      { stage, ...(comment === undefined ? {} : { comment }) },
      user,
    );
  }

  /** POST /api/releases/{id}/reject as `user`. */
  reject(id: string, stage: string, user: string, reason: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/releases/${id}/reject`, { stage, reason }, user);
  }

  /** POST /api/releases/{id}/cancel as `user`. */
  cancel(id: string, user: string, reason: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/releases/${id}/cancel`, { reason }, user);
  }

  /** POST /api/releases/{id}/rollback as `user`. */
  rollback(id: string, user: string, reason: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/releases/${id}/rollback`, { reason }, user);
  }

  /** POST /api/releases/{id}/resume as `user` (a paused monitor goes on). */
  resume(id: string, user: string, reason: string): Promise<ApiAnswer> {
    return this.call('POST', `/api/releases/${id}/resume`, { reason }, user);
  }

  /** POST /api/releases/{id}/promote as `user`; `step` names the canary step the caller saw. */
  promote(id: string, user: string, reason: string, step?: number): Promise<ApiAnswer> {
    return this.call(
      'POST',
      `/api/releases/${id}/promote`,
      { reason, ...(step === undefined ? {} : { step }) },
      user,
    );
  }

  /** POST /api/releases {image} as `user`. */
  start(image: string, user: string): Promise<ApiAnswer> {
    return this.call('POST', '/api/releases', { image }, user);
  }

  /** Any request; signs a bearer token for `user` when given. */
  async call(method: string, route: string, body?: unknown, user?: string): Promise<ApiAnswer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.functionKey !== undefined && !/[?&]code=/.test(route))
      headers['x-functions-key'] = this.functionKey();
    if (user !== undefined) {
      headers.authorization = `Bearer ${await issueToken({ user, signingKey: e2eSigningKey, ttlMs: 3_600_000 })}`;
    }
    const res = await fetch(`${this.baseUrl()}${route}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }
}
