import { normalSample, type Rng } from '../util/createRng.js';
import type { Profile } from './Profile.js';

/** What a slot's app is doing at one instant. */
export type AppState = 'NoImage' | 'Stopped' | 'Starting' | 'Running' | 'Unhealthy' | 'Crashed';

/** What runs in a slot from `startedAt` on. */
export interface Deployment {
  image?: string;
  digest?: string;
  tag?: string;
  profile: Profile;
  startedAt: number;
  /**
   * What answered before this deployment, while this one pulls and starts: App Service keeps
   * the previous container serving after a `linuxFxVersion` change on a running site until
   * the new one is up. Absent after a start from stopped or a restart (nothing old is left).
   */
  previous?: Deployment;
}

/** Which deployment answers a request at one instant, and in what state. */
export interface Serving {
  deployment: Deployment | undefined;
  state: AppState;
}

/** The app's state at time `t` given its deployment, start-up delay and the site's ARM state. */
export function appStateAt(
  d: Deployment | undefined,
  t: number,
  startupMs: number,
  stopped: boolean,
): AppState {
  if (stopped) return 'Stopped';
  if (d?.digest === undefined) return 'NoImage';
  if (d.profile.kind === 'crash') return 'Crashed';
  const upAt = d.startedAt + startupMs;
  if (t < upAt) return 'Starting';
  if (d.profile.kind === 'unhealthy-later' && t >= upAt + d.profile.afterMs) return 'Unhealthy';
  return 'Running';
}

/**
 * Which deployment answers at time `t`: the previous one while `d` is still starting (when
 * the previous one was up), otherwise `d` itself. A stopped site answers with nothing.
 */
export function servingAt(
  d: Deployment | undefined,
  t: number,
  startupMs: number,
  stopped: boolean,
): Serving {
  const own = { deployment: d, state: appStateAt(d, t, startupMs, stopped) };
  const previous = d?.previous;
  if (stopped || d === undefined || previous === undefined || t >= d.startedAt + startupMs)
    return own;
  const state = appStateAt(previous, t, startupMs, false);
  return state === 'Running' || state === 'Unhealthy' ? { deployment: previous, state } : own;
}

/** Median of the latency distribution (lognormal, sigma 0.5) for a profile. */
const SIGMA = 0.5;
const Z95 = 1.6448536;

function medianMs(profile: Profile): number {
  if (profile.kind === 'slow') return profile.p95Ms / Math.exp(SIGMA * Z95);
  return 60;
}

/**
 * One simulated request to a running app: its status code and duration, drawn from `rng`.
 * Unhealthy apps answer 500; `errors:N` answers 500 or 503 for N % of requests.
 */
export function sampleRequest(
  profile: Profile,
  state: AppState,
  rng: Rng,
): { status: number; durationMs: number } {
  const durationMs = Math.max(1, medianMs(profile) * Math.exp(SIGMA * normalSample(rng)));
  const roll = rng.next();
  if (state === 'Unhealthy') return { status: 500, durationMs };
  if (profile.kind === 'errors' && roll * 100 < profile.percent) {
    return { status: roll * 100 < profile.percent / 2 ? 500 : 503, durationMs };
  }
  return { status: 200, durationMs: Math.round(durationMs * 1000) / 1000 };
}
