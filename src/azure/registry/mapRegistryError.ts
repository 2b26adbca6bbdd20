import { NonRetryableError } from '../../domain/errors.js';
import { AzureRequestError } from '../errors/AzureRequestError.js';
import { mapAzureError } from '../errors/mapAzureError.js';
import type { TagLookup } from '../ports/RegistryPort.js';

/** The parts of an SDK RestError carrying an ACR error body `{errors:[{code,message}]}`. */
interface AcrRestErrorLike {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  details?: unknown;
  response?: { headers: { get(name: string): string | undefined | null } };
}

/** Registry codes of a 404 that mean "no such tag / repository / manifest". */
const missingCodes: Record<string, 'tag' | 'repository'> = {
  TAG_UNKNOWN: 'tag',
  MANIFEST_UNKNOWN: 'tag',
  NAME_UNKNOWN: 'repository',
};

/**
 * Turns a failed tag lookup into what {@link RegistryPort.resolveTag} promises: a 404 with an
 * ACR "unknown" code (or none) is a `missing` result; 401/403 become an AzureRequestError that
 * says Slotpilot's identity needs AcrPull on the registry; everything else is mapped like every
 * Azure call (`mapAzureError`: 429/5xx/unreachable → RetryAfterError, other statuses →
 * AzureRequestError). Errors that are not HTTP failures (an unusable token answer) become
 * NonRetryableError. `operation` names the lookup for humans, e.g.
 * `resolveTag pwbiregistry.azurecr.io/pwbi-api:1.4.2`. Pure.
 */
export function mapRegistryError(
  err: unknown,
  operation: string,
  nowMs: number = Date.now(),
):
  { kind: 'missing'; lookup: TagLookup & { status: 'missing' } } | { kind: 'error'; error: Error } {
  if (!(err instanceof Error)) {
    return { kind: 'error', error: new NonRetryableError(`${operation}: ${String(err)}`) };
  }
  if (err.name !== 'RestError') {
    if (err.name === 'AbortError')
      return { kind: 'error', error: asError(mapAzureError(err, operation, nowMs)) };
    return {
      kind: 'error',
      error: new NonRetryableError(`${operation}: ${err.message}`, { cause: err }),
    };
  }
  const rest = err as AcrRestErrorLike;
  const first = firstAcrError(rest.details);
  const code = first?.code ?? rest.code ?? '';
  const message = first?.message ?? rest.message;
  if (rest.statusCode === 404 && (code === '' || code in missingCodes)) {
    return {
      kind: 'missing',
      lookup: {
        status: 'missing',
        missing: missingCodes[code] ?? 'tag',
        detail: code === '' ? message : `${code}: ${message}`,
      },
    };
  }
  // Re-shaped so that mapAzureError reads the registry's code and message, not the SDK's.
  const shaped = Object.assign(new Error(message, { cause: err }), {
    name: 'RestError',
    code: rest.code,
    statusCode: rest.statusCode,
    details: { errorCode: code },
    response: rest.response,
  });
  const mapped = asError(mapAzureError(shaped, operation, nowMs));
  if (mapped instanceof AzureRequestError && [401, 403].includes(mapped.statusCode)) {
    return {
      kind: 'error',
      error: new AzureRequestError(
        `${mapped.message} (Slotpilot's identity needs pull rights, e.g. AcrPull, on the registry to read tags)`,
        mapped.statusCode,
        mapped.code,
        { cause: err },
      ),
    };
  }
  return { kind: 'error', error: mapped };
}

function firstAcrError(details: unknown): { code?: string; message?: string } | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const errors = (details as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return undefined;
  const first: unknown = errors[0];
  if (typeof first !== 'object' || first === null) return undefined;
  const { code, message } = first as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new NonRetryableError(String(value));
}
