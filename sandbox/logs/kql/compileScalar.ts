import { AGGREGATES, isAggregate } from './aggregates.js';
import { and, binaryOp, negate, or } from './binaryOperators.js';
import { jsonValue } from './jsonValue.js';
import { KqlError } from './KqlError.js';
import { literalValue } from './literals.js';
import { child, kids, listItems, nameOf, operands, unsupported } from './nodes.js';
import { scalarFunction } from './scalarFunctions.js';
import type { KqlNode } from './SyntaxTree.js';
import {
  compareValues,
  KDate,
  KSpan,
  type Row,
  toText,
  type Value,
  valuesEqual,
} from './values.js';

/** A compiled scalar expression evaluated for row `i` of `rows` (a group's rows in summarize). */
export type Compiled = (rows: Row[], i: number) => Value;

/** What names mean while compiling: input columns, `let` scalars, "now", aggregates allowed. */
export interface Scope {
  columns: ReadonlySet<string>;
  lets: ReadonlyMap<string, Value>;
  now: number;
  aggregates: boolean;
}

/** Closures whose value does not depend on the row (folded once at compile time). */
const constants = new WeakSet<Compiled>();

function constant(v: Value): Compiled {
  const f: Compiled = () => v;
  constants.add(f);
  return f;
}

/** Folds `f` into a constant when every input is constant. */
function fold(f: Compiled, inputs: Compiled[]): Compiled {
  return inputs.every((x) => constants.has(x)) ? constant(f([{}], 0)) : f;
}

/** Compiles a scalar expression node into a closure (unsupported constructs throw KqlError). */
export function compileScalar(node: KqlNode, scope: Scope): Compiled {
  const k = node.k;
  if (k.endsWith('LiteralExpression')) {
    const tok = kids(node)[0];
    return constant(tok === undefined ? null : literalValue(tok.k, tok.t ?? ''));
  }
  switch (k) {
    case 'NameReference':
      return compileName(nameOf(node), scope);
    case 'ParenthesizedExpression': {
      const inner = operands(node)[0];
      if (inner === undefined) return constant(null);
      return compileScalar(inner, scope);
    }
    case 'UnaryMinusExpression': {
      const f = compileScalar(operands(node)[0] ?? node, scope);
      return fold((r, i) => negate(f(r, i)), [f]);
    }
    case 'UnaryPlusExpression':
      return compileScalar(operands(node)[0] ?? node, scope);
    case 'DynamicExpression':
      return constant(jsonValue(operands(node)[0]));
    case 'FunctionCallExpression':
      return compileCall(node, scope);
    case 'PathExpression': {
      const [target, member] = operands(node);
      if (target === undefined || member === undefined) unsupported('this member access');
      const f = compileScalar(target, scope);
      const name = nameOf(member);
      return fold((r, i) => member_(f(r, i), name), [f]);
    }
    case 'ElementExpression': {
      const [target, bracket] = operands(node);
      const index = bracket === undefined ? undefined : operands(bracket)[0];
      if (target === undefined || index === undefined) unsupported('this element access');
      const f = compileScalar(target, scope);
      const g = compileScalar(index, scope);
      return (r, i) => member_(f(r, i), g(r, i));
    }
    case 'BetweenExpression':
    case 'NotBetweenExpression':
      return compileBetween(node, scope, k === 'NotBetweenExpression');
    default:
      break;
  }
  const parts = kids(node);
  const opTok = parts[1];
  if (
    parts.length === 3 &&
    opTok?.t !== undefined &&
    parts[0] !== undefined &&
    parts[2] !== undefined
  ) {
    return compileBinary(opTok.t.toLowerCase(), parts[0], parts[2], node, scope);
  }
  return unsupported(`the expression kind ${k}`);
}

function compileName(name: string, scope: Scope): Compiled {
  if (scope.columns.has(name)) return (r, i) => r[i]?.[name] ?? null;
  if (scope.lets.has(name)) return constant(scope.lets.get(name) ?? null);
  throw new KqlError('SemanticError', `Failed to resolve scalar expression named '${name}'`, {
    code: 'SEM0100',
  });
}

function compileCall(node: KqlNode, scope: Scope): Compiled {
  const nameNode = child(node, 'NameReference');
  const name = nameNode === undefined ? '' : nameOf(nameNode).toLowerCase();
  const argNodes = listItems(child(child(node, 'ExpressionList') ?? node, 'List'));
  if (name === 'ingestion_time') return (r, i) => r[i]?.['$IngestionTime'] ?? null;
  if (isAggregate(name) && scope.aggregates) {
    const inner: Scope = { ...scope, aggregates: false };
    const args = argNodes.map((a) => compileScalar(a, inner));
    const agg = AGGREGATES[name];
    if (agg === undefined) return unsupported(`the aggregate ${name}()`);
    return (rows) =>
      agg(
        rows.length,
        args.map((f) => (j: number) => f(rows, j)),
      );
  }
  if (isAggregate(name) && name !== 'count' && name !== 'min' && name !== 'max') {
    throw new KqlError(
      'SemanticError',
      `${name}(): aggregate functions are only allowed in summarize`,
      { code: 'SEM0130' },
    );
  }
  const fn = scalarFunction(name);
  const args = argNodes.map((a) => compileScalar(a, scope));
  const [a0, a1] = args;
  if (args.length === 1 && a0 !== undefined) return fold((r, i) => fn([a0(r, i)], scope.now), args);
  if (args.length === 2 && a0 !== undefined && a1 !== undefined) {
    return fold((r, i) => fn([a0(r, i), a1(r, i)], scope.now), args);
  }
  return fold(
    (r, i) =>
      fn(
        args.map((f) => f(r, i)),
        scope.now,
      ),
    args,
  );
}

function compileBetween(node: KqlNode, scope: Scope, negated: boolean): Compiled {
  const [left, couple] = operands(node);
  const [lo, hi] = couple === undefined ? [] : operands(couple);
  if (left === undefined || lo === undefined || hi === undefined) unsupported('this between form');
  const f = compileScalar(left, scope);
  const flo = compileScalar(lo, scope);
  const fhi = compileScalar(hi, scope);
  return (r, i) => {
    const v = f(r, i);
    const a = flo(r, i);
    let b = fhi(r, i);
    if (a instanceof KDate && b instanceof KSpan) b = new KDate(a.ms + b.ms);
    if (v === null || a === null || b === null) return null;
    const inside = compareValues(v, a) >= 0 && compareValues(v, b) <= 0;
    return negated ? !inside : inside;
  };
}

function compileBinary(
  op: string,
  leftNode: KqlNode,
  rightNode: KqlNode,
  node: KqlNode,
  scope: Scope,
): Compiled {
  const l = compileScalar(leftNode, scope);
  if (op === 'in' || op === '!in' || op === 'in~' || op === '!in~') {
    const items = listItems(child(rightNode, 'List')).map((n) => {
      if (n.cols !== undefined) unsupported('a tabular right side of in');
      return compileScalar(n, scope);
    });
    const ci = op.endsWith('~');
    const neg = op.startsWith('!');
    if (items.every((f) => constants.has(f))) {
      const all = items.flatMap((f) => {
        const c = f([{}], 0);
        return Array.isArray(c) ? c.map((x) => x as Value) : [c];
      });
      const set = new Set(all.map((c) => (ci ? toText(c).toLowerCase() : toText(c))));
      return fold(
        (r, i) => {
          const v = l(r, i);
          if (v === null) return neg;
          const hit = ci
            ? set.has(toText(v).toLowerCase())
            : set.has(toText(v)) && all.some((c) => valuesEqual(v, c));
          return neg ? !hit : hit;
        },
        [l],
      );
    }
    return (r, i) => {
      const v = l(r, i);
      if (v === null) return neg;
      const candidates = items.flatMap((f) => {
        const c = f(r, i);
        return Array.isArray(c) ? c.map((x) => x as Value) : [c];
      });
      const hit = candidates.some((c) =>
        ci ? toText(c).toLowerCase() === toText(v).toLowerCase() : valuesEqual(v, c),
      );
      return neg ? !hit : hit;
    };
  }
  const rt = compileScalar(rightNode, scope);
  if (op === 'and') return fold((r, i) => and(l(r, i), rt(r, i)), [l, rt]);
  if (op === 'or') return fold((r, i) => or(l(r, i), rt(r, i)), [l, rt]);
  const fn = binaryOp(op, node.ty);
  return fold((r, i) => fn(l(r, i), rt(r, i)), [l, rt]);
}

function member_(target: Value, key: Value): Value {
  if (
    target === null ||
    typeof target !== 'object' ||
    target instanceof KDate ||
    target instanceof KSpan
  )
    return null;
  const v = (target as Record<string, unknown>)[toText(key)];
  return v === undefined ? null : (v as Value);
}
