import { parseDuration } from '../src/domain/duration.js';
import { issueToken } from '../src/domain/identity/index.js';
import { terminalStatuses } from '../src/domain/release/index.js';
import type { ReleaseSummary, ReleaseView, SlotsView } from '../src/domain/view/index.js';
import { apiRequest } from './apiRequest.js';
import { CliError, exitCodes } from './CliError.js';
import { bashCompletion } from './commands/completion.js';
import { historyEntry, historyLine } from './commands/history.js';
import { tokenIssue } from './commands/tokenIssue.js';
import { formatRelease, formatSlots, formatSummaryLine } from './formatRelease.js';
import { readSigningKey } from './readSigningKey.js';
import { resolveTarget } from './resolveTarget.js';
import { watchLines } from './watchLines.js';

/** Parsed `--options` of the CLI. */
export interface CliValues {
  user?: string;
  ttl?: string;
  pipeline?: string;
  status?: string;
  top?: string;
  since?: string;
  cursor?: string;
  stage?: string;
  comment?: string;
  reason?: string;
  token?: string;
  as?: string;
  interval?: string;
  json?: boolean;
}

/** Runs one CLI command; returns the exit code. `print` writes one line of output. */
export async function runCommand(
  positionals: readonly string[],
  values: CliValues,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  const [command, ...args] = positionals;
  if (command === 'token') {
    if (args[0] !== 'issue') throw usageError('token issue --user EMAIL [--ttl 1h]');
    const user = required(values.user, '--user EMAIL');
    const token = await tokenIssue({ user, ...(values.ttl ? { ttl: values.ttl } : {}) }, env);
    print(values.json === true ? JSON.stringify({ user, token }, null, 2) : token);
    return exitCodes.ok;
  }
  if (command === 'completion') {
    if (args[0] !== 'bash') throw usageError('completion bash');
    const script = bashCompletion();
    print(values.json === true ? JSON.stringify({ shell: 'bash', script }, null, 2) : script);
    return exitCodes.ok;
  }
  const target = resolveTarget(env);
  const id = (): string => encodeURIComponent(required(args[0], 'a release ID'));
  switch (command) {
    case 'list': {
      const query = new URLSearchParams();
      if (values.pipeline) query.set('pipeline', values.pipeline);
      if (values.status) query.set('status', values.status);
      if (values.top) query.set('top', values.top);
      if (values.since) query.set('since', values.since);
      if (values.cursor) query.set('cursor', values.cursor);
      const qs = query.size > 0 ? `?${query.toString()}` : '';
      const { releases, next } = await apiRequest<{ releases: ReleaseSummary[]; next?: string }>(
        target,
        { method: 'GET', path: `/api/releases${qs}` },
      );
      if (values.json === true) print(JSON.stringify(releases, null, 2));
      else if (releases.length === 0) print('no releases');
      else releases.forEach((r) => print(formatSummaryLine(r)));
      const cursor = next === undefined ? null : new URL(next).searchParams.get('cursor');
      if (values.json !== true && cursor !== null) print(`more: add --cursor ${cursor}`);
      return exitCodes.ok;
    }
    case 'history': {
      const pipeline = required(args[0], 'a pipeline name');
      const query = new URLSearchParams({ pipeline, top: values.top ?? '20' });
      if (values.status) query.set('status', values.status);
      const { releases } = await apiRequest<{ releases: ReleaseSummary[] }>(target, {
        method: 'GET',
        path: `/api/releases?${query.toString()}`,
      });
      const views = await Promise.all(
        releases.map((r) =>
          apiRequest<ReleaseView>(target, {
            method: 'GET',
            path: `/api/releases/${encodeURIComponent(r.id)}`,
          }),
        ),
      );
      const entries = views.map(historyEntry);
      if (values.json === true) print(JSON.stringify(entries, null, 2));
      else if (entries.length === 0) print(`no releases of ${pipeline}`);
      else entries.forEach((e) => print(historyLine(e)));
      return exitCodes.ok;
    }
    case 'slots': {
      const pipeline = encodeURIComponent(required(args[0], 'a pipeline name'));
      const view = await apiRequest<SlotsView>(target, {
        method: 'GET',
        path: `/api/pipelines/${pipeline}/slots`,
      });
      if (values.json === true) print(JSON.stringify(view, null, 2));
      else formatSlots(view).forEach((line) => print(line));
      return exitCodes.ok;
    }
    case 'start': {
      const image = required(
        args[0],
        'an image registry/repository:tag or registry/repository[:tag]@sha256:…',
      );
      const token =
        values.token ??
        env.SLOTPILOT_TOKEN ??
        (values.as ? await identityToken(values, env) : undefined);
      const result = await apiRequest<{ id: string; statusQueryGetUri: string }>(target, {
        method: 'POST',
        path: '/api/releases',
        body: { image, ...(values.pipeline ? { pipeline: values.pipeline } : {}) },
        ...(token === undefined ? {} : { token }),
      });
      print(
        values.json === true ? JSON.stringify(result, null, 2) : `release ${result.id} started`,
      );
      return exitCodes.ok;
    }
    case 'show': {
      const view = await apiRequest<ReleaseView>(target, {
        method: 'GET',
        path: `/api/releases/${id()}`,
      });
      print(values.json === true ? JSON.stringify(view, null, 2) : formatRelease(view));
      return exitCodes.ok;
    }
    case 'watch': {
      const intervalMs = parseDuration(values.interval ?? '1s', 'interval');
      const path = `/api/releases/${id()}`;
      let previous: ReleaseView | undefined;
      for (;;) {
        const view = await apiRequest<ReleaseView>(target, { method: 'GET', path });
        for (const line of watchLines(previous, view)) {
          const at = new Date().toISOString();
          print(
            values.json === true
              ? JSON.stringify({ at, id: view.id, status: view.status, line })
              : `${at.slice(11, 19)} ${line}`,
          );
        }
        if (terminalStatuses.has(view.status)) {
          return view.status === 'Succeeded' ? exitCodes.ok : exitCodes.releaseFailed;
        }
        previous = view;
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    }
    case 'approve':
    case 'reject':
    case 'promote':
    case 'rollback':
    case 'cancel': {
      const releaseId = id();
      const body =
        command === 'approve'
          ? {
              stage: required(values.stage, '--stage S'),
              ...(values.comment ? { comment: values.comment } : {}),
            }
          : command === 'reject'
            ? {
                stage: required(values.stage, '--stage S'),
                reason: required(values.reason, '--reason TEXT'),
              }
            : command === 'promote'
              ? { ...(values.reason ? { reason: values.reason } : {}) }
              : { reason: required(values.reason, '--reason TEXT') };
      const token = await identityToken(values, env);
      const result = await apiRequest<Record<string, unknown>>(target, {
        method: 'POST',
        path: `/api/releases/${releaseId}/${command}`,
        body,
        token,
      });
      print(
        values.json === true
          ? JSON.stringify(result, null, 2)
          : `${command} of ${decodeURIComponent(releaseId)} accepted`,
      );
      return exitCodes.ok;
    }
    default:
      throw usageError(`unknown command ${String(command)}; see slotpilot --help`);
  }
}

async function identityToken(values: CliValues, env: NodeJS.ProcessEnv): Promise<string> {
  if (values.token) return values.token;
  if (values.as)
    return issueToken({ user: values.as, signingKey: readSigningKey(env), ttlMs: 3_600_000 });
  const fromEnv = env.SLOTPILOT_TOKEN;
  if (fromEnv) return fromEnv;
  throw new CliError(
    'This command needs an identity: --token T, SLOTPILOT_TOKEN, or --as EMAIL (see slotpilot token issue).',
    exitCodes.usage,
  );
}

function required(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw usageError(`missing ${what}`);
  return value;
}

function usageError(message: string): CliError {
  return new CliError(message, exitCodes.usage);
}
