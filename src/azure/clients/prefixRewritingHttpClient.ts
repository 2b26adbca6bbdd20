import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';

/**
 * An HttpClient that sends requests whose URL starts with one of `rewrites`' keys to the
 * mapped base URL instead (e.g. `https://management.azure.com` → `http://127.0.0.1:PORT`), so
 * clients keep their public `https://` endpoints (bearer tokens are refused over http before
 * the client sees the request) while a local plain-http sandbox answers. Other URLs go out
 * untouched. Sandbox mode only.
 */
export function prefixRewritingHttpClient(
  rewrites: Readonly<Record<string, string>>,
  inner: HttpClient = createDefaultHttpClient(),
): HttpClient {
  const entries = Object.entries(rewrites);
  return {
    sendRequest(request) {
      const lower = request.url.toLowerCase();
      const hit = entries.find(([from]) => lower.startsWith(from.toLowerCase()));
      if (hit !== undefined) {
        const [from, to] = hit;
        request.url = to + request.url.slice(from.length);
        request.allowInsecureConnection = to.startsWith('http:');
      }
      return inner.sendRequest(request);
    },
  };
}
