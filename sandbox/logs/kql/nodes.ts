import { KqlError } from './KqlError.js';
import type { KqlNode } from './SyntaxTree.js';

/** The node's children (never undefined). */
export function kids(n: KqlNode): KqlNode[] {
  return n.c ?? [];
}

/** The items of a `List` of `SeparatedElement`s (separators dropped). */
export function listItems(list: KqlNode | undefined): KqlNode[] {
  if (list === undefined) return [];
  return kids(list)
    .map((e) => (e.k === 'SeparatedElement' ? kids(e)[0] : e))
    .filter((e): e is KqlNode => e !== undefined);
}

/** The first child of kind `kind`. */
export function child(n: KqlNode, kind: string): KqlNode | undefined {
  return kids(n).find((c) => c.k === kind);
}

/** Whether the node is a token (has text). */
export function isToken(n: KqlNode): boolean {
  return n.t !== undefined;
}

/** The non-token children (operands) of a node. */
export function operands(n: KqlNode): KqlNode[] {
  return kids(n).filter((c) => !isToken(c));
}

/** The concatenated token text under a node (source form). */
export function textOf(n: KqlNode): string {
  if (n.t !== undefined) return n.t;
  return kids(n).map(textOf).join('');
}

/** The declared or referenced name of a `NameReference` / `NameDeclaration` (brackets unquoted). */
export function nameOf(n: KqlNode): string {
  const text = textOf(n);
  const bracket = /^\[\s*(['"])(.*)\1\s*\]$/.exec(text);
  return bracket?.[2] ?? text;
}

/** Throws the sandbox's "not supported" error for a valid but unsupported construct. */
export function unsupported(what: string): never {
  throw new KqlError(
    'Unsupported',
    `The sandbox does not evaluate ${what}; supported: where, summarize, extend, project, project-away, project-keep, project-rename, distinct, order/sort by, take/limit, top, count and let scalars.`,
  );
}
