import type { HeaderLookup } from './resolveIdentity.js';

/**
 * How `POST /api/alerts` authenticates Azure Monitor. The Functions host has checked the
 * alerts function's key (`?code=` in the action group's URL) before the handler runs; a
 * user identity never counts. With `audience` and `appId` set (app settings
 * `SLOTPILOT_ALERTS_AUDIENCE`, `SLOTPILOT_ALERTS_APP_ID`) the action group must also use a
 * secure webhook: App Service Authentication validates its Entra app-only token and passes
 * the claims on, whose `aud` and `appid` (or `azp`) must match.
 */
export interface AlertAuthSettings {
  /** The Entra application ID URI (or id) the action group's token is issued for. */
  audience?: string;
  /** The application id of Azure Monitor's secure-webhook caller (`appid` / `azp` claim). */
  appId?: string;
  /** `WEBSITE_AUTH_ENABLED === 'true'`: only then is `x-ms-client-principal` trusted. */
  platformAuthEnabled: boolean;
}

/** The caller of an alert push: accepted (recorded as `by`) or refused with a reason. */
export type AlertCaller = { kind: 'accepted'; by: string } | { kind: 'refused'; reason: string };

/** Who an alert authenticated by the function key alone is recorded as. */
export const alertKeyCaller = 'azure-monitor (alerts function key)';

/**
 * Decides whether an alert push is from Azure Monitor, per {@link AlertAuthSettings}.
 *
 * @example checkAlertCaller(() => undefined, { platformAuthEnabled: false }) // accepted
 */
export function checkAlertCaller(header: HeaderLookup, settings: AlertAuthSettings): AlertCaller {
  const { audience, appId } = settings;
  if (audience === undefined && appId === undefined)
    return { kind: 'accepted', by: alertKeyCaller };
  const refused = (reason: string): AlertCaller => ({ kind: 'refused', reason });
  const principal = settings.platformAuthEnabled ? header('x-ms-client-principal') : undefined;
  if (!principal) {
    return refused(
      'a secure-webhook token is required (App Service Authentication passes its claims on)',
    );
  }
  const claims = readClaims(principal);
  if (claims === undefined) return refused('x-ms-client-principal is unreadable');
  const aud = claims.get('aud') ?? [];
  if (audience !== undefined && !aud.includes(audience)) {
    return refused(`token audience ${JSON.stringify(aud.join(','))} is not ${audience}`);
  }
  const caller = claims.get('appid') ?? claims.get('azp') ?? [];
  if (appId !== undefined && !caller.some((c) => c.toLowerCase() === appId.toLowerCase())) {
    return refused(`token app id ${JSON.stringify(caller.join(','))} is not ${appId}`);
  }
  return { kind: 'accepted', by: `azure-monitor (app ${caller[0] ?? audience ?? ''})` };
}

/** Claims of an App Service Authentication principal (`{claims: [{typ, val}]}`), by type. */
function readClaims(headerValue: string): Map<string, string[]> | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(headerValue, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const claims = (decoded as { claims?: unknown } | null)?.claims;
  if (!Array.isArray(claims)) return undefined;
  const byType = new Map<string, string[]>();
  for (const claim of claims as { typ?: unknown; val?: unknown }[]) {
    if (typeof claim.typ !== 'string' || typeof claim.val !== 'string') continue;
    byType.set(claim.typ, [...(byType.get(claim.typ) ?? []), claim.val]);
  }
  return byType;
}
