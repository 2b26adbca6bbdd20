import type { ConfigIssue } from './ConfigError.js';
import { formatPath } from './ConfigError.js';

const reference = /^%([A-Za-z_][A-Za-z0-9_.-]*)%$/;

/** The outcome of replacing `%NAME%` strings with app settings. */
export interface ResolvedSettings {
  /** A copy of the input with every `%NAME%` string replaced. */
  value: unknown;
  /** Paths (formatted) whose value came from an app setting, and the setting's name. */
  fromSettings: Map<string, string>;
  issues: ConfigIssue[];
}

/**
 * Replaces every string that is exactly `%NAME%` with the app setting NAME. A missing or
 * empty setting is an issue at that path; the value is left as the reference.
 */
export function resolveSettings(
  input: unknown,
  settings: Readonly<Record<string, string | undefined>>,
): ResolvedSettings {
  const fromSettings = new Map<string, string>();
  const issues: ConfigIssue[] = [];

  const walk = (node: unknown, path: PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      const match = reference.exec(node);
      if (match === null) return node;
      const settingName = match[1] ?? '';
      const value = settings[settingName];
      if (value === undefined || value === '') {
        issues.push({
          path: formatPath(path),
          expected: `app setting ${settingName} to be set`,
          received: 'nothing',
        });
        return node;
      }
      fromSettings.set(formatPath(path), settingName);
      return value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, child]) => [key, walk(child, [...path, key])]),
      );
    }
    return node;
  };

  return { value: walk(input, []), fromSettings, issues };
}
