import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { productionPackages } from '../../../scripts/packaging/productionPackages.js';
import { planPackage } from '../../../scripts/packaging/stagePackage.js';
import { readZip, writeZip, type ZipEntry } from '../../../scripts/packaging/zipArchive.js';

const root = new URL('../../../', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('npm run package: the deployable zip (needs npm run build)', () => {
  let scratch = '';
  let entries = new Map<string, ZipEntry>();
  const text = (name: string): string => {
    const entry = entries.get(name);
    assert.ok(entry, `${name} is not in the zip`);
    return entry.read().toString('utf8');
  };

  before(
    () => {
      scratch = mkdtempSync(join(tmpdir(), 'slotpilot-package-'));
      const zipFile = join(scratch, 'slotpilot.zip');
      // Stored, not deflated: the same entries and bytes in a fraction of the time (the
      // deflated form is checked on a few files below).
      writeZip(planPackage(root), zipFile, { level: 0 });
      entries = new Map(readZip(zipFile).map((e) => [e.name, e]));
    },
    { timeout: 300_000 },
  );
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('holds what the Functions host loads: host.json, package.json whose main is in the zip, the config', () => {
    assert.ok(JSON.parse(text('host.json')));
    const pkg = JSON.parse(text('package.json')) as Record<string, unknown>;
    assert.equal(pkg.main, manifest.main);
    assert.equal(pkg.type, 'module');
    assert.ok(entries.has(manifest.main), `${manifest.main} (package.json main) is not in the zip`);
    assert.deepEqual(pkg.dependencies, manifest.dependencies);
    assert.equal(pkg.devDependencies, undefined);
    assert.equal(pkg.scripts, undefined);
    assert.match(text('slotpilot.yaml'), /pipelines:/);
  });

  it('holds the console scripts the app serves from dist/src', () => {
    assert.match(text('dist/src/functions/console/assets/app.js'), /\S/);
  });

  it('holds the bundle and its chunks, not the unbundled modules it was made from', () => {
    const app = [...entries.keys()].filter((name) => name.startsWith('dist/src/'));
    const bundle = `${posix.dirname(manifest.main)}/`;
    const stray = app.filter(
      (name) => !name.startsWith(bundle) && !name.startsWith('dist/src/functions/console/assets/'),
    );
    assert.deepEqual(stray, []);
    assert.ok(
      app.some((name) => name.startsWith(`${bundle}chunks/`)),
      'lazy chunks shipped',
    );
  });

  it('holds nothing of devhost/, sandbox/, tests/, web sources, scripts or source maps', () => {
    const outside = [...entries.keys()].filter(
      (name) =>
        !name.startsWith('node_modules/') &&
        !(name.startsWith('dist/src/') && name.endsWith('.js')) &&
        !['host.json', 'package.json', 'slotpilot.yaml'].includes(name),
    );
    assert.deepEqual(outside, []);
    const leaked = [...entries.keys()].filter((name) =>
      /^(dist\/)?(devhost|sandbox|tests|web|bench|cli|scripts|infra)\//.test(name),
    );
    assert.deepEqual(leaked, []);
  });

  it('holds every production dependency and none that only development needs', () => {
    for (const name of Object.keys(manifest.dependencies)) {
      assert.ok(entries.has(`node_modules/${name}/package.json`), `${name} is missing`);
    }
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    for (const name of Object.keys(manifest.devDependencies)) {
      if (lock.packages[`node_modules/${name}`]?.dev !== true) continue;
      assert.ok(
        !entries.has(`node_modules/${name}/package.json`),
        `dev-only ${name} is in the zip`,
      );
    }
  });

  it('resolves every import of the compiled app inside the zip (files, packages or Node built-ins)', () => {
    const builtins = new Set(builtinModules);
    const unresolved: string[] = [];
    for (const name of entries.keys()) {
      if (!name.startsWith('dist/src/') || !name.endsWith('.js')) continue;
      for (const specifier of importsOf(text(name))) {
        if (specifier.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(name), specifier));
          if (!entries.has(target)) unresolved.push(`${name}: ${specifier}`);
        } else if (!specifier.startsWith('node:') && !builtins.has(specifier)) {
          const parts = specifier.split('/');
          const pkg = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
          if (!entries.has(`node_modules/${pkg}/package.json`))
            unresolved.push(`${name}: ${specifier}`);
        }
      }
    }
    assert.deepEqual(unresolved, []);
  });
});

describe('writeZip / readZip', () => {
  it('deflates, keeps Unix modes and names, and writes the same bytes twice (fixed timestamps)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotpilot-zip-'));
    try {
      const script = join(dir, 'run.sh');
      writeFileSync(script, '#!/bin/sh\necho ok\n'.repeat(50));
      const inputs = [
        { name: 'bin/run.sh', source: script, mode: 0o755 },
        { name: 'dist/src/index.js', data: Buffer.from('export {};\n'.repeat(200)), mode: 0o644 },
        { name: 'node_modules/ünïcode/ß.json', data: Buffer.from('{}'), mode: 0o644 },
      ];
      const [first, second] = [join(dir, 'a.zip'), join(dir, 'b.zip')];
      writeZip(inputs, first);
      writeZip(inputs, second);
      assert.ok(readFileSync(first).equals(readFileSync(second)), 'reproducible');
      assert.ok(statSync(first).size < 2_000, 'deflated');
      const read = readZip(first);
      assert.deepEqual(
        read.map((e) => [e.name, e.size]),
        [
          ['bin/run.sh', 900],
          ['dist/src/index.js', 2200],
          ['node_modules/ünïcode/ß.json', 2],
        ],
      );
      assert.equal(read[0]?.read().toString(), readFileSync(script, 'utf8'));
      assert.equal(read[2]?.read().toString(), '{}');
      // The central directory's external attributes carry the Unix mode (upper 16 bits).
      const zip = readFileSync(first);
      const modes: number[] = [];
      for (let at = zip.indexOf(centralHeader); at >= 0; at = zip.indexOf(centralHeader, at + 4))
        modes.push(zip.readUInt32LE(at + 38) >>> 16);
      assert.deepEqual(modes, [0o100755, 0o100644, 0o100644]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const centralHeader = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

describe('productionPackages (package-lock.json → what npm ci --omit=dev installs)', () => {
  it('keeps non-dev packages, nested copies included, sorted; drops dev ones and the root', () => {
    const lock = {
      packages: {
        '': { version: '1.0.0' },
        'node_modules/zod': { version: '4.0.0' },
        'node_modules/eslint': { version: '9.0.0', dev: true },
        'node_modules/axios/node_modules/ms': { version: '2.1.3' },
        'node_modules/fsevents': { version: '2.3.3', optional: true },
      },
    };
    assert.deepEqual(productionPackages(lock), [
      { path: 'node_modules/axios/node_modules/ms', version: '2.1.3' },
      { path: 'node_modules/fsevents', version: '2.3.3' },
      { path: 'node_modules/zod', version: '4.0.0' },
    ]);
  });

  it('refuses a lockfile without a packages map, a link and an entry without version', () => {
    assert.throws(() => productionPackages({}), /lockfileVersion 2 or 3/);
    assert.throws(
      () =>
        productionPackages({ packages: { 'node_modules/a': { version: '1.0.0', link: true } } }),
      /node_modules\/a is a link/,
    );
    assert.throws(
      () => productionPackages({ packages: { 'node_modules/b': {} } }),
      /node_modules\/b has no version/,
    );
  });
});

/** Static and dynamic import specifiers of a compiled ES module. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const m of source.matchAll(pattern)) if (m[1]) found.push(m[1]);
  return found;
}
