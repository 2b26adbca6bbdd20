import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { parseArgs, usage } from '../../../devhost/cli/parseArgs.js';
import { compileRoute } from '../../../devhost/http/compileRoute.js';
import { expandGlob } from '../../../devhost/load/expandGlob.js';
import { FunctionRegistry } from '../../../devhost/load/FunctionRegistry.js';
import { validateRegistrations } from '../../../devhost/load/validateRegistrations.js';

describe('compileRoute', () => {
  it('binds parameters, optional parameters and catch-alls', () => {
    assert.deepEqual(compileRoute('orders/{id}').match('orders/7'), { id: '7' });
    assert.deepEqual(compileRoute('orders/{id?}').match('orders'), {});
    assert.deepEqual(compileRoute('files/{*rest}').match('files/a/b/c'), { rest: 'a/b/c' });
    assert.equal(compileRoute('orders/{id}').match('orders/7/extra'), undefined);
  });

  it('applies constraints and matches literals case-insensitively', () => {
    assert.deepEqual(compileRoute('Items/{id:int}').match('items/42'), { id: '42' });
    assert.equal(compileRoute('items/{id:int}').match('items/x'), undefined);
    assert.equal(compileRoute('flags/{on:bool}').match('flags/maybe'), undefined);
  });

  it('refuses template syntax it does not know, naming the template', () => {
    assert.throws(() => compileRoute('a/{b}{c}'), /a\/\{b\}\{c\}/);
  });
});

describe('expandGlob (package.json main)', () => {
  it('expands a glob in sorted order, skips node_modules and refuses zero matches', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devhost-glob-'));
    try {
      mkdirSync(path.join(dir, 'dist/functions'), { recursive: true });
      mkdirSync(path.join(dir, 'node_modules/x'), { recursive: true });
      for (const f of [
        'dist/functions/b.js',
        'dist/functions/a.js',
        'dist/index.js',
        'node_modules/x/c.js',
      ]) {
        writeFileSync(path.join(dir, f), '');
      }
      assert.deepEqual(expandGlob(dir, 'dist/**/*.js'), [
        'dist/functions/a.js',
        'dist/functions/b.js',
        'dist/index.js',
      ]);
      assert.deepEqual(expandGlob(dir, './dist/index.js'), ['dist/index.js']);
      assert.deepEqual(expandGlob(dir, 'dist/{index,other}.js'), ['dist/index.js']);
      assert.throws(() => expandGlob(dir, 'lib/*.js'), /matched no file/);
      assert.throws(() => expandGlob(dir, 'missing.js'), /expected an existing file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validateRegistrations', () => {
  it('disables only the functions whose binding the dev host cannot serve, one log line each (the host\'s "failed indexing and will be disabled")', () => {
    const registry = new FunctionRegistry();
    const add = (
      name: string,
      bindings: Record<string, { type: string; direction: 'in' | 'out' }>,
      trigger: string,
    ): void => {
      registry.functions.set(name, {
        name,
        bindings,
        callback: () => undefined,
        triggerName: trigger,
        trigger: bindings[trigger] ?? { type: '' },
      });
    };
    add(
      'ok',
      { t: { type: 'httpTrigger', direction: 'in' }, $return: { type: 'http', direction: 'out' } },
      't',
    );
    add('queueFn', { q: { type: 'queueTrigger', direction: 'in' } }, 'q');
    add(
      'blobOut',
      { t: { type: 'httpTrigger', direction: 'in' }, b: { type: 'blob', direction: 'out' } },
      't',
    );
    const lines: string[] = [];
    const disabled = validateRegistrations(registry, (l) => lines.push(l));
    assert.deepEqual(disabled, ['queueFn', 'blobOut']);
    assert.deepEqual([...registry.functions.keys()], ['ok']);
    assert.equal(lines.length, 2);
    assert.match(
      lines[0] ?? '',
      /^function "queueFn" failed indexing and will be disabled: binding "q" of type "queueTrigger"/,
    );
    assert.match(lines[1] ?? '', /function "blobOut" .* binding "b" of type "blob" \(out\)/);
  });
});

describe('parseArgs (npm run devhost)', () => {
  it('reads every option and picks the clock', () => {
    const a = parseArgs([
      '--app',
      'x',
      '--port',
      '0',
      '--db',
      'f.db',
      '--clock',
      'scale:60',
      '--strict-auth',
    ]);
    assert.equal(a.appDir, 'x');
    assert.equal(a.port, 0);
    assert.equal(a.db, 'f.db');
    assert.equal(a.clock.kind, 'scaled');
    assert.equal(a.strictAuth, true);
    assert.equal(parseArgs(['--app', 'x', '--clock', 'virtual']).clock.kind, 'virtual');
    assert.equal(parseArgs(['--app', 'x', '--settings', 's.json']).settingsFile, 's.json');
    assert.equal(parseArgs(['--help']).help, true);
  });

  it('anchors a scaled clock: two clocks with the same anchor agree, whenever they were made', () => {
    const anchor = Date.now() - 10_000;
    const a = parseArgs(['--app', 'x', '--clock', `scale:60@${anchor}`]).clock;
    const b = parseArgs(['--app', 'x', '--clock', `scale:60@${anchor}`]).clock;
    const sinceAnchorMs = a.now() - anchor;
    // Ten real seconds at 60x are ten virtual minutes (plus the few ms this test takes).
    assert.ok(sinceAnchorMs >= 600_000 && sinceAnchorMs < 660_000, String(sinceAnchorMs));
    assert.ok(Math.abs(b.now() - a.now()) < 60_000);
    assert.throws(
      () => parseArgs(['--app', 'x', '--clock', `scale:60@${Date.now() + 60_000}`]),
      /--clock: expected an anchor not in the future/,
    );
  });

  it('names the HTTP virtual-time endpoints in --help', () => {
    assert.match(usage, /POST \/admin\/devhost\/advance\?ms=N/);
    assert.match(usage, /POST \/admin\/devhost\/settle/);
    assert.match(usage, /--settings FILE/);
    assert.match(usage, /scale:N@/);
  });

  it('names the bad argument, what was expected and what arrived', () => {
    assert.throws(
      () => parseArgs(['--port', '1']),
      /--app: expected a function app folder, got nothing/,
    );
    assert.throws(
      () => parseArgs(['--app', 'x', '--port', 'abc']),
      /--port: expected 0\.\.65535, got "abc"/,
    );
    assert.throws(
      () => parseArgs(['--app', 'x', '--clock', 'fast']),
      /--clock: expected real, virtual, scale:N or scale:N@<epoch ms>, got "fast"/,
    );
    assert.throws(() => parseArgs(['--app', 'x', '--verbose']), /got "--verbose"/);
  });
});
