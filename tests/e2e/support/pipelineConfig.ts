import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { parse, stringify } from 'yaml';

import { repoRoot } from './buildApp.js';

/** Changes to the repository's `slotpilot.yaml` for one e2e file. */
export interface ConfigVariant {
  /** Keep post-swap monitoring on production (default false: the release ends after the swap). */
  monitor?: boolean;
  /** Warm-up successes on production (default 3, to keep histories short). */
  warmupSuccesses?: number;
  /** Edits the parsed document last. */
  edit?: (doc: ConfigDoc) => void;
}

interface StageDoc {
  name: string;
  monitor?: unknown;
  warmup?: { successes?: number };
  [key: string]: unknown;
}

/** The parsed config document, loosely typed for edits. */
export interface ConfigDoc {
  pipelines: { name: string; stages: StageDoc[]; [key: string]: unknown }[];
}

/** Writes a variant of the repository's slotpilot.yaml to a temp folder; returns its path. */
export function writePipelineConfig(variant: ConfigVariant = {}): string {
  const doc = parse(readFileSync(path.join(repoRoot, 'slotpilot.yaml'), 'utf8')) as ConfigDoc;
  for (const pipeline of doc.pipelines) {
    for (const stage of pipeline.stages) {
      if (variant.monitor !== true) delete stage.monitor;
      // The sandbox's telemetry is queryable 2 min after a request (its scenario's ingestionDelay).
      else if (stage.monitor !== undefined) {
        stage.monitor = { ingestionDelay: '2m', ...(stage.monitor as Record<string, unknown>) };
      }
      if (stage.warmup !== undefined) stage.warmup.successes = variant.warmupSuccesses ?? 3;
    }
  }
  variant.edit?.(doc);
  const dir = mkdtempSync(path.join(tmpdir(), 'slotpilot-e2e-'));
  const file = path.join(dir, 'slotpilot.yaml');
  writeFileSync(file, stringify(doc));
  return file;
}
