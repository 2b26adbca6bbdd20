/** The fake durable runtime's epoch: every run's virtual clock counts from here. */
export const fakeStartMs = Date.UTC(2026, 0, 1, 0, 0, 0);

/** The fake's epoch as ISO text. */
export const fakeStartIso = new Date(fakeStartMs).toISOString();

/** The instant `ms` after the fake's epoch, as ISO text. */
export function fakeIso(ms: number): string {
  return new Date(fakeStartMs + ms).toISOString();
}
