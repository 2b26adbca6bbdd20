import { type Compiled, compileScalar, type Scope } from './compileScalar.js';
import { KqlError } from './KqlError.js';
import { child, kids, listItems, nameOf, operands, unsupported } from './nodes.js';
import type { KqlColumn, KqlNode } from './SyntaxTree.js';
import type { Table } from './Table.js';
import { compareValues, type Row, toNumber, toText, truthy, type Value } from './values.js';

/** Supplies the rows of a source table (already limited to the query's timespan). */
export type TableSource = (name: string) => Row[] | undefined;

interface Env {
  now: number;
  lets: Map<string, Value>;
  tables: Map<string, KqlNode>;
  source: TableSource;
}

/**
 * Evaluates a parsed query block over `source`: `let` statements then the final tabular
 * expression. Column names and types come from the analyzer (`cols` on each node).
 */
export function runQuery(tree: KqlNode, source: TableSource, now: number): Table {
  const env: Env = { now, lets: new Map(), tables: new Map(), source };
  const statements = listItems(child(tree, 'List'));
  let result: Table | undefined;
  for (const st of statements) {
    if (st.k === 'LetStatement') {
      const [decl, value] = operands(st);
      if (decl === undefined || value === undefined) unsupported('this let statement');
      const name = nameOf(decl);
      if (value.k === 'FunctionDeclaration') unsupported('let functions');
      if (value.cols !== undefined) env.tables.set(name, value);
      else env.lets.set(name, compileScalar(value, scalarScope(env))([{}], 0));
      continue;
    }
    if (st.k === 'ExpressionStatement') {
      const expr = operands(st)[0];
      if (expr === undefined || expr.cols === undefined)
        unsupported('a query whose result is not a table');
      result = evalTable(expr, env);
      continue;
    }
    unsupported(`the statement kind ${st.k}`);
  }
  if (result === undefined)
    throw new KqlError('SemanticError', 'The query has no tabular expression statement.', {
      code: 'SEM0001',
    });
  return result;
}

function scalarScope(
  env: Env,
  columns: ReadonlySet<string> = new Set(),
  aggregates = false,
): Scope {
  return { columns, lets: env.lets, now: env.now, aggregates };
}

function evalTable(node: KqlNode, env: Env): Table {
  switch (node.k) {
    case 'NameReference': {
      const name = nameOf(node);
      const bound = env.tables.get(name);
      if (bound !== undefined) return evalTable(bound, env);
      const rows = env.source(name);
      if (rows === undefined)
        throw new KqlError('SemanticError', `Failed to resolve table expression named '${name}'`, {
          code: 'SEM0100',
        });
      return { columns: node.cols ?? [], rows };
    }
    case 'ParenthesizedExpression':
      return evalTable(operands(node)[0] ?? node, env);
    case 'PipeExpression': {
      const [left, op] = operands(node);
      if (left === undefined || op === undefined) unsupported('this pipe');
      return applyOperator(op, evalTable(left, env), env);
    }
    default:
      return unsupported(`the tabular expression ${node.k}`);
  }
}

function names(t: Table): Set<string> {
  return new Set(t.columns.map((c) => c.name));
}

function applyOperator(op: KqlNode, input: Table, env: Env): Table {
  const cols = op.cols ?? input.columns;
  switch (op.k) {
    case 'FilterOperator': {
      const cond = operands(op).at(-1);
      if (cond === undefined) return input;
      const f = compileScalar(cond, scalarScope(env, names(input)));
      const rows = input.rows;
      return { columns: cols, rows: rows.filter((_, i) => truthy(f(rows, i))) };
    }
    case 'ExtendOperator':
      return extend(op, input, env, cols);
    case 'ProjectOperator':
      return project(op, input, env, cols);
    case 'SummarizeOperator':
      return summarize(op, input, env, cols);
    case 'SortOperator':
      return { columns: cols, rows: sortRows(input, listItems(child(op, 'List')), env) };
    case 'TakeOperator': {
      const n = toNumber(compileScalar(operands(op)[0] ?? op, scalarScope(env))([{}], 0)) ?? 0;
      return { columns: cols, rows: input.rows.slice(0, Math.max(0, n)) };
    }
    case 'TopOperator': {
      const [countNode, ordered] = operands(op);
      const n = toNumber(compileScalar(countNode ?? op, scalarScope(env))([{}], 0)) ?? 0;
      return {
        columns: cols,
        rows: sortRows(input, ordered === undefined ? [] : [ordered], env).slice(0, n),
      };
    }
    case 'DistinctOperator':
      return distinct(op, input, env, cols);
    case 'ProjectAwayOperator':
    case 'ProjectKeepOperator':
      return keepColumns(input, cols);
    case 'ProjectRenameOperator':
      return rename(op, input, cols);
    case 'CountOperator':
      return { columns: cols, rows: [{ [cols[0]?.name ?? 'Count']: input.rows.length }] };
    default:
      return unsupported(`the query operator ${op.k.replace(/Operator$/, '').toLowerCase()}`);
  }
}

function namedItem(item: KqlNode): { name?: string; expr: KqlNode } {
  if (item.k === 'SimpleNamedExpression') {
    const [decl, expr] = operands(item);
    if (decl === undefined || expr === undefined) unsupported('this named expression');
    return { name: nameOf(decl), expr };
  }
  return { expr: item };
}

function extend(op: KqlNode, input: Table, env: Env, cols: KqlColumn[]): Table {
  const before = names(input);
  const fresh = cols.filter((c) => !before.has(c.name)).map((c) => c.name);
  let unnamed = 0;
  const items = listItems(child(op, 'List')).map((item) => {
    const { name, expr } = namedItem(item);
    const target =
      name ??
      (expr.k === 'NameReference' ? nameOf(expr) : (fresh[unnamed++] ?? `Column${unnamed}`));
    return { target, f: compileScalar(expr, scalarScope(env, before)) };
  });
  const rows = input.rows;
  return {
    columns: cols,
    rows: rows.map((row, i) => {
      const out: Row = { ...row };
      for (const { target, f } of items) out[target] = f(rows, i);
      return out;
    }),
  };
}

function project(op: KqlNode, input: Table, env: Env, cols: KqlColumn[]): Table {
  const items = listItems(child(op, 'List')).map((item, idx) => {
    const { name, expr } = namedItem(item);
    const target = name ?? cols[idx]?.name ?? `Column${idx + 1}`;
    return { target, f: compileScalar(expr, scalarScope(env, names(input))) };
  });
  const rows = input.rows;
  return {
    columns: cols,
    rows: rows.map((_, i) => {
      const out: Row = {};
      for (const { target, f } of items) out[target] = f(rows, i);
      return out;
    }),
  };
}

function distinct(op: KqlNode, input: Table, env: Env, cols: KqlColumn[]): Table {
  const items = listItems(child(op, 'List')).map((item, idx) => ({
    target: cols[idx]?.name ?? `Column${idx + 1}`,
    f: compileScalar(namedItem(item).expr, scalarScope(env, names(input))),
  }));
  const seen = new Set<string>();
  const rows: Row[] = [];
  input.rows.forEach((_, i) => {
    const out: Row = {};
    for (const { target, f } of items) out[target] = f(input.rows, i);
    const key = items.map(({ target }) => toText(out[target] ?? null)).join('\u0001');
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(out);
  });
  return { columns: cols, rows };
}

function keepColumns(input: Table, cols: KqlColumn[]): Table {
  return {
    columns: cols,
    rows: input.rows.map((row) => {
      const out: Row = {};
      for (const c of cols) out[c.name] = row[c.name] ?? null;
      return out;
    }),
  };
}

function rename(op: KqlNode, input: Table, cols: KqlColumn[]): Table {
  const pairs = listItems(child(op, 'List')).map((item) => {
    const [decl, from] = operands(item);
    if (decl === undefined || from === undefined) unsupported('this project-rename form');
    return { to: nameOf(decl), from: nameOf(from) };
  });
  return {
    columns: cols,
    rows: input.rows.map((row) => {
      const out: Row = { ...row };
      for (const { to, from } of pairs) {
        out[to] = row[from] ?? null;
        delete out[from];
      }
      return out;
    }),
  };
}

function summarize(op: KqlNode, input: Table, env: Env, cols: KqlColumn[]): Table {
  const aggList = kids(op).find((p) => p.k === 'List');
  const byClause = child(op, 'SummarizeByClause');
  const byItems = byClause === undefined ? [] : listItems(child(byClause, 'List'));
  const inputNames = names(input);
  const byFns = byItems.map((item) =>
    compileScalar(namedItem(item).expr, scalarScope(env, inputNames)),
  );
  const aggFns: Compiled[] = listItems(aggList).map((item) =>
    compileScalar(namedItem(item).expr, scalarScope(env, inputNames, true)),
  );
  const byNames = cols.slice(0, byFns.length).map((c) => c.name);
  const aggNames = cols.slice(byFns.length).map((c) => c.name);
  const rows = input.rows;
  if (byFns.length === 0) {
    // No grouping: one row over the whole input (also when it is empty), without copying rows.
    const row: Row = {};
    aggFns.forEach((f, j) => (row[aggNames[j] ?? `Column${j + 1}`] = f(rows, 0)));
    return { columns: cols, rows: [row] };
  }
  const groups = new Map<string, { key: Value[]; rows: Row[] }>();
  for (let i = 0; i < rows.length; i++) {
    const key = byFns.map((f) => f(rows, i));
    const id = key.map((v) => toText(v)).join('\u0001');
    let g = groups.get(id);
    if (g === undefined) {
      g = { key, rows: [] };
      groups.set(id, g);
    }
    g.rows.push(rows[i] ?? {});
  }
  const out: Row[] = [];
  for (const g of groups.values()) {
    const row: Row = {};
    byNames.forEach((n, j) => (row[n] = g.key[j] ?? null));
    aggFns.forEach((f, j) => (row[aggNames[j] ?? `Column${j + 1}`] = f(g.rows, 0)));
    out.push(row);
  }
  return { columns: cols, rows: out };
}

function sortRows(input: Table, items: KqlNode[], env: Env): Row[] {
  const keys = items.map((item) => {
    const expr = item.k === 'OrderedExpression' ? (operands(item)[0] ?? item) : item;
    const clause = item.k === 'OrderedExpression' ? child(item, 'OrderingClause') : undefined;
    const asc = clause !== undefined && kids(clause).some((t) => t.k === 'AscKeyword');
    return { f: compileScalar(expr, scalarScope(env, names(input))), asc };
  });
  const rows = input.rows;
  const decorated = rows.map((row, i) => ({ row, vals: keys.map((k) => k.f(rows, i)) }));
  decorated.sort((a, b) => {
    for (let j = 0; j < keys.length; j++) {
      const c = compareValues(a.vals[j] ?? null, b.vals[j] ?? null);
      if (c !== 0) return keys[j]?.asc === true ? c : -c;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}
