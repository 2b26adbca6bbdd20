import type {
  HttpRequest,
  HttpResponse,
  HttpResponseInit,
  InvocationContext,
} from '@azure/functions';
import type { DurableClient } from 'durable-functions';

import { toProblem } from './toProblem.js';

/** An HTTP trigger handler with a durable client. */
export type ClientHttpHandler = (
  request: HttpRequest,
  client: DurableClient,
  context: InvocationContext,
) => Promise<HttpResponseInit | HttpResponse>;

/**
 * Wraps a handler so that every thrown error becomes a problem response (see toProblem);
 * server-side failures (5xx) are logged with their cause, client errors are not.
 */
export function withProblems(handler: ClientHttpHandler): ClientHttpHandler {
  return async (request, client, context) => {
    try {
      return await handler(request, client, context);
    } catch (error) {
      const problem = toProblem(error, new URL(request.url).pathname);
      if (problem.status >= 500) {
        context.error(`${request.method} ${request.url} failed:`, error);
      }
      return problem;
    }
  };
}
