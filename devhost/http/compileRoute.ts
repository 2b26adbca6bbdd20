/** A compiled HTTP route template (`orders/{id:int}/{*rest}`), matched case-insensitively. */
export interface CompiledRoute {
  template: string;
  /** Literal segments count; more literals win when several routes match (ASP.NET precedence). */
  literalCount: number;
  match(path: string): Record<string, string> | undefined;
}

const constraints: Record<string, RegExp> = {
  int: /^-?\d+$/,
  long: /^-?\d+$/,
  bool: /^(true|false)$/i,
  guid: /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i,
  alpha: /^[a-z]+$/i,
  double: /^-?\d+(\.\d+)?$/,
  float: /^-?\d+(\.\d+)?$/,
  decimal: /^-?\d+(\.\d+)?$/,
  datetime: /^\d{4}-\d{2}-\d{2}/,
};

interface Segment {
  literal?: string;
  param?: string;
  optional?: boolean;
  catchAll?: boolean;
  constraint?: RegExp;
}

function parseSegment(seg: string, template: string): Segment {
  const m = /^\{(\*{1,2})?([A-Za-z_][\w]*)(?::([a-z]+)(?:\([^)]*\))?)?(\?)?\}$/.exec(seg);
  if (m === null) {
    if (seg.includes('{')) throw new Error(`route: unsupported segment "${seg}" in "${template}"`);
    return { literal: seg.toLowerCase() };
  }
  const constraint = m[3] === undefined ? undefined : constraints[m[3]];
  return {
    param: m[2] ?? '',
    optional: m[4] === '?' || m[1] !== undefined,
    catchAll: m[1] !== undefined,
    ...(constraint === undefined ? {} : { constraint }),
  };
}

/** Compiles a route template; throws naming the template when it uses unsupported syntax. */
export function compileRoute(template: string): CompiledRoute {
  const segments = template
    .replace(/^\/+|\/+$/g, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => parseSegment(s, template));
  return {
    template,
    literalCount: segments.filter((s) => s.literal !== undefined).length,
    match(path: string): Record<string, string> | undefined {
      const parts = path.split('/').filter((s) => s !== '');
      const params: Record<string, string> = {};
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i] as Segment;
        if (seg.catchAll === true) {
          if (parts.length > i)
            params[seg.param ?? ''] = parts.slice(i).map(decodeURIComponent).join('/');
          return params;
        }
        const part = parts[i];
        if (part === undefined) {
          if (seg.optional === true) continue;
          return undefined;
        }
        if (seg.literal !== undefined) {
          if (decodeURIComponent(part).toLowerCase() !== seg.literal) return undefined;
          continue;
        }
        const value = decodeURIComponent(part);
        if (seg.constraint !== undefined && !seg.constraint.test(value)) return undefined;
        params[seg.param ?? ''] = value;
      }
      return parts.length <= segments.length ? params : undefined;
    },
  };
}
