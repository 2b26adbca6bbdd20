import { readFileSync } from 'node:fs';

import { parseDocument } from 'yaml';

import { ConfigError, type ConfigIssue } from './ConfigError.js';
import { crossChecks } from './crossChecks.js';
import { resolveSettings } from './resolveSettings.js';
import { configSchema, type SlotpilotConfig } from './schema.js';
import { fromZodIssues } from './zodIssues.js';

/** Where config text and app settings come from. */
export interface LoadConfigOptions {
  /** App settings used for `%NAME%` references (on Azure: process.env). */
  settings: Readonly<Record<string, string | undefined>>;
  /** Allow plain-http URLs (dev host and sandbox only). Default: settings.SLOTPILOT_LOCAL_MODE === 'true'. */
  localMode?: boolean;
  /** Names the file in error messages. */
  source?: string;
}

/**
 * Parses and validates pipeline config YAML. Throws a {@link ConfigError} listing every
 * problem as `path.to.field: expected X, got Y`; returns a typed config with defaults
 * applied, durations in milliseconds and each stage's subscription filled in from the
 * nearest earlier stage.
 */
export function parseConfig(yamlText: string, options: LoadConfigOptions): SlotpilotConfig {
  const source = options.source ?? 'pipeline config';
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues: ConfigIssue[] = document.errors.map((e) => ({
      path: e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(file)',
      expected: 'valid YAML',
      received: e.message.split('\n')[0] ?? e.code,
    }));
    throw new ConfigError(issues, source);
  }
  const raw: unknown = document.toJS();
  const resolved = resolveSettings(raw, options.settings);
  const localMode = options.localMode ?? options.settings.SLOTPILOT_LOCAL_MODE === 'true';
  const parsed = configSchema.safeParse(resolved.value, { reportInput: true });
  const issues = [
    ...resolved.issues,
    ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, resolved.fromSettings)),
    ...crossChecks(resolved.value, { localMode, fromSettings: resolved.fromSettings }),
  ];
  const unique = dedupe(issues);
  if (unique.length > 0 || !parsed.success) throw new ConfigError(unique, source);
  return parsed.data;
}

/** Reads and parses the config file at `path` (see {@link parseConfig}). */
export function loadConfigFile(path: string, options: LoadConfigOptions): SlotpilotConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      [{ path: '(file)', expected: `a readable file at ${path}`, received: String(cause) }],
      path,
    );
  }
  return parseConfig(text, { ...options, source: options.source ?? path });
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
