/** Pure hash routing of the console: `#/releases`, `#/releases/ID`, `#/slots/PIPELINE`. */

/** A console view and its parameters. */
export type Route =
  | { view: 'list'; pipeline?: string; status?: string }
  | { view: 'release'; id: string }
  | { view: 'slots'; pipeline: string };

/**
 * The route of a location hash; the release list for an empty or unknown hash.
 *
 * @example parseRoute('#/releases/pwbi-api-1a2b') → { view: 'release', id: 'pwbi-api-1a2b' }
 */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => safeDecode(p));
  if (parts[0] === 'releases' && parts[1] !== undefined && parts[1] !== '') {
    return { view: 'release', id: parts[1] };
  }
  if (parts[0] === 'slots' && parts[1] !== undefined && parts[1] !== '') {
    return { view: 'slots', pipeline: parts[1] };
  }
  const params = new URLSearchParams(query);
  const pipeline = params.get('pipeline') ?? '';
  const status = params.get('status') ?? '';
  return {
    view: 'list',
    ...(pipeline === '' ? {} : { pipeline }),
    ...(status === '' ? {} : { status }),
  };
}

/** The location hash of a route (the inverse of {@link parseRoute}). */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'release':
      return `#/releases/${encodeURIComponent(route.id)}`;
    case 'slots':
      return `#/slots/${encodeURIComponent(route.pipeline)}`;
    case 'list': {
      const params = new URLSearchParams();
      if (route.pipeline !== undefined) params.set('pipeline', route.pipeline);
      if (route.status !== undefined) params.set('status', route.status);
      const query = params.toString();
      return query === '' ? '#/releases' : `#/releases?${query}`;
    }
  }
}

/** The `GET /api/releases` path for a list route. */
export function listPath(route: { pipeline?: string; status?: string }): string {
  const params = new URLSearchParams();
  if (route.pipeline !== undefined) params.set('pipeline', route.pipeline);
  if (route.status !== undefined) params.set('status', route.status);
  const query = params.toString();
  return query === '' ? '/api/releases' : `/api/releases?${query}`;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
