/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- Bridge.NET globals carry no types */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

import type { KqlColumn, KqlDiagnostic, KqlNode, ParsedQuery } from './SyntaxTree.js';

/** A request to the worker: parse `text` against tables given as `(Col:type, …)` schemas. */
export interface ParseRequest {
  id: number;
  text: string;
  tables: Record<string, string>;
}

const require = createRequire(import.meta.url);
require('@kusto/language-service-next/bridge.min.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
const g = globalThis as any;
const K = g.Kusto.Language;
const SystemEnum = g.System.Enum;
const kindNames = new Map<number, string>();
const globalsByKey = new Map<string, unknown>();

function kindName(kind: number): string {
  let name = kindNames.get(kind);
  if (name === undefined) {
    name = String(SystemEnum.toString(K.Syntax.SyntaxKind, kind));
    kindNames.set(kind, name);
  }
  return name;
}

function globalsFor(tables: Record<string, string>): unknown {
  const key = JSON.stringify(tables);
  let globals = globalsByKey.get(key);
  if (globals === undefined) {
    const symbols = Object.entries(tables).map(
      ([name, schema]) => new K.Symbols.TableSymbol.$ctor7(name, schema, null),
    );
    globals = K.GlobalState.Default.WithDatabase(
      new K.Symbols.DatabaseSymbol.ctor('sandbox', symbols),
    );
    globalsByKey.set(key, globals);
  }
  return globals;
}

function columnsOf(type: any): KqlColumn[] | undefined {
  const cols = type?.Columns;
  if (cols === undefined || cols === null || typeof cols.Count !== 'number') return undefined;
  const out: KqlColumn[] = [];
  for (let i = 0; i < cols.Count; i++) {
    const c = cols.getItem(i);
    out.push({ name: String(c.Name), type: String(c.Type?.Name ?? 'dynamic') });
  }
  return out;
}

function convert(node: any): KqlNode | undefined {
  if (node === null || node === undefined) return undefined;
  const k = kindName(node.Kind);
  if (node.IsToken === true) return { k, t: String(node.Text) };
  const out: KqlNode = { k };
  const children: KqlNode[] = [];
  for (let i = 0; i < node.ChildCount; i++) {
    const child = convert(node.GetChild(i));
    if (
      child !== undefined &&
      !(child.c === undefined && child.t === undefined && child.k === 'List')
    )
      children.push(child);
  }
  if (children.length > 0) out.c = children;
  const type = node.ResultType;
  if (type !== null && type !== undefined) {
    const cols = columnsOf(type);
    if (cols !== undefined) out.cols = cols;
    else if (typeof type.Name === 'string') out.ty = type.Name;
  }
  return out;
}

function parse(text: string, tables: Record<string, string>): ParsedQuery {
  const code = K.KustoCode.ParseAndAnalyze(text, globalsFor(tables));
  const diags = code.GetDiagnostics();
  const syntax = code.GetSyntaxDiagnostics();
  const syntaxKeys = new Set<string>();
  for (let i = 0; i < syntax.Count; i++) {
    const d = syntax.getItem(i);
    syntaxKeys.add(`${d.Code}@${d.Start}`);
  }
  const diagnostics: KqlDiagnostic[] = [];
  for (let i = 0; i < diags.Count; i++) {
    const d = diags.getItem(i);
    diagnostics.push({
      code: String(d.Code),
      severity: String(d.Severity),
      message: String(d.Message),
      start: Number(d.Start),
      length: Number(d.Length),
      syntax: syntaxKeys.has(`${d.Code}@${d.Start}`),
    });
  }
  return {
    diagnostics,
    tree: convert(code.Syntax) ?? { k: 'QueryBlock' },
    columns: columnsOf(code.ResultType) ?? [],
  };
}

parentPort?.on('message', (msg: ParseRequest | 'warmup') => {
  if (msg === 'warmup') {
    parse('T | where a > ago(1h) | summarize count() by bin(b, 1m)', {
      T: '(a:datetime, b:datetime)',
    });
    parentPort?.postMessage({ id: -1 });
    return;
  }
  try {
    parentPort?.postMessage({ id: msg.id, result: parse(msg.text, msg.tables) });
  } catch (err) {
    parentPort?.postMessage({ id: msg.id, error: (err as Error).message });
  }
});
