import { createHash } from 'node:crypto';

/**
 * The digest the sandbox registry gives a pushed image: sha256 over repository, tag, profile
 * and the registry's push counter, so each push is distinct and reproducible.
 */
export function imageDigest(
  repository: string,
  tag: string,
  profile: string,
  pushNo: number,
): string {
  const hex = createHash('sha256')
    .update(`${repository}\n${tag}\n${profile}\n${pushNo}`)
    .digest('hex');
  return `sha256:${hex}`;
}
