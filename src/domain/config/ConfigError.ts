/** One problem in the pipeline config, e.g. `pipelines[0].stages[2].target.slot`. */
export interface ConfigIssue {
  /** Dotted path to the field, indices in brackets. */
  path: string;
  /** What the field should hold. */
  expected: string;
  /** What it held, described without revealing app-setting values. */
  received: string;
}

/** The config file is unusable; `issues` lists every problem found, not just the first. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    readonly issues: readonly ConfigIssue[],
    source = 'pipeline config',
  ) {
    super(
      `${source} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
  }
}

/** `path: expected X, got Y`. */
export function formatIssue(issue: ConfigIssue): string {
  return `${issue.path}: expected ${issue.expected}, got ${issue.received}`;
}

/** Formats a path array as `pipelines[0].stages[1].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}
