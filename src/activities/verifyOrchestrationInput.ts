import { createHash } from 'node:crypto';

import type { AuditStore, StartClaim } from '../azure/ports/AuditStore.js';
import { describeValue } from '../domain/describeValue.js';
import { ValidationError } from '../domain/errors.js';
import { isSealedInput } from '../domain/identity/index.js';
import type {
  ExecutionRef,
  VerifyOrchestrationInputInput,
  VerifyOrchestrationInputOutput,
} from './contracts.js';

/** What `verifyOrchestrationInput` is built from. */
export interface VerifyOrchestrationInputDeps {
  /** `SLOTPILOT_SIGNING_KEY`: verifies the seal. */
  sealKey: string;
  /** Where a top-level start claims its sealed input. */
  audit: Pick<AuditStore, 'claimStart'>;
}

/** The pure part of the check: a verdict, or the claim a sealed top-level start must make. */
export type InputCheck =
  | { kind: 'verdict'; output: VerifyOrchestrationInputOutput }
  | { kind: 'claim'; claim: StartClaim };

/**
 * Whether an orchestration may run its input: it must be sealed by Slotpilot for that
 * orchestrator and instance (and parent, for a sub-orchestration; see `sealInput`), so a start
 * through the Durable HTTP API with the system key is refused. A sealed top-level input is good
 * for one execution: the first execution to verify it claims it in the audit store (keyed by
 * instance and seal), and a later execution of the same instance with the same input (a
 * finished release started again through the Durable HTTP API) is refused. A retry of this
 * activity, or a replay, names the same execution and passes again. Sub-orchestrations are
 * bound to their parent and claim nothing. Storage failures throw (RetryAfterError), so the
 * orchestration retries (for about ten minutes) and, when the retries run out, refuses the start.
 */
export async function verifyOrchestrationInput(
  deps: VerifyOrchestrationInputDeps,
  input: VerifyOrchestrationInputInput,
): Promise<VerifyOrchestrationInputOutput> {
  const check = checkOrchestrationInput(deps.sealKey, input);
  if (check.kind === 'verdict') return check.output;
  return judgeStartClaim(check.claim, await deps.audit.claimStart(check.claim));
}

/**
 * Checks the seal (pure, never touches storage): an unsealed input → refused `notSealed`; a
 * sealed sub-orchestration input → valid; a sealed top-level input → the claim to make.
 * Throws ValidationError naming `execution` when a top-level check does not name its execution.
 */
export function checkOrchestrationInput(
  sealKey: string,
  input: VerifyOrchestrationInputInput,
): InputCheck {
  const { name, instanceId, parentInstanceId } = input;
  if (!isSealedInput(name, instanceId, input.input, sealKey, parentInstanceId)) {
    return { kind: 'verdict', output: { valid: false, refusal: 'notSealed' } };
  }
  if (parentInstanceId !== undefined && parentInstanceId !== '') {
    return { kind: 'verdict', output: { valid: true } };
  }
  const seal = (input.input as { seal: string }).seal;
  return {
    kind: 'claim',
    claim: {
      instanceId,
      inputKey: createHash('sha256').update(seal).digest('hex'),
      execution: executionKey(input.execution),
      orchestrator: name,
      startedAt: input.execution?.startedAt ?? '',
    },
  };
}

/** The verdict once the store answered with the claim on record. Pure. */
export function judgeStartClaim(
  claim: StartClaim,
  recorded: StartClaim,
): VerifyOrchestrationInputOutput {
  if (recorded.execution === claim.execution) return { valid: true };
  return {
    valid: false,
    refusal: 'alreadyRan',
    ...(recorded.startedAt === '' ? {} : { firstStartedAt: recorded.startedAt }),
  };
}

/** `<startedAt>|<executionId or ->`: what names one execution in its claim. */
function executionKey(execution: ExecutionRef | undefined): string {
  const startedAt = execution?.startedAt;
  if (typeof startedAt !== 'string' || Number.isNaN(Date.parse(startedAt))) {
    throw new ValidationError(
      'execution.startedAt',
      'the ISO time the execution started (top-level starts name their execution)',
      describeValue(startedAt),
    );
  }
  const id = execution?.executionId;
  return `${startedAt}|${typeof id === 'string' && id !== '' ? id : '-'}`;
}
