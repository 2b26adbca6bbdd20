import { decodeActivityFailure, firstLine } from '../../domain/release/index.js';
import { ActivityError } from './ActivityError.js';

/** A short human reason for an error caught in an orchestrator (one line, no stack). */
export function failureReason(error: unknown): string {
  if (error instanceof ActivityError) return `${error.activity}: ${firstLine(error.message)}`;
  return decodeActivityFailure(error).message;
}
