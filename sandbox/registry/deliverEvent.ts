import type { EventGridEvent } from './imagePushedEvent.js';

/**
 * POSTs one Event Grid delivery (a one-event array) to `url` with the headers Event Grid
 * sends to webhooks; resolves with the status (0 when the endpoint could not be reached).
 */
export async function deliverEvent(
  url: string,
  event: EventGridEvent,
  deliveryCount: number,
): Promise<{ status: number }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'aeg-event-type': 'Notification',
        'aeg-subscription-name': 'SLOTPILOT-ACR-PUSH',
        'aeg-delivery-count': String(deliveryCount),
        'aeg-data-version': event.dataVersion,
        'aeg-metadata-version': event.metadataVersion,
      },
      body: JSON.stringify([event]),
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer();
    return { status: res.status };
  } catch {
    return { status: 0 };
  }
}
