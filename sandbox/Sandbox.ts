import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';

import type { Clock } from '../shared/clock/index.js';
import type { AuditLine } from './audit/readAuditTrail.js';
import type { ArmedFault, FaultCount } from './faults/FaultInjector.js';
import type { ActionGroupDelivery, AlertFiring } from './monitor/ActionGroups.js';
import type { HookCall } from './outside/HookEndpoints.js';
import type { SlackMessage } from './outside/SlackReceiver.js';
import type { ArmAuditEntry } from './SandboxContext.js';
import type { FaultInput, HookBehaviour, ScenarioInput } from './scenario/Scenario.js';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /** Scenario file path (YAML/JSON) or object; default: `sandbox/scenarios/default.yaml`. */
  scenario?: string | ScenarioInput;
  /** Port of the TLS listener (ARM, Logs and the registry); default a free port. */
  port?: number;
  /** Sandbox clock; default a RealClock. */
  clock?: Clock;
  /** Where ImagePushed events are POSTed (the host's Event Grid webhook). */
  eventGridUrl?: string;
  /** Start Azurite (default true); `location` keeps blobs in a folder instead of memory. */
  azurite?: boolean | { location?: string };
  /** Serve ARM and Logs over TLS too (default true). */
  tls?: boolean;
  /** Load the KQL analyzer at start (in a worker) so the first query is fast; default false. */
  warmKql?: boolean;
  /** Receives one line per notable sandbox event. */
  log?: (line: string) => void;
}

/** What a push returns: the image by digest, the event and each delivery's HTTP status. */
export interface PushResult {
  image: string;
  digest: string;
  event: object;
  deliveries: { status: number }[];
}

/** The state of one slot's app as the sandbox sees it now. */
export interface SiteState {
  /** The configured image (`linuxFxVersion`). */
  image?: string;
  digest?: string;
  /** NoImage | Stopped | Starting | Running | Unhealthy | Crashed, of whatever answers now. */
  state: string;
  /**
   * The digest whose container answers requests now: the previous one while a new image
   * starts on a running slot, undefined while nothing answers.
   */
  servedDigest?: string;
  hostName: string;
  url: string;
}

/** A running sandbox. Every method is safe to call at any time before `stop()`. */
export interface Sandbox {
  /** https://127.0.0.1:PORT: pass as `endpoint` with the CA at `caCertPath` trusted. */
  armEndpoint: string;
  /** https://127.0.0.1:PORT/v1: pass as LogsQueryClient `endpoint` (the SDK does not append /v1). */
  logsEndpoint: string;
  /**
   * Registry login server → base URL of its ACR data plane here (same origin as `armEndpoint`):
   * pass as `ContainerRegistryClient` endpoint with the CA trusted, or rewrite
   * `https://<loginServer>` to it when it is `http://`.
   */
  registryEndpoints: Record<string, string>;
  blobConnectionString: string;
  caCertPath: string;
  adminUrl: string;
  slackUrl: string;
  hooksUrl: string;
  /** Host name (`pwbi-api-prod.azurewebsites.net`) → local app server URL. */
  hostMap: Record<string, string>;
  subscriptionId: string;
  /** A static credential the sandbox accepts. */
  credential: TokenCredential;
  /** An HttpClient sending management.azure.com / api.loganalytics.io requests to the sandbox. */
  rewritingHttpClient(): HttpClient;
  /** Where later pushes deliver their events. */
  setEventGridUrl(url: string): void;
  /**
   * Sets the webhook receiver of Azure Monitor action group `name`: its `serviceUri`, which
   * carries the function key (`…/api/alerts?code=<alerts function key>`).
   */
  setActionGroup(name: string, serviceUri: string): void;
  /**
   * Fires an alert through action group `name` as Azure Monitor does: the common alert schema
   * POSTed to the receiver's URL with no other header. Resolves with the receiver's answer.
   */
  fireAlert(name: string, alert: AlertFiring): Promise<ActionGroupDelivery>;
  /**
   * Pushes `repo:tag` (or `registry/repo:tag`) with a behaviour profile; delivers the ImagePushed
   * event once (default), twice (duplicate delivery) or holds it (`none`, see deliverHeld).
   */
  push(
    imageRef: string,
    opts?: {
      profile?: string;
      deliver?: 'once' | 'twice' | 'none';
      tagless?: boolean;
      /** Who pushed (`data.actor.name`: a user principal name, or a token or service principal). */
      actor?: string;
    },
  ): Promise<PushResult>;
  /** Delivers events held by `deliver: 'none'`, newest first (out of order). */
  deliverHeld(): Promise<{ status: number }[]>;
  slackMessages(channel?: string): SlackMessage[];
  hookCalls(name?: string): HookCall[];
  setHook(name: string, behaviour: HookBehaviour, opts?: { delayMs?: number }): void;
  /**
   * Arms a fault: `{op, kind, times?}` (counted) or `{operation, status|slow, probability}`
   * (each call fails with that probability, seeded by the scenario). Throws RangeError naming
   * the field on a bad one.
   */
  injectFault(f: FaultInput): void;
  clearFaults(): void;
  /** The faults still armed, with their remaining `left` and how often they `fired`. */
  faults(): ArmedFault[];
  /** Every fault that fired since the start, per operation and kind (cleared ones included). */
  faultsFired(): FaultCount[];
  /**
   * ARM and registry (`/acr/`, `/oauth2/`) calls answered so far, oldest first, each with its
   * operation, site, slot, digest (so its release), client request ids and injected fault.
   */
  armRequests(): ArmAuditEntry[];
  /**
   * The Blob audit trail of a release as Slotpilot wrote it into this sandbox's Azurite
   * (`container` default `slotpilot-audit`), oldest first; empty when there is none.
   */
  auditTrail(pipeline: string, releaseId: string, container?: string): Promise<AuditLine[]>;
  siteState(site: string, slot?: string): SiteState;
  /**
   * The routing rules of `site` over time (`experiments.rampUpRules` of production's
   * `config/web`), oldest first: `at` is sandbox epoch ms (-Infinity for the initial state).
   */
  routingHistory(site: string): Array<{
    at: number;
    rules: Array<{ name?: string; actionHostName?: string; reroutePercentage?: number }>;
  }>;
  stop(): Promise<void>;
}
