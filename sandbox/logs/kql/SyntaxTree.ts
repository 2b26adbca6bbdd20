/** A KQL syntax node as the parser worker hands it over (plain data, no parser objects). */
export interface KqlNode {
  /** SyntaxKind name, e.g. `PipeExpression`, `FilterOperator`, `IdentifierToken`. */
  k: string;
  /** Token text (tokens only). */
  t?: string;
  /** Children in source order (empty lists and missing nodes dropped). */
  c?: KqlNode[];
  /** Scalar result type name (`long`, `real`, `datetime`, …) of an expression. */
  ty?: string;
  /** Output columns of a tabular expression or query operator, as the analyzer computed them. */
  cols?: KqlColumn[];
}

/** A result column: name and Kusto type name. */
export interface KqlColumn {
  name: string;
  type: string;
}

/** One parser or analyzer diagnostic. */
export interface KqlDiagnostic {
  code: string;
  severity: string;
  message: string;
  start: number;
  length: number;
  /** Whether the parser (rather than the semantic analyzer) reported it. */
  syntax: boolean;
}

/** What the parser worker answers for one query. */
export interface ParsedQuery {
  diagnostics: KqlDiagnostic[];
  tree: KqlNode;
  /** Columns of the query's final result (when it is tabular). */
  columns: KqlColumn[];
}
