/**
 * A query the sandbox refuses: `kind` says whether Microsoft's parser found a syntax or
 * semantic error, or the sandbox's evaluator does not support part of a valid query.
 */
export class KqlError extends Error {
  override readonly name = 'KqlError';

  constructor(
    readonly kind: 'SyntaxError' | 'SemanticError' | 'Unsupported' | 'Runtime',
    message: string,
    readonly detail: { code?: string; line?: number; pos?: number; token?: string } = {},
  ) {
    super(message);
  }
}
