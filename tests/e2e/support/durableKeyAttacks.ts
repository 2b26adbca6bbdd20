/**
 * What an attacker who can read a durable status URL (the 202 body of POST /api/releases or
 * `links.status` of the release view) can reach with the system key it carries: the Durable
 * HTTP API's raise-event and start routes. Used by the security e2e tests.
 */

/** The raise-event URL of `instanceId` for `event`, keyed like `statusQueryGetUri`. */
export function raiseEventUrl(
  statusQueryGetUri: string,
  instanceId: string,
  event: string,
): string {
  const url = new URL(statusQueryGetUri);
  url.pathname = url.pathname.replace(/\/instances\/[^/]+$/, `/instances/${instanceId}`);
  url.pathname += `/raiseEvent/${event}`;
  return url.toString();
}

/** The start URL of orchestrator `functionName` under `instanceId`, keyed like `statusQueryGetUri`. */
export function startUrl(
  statusQueryGetUri: string,
  functionName: string,
  instanceId: string,
): string {
  const url = new URL(statusQueryGetUri);
  url.pathname = url.pathname.replace(
    /\/instances\/[^/]+$/,
    `/orchestrators/${functionName}/${instanceId}`,
  );
  return url.toString();
}

/** POSTs `body` as JSON and returns the status code. */
export async function postJson(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}
