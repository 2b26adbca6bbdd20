import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { ReleaseStatus } from '../../../src/domain/release/index.js';
import type { ReleaseSummary, ReleaseView, SlotsView } from '../../../src/domain/view/index.js';
import type * as Console from '../../../web/src/types.js';
import { releaseStatuses } from '../../../web/src/types.js';

/**
 * The console is built for the browser on its own, so web/src/types.ts restates the API's
 * JSON shapes. These checks make the restatement follow the server's types: when the API's
 * view changes in a way the console does not read, `npm run typecheck` fails here.
 */
type Accepts<Reader, Sent> = [Sent] extends [Reader] ? true : false;

const readsWhatTheApiSends: [
  Accepts<Console.ReleaseView, ReleaseView>,
  Accepts<Console.ReleaseSummary, ReleaseSummary>,
  Accepts<Console.SlotsView, SlotsView>,
  Accepts<Console.ReleaseStatus, ReleaseStatus>,
  Accepts<ReleaseStatus, Console.ReleaseStatus>,
] = [true, true, true, true, true];

describe('console wire types', () => {
  it('read every view the API sends (checked by the typechecker)', () => {
    assert.deepEqual(readsWhatTheApiSends, [true, true, true, true, true]);
  });

  it('offer every release status the API can answer in the list filter', () => {
    const all: Record<ReleaseStatus, true> = {
      Running: true,
      WaitingForApproval: true,
      Succeeded: true,
      RolledBack: true,
      Rejected: true,
      Expired: true,
      Superseded: true,
      Canceled: true,
      Failed: true,
    };
    assert.deepEqual([...releaseStatuses].sort(), Object.keys(all).sort());
  });
});
