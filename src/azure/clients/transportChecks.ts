import { readFileSync } from 'node:fs';

import { ValidationError } from '../../domain/errors.js';
import type { AzureSettings } from './AzureSettings.js';

/**
 * Whether sandbox endpoints are reached by URL rewriting (both `http://`) rather than over TLS
 * (both `https://`). Throws ValidationError naming SLOTPILOT_LOGS_ENDPOINT when they differ.
 */
export function usesUrlRewriting(armEndpoint: string, logsEndpoint: string): boolean {
  const plain = [armEndpoint, logsEndpoint].filter((u) => u.startsWith('http:'));
  if (plain.length === 1) {
    throw new ValidationError(
      'SLOTPILOT_LOGS_ENDPOINT',
      'the same scheme as SLOTPILOT_ARM_ENDPOINT (both https, or both http for URL rewriting)',
      `${new URL(armEndpoint).protocol} and ${new URL(logsEndpoint).protocol}`,
    );
  }
  return plain.length === 2;
}

/**
 * Checks what `createClients` will read from the settings beyond `readAzureSettings` (endpoint
 * schemes, the CA file) without loading any SDK package, so that a bad setting stops startup
 * even though the clients are built on first use. Throws ValidationError naming the setting.
 */
export function checkTransport(settings: AzureSettings): void {
  const { armEndpoint, logsEndpoint, caCertPath } = settings;
  if (settings.mode !== 'sandbox' || armEndpoint === undefined || logsEndpoint === undefined) {
    return;
  }
  usesUrlRewriting(armEndpoint, logsEndpoint);
  if (caCertPath !== undefined) readCa(caCertPath);
}

/** The PEM text at `path`; throws ValidationError naming SLOTPILOT_CA_CERT when it is not one. */
export function readCa(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ValidationError(
      'SLOTPILOT_CA_CERT',
      'a readable PEM certificate file',
      `${path} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { cause: err },
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ValidationError(
      'SLOTPILOT_CA_CERT',
      'a PEM certificate file',
      `${path} without a certificate`,
    );
  }
  return pem;
}
