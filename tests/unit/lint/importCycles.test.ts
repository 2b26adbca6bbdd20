import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** Every module of the app (src/**.ts) and the relative modules each one imports, type-only too. */
function importGraph(root: string): Map<string, string[]> {
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(root, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolveModule(dirname(file), name))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** `./x.js` as the TypeScript file it names (`x.ts`, or `x/index.ts`). */
function resolveModule(from: string, specifier: string): string | undefined {
  const base = resolve(from, specifier.replace(/\.js$/, ''));
  return [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
}

/**
 * The import cycles of `graph`: each strongly connected component of more than one module
 * (or a module importing itself), as the modules of one cycle through it (Tarjan).
 */
function importCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components.map((component) => cycleThrough(graph, new Set(component)));
}

/** One cycle inside a strongly connected component, from its first module (by name) back to it. */
function cycleThrough(graph: Map<string, string[]>, component: Set<string>): string[] {
  const [start] = [...component].sort();
  assert.ok(start !== undefined);
  const path = [start];
  const seen = new Set(path);
  for (;;) {
    const last: string = path[path.length - 1] ?? start;
    const next: string[] = (graph.get(last) ?? []).filter((n) => component.has(n));
    if (next.includes(start)) return [...path, start];
    const fresh = next.find((n) => !seen.has(n));
    if (fresh === undefined) return [...path, '…'];
    path.push(fresh);
    seen.add(fresh);
  }
}

describe('import cycles', () => {
  it('src/ has none, type-only imports included', () => {
    const cycles = importCycles(importGraph(join(repo, 'src'))).map((cycle) =>
      cycle.map((f) => (f === '…' ? f : relative(repo, f))).join(' → '),
    );
    assert.deepEqual(cycles, [], `import cycles in src/:\n${cycles.join('\n')}`);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    assert.deepEqual(importCycles(graph), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
