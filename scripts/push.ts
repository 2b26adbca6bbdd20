/**
 * `npm run push -- REPOSITORY:TAG [--profile healthy|errors|slow|crash|unhealthy-later]
 * [--deliver once|twice|none]`: pushes an image into the sandbox registry of the running
 * `npm start` (found through .slotpilot/runtime.json), which delivers the ACR Event Grid event
 * to the dev host; prints the digest.
 */
import { parseArgs } from 'node:util';

import { findRuntimeFile, readRuntimeInfo } from '../cli/RuntimeInfo.js';

const { values, positionals } = parseArgs({
  options: {
    profile: { type: 'string' },
    deliver: { type: 'string' },
  },
  allowPositionals: true,
});
const image = positionals[0];
if (image === undefined || positionals.length > 1) {
  fail(
    'usage: npm run push -- REPOSITORY:TAG [--profile healthy|errors|slow|crash|unhealthy-later]',
    2,
  );
}
const runtimeFile = findRuntimeFile();
if (runtimeFile === undefined) fail('no running Slotpilot: start it with `npm start` first', 3);
const info = readRuntimeInfo(runtimeFile);
if (info.sandbox === undefined)
  fail('the running Slotpilot uses real Azure (--azure): push with docker/az acr instead', 3);

let response: Response;
try {
  response = await fetch(`${info.sandbox.adminUrl}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      image,
      ...(values.profile === undefined ? {} : { profile: values.profile }),
      ...(values.deliver === undefined ? {} : { deliver: values.deliver }),
    }),
  });
} catch (error) {
  fail(`cannot reach the sandbox at ${info.sandbox.adminUrl}: ${(error as Error).message}`, 3);
}
const body = (await response.json().catch(() => ({}))) as {
  image?: string;
  digest?: string;
  deliveries?: { status: number }[];
  message?: string;
  detail?: string;
  error?: { message?: string };
};
if (!response.ok) {
  fail(
    `push refused (${response.status}): ${body.detail ?? body.error?.message ?? body.message ?? JSON.stringify(body)}`,
    1,
  );
}
const deliveries = (body.deliveries ?? []).map((d) => d.status).join(', ');
console.log(body.digest ?? '');
console.error(
  `pushed ${body.image ?? image}; Event Grid deliveries: ${deliveries === '' ? 'none' : deliveries}`,
);

function fail(message: string, code: number): never {
  console.error(`npm run push: ${message}`);
  process.exit(code);
}
