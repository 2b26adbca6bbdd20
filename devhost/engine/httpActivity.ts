import type { DurableHttpRequestJson } from './OrchestratorAction.js';

/** The extension's reserved name for the built-in HTTP activity behind `callHttp`. */
export const httpActivityName = 'BuiltIn::HttpActivity';

/** The poll request after a 202: a GET of the Location with the first request's headers, minus x-functions-key. */
export function pollRequest(
  first: DurableHttpRequestJson,
  location: string,
): DurableHttpRequestJson {
  const headers = Object.fromEntries(
    Object.entries(first.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'x-functions-key'),
  );
  return { method: 'GET', uri: location, headers, asynchronousPatternEnabled: true };
}

/** What the built-in HTTP activity returns (the extension's `DurableHttpResponse` JSON). */
export interface DurableHttpResponseJson {
  statusCode: number;
  headers: Record<string, string | string[]>;
  content: string;
}

/** A failure of the HTTP call itself (no answer): TaskFailed with this Reason, as the extension's TaskFailureException. */
export class HttpActivityError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpActivityError';
  }
}

/**
 * Runs the built-in HTTP activity: sends the request (content as text/plain unless a
 * Content-Type header says otherwise) and returns the answer, whatever its status. Throws
 * HttpActivityError when no answer arrives or the request cannot be made (managed identity
 * token sources are not available locally).
 */
export async function runHttpActivity(inputJson: string): Promise<DurableHttpResponseJson> {
  const [req] = JSON.parse(inputJson) as [DurableHttpRequestJson | undefined];
  if (req === undefined || typeof req.uri !== 'string')
    throw new HttpActivityError(`callHttp: expected a request with a uri, got ${inputJson}`);
  if (req.tokenSource !== undefined && req.tokenSource !== null)
    throw new HttpActivityError(
      'callHttp: tokenSource (managed identity) is not supported by the dev host; send an Authorization header instead',
    );
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers ?? {}))
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  const hasBody = req.content !== undefined && req.content !== null;
  if (hasBody && !headers.has('content-type')) headers.set('content-type', 'text/plain');
  let res: Response;
  try {
    res = await fetch(req.uri, {
      method: req.method,
      headers,
      ...(hasBody ? { body: req.content } : {}),
    });
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause;
    throw new HttpActivityError(
      `callHttp ${req.method} ${req.uri}: ${cause?.message ?? (err as Error).message}`,
      { cause: err },
    );
  }
  const out: Record<string, string | string[]> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out[name] = value;
  });
  const cookies = res.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies.length === 1 ? (cookies[0] ?? '') : cookies;
  return { statusCode: res.status, headers: out, content: await res.text() };
}
