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

/**
 * Rules that zod's per-field schema cannot express: unique names, references between
 * stages, production stages needing a slot, URL schemes. Runs on the raw (setting-resolved)
 * document and tolerates any shape, so its issues are reported together with type errors.
 */
export function crossChecks(doc: unknown, options: CrossCheckOptions): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const shown = (path: PropertyKey[], value: unknown): string => {
    const setting = options.fromSettings.get(formatPath(path));
    return setting === undefined ? describeValue(value) : `the value of app setting ${setting}`;
  };
  const checkUrl = (path: PropertyKey[], value: unknown): void => {
    // An unresolved %NAME% reference is already reported by resolveSettings.
    if (typeof value !== 'string' || /^%[^%]+%$/.test(value)) return;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    const allowed = options.localMode ? ['https:', 'http:'] : ['https:'];
    if (url === undefined || !allowed.includes(url.protocol)) {
      issues.push({
        path: formatPath(path),
        expected: options.localMode ? 'an http or https URL' : 'an https URL',
        received: shown(path, value),
      });
    }
  };
  const unique = (items: unknown[], basePath: PropertyKey[], what: string): void => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      if (!isNode(item) || typeof item.name !== 'string') return;
      const first = seen.get(item.name);
      if (first === undefined) seen.set(item.name, i);
      else
        issues.push({
          path: formatPath([...basePath, i, 'name']),
          expected: `a ${what} name not used before (index ${first} has it)`,
          received: JSON.stringify(item.name),
        });
    });
  };

  const pipelines = isNode(doc) ? list(doc.pipelines) : [];
  unique(pipelines, ['pipelines'], 'pipeline');
  pipelines.forEach((pipeline, p) => {
    if (!isNode(pipeline)) return;
    const base: PropertyKey[] = ['pipelines', p];
    if (isNode(pipeline.notify)) {
      checkUrl([...base, 'notify', 'slack'], pipeline.notify.slack);
      checkUrl([...base, 'notify', 'critical'], pipeline.notify.critical);
    }
    const stages = list(pipeline.stages);
    unique(stages, [...base, 'stages'], 'stage');
    const earlier: string[] = [];
    let subscriptionSeen = false;
    stages.forEach((stage, s) => {
      if (!isNode(stage)) return;
      const at: PropertyKey[] = [...base, 'stages', s];
      const target = isNode(stage.target) ? stage.target : undefined;
      if (target !== undefined) {
        if (target.subscription !== undefined) subscriptionSeen = true;
        else if (!subscriptionSeen) {
          subscriptionSeen = true; // report the first stage only; later ones inherit
          issues.push({
            path: formatPath([...at, 'target', 'subscription']),
            expected: 'a subscription id (on this stage or an earlier one)',
            received: 'nothing',
          });
        }
        const needsSlot =
          stage.monitor !== undefined ||
          stage.warmup !== undefined ||
          isNode(stage.strategy) ||
          (typeof stage.name === 'string' && productionNames.has(stage.name));
        if (needsSlot && target.slot === undefined)
          issues.push({
            path: formatPath([...at, 'target', 'slot']),
            expected: 'a deployment slot to deploy into before the swap (production stage)',
            received: 'nothing',
          });
        if (
          needsSlot &&
          typeof target.slot === 'string' &&
          target.slot.toLowerCase() === 'production'
        )
          issues.push({
            path: formatPath([...at, 'target', 'slot']),
            expected:
              'a slot other than production (a deploy stops its target; production is reached by the swap)',
            received: JSON.stringify(target.slot),
          });
      }
      if (isNode(stage.approval)) {
        const approvers = list(stage.approval.approvers);
        const required = stage.approval.required;
        if (typeof required === 'number' && required > approvers.length)
          issues.push({
            path: formatPath([...at, 'approval', 'required']),
            expected: `at most the number of approvers (${approvers.length})`,
            received: String(required),
          });
        list(stage.approval.distinctFrom).forEach((ref, k) => {
          if (typeof ref === 'string' && !earlier.includes(ref))
            issues.push({
              path: formatPath([...at, 'approval', 'distinctFrom', k]),
              expected:
                earlier.length === 0
                  ? 'the name of an earlier stage (this stage has none before it)'
                  : `the name of an earlier stage (${earlier.join(', ')})`,
              received: JSON.stringify(ref),
            });
        });
      }
      const hooks = list(stage.hooks);
      unique(hooks, [...at, 'hooks'], 'hook');
      hooks.forEach((hook, h) => {
        if (isNode(hook)) checkUrl([...at, 'hooks', h, 'url'], hook.url);
      });
      if (isNode(stage.monitor)) {
        const appInsights = stage.monitor.appInsights;
        if (typeof appInsights === 'string' && !appInsightsId.test(appInsights))
          issues.push({
            path: formatPath([...at, 'monitor', 'appInsights']),
            expected:
              'an Application Insights resource id (/subscriptions/…/providers/Microsoft.Insights/components/NAME) or a Log Analytics workspace id',
            received: shown([...at, 'monitor', 'appInsights'], appInsights),
          });
      }
      if (isNode(stage.strategy) && stage.strategy.canary !== undefined) {
        if (!isNode(stage.monitor))
          issues.push({
            path: formatPath([...at, 'monitor']),
            expected:
              'a monitor section (a canary is judged with the monitor thresholds, failureLimit and inconclusive policy)',
            received: 'nothing',
          });
      }
      if (typeof stage.name === 'string') earlier.push(stage.name);
    });
    const approvals = stages.reduce<number>((sum, stage) => {
      if (!isNode(stage) || !isNode(stage.approval)) return sum;
      const required = stage.approval.required;
      return sum + (typeof required === 'number' ? required : 1);
    }, 0);
    if (approvals > configLimits.approvalsPerPipeline)
      issues.push({
        path: formatPath([...base, 'stages']),
        expected: `at most ${configLimits.approvalsPerPipeline} approvals in all (approval.required summed over the stages)`,
        received: String(approvals),
      });
  });
  return issues;
}
