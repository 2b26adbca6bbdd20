/**
 * Given/When/Then as executable steps. Each step runs its body and returns what the body
 * returns; when the body throws, the step rethrows a {@link StepFailed} whose message starts
 * with the step's title (the original error kept as `cause`), so a failing test names the step
 * that failed and the narration cannot drift from the code it labels.
 *
 * @example
 * const pushed = await When('an image is pushed', () => world.push('1.2.0'));
 * await Then('the release waits for staging', async () => {
 *   const waiting = await world.untilWaitingFor(pushed.releaseId, 'staging');
 *   assert.deepEqual(waiting.waitingFor?.approvers, [users.qaLead]);
 * });
 */

/** A step's body: what it does or checks; its value is the step's value. */
export type StepBody<T> = () => T | Promise<T>;

/** The error of a failed step: `"<title>: <the original message>"`, the original as `cause`. */
export class StepFailed extends Error {
  override readonly name = 'StepFailed';

  constructor(
    /** The step's whole title, e.g. `Then the release failed`. */
    readonly title: string,
    cause: unknown,
  ) {
    super(`${title}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Runs `body` as the step `title`; a throw becomes a {@link StepFailed} naming `title`. */
export async function step<T>(title: string, body: StepBody<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw new StepFailed(title, error);
  }
}

/** The state the test starts from: `Given <what>`. */
export function Given<T>(what: string, body: StepBody<T>): Promise<T> {
  return step(`Given ${what}`, body);
}

/** The action the test is about: `When <what>`. */
export function When<T>(what: string, body: StepBody<T>): Promise<T> {
  return step(`When ${what}`, body);
}

/** What must then hold: `Then <what>`. */
export function Then<T>(what: string, body: StepBody<T>): Promise<T> {
  return step(`Then ${what}`, body);
}

/** One more step of the kind before it: `And <what>`. */
export function And<T>(what: string, body: StepBody<T>): Promise<T> {
  return step(`And ${what}`, body);
}
