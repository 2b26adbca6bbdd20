import type { OrchestrationContext } from 'durable-functions';

import type { ReleaseInput } from '../../domain/release/index.js';
import { EventWaits } from './EventWaits.js';
import { InboxWaits } from './InboxWaits.js';
import type { ReleaseEventWaits } from './ReleaseEventWaits.js';

/**
 * The event waits of this release: {@link InboxWaits} (the toolkit's {@link EventInbox}) for
 * releases started with `waits: 'inbox'`; releases started before it keep the flush-based
 * {@link EventWaits}, because their histories hold its `flushEvent` calls and must replay the
 * same. Remove EventWaits once no release started before the switch can still be running.
 */
export function waitsFor(
  context: OrchestrationContext,
  input: Pick<ReleaseInput, 'waits'>,
): ReleaseEventWaits {
  return input.waits === 'inbox' ? new InboxWaits(context) : new EventWaits(context);
}
