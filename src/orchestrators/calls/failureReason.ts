import { decodeActivityFailure } from '../../domain/release/index.js';
import { ActivityError } from './ActivityError.js';

/** A short human reason for an error caught in an orchestrator. */
export function failureReason(error: unknown): string {
  if (error instanceof ActivityError) return `${error.activity}: ${error.message}`;
  return decodeActivityFailure(error).message;
}
