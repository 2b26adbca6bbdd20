import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { CliError } from '../../../cli/CliError.js';
import { shownStep } from '../../../cli/commands/promote.js';
import { runCommand } from '../../../cli/runCommand.js';
import { toProblem } from '../../../src/functions/http/toProblem.js';
import { promoteRefusal } from '../../../src/functions/releases/promoteRefusal.js';

describe('cli promote: sends the step it saw and says plainly when that step was taken', () => {
  // A stand-in API: a canary waiting at step index `at`; a promote of another step answers
  // 409 with promoteHandler's own problem (promoteRefusal through toProblem).
  let server: Server;
  let url = '';
  let at = 0;
  const bodies: unknown[] = [];
  before(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        const send = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'GET') {
          send(200, { id: 'r1', canary: { step: at, waitingForPromotion: { step: at } } });
          return;
        }
        const body = JSON.parse(text) as { step?: number };
        bodies.push(body);
        if (body.step !== undefined && body.step !== at + 1) {
          const refusal = promoteRefusal(
            { kind: 'otherStep', step: at, named: body.step - 1 },
            { releaseId: 'r1', actor: 'e' },
          );
          send(409, toProblem(refusal, '/api/releases/r1/promote').jsonBody);
          return;
        }
        send(202, { releaseId: 'r1', step: at, percent: [5, 50][at], by: 'e', at: 't' });
        at += 1;
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const promote = async (...extra: string[]): Promise<string[]> => {
    const lines: string[] = [];
    await runCommand(
      ['promote', 'r1'],
      { ...(extra[0] === undefined ? {} : { step: extra[0] }), reason: 'looks good' },
      { SLOTPILOT_URL: url, SLOTPILOT_TOKEN: 't' },
      (line) => lines.push(line),
    );
    return lines;
  };

  it('sends the step the release view shows, then refuses a second run of the same --step', async () => {
    assert.deepEqual(await promote(), ['promote of r1 accepted: step 1 (5%)']);
    assert.deepEqual(bodies.at(-1), { step: 1, reason: 'looks good' });

    await assert.rejects(promote('1'), (error: unknown) => {
      assert.ok(error instanceof CliError);
      assert.equal(error.exitCode, 1);
      assert.equal(error.message, '409 Conflict: Step 1 was already promoted; now at step 2.');
      return true;
    });
    assert.deepEqual(bodies.at(-1), { step: 1, reason: 'looks good' });
    assert.equal(at, 1, 'the refused promote moved nothing');
  });

  it('refuses a --step that is not a step number, naming the option', async () => {
    await assert.rejects(promote('two'), /--step: expected a step number .*got "two"/);
    await assert.rejects(promote('0'), /--step: expected a step number .*got "0"/);
  });

  it('reads the shown step', () => {
    assert.equal(shownStep({}), undefined);
    assert.equal(shownStep({ canary: { step: 2 } as never }), 3);
    const waiting = { step: 2, waitingForPromotion: { step: 1, since: 't', reason: 'r' } };
    assert.equal(shownStep({ canary: waiting as never }), 2);
  });
});
