/**
 * The digest an app says it serves, from an image header value: `registry/repo@sha256:…` or a
 * bare `sha256:…` (lower-cased). Undefined when absent or not pinned by digest.
 */
export function servedDigestOf(header: string | null | undefined): string | undefined {
  const m = /(?:^|@)(sha256:[0-9a-f]{64})\s*$/i.exec(header ?? '');
  return m?.[1]?.toLowerCase();
}
