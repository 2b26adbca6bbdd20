/** `scheme://host[:port]` of a request URL. */
export function requestOrigin(url: string): string {
  return new URL(url).origin;
}
