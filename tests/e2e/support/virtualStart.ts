/**
 * Where an e2e world's virtual clock starts: 09:00 UTC of the real current day. The app's
 * client functions read the wall clock (as on Azure, where it is the task hub's clock too), so
 * the virtual clock that stamps instances must stay near it: the release list and the
 * retention purge bound their scans by "now minus a period". The time of day stays fixed.
 */
export function virtualStartMs(realNowMs: number = Date.now()): number {
  const d = new Date(realNowMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 9, 0, 0);
}
