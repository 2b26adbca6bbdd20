import {
  ConfigError,
  durationExpectation,
  formatPath,
  tryParseDuration
} from "./chunk-SRRGTK5Z.js";
import {
  describeValue
} from "./chunk-BX6CCGSK.js";

// dist/src/domain/config/loadConfig.js
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";

// dist/src/domain/config/crossChecks.js
var isNode = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var list = (v) => Array.isArray(v) ? v : [];
var productionNames = /* @__PURE__ */ new Set(["production", "prod"]);
var appInsightsId = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.(Insights\/components|OperationalInsights\/workspaces)\/[^/]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
function crossChecks(doc, options) {
  const issues = [];
  const shown = (path, value) => {
    const setting = options.fromSettings.get(formatPath(path));
    return setting === void 0 ? describeValue(value) : `the value of app setting ${setting}`;
  };
  const checkUrl = (path, value) => {
    if (typeof value !== "string" || /^%[^%]+%$/.test(value))
      return;
    let url;
    try {
      url = new URL(value);
    } catch {
      url = void 0;
    }
    const allowed = options.localMode ? ["https:", "http:"] : ["https:"];
    if (url === void 0 || !allowed.includes(url.protocol)) {
      issues.push({
        path: formatPath(path),
        expected: options.localMode ? "an http or https URL" : "an https URL",
        received: shown(path, value)
      });
    }
  };
  const unique = (items, basePath, what) => {
    const seen = /* @__PURE__ */ new Map();
    items.forEach((item, i) => {
      if (!isNode(item) || typeof item.name !== "string")
        return;
      const first = seen.get(item.name);
      if (first === void 0)
        seen.set(item.name, i);
      else
        issues.push({
          path: formatPath([...basePath, i, "name"]),
          expected: `a ${what} name not used before (index ${first} has it)`,
          received: JSON.stringify(item.name)
        });
    });
  };
  const pipelines = isNode(doc) ? list(doc.pipelines) : [];
  unique(pipelines, ["pipelines"], "pipeline");
  pipelines.forEach((pipeline2, p) => {
    if (!isNode(pipeline2))
      return;
    const base = ["pipelines", p];
    if (isNode(pipeline2.notify)) {
      checkUrl([...base, "notify", "slack"], pipeline2.notify.slack);
      checkUrl([...base, "notify", "critical"], pipeline2.notify.critical);
    }
    const stages = list(pipeline2.stages);
    unique(stages, [...base, "stages"], "stage");
    const earlier = [];
    let subscriptionSeen = false;
    stages.forEach((stage2, s) => {
      if (!isNode(stage2))
        return;
      const at = [...base, "stages", s];
      const target2 = isNode(stage2.target) ? stage2.target : void 0;
      if (target2 !== void 0) {
        if (target2.subscription !== void 0)
          subscriptionSeen = true;
        else if (!subscriptionSeen) {
          subscriptionSeen = true;
          issues.push({
            path: formatPath([...at, "target", "subscription"]),
            expected: "a subscription id (on this stage or an earlier one)",
            received: "nothing"
          });
        }
        const needsSlot = stage2.monitor !== void 0 || stage2.warmup !== void 0 || isNode(stage2.strategy) || typeof stage2.name === "string" && productionNames.has(stage2.name);
        if (needsSlot && target2.slot === void 0)
          issues.push({
            path: formatPath([...at, "target", "slot"]),
            expected: "a deployment slot to deploy into before the swap (production stage)",
            received: "nothing"
          });
      }
      if (isNode(stage2.approval)) {
        const approvers = list(stage2.approval.approvers);
        const required = stage2.approval.required;
        if (typeof required === "number" && required > approvers.length)
          issues.push({
            path: formatPath([...at, "approval", "required"]),
            expected: `at most the number of approvers (${approvers.length})`,
            received: String(required)
          });
        list(stage2.approval.distinctFrom).forEach((ref, k) => {
          if (typeof ref === "string" && !earlier.includes(ref))
            issues.push({
              path: formatPath([...at, "approval", "distinctFrom", k]),
              expected: earlier.length === 0 ? "the name of an earlier stage (this stage has none before it)" : `the name of an earlier stage (${earlier.join(", ")})`,
              received: JSON.stringify(ref)
            });
        });
      }
      const hooks = list(stage2.hooks);
      unique(hooks, [...at, "hooks"], "hook");
      hooks.forEach((hook2, h) => {
        if (isNode(hook2))
          checkUrl([...at, "hooks", h, "url"], hook2.url);
      });
      if (isNode(stage2.monitor)) {
        const appInsights = stage2.monitor.appInsights;
        if (typeof appInsights === "string" && !appInsightsId.test(appInsights))
          issues.push({
            path: formatPath([...at, "monitor", "appInsights"]),
            expected: "an Application Insights resource id (/subscriptions/\u2026/providers/Microsoft.Insights/components/NAME) or a Log Analytics workspace id",
            received: shown([...at, "monitor", "appInsights"], appInsights)
          });
      }
      if (isNode(stage2.strategy) && stage2.strategy.canary !== void 0) {
        if (!isNode(stage2.monitor))
          issues.push({
            path: formatPath([...at, "monitor"]),
            expected: "a monitor section (a canary is judged with the monitor thresholds, failureLimit and inconclusive policy)",
            received: "nothing"
          });
      }
      if (typeof stage2.name === "string")
        earlier.push(stage2.name);
    });
  });
  return issues;
}

// dist/src/domain/config/resolveSettings.js
var reference = /^%([A-Za-z_][A-Za-z0-9_.-]*)%$/;
function resolveSettings(input, settings) {
  const fromSettings = /* @__PURE__ */ new Map();
  const issues = [];
  const walk = (node, path) => {
    if (typeof node === "string") {
      const match = reference.exec(node);
      if (match === null)
        return node;
      const settingName = match[1] ?? "";
      const value = settings[settingName];
      if (value === void 0 || value === "") {
        issues.push({
          path: formatPath(path),
          expected: `app setting ${settingName} to be set`,
          received: "nothing"
        });
        return node;
      }
      fromSettings.set(formatPath(path), settingName);
      return value;
    }
    if (Array.isArray(node))
      return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child, [...path, key])]));
    }
    return node;
  };
  return { value: walk(input, []), fromSettings, issues };
}

// dist/src/domain/config/schema.js
import { z as z2 } from "zod";

// dist/src/domain/config/strategy.js
import { z } from "zod";
var stepDuration = z.string().refine((text) => tryParseDuration(text) !== void 0, { error: durationExpectation }).transform((text) => tryParseDuration(text) ?? 0).meta({ description: durationExpectation, pattern: "^(\\d+(\\.\\d+)?(ms|s|m|h|d))+$" });
var steps = z.array(z.number({ error: "a percentage of production traffic from 1 to 99" }).int({ error: "a whole percentage from 1 to 99" }).min(1, { error: "a percentage from 1 to 99 (0 sends nothing)" }).max(99, { error: "a percentage from 1 to 99 (100 is the swap that follows the last step)" })).min(1, { error: "at least one step, e.g. [5, 25, 50]" }).max(10, { error: "at most 10 steps" }).refine((list2) => list2.every((p, i) => i === 0 || p > (list2[i - 1] ?? 0)), {
  error: "steps in increasing order, e.g. [5, 25, 50]"
});
var canary = z.strictObject({
  steps,
  stepDuration: stepDuration.prefault("10m"),
  pauseForApproval: z.boolean().default(false),
  /**
   * Largest error rate the canary slot may have above production's over the same minutes
   * (absolute, 0.005 = half a percentage point). Unset: only the monitor's `errorRate`.
   */
  maxErrorRateIncrease: z.number().min(0).max(1).optional()
}).transform(({ stepDuration: stepDurationMs, ...rest }) => ({ ...rest, stepDurationMs }));
var strategySchema = z.union([z.literal("swap"), z.strictObject({ canary })], {
  error: "swap or {canary: {steps: [5, 25, 50], stepDuration: 10m}}"
}).default("swap");

// dist/src/domain/config/schema.js
var duration = z2.string().refine((text) => tryParseDuration(text) !== void 0, { error: durationExpectation }).transform((text) => tryParseDuration(text) ?? 0).meta({ description: `${durationExpectation}`, pattern: "^(\\d+(\\.\\d+)?(ms|s|m|h|d))+$" });
var name = z2.string().regex(/^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?$/, {
  error: "a lowercase name of letters, digits and dashes"
});
var urlPath = z2.string().regex(/^\/[^\s?#]*(\?[^\s#]*)?$/, { error: "a path starting with /" });
var email = z2.email({ error: "an email address" });
var source = z2.strictObject({
  registry: z2.string().regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9](:\d+)?$/, {
    error: "a registry host such as myregistry.azurecr.io"
  }),
  repository: z2.string().regex(/^[a-z0-9]+([._/-][a-z0-9]+)*$/, { error: "a repository name such as team/app" }),
  tags: z2.array(z2.string().min(1)).min(1).default(["*"])
});
var notify = z2.strictObject({
  slack: z2.string().min(1),
  critical: z2.string().min(1).optional()
});
var target = z2.strictObject({
  subscription: z2.string().min(1).optional(),
  resourceGroup: z2.string().min(1),
  site: z2.string().min(1),
  slot: z2.string().min(1).optional()
});
var approval = z2.strictObject({
  approvers: z2.array(email).min(1),
  /** How many distinct approvers must approve (a quorum); default 1. */
  required: z2.number().int().min(1).default(1),
  timeout: duration.prefault("72h"),
  distinctFrom: z2.array(z2.string()).default([])
}).transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));
var smoke = z2.strictObject({
  path: urlPath.default("/health"),
  timeout: duration.prefault("2m"),
  expectStatus: z2.number().int().min(100).max(599).default(200)
}).transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));
var check = z2.strictObject({ smoke });
var hookPhases = ["preMigrate", "migrate", "verify", "preSwap", "onFailure"];
var hook = z2.strictObject({
  name,
  phase: z2.enum(hookPhases),
  url: z2.string().min(1),
  timeout: duration.prefault("10m")
}).transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout }));
var warmup = z2.strictObject({
  path: urlPath.default("/health"),
  successes: z2.number().int().min(1).max(1e3).default(10),
  interval: duration.prefault("2s"),
  timeout: duration.prefault("5m")
}).transform(({ interval, timeout, ...rest }) => ({
  ...rest,
  intervalMs: interval,
  timeoutMs: timeout
}));
var thresholds = z2.strictObject({
  errorRate: z2.number().min(0).max(1).default(0.01),
  p95: duration.prefault("2s"),
  minRequests: z2.number().int().min(0).default(50)
}).transform(({ p95, ...rest }) => ({ ...rest, p95Ms: p95 }));
var monitor = z2.strictObject({
  duration: duration.prefault("1h"),
  interval: duration.prefault("1m"),
  lookback: duration.prefault("5m"),
  // Application Insights logs are typically queryable 20 s – 3 min after the request, and
  // indexing can take up to ~5 min at low volume (Azure Monitor "Log data ingestion time").
  ingestionDelay: duration.prefault("5m"),
  appInsights: z2.string().min(1),
  // Extra host names production traffic is logged under (Front Door, Application Gateway);
  // the production site's own host names (custom domains included) are always used.
  hosts: z2.array(z2.string().regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, {
    error: "a DNS host name such as www.contoso.com"
  })).default([]),
  table: z2.enum(["AppRequests", "requests"]).default("AppRequests"),
  thresholds: thresholds.prefault({}),
  failureLimit: z2.number().int().min(1).default(1),
  inconclusive: z2.enum(["continue", "rollback", "pause"]).default("continue"),
  health: z2.strictObject({ path: urlPath.default("/health"), timeout: duration.prefault("10s") }).transform(({ timeout, ...rest }) => ({ ...rest, timeoutMs: timeout })).prefault({})
}).transform(({ duration: durationMs, interval, lookback, ingestionDelay, ...rest }) => ({
  ...rest,
  durationMs,
  intervalMs: interval,
  lookbackMs: lookback,
  ingestionDelayMs: ingestionDelay
}));
var verify = z2.strictObject({
  path: urlPath,
  expect: z2.string().min(1).default("{digest}")
});
var stage = z2.strictObject({
  name,
  target,
  approval: approval.optional(),
  checks: z2.array(check).default([]),
  hooks: z2.array(hook).default([]),
  warmup: warmup.optional(),
  verify: verify.optional(),
  monitor: monitor.optional(),
  strategy: strategySchema
});
var pipeline = z2.strictObject({
  name,
  source,
  notify: notify.optional(),
  stages: z2.array(stage).min(1)
}).transform(({ stages, ...rest }) => {
  let subscription = "";
  return {
    ...rest,
    stages: stages.map((s) => {
      subscription = s.target.subscription ?? subscription;
      return { ...s, target: { ...s.target, subscription } };
    })
  };
});
var configSchema = z2.strictObject({
  pipelines: z2.array(pipeline).min(1),
  /** Approvals from Slack: Slack user id (`U…`) → the approver's email. */
  slack: z2.strictObject({ users: z2.record(z2.string().min(1), email).default({}) }).optional()
});

// dist/src/domain/config/zodIssues.js
function fromZodIssues(issues, fromSettings) {
  return issues.flatMap((issue) => {
    const path = formatPath(issue.path);
    const setting = fromSettings.get(path);
    const received = setting === void 0 ? describeValue(issue.input) : `the value of app setting ${setting}`;
    switch (issue.code) {
      case "invalid_type":
        return [{ path, expected: article(issue.expected), received }];
      case "unrecognized_keys":
        return issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          expected: "no such key (it is not part of the config format)",
          received: `unknown key ${JSON.stringify(key)}`
        }));
      case "too_small":
        return [{ path, expected: bound("at least", issue.origin, issue.minimum), received }];
      case "too_big":
        return [{ path, expected: bound("at most", issue.origin, issue.maximum), received }];
      case "invalid_value":
        return [
          {
            path,
            expected: `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
            received
          }
        ];
      case "invalid_format":
      case "custom":
        return [{ path, expected: issue.message, received }];
      case "not_multiple_of":
      case "invalid_union":
      case "invalid_key":
      case "invalid_element":
        return [{ path, expected: issue.message, received }];
      default: {
        const unhandled = issue;
        return [{ path, expected: String(unhandled), received }];
      }
    }
  });
}
function article(type) {
  const words = {
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    object: "a mapping of keys to values"
  };
  return words[type] ?? type;
}
function bound(relation, origin, limit) {
  switch (origin) {
    case "array":
      return `${relation} ${limit} item${Number(limit) === 1 ? "" : "s"}`;
    case "string":
      return `${relation} ${limit} character${Number(limit) === 1 ? "" : "s"}`;
    default:
      return `a number ${relation === "at least" ? ">=" : "<="} ${limit}`;
  }
}

// dist/src/domain/config/loadConfig.js
function parseConfig(yamlText, options) {
  const source2 = options.source ?? "pipeline config";
  const document = parseDocument(yamlText, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues2 = document.errors.map((e) => ({
      path: e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "(file)",
      expected: "valid YAML",
      received: e.message.split("\n")[0] ?? e.code
    }));
    throw new ConfigError(issues2, source2);
  }
  const raw = document.toJS();
  const resolved = resolveSettings(raw, options.settings);
  const localMode = options.localMode ?? options.settings.SLOTPILOT_LOCAL_MODE === "true";
  const parsed = configSchema.safeParse(resolved.value, { reportInput: true });
  const issues = [
    ...resolved.issues,
    ...parsed.success ? [] : fromZodIssues(parsed.error.issues, resolved.fromSettings),
    ...crossChecks(resolved.value, { localMode, fromSettings: resolved.fromSettings })
  ];
  const unique = dedupe(issues);
  if (unique.length > 0 || !parsed.success)
    throw new ConfigError(unique, source2);
  return parsed.data;
}
function loadConfigFile(path, options) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new ConfigError([{ path: "(file)", expected: `a readable file at ${path}`, received: String(cause) }], path);
  }
  return parseConfig(text, { ...options, source: options.source ?? path });
}
function dedupe(issues) {
  const seen = /* @__PURE__ */ new Set();
  return issues.filter((i) => {
    const key = `${i.path}\0${i.expected}`;
    if (seen.has(key))
      return false;
    seen.add(key);
    return true;
  });
}
export {
  loadConfigFile,
  parseConfig
};
