import { describeValue } from '../describeValue.js';
import { ValidationError } from '../errors.js';

/** A container image reference. At least one of `tag` and `digest` is set. */
export interface ImageRef {
  /** Registry host, e.g. `pwbiregistry.azurecr.io`. */
  registry: string;
  /** Repository path, e.g. `pwbi-api` or `team/pwbi-api`. */
  repository: string;
  tag?: string;
  /** `sha256:<64 hex>`. */
  digest?: string;
}

const registryPattern =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;
const repositoryPattern =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^sha256:[0-9a-f]{64}$/;

/**
 * Parses `registry/repo:tag`, `registry/repo@sha256:<64 hex>` or `registry/repo:tag@sha256:…`.
 * The registry is required (Slotpilot never guesses Docker Hub). Throws a ValidationError
 * naming `field` and saying what is wrong.
 *
 * @example parseImageRef('pwbiregistry.azurecr.io/pwbi-api:1.4.2')
 */
export function parseImageRef(text: unknown, field = 'image'): ImageRef {
  const fail = (why: string): never => {
    throw new ValidationError(
      field,
      `an image reference registry/repository:tag or registry/repository@sha256:<64 hex> (${why})`,
      describeValue(text),
    );
  };
  if (typeof text !== 'string') return fail('not a string');
  if (text.length > 512) return fail('longer than 512 characters');
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest))
      fail('the digest must be sha256: followed by 64 lowercase hex digits');
  }
  const slash = rest.indexOf('/');
  if (slash <= 0) return fail('the registry host is missing');
  const registry = rest.slice(0, slash).toLowerCase();
  if (!registry.includes('.') && !registry.includes(':') && registry !== 'localhost')
    fail('the first part must be a registry host such as myregistry.azurecr.io');
  if (!registryPattern.test(registry)) fail('the registry host is malformed');
  let repository = rest.slice(slash + 1);
  let tag: string | undefined;
  const colon = repository.lastIndexOf(':');
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
    if (!tagPattern.test(tag))
      fail('the tag must be 1-128 letters, digits, _, . or -, not starting with . or -');
  }
  if (!repositoryPattern.test(repository)) fail('the repository must be lowercase path components');
  if (tag === undefined && digest === undefined) fail('a tag or a digest is required');
  return {
    registry,
    repository,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

/** `registry/repo@sha256:…` — the only form Slotpilot deploys. */
export function pinnedImage(ref: { registry: string; repository: string; digest: string }): string {
  return `${ref.registry}/${ref.repository}@${ref.digest}`;
}

/** Formats a reference back to text (`registry/repo:tag@digest` when it has both). */
export function formatImageRef(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}
