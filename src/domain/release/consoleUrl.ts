/**
 * The page of a release in Slotpilot's web console, on `origin` (the app's public base URL).
 * Links meant for people (Slack buttons, the release view) open this page: the API routes
 * need a function key and a POST, which a click in a chat client cannot send.
 *
 * @example consoleReleaseUrl('https://slotpilot.contoso.com', 'pwbi-api-3f2a')
 *   === 'https://slotpilot.contoso.com/api/console#/releases/pwbi-api-3f2a'
 */
export function consoleReleaseUrl(origin: string, releaseId: string): string {
  return `${origin}/api/console#/releases/${encodeURIComponent(releaseId)}`;
}
