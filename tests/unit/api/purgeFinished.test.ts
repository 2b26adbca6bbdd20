import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  defaultRetentionMs,
  purgeFinished,
  retentionFromEnv,
} from '../../../src/functions/retention/purgeFinished.js';

describe('retention: purgeFinished', () => {
  it('purges only finished instances created before the retention period', async () => {
    let asked: { createdTimeTo?: Date; runtimeStatus?: unknown[] } | undefined;
    const client = {
      purgeInstanceHistoryBy: (filter: { createdTimeTo?: Date; runtimeStatus?: unknown[] }) => {
        asked = filter;
        return Promise.resolve({ instancesDeleted: 4 });
      },
    };
    const now = new Date('2026-03-01T03:00:00.000Z');
    const purged = await purgeFinished(client, defaultRetentionMs, now);
    assert.equal(purged, 4);
    assert.equal(asked?.createdTimeTo?.toISOString(), '2026-01-30T03:00:00.000Z');
    assert.deepEqual(asked?.runtimeStatus, ['Completed', 'Failed', 'Terminated']);
  });

  it('reads SLOTPILOT_RETENTION (default 30 days), naming the setting when it is bad', () => {
    assert.equal(retentionFromEnv({}), 30 * 86_400_000);
    assert.equal(retentionFromEnv({ SLOTPILOT_RETENTION: '7d' }), 7 * 86_400_000);
    assert.throws(() => retentionFromEnv({ SLOTPILOT_RETENTION: 'soon' }), /SLOTPILOT_RETENTION/);
  });
});
