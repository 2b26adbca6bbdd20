/** Where the host serves the durable webhooks, and the key it puts in generated URLs. */
export interface ClientDataOptions {
  origin: string;
  hubName: string;
  /** Appended as `code=` when keys are enforced. */
  code?: string | undefined;
}

/** The loopback mount; in strict mode its URL carries the key as Basic credentials. */
function rpcBaseUrl(o: ClientDataOptions): string {
  const url = new URL('/durabletask/', o.origin);
  if (o.code !== undefined) {
    url.username = 'system';
    url.password = o.code;
  }
  return url.href;
}

/**
 * The durableClient binding data (reference §1.5), as the extension serializes it, so that
 * `df.getClient` and `createCheckStatusResponse` work unchanged. `rpcBaseUrl` is this host's
 * loopback mount and ends in `/`; when keys are enforced it carries the key as its Basic
 * credentials (the SDK's HTTP client sends them), since the mount needs the system key too.
 */
export function clientData(o: ClientDataOptions): Record<string, unknown> {
  const base = `${o.origin}/runtime/webhooks/durabletask`;
  const common = `taskHub=${o.hubName}&connection=Storage${o.code === undefined ? '' : `&code=${o.code}`}`;
  const inst = `${base}/instances/INSTANCEID`;
  const codeOnly = o.code === undefined ? '' : `&code=${o.code}`;
  return {
    taskHubName: o.hubName,
    connectionName: null,
    creationUrls: {
      createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]${o.code === undefined ? '' : `?code=${o.code}`}`,
      createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}&pollingInterval={intervalInSeconds}${codeOnly}`,
    },
    managementUrls: {
      id: 'INSTANCEID',
      statusQueryGetUri: `${inst}?${common}`,
      sendEventPostUri: `${inst}/raiseEvent/{eventName}?${common}`,
      terminatePostUri: `${inst}/terminate?reason={text}&${common}`,
      rewindPostUri: `${inst}/rewind?reason={text}&${common}`,
      purgeHistoryDeleteUri: `${inst}?${common}`,
      restartPostUri: `${inst}/restart?${common}`,
      suspendPostUri: `${inst}/suspend?reason={text}&${common}`,
      resumePostUri: `${inst}/resume?reason={text}&${common}`,
    },
    baseUrl: base,
    requiredQueryStringParameters: o.code === undefined ? '' : `code=${o.code}`,
    rpcBaseUrl: rpcBaseUrl(o),
    httpBaseUrl: null,
  };
}
