import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const repo = new URL('../../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, repo), 'utf8');

/** `param NAME …` / `output NAME …` declarations of a Bicep file, with whether a param has a default. */
function declarations(bicep: string): { params: Map<string, boolean>; outputs: string[] } {
  const params = new Map<string, boolean>();
  const outputs: string[] = [];
  for (const line of bicep.split('\n')) {
    const param = /^param (\w+) [^=]+(=)?/.exec(line);
    if (param?.[1] !== undefined) params.set(param[1], param[2] !== undefined);
    const output = /^output (\w+) /.exec(line);
    if (output?.[1] !== undefined) outputs.push(output[1]);
  }
  return { params, outputs };
}

/** Rows of the first table under `## heading` in a markdown file: the cells of each row. */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `infra/README.md: expected a "## ${heading}" section`);
  const rest = markdown.slice(start + heading.length + 5);
  const section = rest.slice(0, rest.search(/\n## /) >>> 0);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .slice(1)
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

function documentedNames(rows: string[][]): string[] {
  return rows.map((cells) => /^`(\w+)`$/.exec(cells[0] ?? '')?.[1] ?? `(not a name: ${cells[0]})`);
}

const bicep = declarations(read('infra/main.bicep'));
const readme = read('infra/README.md');

describe('infra/README.md documents main.bicep', () => {
  it('lists every parameter of main.bicep and no other, marking the required ones', () => {
    const rows = tableRows(readme, 'Parameters');
    assert.deepEqual(documentedNames(rows).sort(), [...bicep.params.keys()].sort());
    for (const [name, hasDefault] of bicep.params) {
      const defaultCell = rows.find((cells) => cells[0] === `\`${name}\``)?.[1] ?? '';
      assert.equal(
        defaultCell.startsWith('required'),
        !hasDefault,
        `${name}: README default "${defaultCell}", Bicep ${hasDefault ? 'has a default' : 'requires it'}`,
      );
    }
  });

  it('lists every output of main.bicep and no other', () => {
    assert.deepEqual(
      documentedNames(tableRows(readme, 'Outputs')).sort(),
      [...bicep.outputs].sort(),
    );
  });

  it('agrees with the ARM template that bicep build compiled, when .ci/bicep/check has run', () => {
    const compiled = new URL('dist/bicep/main.json', repo);
    // The template exists only after the Bicep CLI ran (CI runs it before the tests); the
    // declarations above are checked either way.
    if (!existsSync(compiled)) return;
    const template = JSON.parse(readFileSync(compiled, 'utf8')) as {
      parameters: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    assert.deepEqual(Object.keys(template.parameters).sort(), [...bicep.params.keys()].sort());
    assert.deepEqual(Object.keys(template.outputs).sort(), [...bicep.outputs].sort());
  });

  it('names every azd environment variable that main.bicepparam reads', () => {
    const names = [...read('infra/main.bicepparam').matchAll(/readEnvironmentVariable\('(\w+)'/g)];
    assert.ok(names.length > 0, 'main.bicepparam reads no environment variable');
    for (const [, name] of names)
      assert.match(readme, new RegExp(`\`${name}\``), `${name} undocumented`);
  });
});

describe('Node versions', () => {
  it('the Bicep deploys Node 22, a major that package.json engines admits along with 20', () => {
    const runtime = /runtime: \{ name: 'node', version: '(\d+)' \}/.exec(read('infra/main.bicep'));
    assert.equal(runtime?.[1], '22');
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines
      .node;
    const range = /^>=(\d+) <(\d+)$/.exec(engines);
    assert.ok(range, `package.json engines.node: expected ">=MIN <MAX", got "${engines}"`);
    const [min, max] = [Number(range[1]), Number(range[2])];
    for (const major of [20, 22])
      assert.ok(major >= min && major < max, `Node ${major} outside ${engines}`);
  });
});
