import { describeValue } from '../../domain/describeValue.js';
import { BadRequestError, NotFoundError } from './ApiError.js';

/** What a route id may hold: letters, digits, `.`, `_`, `-` (release ids, pipeline names). */
const idCharacters = /^[A-Za-z0-9._-]{1,128}$/;

/** A release id: a pipeline name, a dash and 20 hex digits of the image digest. */
const releaseIdShape = /^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?-[0-9a-f]{20}$/;

/**
 * The route parameter `field` checked before it reaches Durable or Azure: 400 naming the
 * field for characters no id holds (control characters, slashes, spaces, over 128 long).
 */
export function readRouteId(params: Record<string, string | undefined>, field: string): string {
  const value = params[field] ?? '';
  if (!idCharacters.test(value)) {
    throw new BadRequestError([
      {
        field,
        expected: 'an id of letters, digits, ".", "_" and "-" (at most 128)',
        received: describeValue(value),
      },
    ]);
  }
  return value;
}

/**
 * The `{id}` of a release route: 400 as {@link readRouteId}, 404 for an id that no release
 * can have (a release id is `<pipeline>-<20 hex digits>`).
 *
 * @example readReleaseId({ id: 'pwbi-api-3f2a9c1b7d4e5f60a1b2' }) === 'pwbi-api-3f2a9c1b7d4e5f60a1b2'
 */
export function readReleaseId(params: Record<string, string | undefined>): string {
  const id = readRouteId(params, 'id');
  if (!releaseIdShape.test(id)) throw new NotFoundError(`No release with id ${id}.`);
  return id;
}
