import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../../../', import.meta.url).pathname;
const host = JSON.parse(readFileSync(path.join(root, 'host.json'), 'utf8')) as {
  logging: {
    logLevel: Record<string, string>;
    applicationInsights: {
      enableDependencyTracking: boolean;
      samplingSettings: { isEnabled: boolean; excludedTypes: string };
    };
  };
};
const levels = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical', 'None'];

/** The level host.json applies to `category` (the longest matching category prefix wins). */
function levelOf(category: string): string {
  const keys = Object.keys(host.logging.logLevel).filter(
    (k) => k !== 'default' && (category === k || category.startsWith(`${k}.`)),
  );
  const best = keys.sort((a, b) => b.length - a.length)[0] ?? 'default';
  return host.logging.logLevel[best] ?? 'Information';
}

const logs = (category: string, level: string): boolean =>
  levels.indexOf(level) >= levels.indexOf(levelOf(category));

/** Names of the HTTP and Event Grid functions registered under src/functions. */
function triggerFunctionNames(): string[] {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else if (item.name.endsWith('.ts')) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(/\b(?:route|http|eventGrid|timer|generic)\(\s*'(\w+)'/g)) {
          if (m[1] !== undefined) names.add(m[1]);
        }
      }
    }
  };
  walk(path.join(root, 'src/functions'));
  return [...names].sort();
}

describe('host.json telemetry', () => {
  it('drops the framework chatter: Durable storage and core, tracking, aggregates, dependencies', () => {
    for (const category of [
      'DurableTask.AzureStorage',
      'DurableTask.Core',
      'Host.Triggers.DurableTask',
      'Host.Aggregator',
      'Function.monitorSampleProduction',
    ]) {
      assert.equal(logs(category, 'Information'), false, `${category} at Information`);
      assert.equal(logs(category, 'Warning'), true, `${category} keeps warnings`);
    }
    assert.equal(host.logging.applicationInsights.enableDependencyTracking, false);
  });

  it("keeps every request, exception and warning, and each trigger function's own lines", () => {
    assert.equal(logs('Host.Results', 'Information'), true, 'requests');
    const sampling = host.logging.applicationInsights.samplingSettings;
    assert.equal(sampling.isEnabled, true);
    assert.deepEqual(sampling.excludedTypes.split(';').sort(), ['Exception', 'Request']);
    const names = triggerFunctionNames();
    assert.ok(names.includes('onImagePushed') && names.includes('approveRelease'), names.join());
    for (const name of names) {
      assert.equal(logs(`Function.${name}.User`, 'Information'), true, `Function.${name}.User`);
      assert.equal(logs(`Function.${name}`, 'Information'), false, `Function.${name}`);
    }
  });
});
