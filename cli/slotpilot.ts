/**
 * The Slotpilot operator CLI (`npx slotpilot …`): see {@link usage}. Prints results on
 * stdout, one-line errors (the API's problem detail) on stderr, and exits with exitCodes.
 */
import { parseArgs } from 'node:util';

import { ValidationError } from '../src/domain/errors.js';
import { CliError, exitCodes } from './CliError.js';
import { runCommand } from './runCommand.js';
import { usage } from './usage.js';

const options = {
  user: { type: 'string' },
  ttl: { type: 'string' },
  pipeline: { type: 'string' },
  status: { type: 'string' },
  top: { type: 'string' },
  since: { type: 'string' },
  cursor: { type: 'string' },
  stage: { type: 'string' },
  comment: { type: 'string' },
  reason: { type: 'string' },
  token: { type: 'string' },
  as: { type: 'string' },
  interval: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options,
    allowPositionals: true,
  });
  if (values.help === true || positionals.length === 0) {
    process.stdout.write(`${usage}\n`);
    process.exitCode =
      positionals.length === 0 && values.help !== true ? exitCodes.usage : exitCodes.ok;
  } else {
    process.exitCode = await runCommand(positionals, values, process.env, (line) =>
      process.stdout.write(`${line}\n`),
    );
  }
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`slotpilot: ${error.message}\n`);
    process.exitCode = error.exitCode;
  } else if (
    error instanceof ValidationError ||
    (error as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
  ) {
    process.stderr.write(`slotpilot: ${(error as Error).message}\n`);
    process.exitCode = exitCodes.usage;
  } else {
    process.stderr.write(`slotpilot: unexpected error: ${String(error)}\n`);
    process.exitCode = exitCodes.refused;
  }
}
