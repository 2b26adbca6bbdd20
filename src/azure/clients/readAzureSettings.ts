import { describeValue } from '../../domain/describeValue.js';
import { ValidationError } from '../../domain/errors.js';
import type { AuditStorageSettings, AzureSettings } from './AzureSettings.js';

/** App settings as the composition root reads them (on Azure: `process.env`). */
export type AppSettings = Readonly<Record<string, string | undefined>>;

/** The audit container when `SLOTPILOT_AUDIT_CONTAINER` is not set. */
export const DEFAULT_AUDIT_CONTAINER = 'slotpilot-audit';

/**
 * Validates the app settings that decide where the Azure clients point. Sandbox mode is on
 * when `SLOTPILOT_ARM_ENDPOINT` is set, and then `SLOTPILOT_LOGS_ENDPOINT` is required too.
 * Throws ValidationError naming the setting, e.g.
 * `SLOTPILOT_HOST_MAP: expected a JSON object of host name → URL, got "[1]"`.
 */
export function readAzureSettings(settings: AppSettings): AzureSettings {
  const armEndpoint = optionalUrl(settings, 'SLOTPILOT_ARM_ENDPOINT');
  const logsEndpoint = optionalUrl(settings, 'SLOTPILOT_LOGS_ENDPOINT');
  if (armEndpoint !== undefined && logsEndpoint === undefined) {
    throw new ValidationError(
      'SLOTPILOT_LOGS_ENDPOINT',
      'a Logs base URL when SLOTPILOT_ARM_ENDPOINT is set (sandbox mode)',
      'nothing',
    );
  }
  if (armEndpoint === undefined && logsEndpoint !== undefined) {
    throw new ValidationError(
      'SLOTPILOT_ARM_ENDPOINT',
      'an ARM base URL when SLOTPILOT_LOGS_ENDPOINT is set (sandbox mode)',
      'nothing',
    );
  }
  const caCertPath = nonEmpty(settings, 'SLOTPILOT_CA_CERT');
  const clientId = nonEmpty(settings, 'AZURE_CLIENT_ID');
  return {
    mode: armEndpoint === undefined ? 'azure' : 'sandbox',
    ...(armEndpoint === undefined ? {} : { armEndpoint }),
    ...(logsEndpoint === undefined ? {} : { logsEndpoint }),
    ...(caCertPath === undefined ? {} : { caCertPath }),
    registryEndpoints: readUrlMap(
      settings,
      'SLOTPILOT_REGISTRY_ENDPOINTS',
      'registry login server',
    ),
    hostMap: readUrlMap(settings, 'SLOTPILOT_HOST_MAP', 'host name'),
    audit: readAuditStorage(settings),
    ...(clientId === undefined ? {} : { managedIdentityClientId: clientId }),
  };
}

function nonEmpty(settings: AppSettings, name: string): string | undefined {
  const value = settings[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function optionalUrl(settings: AppSettings, name: string): string | undefined {
  const value = nonEmpty(settings, name);
  if (value === undefined) return undefined;
  if (!isHttpUrl(value)) throw new ValidationError(name, 'an http(s) URL', describeValue(value));
  return value.replace(/\/+$/, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A JSON object of host name → http(s) base URL, keys lower-cased, trailing slashes dropped. */
function readUrlMap(settings: AppSettings, name: string, key: string): Record<string, string> {
  const text = nonEmpty(settings, name);
  if (text === undefined) return {};
  const expected = `a JSON object of ${key} → http(s) base URL`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ValidationError(name, expected, `invalid JSON (${(err as Error).message})`, {
      cause: err,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError(name, expected, describeValue(parsed));
  }
  const map: Record<string, string> = {};
  for (const [host, url] of Object.entries(parsed)) {
    if (typeof url !== 'string' || !isHttpUrl(url)) {
      throw new ValidationError(`${name}.${host}`, 'an http(s) URL', describeValue(url));
    }
    map[host.toLowerCase()] = url.replace(/\/+$/, '');
  }
  return map;
}

function readAuditStorage(settings: AppSettings): AuditStorageSettings {
  const container = nonEmpty(settings, 'SLOTPILOT_AUDIT_CONTAINER') ?? DEFAULT_AUDIT_CONTAINER;
  if (!/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    throw new ValidationError(
      'SLOTPILOT_AUDIT_CONTAINER',
      'a Blob container name (3-63 lower-case letters, digits and single hyphens)',
      describeValue(container),
    );
  }
  for (const from of ['SLOTPILOT_AUDIT_CONNECTION', 'AzureWebJobsStorage']) {
    const connectionString = nonEmpty(settings, from);
    if (connectionString !== undefined) {
      return { kind: 'connectionString', connectionString, from, container };
    }
    // Identity-based connections, as the Functions host defines them.
    const serviceUri = nonEmpty(settings, `${from}__blobServiceUri`);
    if (serviceUri !== undefined) {
      if (!isHttpUrl(serviceUri)) {
        throw new ValidationError(
          `${from}__blobServiceUri`,
          'an https URL',
          describeValue(serviceUri),
        );
      }
      return {
        kind: 'serviceUrl',
        serviceUrl: serviceUri,
        from: `${from}__blobServiceUri`,
        container,
      };
    }
    const account = nonEmpty(settings, `${from}__accountName`);
    if (account !== undefined) {
      return {
        kind: 'serviceUrl',
        serviceUrl: `https://${account}.blob.core.windows.net`,
        from: `${from}__accountName`,
        container,
      };
    }
  }
  throw new ValidationError(
    'SLOTPILOT_AUDIT_CONNECTION',
    'a Blob connection string (or AzureWebJobsStorage, or an identity-based __accountName)',
    'nothing',
  );
}
