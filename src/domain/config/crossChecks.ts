import { describeValue } from '../describeValue.js';
import type { ConfigIssue } from './ConfigError.js';
import { formatPath } from './ConfigError.js';
import { configLimits } from './limits.js';

/** Options for the rules that span several fields. */
export interface CrossCheckOptions {
  /** Local mode (dev host + sandbox) allows plain-http hook and webhook URLs. */
  localMode: boolean;
  /** Formatted path → app setting name, for values that must not be shown. */
  fromSettings: ReadonlyMap<string, string>;
}

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const productionNames = new Set(['production', 'prod']);
const appInsightsId =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.(Insights\/components|OperationalInsights\/workspaces)\/[^/]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The options and the issues found so far, shared by the rules below. */
interface Checks {
  options: CrossCheckOptions;
  issues: ConfigIssue[];
}

/**
 * Rules that zod's per-field schema cannot express: unique names, references between
 * stages, production stages needing a slot, URL schemes. Runs on the raw (setting-resolved)
 * document and tolerates any shape, so its issues are reported together with type errors.
 */
export function crossChecks(doc: unknown, options: CrossCheckOptions): ConfigIssue[] {
  const checks: Checks = { options, issues: [] };
  const pipelines = isNode(doc) ? list(doc.pipelines) : [];
  unique(checks, pipelines, ['pipelines'], 'pipeline');
  pipelines.forEach((pipeline, p) => {
    if (isNode(pipeline)) checkPipeline(checks, pipeline, ['pipelines', p]);
  });
  return checks.issues;
}

/** One pipeline: its notify URLs, its stages in order, then its approvals in all. */
function checkPipeline(checks: Checks, pipeline: Node, base: PropertyKey[]): void {
  if (isNode(pipeline.notify)) {
    checkUrl(checks, [...base, 'notify', 'slack'], pipeline.notify.slack);
    checkUrl(checks, [...base, 'notify', 'critical'], pipeline.notify.critical);
  }
  const stages = list(pipeline.stages);
  unique(checks, stages, [...base, 'stages'], 'stage');
  const earlier: string[] = [];
  let subscriptionSeen = false;
  stages.forEach((stage, s) => {
    if (!isNode(stage)) return;
    const at: PropertyKey[] = [...base, 'stages', s];
    const target = isNode(stage.target) ? stage.target : undefined;
    if (target !== undefined) {
      subscriptionSeen = checkSubscription(checks, target, at, subscriptionSeen);
      checkSlot(checks, stage, target, at);
    }
    if (isNode(stage.approval)) checkApproval(checks, stage.approval, at, earlier);
    checkHooks(checks, list(stage.hooks), at);
    checkMonitor(checks, stage, at);
    if (typeof stage.name === 'string') earlier.push(stage.name);
  });
  checkApprovalsInAll(checks, stages, base);
}

/**
 * The first stage names a subscription (later ones inherit it); only the first stage without
 * one is reported. Returns whether a subscription is known from here on.
 */
function checkSubscription(
  checks: Checks,
  target: Node,
  at: PropertyKey[],
  seen: boolean,
): boolean {
  if (target.subscription !== undefined || seen) return true;
  checks.issues.push({
    path: formatPath([...at, 'target', 'subscription']),
    expected: 'a subscription id (on this stage or an earlier one)',
    received: 'nothing',
  });
  return true;
}

/** A production stage (monitor, warm-up, strategy or a production name) deploys into a slot. */
function checkSlot(checks: Checks, stage: Node, target: Node, at: PropertyKey[]): void {
  const needsSlot =
    stage.monitor !== undefined ||
    stage.warmup !== undefined ||
    isNode(stage.strategy) ||
    (typeof stage.name === 'string' && productionNames.has(stage.name));
  if (!needsSlot) return;
  const path = formatPath([...at, 'target', 'slot']);
  if (target.slot === undefined) {
    checks.issues.push({
      path,
      expected: 'a deployment slot to deploy into before the swap (production stage)',
      received: 'nothing',
    });
  }
  if (typeof target.slot === 'string' && target.slot.toLowerCase() === 'production') {
    checks.issues.push({
      path,
      expected:
        'a slot other than production (a deploy stops its target; production is reached by the swap)',
      received: JSON.stringify(target.slot),
    });
  }
}

/** `required` is at most the approvers; `distinctFrom` names earlier stages. */
function checkApproval(
  checks: Checks,
  approval: Node,
  at: PropertyKey[],
  earlier: readonly string[],
): void {
  const approvers = list(approval.approvers);
  const required = approval.required;
  if (typeof required === 'number' && required > approvers.length) {
    checks.issues.push({
      path: formatPath([...at, 'approval', 'required']),
      expected: `at most the number of approvers (${approvers.length})`,
      received: String(required),
    });
  }
  list(approval.distinctFrom).forEach((ref, k) => {
    if (typeof ref !== 'string' || earlier.includes(ref)) return;
    checks.issues.push({
      path: formatPath([...at, 'approval', 'distinctFrom', k]),
      expected:
        earlier.length === 0
          ? 'the name of an earlier stage (this stage has none before it)'
          : `the name of an earlier stage (${earlier.join(', ')})`,
      received: JSON.stringify(ref),
    });
  });
}

function checkHooks(checks: Checks, hooks: unknown[], at: PropertyKey[]): void {
  unique(checks, hooks, [...at, 'hooks'], 'hook');
  hooks.forEach((hook, h) => {
    if (isNode(hook)) checkUrl(checks, [...at, 'hooks', h, 'url'], hook.url);
  });
}

/** `monitor.appInsights` names a resource or workspace; a canary needs a monitor section. */
function checkMonitor(checks: Checks, stage: Node, at: PropertyKey[]): void {
  const appInsights = isNode(stage.monitor) ? stage.monitor.appInsights : undefined;
  if (typeof appInsights === 'string' && !appInsightsId.test(appInsights)) {
    checks.issues.push({
      path: formatPath([...at, 'monitor', 'appInsights']),
      expected:
        'an Application Insights resource id (/subscriptions/…/providers/Microsoft.Insights/components/NAME) or a Log Analytics workspace id',
      received: shown(checks, [...at, 'monitor', 'appInsights'], appInsights),
    });
  }
  if (isNode(stage.strategy) && stage.strategy.canary !== undefined && !isNode(stage.monitor)) {
    checks.issues.push({
      path: formatPath([...at, 'monitor']),
      expected:
        'a monitor section (a canary is judged with the monitor thresholds, failureLimit and inconclusive policy)',
      received: 'nothing',
    });
  }
}

/** `approval.required` summed over the stages stays within the custom status budget's bound. */
function checkApprovalsInAll(checks: Checks, stages: unknown[], base: PropertyKey[]): void {
  const approvals = stages.reduce<number>((sum, stage) => {
    if (!isNode(stage) || !isNode(stage.approval)) return sum;
    const required = stage.approval.required;
    return sum + (typeof required === 'number' ? required : 1);
  }, 0);
  if (approvals > configLimits.approvalsPerPipeline) {
    checks.issues.push({
      path: formatPath([...base, 'stages']),
      expected: `at most ${configLimits.approvalsPerPipeline} approvals in all (approval.required summed over the stages)`,
      received: String(approvals),
    });
  }
}

/** An https URL (http too in local mode); an unresolved %NAME% is resolveSettings' to report. */
function checkUrl(checks: Checks, path: PropertyKey[], value: unknown): void {
  if (typeof value !== 'string' || /^%[^%]+%$/.test(value)) return;
  const { localMode } = checks.options;
  const allowed = localMode ? ['https:', 'http:'] : ['https:'];
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== undefined && allowed.includes(protocol)) return;
  checks.issues.push({
    path: formatPath(path),
    expected: localMode ? 'an http or https URL' : 'an https URL',
    received: shown(checks, path, value),
  });
}

/** Names in `items` are unique; a repeat names the index that has it first. */
function unique(checks: Checks, items: unknown[], basePath: PropertyKey[], what: string): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (!isNode(item) || typeof item.name !== 'string') return;
    const first = seen.get(item.name);
    if (first === undefined) {
      seen.set(item.name, i);
      return;
    }
    checks.issues.push({
      path: formatPath([...basePath, i, 'name']),
      expected: `a ${what} name not used before (index ${first} has it)`,
      received: JSON.stringify(item.name),
    });
  });
}

/** A value as an issue shows it: never the value of an app setting. */
function shown(checks: Checks, path: PropertyKey[], value: unknown): string {
  const setting = checks.options.fromSettings.get(formatPath(path));
  return setting === undefined ? describeValue(value) : `the value of app setting ${setting}`;
}
