import type { HttpResponseInit } from '@azure/functions';

import type { ConsoleAsset, ConsoleAssets } from './consoleAssets.js';
import { consoleHeaders } from './consoleHeaders.js';

/** The parts of an HTTP request the console handlers read (an @azure/functions HttpRequest). */
export interface ConsoleRequest {
  url: string;
  params: Record<string, string>;
  headers: { get(name: string): string | null };
}

/**
 * `GET /api/console` (anonymous): the console page. It carries no data; the page calls the
 * authenticated API. 503 problem when the compiled scripts are missing from the package.
 */
export function consolePageHandler(
  assets: ConsoleAssets,
): (request: ConsoleRequest) => Promise<HttpResponseInit> {
  return (request) => {
    if (assets.missing !== undefined) {
      return Promise.resolve({
        status: 503,
        headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' },
        jsonBody: {
          type: 'urn:slotpilot:problem:unavailable',
          title: 'Service Unavailable',
          status: 503,
          detail: `The console is not built: ${assets.missing}.`,
          instance: new URL(request.url).pathname,
        },
      });
    }
    return Promise.resolve(serve(assets.page, request));
  };
}

/**
 * `GET /api/console/{file}` (anonymous): the console's stylesheet and scripts; an empty 404
 * for any other name (names are looked up, never joined to a path).
 */
export function consoleAssetHandler(
  assets: ConsoleAssets,
): (request: ConsoleRequest) => Promise<HttpResponseInit> {
  return (request) => {
    const file = assets.files.get(request.params.file ?? '');
    if (file === undefined) {
      return Promise.resolve({
        status: 404,
        headers: {
          'Content-Type': 'text/plain; charset=utf-8',
          'X-Content-Type-Options': 'nosniff',
        },
        body: 'Not found',
      });
    }
    return Promise.resolve(serve(file, request));
  };
}

/** 200 with the asset, or 304 when the browser's copy is current (`If-None-Match`). */
function serve(file: ConsoleAsset, request: ConsoleRequest): HttpResponseInit {
  const headers = consoleHeaders(file.contentType, file.etag);
  const cached = request.headers.get('if-none-match');
  if (cached !== null && cached.split(',').some((tag) => tag.trim() === file.etag)) {
    return { status: 304, headers };
  }
  return { status: 200, headers, body: file.body };
}
