import { readFileSync } from 'node:fs';

import { LogsQueryClient } from '@azure/monitor-query-logs';

import type { Sandbox } from '../../../sandbox/index.js';

/** A LogsQueryClient reaching the sandbox over TLS (endpoint keeps `/v1`, which the SDK does not add). */
export function logsClient(sandbox: Sandbox, maxRetries = 0): LogsQueryClient {
  return new LogsQueryClient(sandbox.credential, {
    endpoint: sandbox.logsEndpoint,
    tlsOptions: { ca: readFileSync(sandbox.caCertPath, 'utf8') },
    retryOptions: { maxRetries },
  });
}
