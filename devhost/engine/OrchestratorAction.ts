/** Action type numbers the SDK returns (`actionType`). */
export const ActionType = {
  CallActivity: 0,
  CallActivityWithRetry: 1,
  CallSubOrchestrator: 2,
  CallSubOrchestratorWithRetry: 3,
  ContinueAsNew: 4,
  CreateTimer: 5,
  WaitForExternalEvent: 6,
  CallEntity: 7,
  CallHttp: 8,
  SignalEntity: 9,
  ScheduledSignalEntity: 10,
  WhenAny: 11,
  WhenAll: 12,
  LockEntities: 13,
  ReleaseEntities: 14,
} as const;

/** Retry options as the SDK serializes them on actions 1 and 3. */
export interface RetryOptionsJson {
  firstRetryIntervalInMilliseconds: number;
  maxNumberOfAttempts: number;
  backoffCoefficient?: number;
  maxRetryIntervalInMilliseconds?: number;
  retryTimeoutInMilliseconds?: number;
}

/** The request a CallHttp action carries (durable-functions' `DurableHttpRequest`). */
export interface DurableHttpRequestJson {
  method: string;
  uri: string;
  content?: string;
  headers?: Record<string, string | string[]>;
  tokenSource?: unknown;
  /** Poll a 202 with a Location header until it answers otherwise (default true). */
  asynchronousPatternEnabled?: boolean;
}

/** One action of the SDK's returned `actions[0]` list (fields per action type). */
export interface OrchestratorAction {
  actionType: number;
  functionName?: string;
  input?: unknown;
  instanceId?: string;
  version?: string;
  retryOptions?: RetryOptionsJson;
  fireAt?: string | Date;
  isCanceled?: boolean;
  externalEventName?: string;
  compoundActions?: OrchestratorAction[];
  httpRequest?: DurableHttpRequestJson;
  /** Entity actions: the operation name (the target is `instanceId`, a scheduler id). */
  operation?: string;
}

/** The orchestrator state the SDK returns (or embeds in its failure message). */
export interface OrchestratorState {
  isDone: boolean;
  actions: OrchestratorAction[][];
  output?: unknown;
  customStatus?: unknown;
  error?: string;
  schemaVersion?: number;
}
