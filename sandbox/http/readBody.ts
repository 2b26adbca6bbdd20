import type { IncomingMessage } from 'node:http';

import { HttpError } from './HttpError.js';

/** Reads the whole request body as text, refusing bodies over `limitBytes` with a 413. */
export async function readBody(req: IncomingMessage, limitBytes = 1_048_576): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) {
      throw new HttpError(
        413,
        'RequestEntityTooLarge',
        `request body: expected at most ${limitBytes} bytes, got more`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a JSON body; an empty body is `undefined`. `invalid` builds the error answered for
 * malformed JSON (each API has its own shape).
 */
export async function readJson(
  req: IncomingMessage,
  invalid: (detail: string) => HttpError,
  limitBytes?: number,
): Promise<unknown> {
  const text = await readBody(req, limitBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw invalid((err as Error).message);
  }
}
