import type { IncomingMessage } from 'node:http';

import { HttpError } from '../http/HttpError.js';

/** ARM's 401 unless the request carries a `Bearer` token (any token is accepted). */
export function requireBearer(req: IncomingMessage): void {
  const auth = req.headers.authorization;
  if (auth === undefined) {
    throw new HttpError(
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
    );
  }
  if (!/^Bearer \S+/.test(auth)) {
    throw new HttpError(
      401,
      'InvalidAuthenticationToken',
      "The access token is invalid: expected 'Bearer <token>' in the Authorization header.",
    );
  }
}
