/**
 * The price table of the cost bench (`npm run bench:cost`): Azure list prices in USD,
 * pay-as-you-go, East US, without free grants or discounts. Re-check them before quoting: a
 * change here changes every figure the bench prints.
 *
 * Sources (read 2026-12-05):
 * - Functions Flex Consumption, on-demand meters: https://azure.microsoft.com/pricing/details/functions/
 *   (execution time $0.000026 per GB-s, executions $0.40 per million; a monthly free grant of
 *   100,000 GB-s and 250,000 executions per subscription is NOT subtracted here).
 *   How on-demand time is metered (instance memory × time the instance executes functions):
 *   https://learn.microsoft.com/azure/azure-functions/functions-consumption-costs
 * - Queue, Table and Blob storage (general-purpose v2, LRS, hot tier):
 *   https://azure.microsoft.com/pricing/details/storage/queues/,
 *   https://azure.microsoft.com/pricing/details/storage/tables/,
 *   https://azure.microsoft.com/pricing/details/storage/blobs/
 * - Application Insights (workspace-based) ingestion = Log Analytics Analytics-tier logs,
 *   pay-as-you-go: https://azure.microsoft.com/pricing/details/monitor/ (the 5 GB a month
 *   free per billing account is NOT subtracted). Log queries on Analytics tables are free.
 * - ARM management calls and Slack incoming webhooks are free; Event Grid system-topic
 *   deliveries cost $0.60 per million operations (one per push: left out).
 * - GitHub Actions hosted runner, Linux 2-core: https://docs.github.com/billing/reference/actions-minute-multipliers
 *   ($0.008 a minute; the job the seed pipeline runs for production: 75 minutes).
 */
export const prices = {
  /** Flex Consumption on-demand execution time, per GB-second. */
  flexGbSecond: 0.000026,
  /** Flex Consumption on-demand executions, per execution ($0.40 per million). */
  flexExecution: 0.4 / 1_000_000,
  /** Queue storage class 1 and class 2 operations, per operation ($0.004 per 10,000). */
  queueOperation: 0.004 / 10_000,
  /** Table storage transactions, per transaction ($0.00036 per 10,000). */
  tableTransaction: 0.00036 / 10_000,
  /** Table storage capacity, per GB-month. */
  tableGbMonth: 0.045,
  /** Blob (hot) write operations, per operation ($0.055 per 10,000). */
  blobWrite: 0.055 / 10_000,
  /** Blob (hot) read and other operations, per operation ($0.0044 per 10,000). */
  blobRead: 0.0044 / 10_000,
  /** Application Insights / Log Analytics ingestion, per GB. */
  telemetryGb: 2.3,
  /** GitHub Actions Linux 2-core runner, per minute. */
  ciRunnerMinute: 0.008,
} as const;

/** What the bench assumes about how Azure meters Slotpilot's work (each one is printed). */
export const assumptions = {
  /**
   * Each burst of work (executions no more than this far apart, on the virtual clock) is
   * billed at least 1 s at the instance's full memory: the on-demand meter bills instance
   * memory while at least one execution runs, rounded up to a 1 s minimum.
   */
  minBilledSecondsPerBurst: 1,
  /** Real time one activity takes on Azure (one Azure or HTTP round trip and its queue hops). */
  activitySeconds: 0.3,
  /** Real time one orchestrator episode takes (history load, replay, commit). */
  episodeSeconds: 0.05,
  /**
   * The scale controller looks at the task hub every 10 s whether or not an instance runs:
   * on each control queue and the work-item queue one peek and one properties read.
   */
  scaleControllerPollSeconds: 10,
  /** A running instance polls each of its queues about this often (back-off caps at 30 s). */
  workerPollSeconds: 10,
  /** An instance stays up this long after its last execution (and polls meanwhile). */
  instanceKeepAliveSeconds: 300,
  /** Durable Functions' Azure Storage queue operations per queued message: put, get, delete. */
  queueOpsPerMessage: 3,
  /** Table transactions per episode: history read, history batch append, instance row update. */
  tableOpsPerEpisode: 3,
  /** A month, in seconds (30 days). */
  monthSeconds: 30 * 86_400,
  /** Minutes the seed's CI workflow holds a runner for one production release. */
  ciProductionJobMinutes: 75,
} as const;
