import type { KqlError } from './kql/KqlError.js';
import type { KqlDiagnostic } from './kql/SyntaxTree.js';
import { badArgument } from './logsErrors.js';

function position(text: string, offset: number): { line: number; pos: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, pos: (before.at(-1) ?? '').length };
}

/** The service's 400 for the first parser or analyzer error of a query. */
export function diagnosticError(query: string, d: KqlDiagnostic) {
  const { line, pos } = position(query, d.start);
  const token = query.slice(d.start, d.start + d.length);
  if (d.syntax) {
    return badArgument('SyntaxError', 'A recognition error occurred in the query.', {
      code: 'SYN0002',
      message: `Query could not be parsed at '${token}' on line [${line},${pos}]: ${d.message}`,
      line,
      pos,
      token,
    });
  }
  return badArgument('SemanticError', 'A semantic error occurred.', {
    code: 'SEM0100',
    message: d.message,
    line,
    pos,
    token,
    kustoCode: d.code,
  });
}

/** The service's 400 for a query the sandbox's evaluator refuses. */
export function kqlError(err: KqlError) {
  switch (err.kind) {
    case 'SyntaxError':
      return badArgument('SyntaxError', 'A recognition error occurred in the query.', {
        code: err.detail.code ?? 'SYN0002',
        message: err.message,
      });
    case 'SemanticError':
      return badArgument('SemanticError', 'A semantic error occurred.', {
        code: err.detail.code ?? 'SEM0100',
        message: err.message,
      });
    case 'Unsupported':
      return badArgument('SemanticError', 'A semantic error occurred.', {
        code: 'SandboxUnsupported',
        message: err.message,
      });
    case 'Runtime':
      return badArgument('RuntimeError', 'A runtime error occurred.', {
        code: 'RuntimeError',
        message: err.message,
      });
    default: {
      const never: never = err.kind;
      return badArgument('Error', String(never));
    }
  }
}
