import { parseDuration } from '../src/domain/duration.js';
import { issueToken } from '../src/domain/identity/index.js';
import { terminalStatuses } from '../src/domain/release/index.js';
import type { ReleaseSummary, ReleaseView, SlotsView } from '../src/domain/view/index.js';
import { apiRequest } from './apiRequest.js';
import { CliError, exitCodes } from './CliError.js';
import { bashCompletion } from './commands/completion.js';
import { historyEntry, historyLine } from './commands/history.js';
import { promoteRelease } from './commands/promote.js';
import { tokenIssue } from './commands/tokenIssue.js';
import { formatRelease, formatSlots, formatSummaryLine } from './formatRelease.js';
import { readSigningKey } from './readSigningKey.js';
import { resolveTarget, type Target } from './resolveTarget.js';
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
  step?: string;
  token?: string;
  as?: string;
  interval?: string;
  json?: boolean;
}

/** One parsed CLI command, as each command's step receives it. */
interface Invocation {
  command: string | undefined;
  args: readonly string[];
  values: CliValues;
  env: NodeJS.ProcessEnv;
  print: (line: string) => void;
}

/** A command that talks to the running Slotpilot at `target`. */
type RemoteCommand = (call: Invocation, target: Target) => Promise<number>;

/** Runs one CLI command; returns the exit code. `print` writes one line of output. */
export async function runCommand(
  positionals: readonly string[],
  values: CliValues,
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  const [command, ...args] = positionals;
  const call: Invocation = { command, args, values, env, print };
  if (command === 'token') return runTokenIssue(call);
  if (command === 'completion') return runCompletion(call);
  const target = resolveTarget(env);
  const remote = command === undefined ? undefined : remoteCommands.get(command);
  if (remote === undefined) {
    throw usageError(`unknown command ${String(command)}; see slotpilot --help`);
  }
  return remote(call, target);
}

async function runTokenIssue({ args, values, env, print }: Invocation): Promise<number> {
  if (args[0] !== 'issue') throw usageError('token issue --user EMAIL [--ttl 1h]');
  const user = required(values.user, '--user EMAIL');
  const token = await tokenIssue({ user, ...(values.ttl ? { ttl: values.ttl } : {}) }, env);
  print(values.json === true ? JSON.stringify({ user, token }, null, 2) : token);
  return exitCodes.ok;
}

function runCompletion({ args, values, print }: Invocation): Promise<number> {
  if (args[0] !== 'bash') throw usageError('completion bash');
  const script = bashCompletion();
  print(values.json === true ? JSON.stringify({ shell: 'bash', script }, null, 2) : script);
  return Promise.resolve(exitCodes.ok);
}

async function runList({ values, print }: Invocation, target: Target): Promise<number> {
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

async function runHistory({ args, values, print }: Invocation, target: Target): Promise<number> {
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

async function runSlots({ args, values, print }: Invocation, target: Target): Promise<number> {
  const pipeline = encodeURIComponent(required(args[0], 'a pipeline name'));
  const view = await apiRequest<SlotsView>(target, {
    method: 'GET',
    path: `/api/pipelines/${pipeline}/slots`,
  });
  if (values.json === true) print(JSON.stringify(view, null, 2));
  else formatSlots(view).forEach((line) => print(line));
  return exitCodes.ok;
}

async function runStart({ args, values, env, print }: Invocation, target: Target): Promise<number> {
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
  print(values.json === true ? JSON.stringify(result, null, 2) : `release ${result.id} started`);
  return exitCodes.ok;
}

async function runShow({ args, values, print }: Invocation, target: Target): Promise<number> {
  const view = await apiRequest<ReleaseView>(target, {
    method: 'GET',
    path: `/api/releases/${releaseIdPath(args)}`,
  });
  print(values.json === true ? JSON.stringify(view, null, 2) : formatRelease(view));
  return exitCodes.ok;
}

async function runWatch({ args, values, print }: Invocation, target: Target): Promise<number> {
  const intervalMs = parseDuration(values.interval ?? '1s', 'interval');
  const path = `/api/releases/${releaseIdPath(args)}`;
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

async function runPromote(
  { args, values, env, print }: Invocation,
  target: Target,
): Promise<number> {
  const releaseId = required(args[0], 'a release ID');
  const result = await promoteRelease(target, releaseId, {
    ...(values.step === undefined ? {} : { step: values.step }),
    ...(values.reason ? { reason: values.reason } : {}),
    token: await identityToken(values, env),
  });
  print(
    values.json === true
      ? JSON.stringify(result, null, 2)
      : `promote of ${releaseId} accepted: step ${result.step + 1} (${result.percent}%)`,
  );
  return exitCodes.ok;
}

/** `approve`, `reject`, `rollback` and `cancel`: one POST to the release's action route. */
async function runDecision(
  { command, args, values, env, print }: Invocation,
  target: Target,
): Promise<number> {
  const releaseId = releaseIdPath(args);
  const body = decisionBody(command, values);
  const token = await identityToken(values, env);
  const result = await apiRequest<Record<string, unknown>>(target, {
    method: 'POST',
    path: `/api/releases/${releaseId}/${String(command)}`,
    body,
    token,
  });
  print(
    values.json === true
      ? JSON.stringify(result, null, 2)
      : `${String(command)} of ${decodeURIComponent(releaseId)} accepted`,
  );
  return exitCodes.ok;
}

function decisionBody(command: string | undefined, values: CliValues): Record<string, string> {
  if (command === 'approve') {
    return {
      stage: required(values.stage, '--stage S'),
      ...(values.comment ? { comment: values.comment } : {}),
    };
  }
  if (command === 'reject') {
    return {
      stage: required(values.stage, '--stage S'),
      reason: required(values.reason, '--reason TEXT'),
    };
  }
  return { reason: required(values.reason, '--reason TEXT') };
}

const remoteCommands: ReadonlyMap<string, RemoteCommand> = new Map([
  ['list', runList],
  ['history', runHistory],
  ['slots', runSlots],
  ['start', runStart],
  ['show', runShow],
  ['watch', runWatch],
  ['promote', runPromote],
  ['approve', runDecision],
  ['reject', runDecision],
  ['rollback', runDecision],
  ['cancel', runDecision],
]);

/** The release ID argument, URL-encoded for a path. */
function releaseIdPath(args: readonly string[]): string {
  return encodeURIComponent(required(args[0], 'a release ID'));
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
