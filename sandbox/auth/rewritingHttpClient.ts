import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';

/** The public Azure origins the rewriting client redirects to the sandbox. */
export const AZURE_ORIGINS = [
  'https://management.azure.com',
  'https://api.loganalytics.io',
  'https://api.loganalytics.azure.com',
];

/**
 * An HttpClient that sends requests for the public ARM and Log Analytics origins to the
 * sandbox's plain-HTTP listener at `origin` (e.g. `http://127.0.0.1:PORT`); other requests go
 * out untouched. The bearer policy runs before the client, so clients keep their real
 * `https://` endpoints and the sandbox answers with real-looking `Location` URLs.
 */
export function rewritingHttpClient(
  origin: string,
  inner: HttpClient = createDefaultHttpClient(),
): HttpClient {
  return {
    sendRequest(request) {
      const from = AZURE_ORIGINS.find((o) => request.url.toLowerCase().startsWith(o));
      if (from !== undefined) {
        request.url = origin + request.url.slice(from.length);
        request.allowInsecureConnection = true;
      }
      return inner.sendRequest(request);
    },
  };
}
