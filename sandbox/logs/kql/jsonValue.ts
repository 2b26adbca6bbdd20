import { literalValue } from './literals.js';
import { child, kids, listItems, operands, unsupported } from './nodes.js';
import type { KqlNode } from './SyntaxTree.js';
import { toText, type Value } from './values.js';

/** The value of a `dynamic(...)` literal's JSON part. */
export function jsonValue(node: KqlNode | undefined): Value {
  if (node === undefined) return null;
  if (node.k === 'JsonArrayExpression') return listItems(child(node, 'List')).map(jsonValue);
  if (node.k === 'JsonObjectExpression') {
    const out: Record<string, unknown> = {};
    for (const pair of listItems(child(node, 'List'))) {
      const [keyNode, valueNode] = operands(pair);
      const keyTok = keyNode === undefined ? undefined : kids(keyNode)[0];
      const key = keyTok?.t === undefined ? '' : toText(literalValue(keyTok.k, keyTok.t));
      out[key] = jsonValue(valueNode);
    }
    return out;
  }
  if (node.k.endsWith('LiteralExpression')) {
    const tok = kids(node)[0];
    return tok === undefined ? null : literalValue(tok.k, tok.t ?? '');
  }
  if (node.k === 'NullLiteralExpression') return null;
  return unsupported(`the dynamic literal part ${node.k}`);
}
