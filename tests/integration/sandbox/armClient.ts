import { readFileSync } from 'node:fs';

import { WebSiteManagementClient } from '@azure/arm-appservice';

import type { Sandbox } from '../../../sandbox/index.js';

/** A WebSiteManagementClient reaching the sandbox over TLS with its CA trusted. */
export function armClient(
  sandbox: Sandbox,
  opts: { apiVersion?: string; maxRetries?: number } = {},
): WebSiteManagementClient {
  return new WebSiteManagementClient(sandbox.credential, sandbox.subscriptionId, {
    endpoint: sandbox.armEndpoint,
    tlsOptions: { ca: readFileSync(sandbox.caCertPath, 'utf8') },
    retryOptions: { maxRetries: opts.maxRetries ?? 0 },
    ...(opts.apiVersion === undefined ? {} : { apiVersion: opts.apiVersion }),
  });
}
