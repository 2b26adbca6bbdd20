/**
 * The release id (and durable instance id) of one image in one pipeline. The same pipeline
 * and digest always give the same id, so a redelivered push event starts nothing new.
 *
 * @example releaseIdFor('pwbi-api', 'sha256:3f2a…') === 'pwbi-api-3f2a9c1b7d4e5f60a1b2'
 */
export function releaseIdFor(pipeline: string, digest: string): string {
  const hex = digest.replace(/^sha256:/, '');
  return `${pipeline}-${hex.slice(0, 20)}`;
}
