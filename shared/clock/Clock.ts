/**
 * A source of time shared by the dev host's durable engine and the sandbox, so that durable
 * timers, telemetry timestamps and simulated start-up delays all agree on "now".
 *
 * Times are epoch milliseconds. Implementations: {@link RealClock}, {@link ScaledClock},
 * {@link VirtualClock}.
 */
export interface Clock {
  /** Which flavour of time this is; `virtual` moves only when a test advances it. */
  readonly kind: 'real' | 'scaled' | 'virtual';
  /** The current time in epoch milliseconds. */
  now(): number;
  /**
   * Resolves once the clock reaches `atMs` (at once when it already has). Rejects with the
   * signal's reason when `signal` aborts first.
   */
  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void>;
}
