import { toHistoryEvents, toInstanceStatus } from '../engine/statusPayload.js';
import { type DurableApiContext, terminalStatuses } from './DurableApiContext.js';
import { flag } from './durableApiRequest.js';
import type { HostRequest, HostResponse } from './HostRequest.js';

/**
 * `GET instances/{id}`: the instance status (with history on `showHistory`): 200 once ended,
 * 202 while running, 404 unknown; a Failed instance answers 500 when `failAs500` (default: the
 * `returnInternalServerErrorOnFailure` parameter).
 */
export function instanceStatus(
  ctx: DurableApiContext,
  req: HostRequest,
  id: string,
  failAs500?: boolean,
): HostResponse {
  const row = ctx.engine.getInstance(id);
  if (row === undefined) return { status: 404 };
  const showInput = flag(req, 'showInput', true);
  const payload: Record<string, unknown> = { ...toInstanceStatus(row, showInput) };
  // The extension reads no history for a Pending instance (it has none yet).
  if (flag(req, 'showHistory', false) && row.status !== 'Pending') {
    payload['historyEvents'] = toHistoryEvents(ctx.engine.store.history(id, row.execution_id), {
      showOutput: flag(req, 'showHistoryOutput', false),
      showInput,
    });
  }
  if (
    row.status === 'Failed' &&
    (failAs500 ?? flag(req, 'returnInternalServerErrorOnFailure', false))
  )
    return { status: 500, body: payload };
  if (terminalStatuses.has(row.status)) return { status: 200, body: payload };
  return { status: 202, headers: { Location: req.url.href, 'Retry-After': '5' }, body: payload };
}
