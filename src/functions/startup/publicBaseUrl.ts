/**
 * The public origin of the function app for links in notifications (no trailing slash):
 * `SLOTPILOT_PUBLIC_URL` when set, else `https://$WEBSITE_HOSTNAME` on Azure, plain http for
 * a local host name (the dev host sets `WEBSITE_HOSTNAME=localhost:<port>`).
 */
export function publicBaseUrl(settings: Readonly<Record<string, string | undefined>>): string {
  const explicit = settings.SLOTPILOT_PUBLIC_URL;
  if (explicit) return explicit.replace(/\/+$/, '');
  const host = settings.WEBSITE_HOSTNAME ?? 'localhost:7071';
  const local = /^(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?$/.test(host);
  return `${local ? 'http' : 'https'}://${host.replace('0.0.0.0', 'localhost')}`;
}
