/** `base` + `path` with exactly one slash between them (`path` may carry a query). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The host (and port) of a URL, the only part of a secret URL that may be logged. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}
