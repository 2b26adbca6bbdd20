import { HttpError } from '../http/HttpError.js';

/** One entry of an ACR `detail` list (what the refused request needed). */
export interface AcrErrorDetail {
  Type: string;
  Name: string;
  Action: string;
}

/**
 * An error answered in the ACR data-plane shape
 * `{"errors":[{"code":"TAG_UNKNOWN","message":"…","detail":…}]}` (the Docker registry v2 error
 * format ACR uses on `/v2/`, `/acr/v1/` and `/oauth2/`).
 */
export function acrError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  detail?: AcrErrorDetail[],
): HttpError {
  return new HttpError(status, code, message, headers, {
    errors: [{ code, message, ...(detail === undefined ? {} : { detail }) }],
  });
}

/** ACR-shaped errors for `applyFault` (429 → `TOOMANYREQUESTS`, as the registry names it). */
export function acrFaultError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string>,
): HttpError {
  const acrCode =
    status === 429 ? 'TOOMANYREQUESTS' : status === 503 ? 'UNAVAILABLE' : 'INTERNAL_ERROR';
  return acrError(status, acrCode, `${message} (${code})`, headers);
}
