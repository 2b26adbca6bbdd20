/**
 * Latency of each Azure adapter call against the local sandbox (real SDK clients, TLS with the
 * sandbox CA, Azurite for blobs). Prints p50/p95/max per operation.
 * Run: `npx tsx bench/adapters.ts [iterations]` (default 30).
 */
import { performance } from 'node:perf_hooks';

import { startSandbox } from '../sandbox/index.js';
import { createAdapters, createClients } from '../src/azure/index.js';
import type { SwapHandle } from '../src/azure/ports/index.js';

const iterations = Number(process.argv[2] ?? 30);

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return `${name.padEnd(28)} n=${String(sorted.length).padStart(3)}  p50=${at(0.5).toFixed(1).padStart(7)} ms  p95=${at(0.95).toFixed(1).padStart(7)} ms  max=${(sorted.at(-1) ?? 0).toFixed(1).padStart(7)} ms`;
}

async function measure(name: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  await fn(-1); // warm-up: TLS handshake, worker start, container creation
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  console.log(summary(name, samples));
}

const sandbox = await startSandbox({});
try {
  const clients = createClients({
    SLOTPILOT_ARM_ENDPOINT: sandbox.armEndpoint,
    SLOTPILOT_LOGS_ENDPOINT: sandbox.logsEndpoint,
    SLOTPILOT_CA_CERT: sandbox.caCertPath,
    SLOTPILOT_HOST_MAP: JSON.stringify(sandbox.hostMap),
    SLOTPILOT_AUDIT_CONNECTION: sandbox.blobConnectionString,
    SLOTPILOT_REGISTRY_ENDPOINTS: JSON.stringify(sandbox.registryEndpoints),
  });
  const a = createAdapters(clients);
  const site = {
    subscription: sandbox.subscriptionId,
    resourceGroup: 'pwbi-prod',
    site: 'pwbi-api-prod',
  };
  const now = Date.now();
  console.log(`adapters against the sandbox, ${iterations} iterations each`);
  await measure('appService.getSlot', () => a.appService.getSlot(site));
  await measure('appService.listSlots', () => a.appService.listSlots(site));
  const current = await a.appService.getSlot({ ...site, slot: 'staging' });
  await measure('appService.deployImage no-op', () =>
    a.appService.deployImage({ ...site, slot: 'staging' }, current.image ?? ''),
  );
  await measure('appService swap (begin+polls)', async () => {
    let handle: SwapHandle = await a.appService.beginSwap(site, 'staging');
    for (;;) {
      const p = await a.appService.pollSwap(handle);
      if (p.status !== 'running') return p;
      handle = p.handle ?? handle;
    }
  });
  const url = sandbox.siteState('pwbi-api-prod').url;
  await measure('probe.probe /health', () => a.probe.probe(url, '/health', { timeoutMs: 5000 }));
  await measure('notifier.notify', (i) =>
    a.notifier.notify(`${sandbox.slackUrl}/bench`, {
      key: `bench-${i}`,
      pipeline: 'pwbi-api',
      releaseId: 'bench',
      outcome: 'deployed',
      severity: 'info',
      image: current.image ?? '',
      text: 'bench',
      links: { release: 'http://127.0.0.1/api/releases/bench' },
    }),
  );
  await measure('audit.append', (i) =>
    a.audit.append({
      eventId: `e${i}`,
      releaseId: 'bench',
      pipeline: 'pwbi-api',
      at: new Date(now).toISOString(),
      type: 'bench',
    }),
  );
  await measure('audit.append (duplicate)', () =>
    a.audit.append({
      eventId: 'e0',
      releaseId: 'bench',
      pipeline: 'pwbi-api',
      at: new Date(now).toISOString(),
      type: 'bench',
    }),
  );
  await sandbox.push('pwbi-api:bench', { deliver: 'none' });
  const tagged = { registry: 'pwbiregistry.azurecr.io', repository: 'pwbi-api', tag: 'bench' };
  await measure('registry.resolveTag', () => a.registry.resolveTag(tagged));
  const component = `/subscriptions/${sandbox.subscriptionId}/resourceGroups/pwbi-prod/providers/Microsoft.Insights/components/pwbi-api-prod`;
  await measure('requestMetrics 5-min window', () =>
    a.requestMetrics.requestStats({
      resource: component,
      table: 'AppRequests',
      hostNames: ['pwbi-api-prod.azurewebsites.net'],
      fromIso: new Date(now - 10 * 60_000).toISOString(),
      toIso: new Date(now - 5 * 60_000).toISOString(),
    }),
  );
} finally {
  await sandbox.stop();
}
