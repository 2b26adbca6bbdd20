/** The container image a `linuxFxVersion` names. */
export interface FxImage {
  /** `registry/repo@sha256:…` or `registry/repo:tag`. */
  image: string;
  /** `sha256:<64 hex>` when pinned by digest. */
  digest?: string;
}

const DIGEST = /@(sha256:[0-9a-f]{64})$/i;

/**
 * Reads the image out of App Service's `linuxFxVersion`: `DOCKER|registry/repo@sha256:…`
 * (digest lower-cased) or `DOCKER|registry/repo:tag`. Returns undefined for anything that is
 * not a single-container image (empty, `NODE|20-lts`, `SITECONTAINERS`, `DOCKER|` alone).
 * Example: `DOCKER|pwbiregistry.azurecr.io/pwbi-api@sha256:ab…` →
 * `{ image: 'pwbiregistry.azurecr.io/pwbi-api@sha256:ab…', digest: 'sha256:ab…' }`.
 */
export function parseLinuxFxVersion(
  linuxFxVersion: string | null | undefined,
): FxImage | undefined {
  const m = /^\s*DOCKER\|(\S+)\s*$/i.exec(linuxFxVersion ?? '');
  const ref = m?.[1];
  if (ref === undefined) return undefined;
  const d = DIGEST.exec(ref);
  if (d?.[1] === undefined) return { image: ref };
  const digest = d[1].toLowerCase();
  return { image: `${ref.slice(0, d.index)}@${digest}`, digest };
}

/** The `linuxFxVersion` value that runs `image` as a single container. */
export function linuxFxVersionFor(image: string): string {
  return `DOCKER|${image}`;
}
