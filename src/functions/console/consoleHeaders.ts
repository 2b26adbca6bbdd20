/**
 * The security policy of every console response: scripts, styles and API calls from this
 * origin only, no inline code, no framing, no referrer.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers of a console response with `contentType`. The page and its assets are revalidated
 * on each load (`no-cache` with an ETag) so a deployment is picked up at once.
 */
export function consoleHeaders(contentType: string, etag: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': consoleContentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-cache',
    ETag: etag,
  };
}
