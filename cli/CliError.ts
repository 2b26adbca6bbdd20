/** Exit codes of the `slotpilot` CLI. */
export const exitCodes = {
  ok: 0,
  /** The API refused the request (4xx/5xx); the problem detail is printed. */
  refused: 1,
  /** Bad command line. */
  usage: 2,
  /** No running instance found, or it cannot be reached. */
  unreachable: 3,
  /** `watch`: the release ended in a status other than Succeeded. */
  releaseFailed: 4,
} as const;

/** A failure the CLI reports as one line on stderr and an exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
