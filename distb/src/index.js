import {
  checkTransport,
  readAzureSettings
} from "./chunk-N6BAEXF6.js";
import {
  AzureRequestError,
  FetchHookClient,
  FetchHttpProbe,
  SlackNotifier
} from "./chunk-LF7GKPXV.js";
import {
  ConfigError,
  formatDuration,
  parseDuration
} from "./chunk-SRRGTK5Z.js";
import {
  NonRetryableError,
  RetryAfterError,
  ValidationError,
  describeValue
} from "./chunk-BX6CCGSK.js";
import {
  clipFreeText
} from "./chunk-PZI5AQ6E.js";

// dist/src/index.js
import { isAbsolute, join as join4 } from "node:path";
import { app as app13 } from "@azure/functions";

// dist/src/activities/canary/index.js
import * as df from "durable-functions";

// dist/src/domain/release/activityFailure.js
var marker = /\[slotpilot:(retryable|nonRetryable)(?::(\d+))?\] ([\s\S]*?)(?: \n |$)/;
function encodeActivityFailure(error) {
  const message3 = error instanceof Error ? error.message : String(error);
  if (error instanceof NonRetryableError || error instanceof ValidationError) {
    return `[slotpilot:nonRetryable] ${message3}`;
  }
  if (error instanceof RetryAfterError) {
    return `[slotpilot:retryable:${Math.max(0, Math.round(error.afterMs))}] ${message3}`;
  }
  return `[slotpilot:retryable] ${message3}`;
}
function decodeActivityFailure(error) {
  const text = error instanceof Error ? error.message : String(error);
  const match = marker.exec(text);
  if (match === null) {
    const plain = text.split(" \n ")[0] ?? text;
    return {
      kind: "retryable",
      message: firstLine((/\nException: (.*)/.exec(plain)?.[1] ?? plain).replace(/^Activity function '[^']*' failed:\s*/, ""))
    };
  }
  const [, kind, after, message3] = match;
  return {
    kind: kind === "nonRetryable" ? "nonRetryable" : "retryable",
    ...after === void 0 ? {} : { retryAfterMs: Number(after) },
    message: firstLine(message3 ?? "")
  };
}
function firstLine(message3) {
  return (message3.split(/\r?\n/, 1)[0] ?? "").trim();
}

// dist/src/domain/release/fitStatus.js
var customStatusBudgetChars = 7e3;
var detailChars = 240;
function fitStatus(status) {
  let fitted = {
    ...status,
    stages: status.stages.map((s) => ({ ...s, checks: s.checks.map(shorten) }))
  };
  if (size(fitted) <= customStatusBudgetChars)
    return fitted;
  fitted = {
    ...fitted,
    stages: fitted.stages.map((s) => ({
      ...s,
      checks: s.checks.map(({ name, status: st }) => ({ name, status: st }))
    }))
  };
  while (size(fitted) > customStatusBudgetChars && (fitted.monitor?.samples.length ?? 0) > 0) {
    const monitor = fitted.monitor;
    if (monitor === void 0)
      break;
    fitted = { ...fitted, monitor: { ...monitor, samples: monitor.samples.slice(1) } };
  }
  return fitted;
}
function size(value) {
  return JSON.stringify(value).length;
}
function shortenChecks(checks) {
  return checks.map(shorten);
}
function shorten(check) {
  if (check.detail === void 0 || check.detail.length <= detailChars)
    return check;
  return { ...check, detail: `${check.detail.slice(0, detailChars - 1)}\u2026` };
}

// dist/src/domain/release/boundCustomStatus.js
var stringLimits = [600, 240, 80];
function boundCustomStatus(status, budget = customStatusBudgetChars) {
  if (fits(status, budget))
    return status;
  let bounded = status;
  while (!fits(bounded, budget)) {
    const fewer = dropOldestSample(bounded);
    if (fewer === void 0)
      break;
    bounded = fewer;
  }
  for (const limit of stringLimits) {
    if (fits(bounded, budget))
      return bounded;
    bounded = clipStrings(bounded, limit);
  }
  if (fits(bounded, budget))
    return bounded;
  bounded = emptyEvidence(bounded);
  if (fits(bounded, budget))
    return bounded;
  bounded = keepNewest(bounded, 3);
  if (fits(bounded, budget))
    return bounded;
  return lastResort(bounded);
}
function fits(value, budget) {
  return (JSON.stringify(value) ?? "").length <= budget;
}
function dropOldestSample(value) {
  let longest;
  const find = (v) => {
    if (Array.isArray(v))
      v.forEach(find);
    else if (isRecord(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key === "samples" && Array.isArray(child) && child.length > (longest?.length ?? 1))
          longest = child;
        find(child);
      }
    }
  };
  find(value);
  if (longest === void 0)
    return void 0;
  const target = longest;
  return map(value, (v) => v === target ? target.slice(1) : void 0);
}
function clipStrings(value, limit) {
  return map(value, (v) => typeof v === "string" && v.length > limit ? `${v.slice(0, limit - 1).replace(/[\uD800-\uDBFF]$/, "")}\u2026` : void 0);
}
function emptyEvidence(value) {
  return mapEntries(value, (key, v) => key === "evidence" && isRecord(v) ? {} : void 0);
}
function keepNewest(value, count) {
  return map(value, (v) => Array.isArray(v) && v.length > count ? v.slice(-count) : void 0);
}
function lastResort(value) {
  const kept = { truncated: true };
  if (isRecord(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === "number" || typeof v === "boolean")
        kept[key] = v;
      if (typeof v === "string")
        kept[key] = v.slice(0, 80);
    }
  }
  return kept;
}
function map(value, replace) {
  const replaced = replace(value);
  if (replaced !== void 0)
    return replaced;
  if (Array.isArray(value))
    return value.map((v) => map(v, replace));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v, replace)]));
  }
  return value;
}
function mapEntries(value, replace) {
  if (Array.isArray(value))
    return value.map((v) => mapEntries(v, replace));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(k, v) ?? mapEntries(v, replace)]));
  }
  return value;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// dist/src/domain/release/consoleUrl.js
function consoleReleaseUrl(origin, releaseId) {
  return `${origin}/api/console#/releases/${encodeURIComponent(releaseId)}`;
}

// dist/src/domain/release/lockContract.js
function productionLockId(site) {
  return `lock-${site}`;
}
function stageInstanceId(releaseId, stage) {
  return `${releaseId}-${stage}`;
}

// dist/src/domain/release/contract.js
var orchestratorNames = {
  release: "releasePipeline",
  deployStage: "deployStage",
  production: "productionRelease",
  monitor: "monitorRelease",
  /** The production lock of one site (instance id {@link productionLockId}). */
  productionLock: "productionLock"
};
var releaseEvents = {
  /** {@link ApprovalDecision}: an approval or rejection for the stage it waits for. */
  approval: "approval",
  /** {@link CancelRequest}: cancel a release not yet swapped. */
  cancel: "cancel",
  /** {@link SupersedeNotice}: a newer image of the same pipeline arrived. */
  supersede: "supersede",
  /** {@link RollbackRequest}: manual rollback or an alert push during/after monitoring. */
  rollback: "rollback",
  /** {@link ProductionLockGranted}: the production lock for the site is this release's now. */
  lockGranted: "lockGranted"
};
function hookEventName(stage, hook) {
  return `hook-${stage}-${hook}`;
}
var terminalStatuses = /* @__PURE__ */ new Set([
  "Succeeded",
  "RolledBack",
  "Rejected",
  "Expired",
  "Superseded",
  "Canceled",
  "Failed"
]);

// dist/src/domain/release/decideSupersede.js
function releaseOrder(input2, createdAt) {
  return input2?.pushedAt ?? createdAt;
}
function decideSupersede(self, peers) {
  const supersede = [];
  let newest;
  const selfKey = [self.order, self.createdAt, self.releaseId];
  for (const peer of peers) {
    if (peer.releaseId === self.releaseId || peer.input?.pipeline !== self.pipeline)
      continue;
    const key = [releaseOrder(peer.input, peer.createdAt), peer.createdAt, peer.releaseId];
    if (compareKeys(key, selfKey) < 0) {
      if (mayStillWait(peer))
        supersede.push(peer.releaseId);
    } else if (newest === void 0 || compareKeys(key, newest.key) > 0) {
      newest = { id: peer.releaseId, key };
    }
  }
  return { supersede, ...newest !== void 0 && { supersededBy: newest.id } };
}
function mayStillWait(peer) {
  const stages = peer.input?.plan?.stages ?? [];
  const views = peer.customStatus?.stages ?? [];
  return stages.some((stage) => {
    if (stage.approval === void 0)
      return false;
    const view = views.find((v) => v.name === stage.name);
    return view === void 0 || view.status === "Pending" || view.status === "WaitingForApproval";
  });
}
function compareKeys(a, b) {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y)
      return x < y ? -1 : 1;
  }
  return 0;
}

// dist/src/domain/release/hookCallback.js
import { createHash, timingSafeEqual } from "node:crypto";
function hookCallbackKey(callbackId) {
  return ["hook-callbacks", callbackId];
}
function hookCallbackUseKey(callbackId) {
  return ["hook-callbacks", callbackId, "used"];
}
function hashCallbackToken(token) {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
function callbackTokenMatches(token, tokenSha256) {
  const expected = Buffer.from(tokenSha256, "hex");
  const actual = Buffer.from(hashCallbackToken(token), "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

// dist/src/domain/release/mergeStageProgress.js
function mergeStageProgress(release, progress) {
  if (progress === void 0)
    return release;
  const stage = release.stages.find((s) => s.name === progress.stage);
  if (stage?.status !== "Running")
    return release;
  return fitStatus({
    ...release,
    step: progress.step,
    updatedAt: progress.updatedAt > release.updatedAt ? progress.updatedAt : release.updatedAt,
    ...progress.waitingForLock === void 0 ? {} : { waitingForLock: progress.waitingForLock },
    ...progress.previousDigest === void 0 ? {} : { previousDigest: progress.previousDigest },
    ...progress.swappedAt === void 0 ? {} : { swappedAt: progress.swappedAt },
    stages: release.stages.map((s) => s.name === progress.stage ? { ...s, checks: progress.checks } : s)
  });
}

// dist/src/domain/release/reduceReleaseStatus.js
function initialReleaseStatus(plan, at) {
  return {
    status: "Running",
    stage: plan.stages[0]?.name ?? "",
    step: "starting",
    updatedAt: at,
    stages: plan.stages.map((s) => ({ name: s.name, status: "Pending", checks: [] }))
  };
}
var waitingStageStatus = {
  Rejected: "Rejected",
  Expired: "Expired",
  Canceled: "Canceled",
  Superseded: "Canceled"
};
function reduceReleaseStatus(state, event) {
  if (isTerminal(state.status))
    return state;
  const { waitingFor: _waiting, waitingForLock: _lock, ...rest } = state;
  switch (event.type) {
    case "waitingForApproval":
      return fitStatus({
        ...rest,
        status: "WaitingForApproval",
        stage: event.stage,
        step: `waiting for approval of ${event.stage}`,
        updatedAt: event.at,
        waitingFor: {
          stage: event.stage,
          since: event.at,
          expiresAt: event.expiresAt,
          approvers: event.approvers,
          required: event.required ?? 1,
          approvals: [],
          stillNeeded: event.required ?? 1
        },
        stages: patch(state.stages, event.stage, { status: "WaitingForApproval" })
      });
    case "approvalRecorded": {
      const waiting = state.waitingFor;
      if (waiting?.stage !== event.stage)
        return state;
      const approvals = [...waiting.approvals ?? [], event.approval];
      const required = waiting.required ?? 1;
      return fitStatus({
        ...state,
        step: `approved by ${event.approval.by} (${approvals.length} of ${required}), waiting for more`,
        updatedAt: event.approval.at,
        waitingFor: {
          ...waiting,
          approvals,
          stillNeeded: Math.max(required - approvals.length, 0)
        }
      });
    }
    case "approved":
      return fitStatus({
        ...rest,
        status: "Running",
        stage: event.stage,
        step: `approved by ${(event.approvals ?? [event]).map((a) => a.by).join(", ")}`,
        updatedAt: event.at,
        stages: patch(state.stages, event.stage, {
          approval: {
            by: event.by,
            at: event.at,
            ...event.comment === void 0 ? {} : { comment: event.comment }
          },
          ...event.approvals === void 0 ? {} : { approvals: event.approvals }
        })
      });
    case "stageStarted":
      return fitStatus({
        ...rest,
        status: "Running",
        stage: event.stage,
        step: event.step,
        updatedAt: event.at,
        stages: patch(state.stages, event.stage, {
          status: "Running",
          startedAt: stageOf(state, event.stage)?.startedAt ?? event.at
        })
      });
    case "cancelRequested":
      return fitStatus({
        ...rest,
        step: `cancel requested by ${event.by}`,
        updatedAt: event.at,
        cancelRequested: { by: event.by, reason: event.reason, at: event.at }
      });
    case "waitingForLock":
      return fitStatus({
        ...rest,
        status: "Running",
        stage: event.stage,
        step: `waiting for the production lock of ${event.site} (held by ${event.heldBy})`,
        updatedAt: event.at,
        waitingForLock: { site: event.site, heldBy: event.heldBy },
        stages: patch(state.stages, event.stage, {
          status: "Running",
          startedAt: stageOf(state, event.stage)?.startedAt ?? event.at
        })
      });
    case "stageFinished": {
      const r = event.result;
      return fitStatus({
        ...rest,
        stage: r.stage,
        step: r.reason ?? `${r.stage} ${r.status.toLowerCase()}`,
        updatedAt: event.at,
        ...r.previousDigest === void 0 ? {} : { previousDigest: r.previousDigest },
        ...r.swappedAt === void 0 ? {} : { swappedAt: r.swappedAt },
        stages: patch(state.stages, r.stage, {
          status: r.status,
          startedAt: r.startedAt,
          finishedAt: r.finishedAt,
          checks: r.checks
        })
      });
    }
    case "finished": {
      const waiting = waitingStageStatus[event.status];
      return fitStatus({
        ...rest,
        status: event.status,
        step: event.step,
        updatedAt: event.at,
        stages: state.stages.map((s) => endStage(s, waiting, event.status === "Canceled" ? "Canceled" : "Failed", event.at))
      });
    }
  }
}
function isTerminal(status) {
  return status !== "Running" && status !== "WaitingForApproval";
}
function stageOf(state, name) {
  return state.stages.find((s) => s.name === name);
}
function patch(stages, name, change) {
  return stages.map((s) => s.name === name ? { ...s, ...change } : s);
}
function endStage(stage, waiting, running3, at) {
  if (stage.status === "WaitingForApproval") {
    return { ...stage, status: waiting ?? "Canceled", finishedAt: at };
  }
  if (stage.status === "Pending")
    return { ...stage, status: "Skipped" };
  if (stage.status === "Running")
    return { ...stage, status: running3, finishedAt: at };
  return stage;
}

// dist/src/domain/release/releaseId.js
function releaseIdFor(pipeline, digest) {
  const hex = digest.replace(/^sha256:/, "");
  return `${pipeline}-${hex.slice(0, 20)}`;
}

// dist/src/activities/canary/sampleCanary.js
async function sampleCanary(deps, input2) {
  const slotRef = { ...input2.site, slot: input2.slot };
  const window = input2.window;
  const [probe2, canary, production] = await Promise.allSettled([
    deps.appService.getSlot(slotRef).then((slot) => deps.probe.probe(slot.url, input2.healthPath, {
      timeoutMs: input2.timeoutMs,
      expectStatus: 200
    })),
    window === void 0 ? Promise.resolve(void 0) : deps.slotMetrics.traffic(slotRef, window),
    window === void 0 ? Promise.resolve(void 0) : deps.slotMetrics.traffic(input2.site, window)
  ]);
  const health = probe2.status === "fulfilled" ? {
    ok: probe2.value.ok,
    status: probe2.value.status,
    latencyMs: probe2.value.latencyMs,
    detail: probe2.value.detail
  } : { ok: false, status: 0, latencyMs: 0, detail: message(probe2.reason), unknown: true };
  if (canary.status === "rejected")
    return { health, queryError: message(canary.reason) };
  return {
    health,
    ...canary.value !== void 0 && { canary: canary.value },
    ...production.status === "fulfilled" && production.value !== void 0 && { production: production.value }
  };
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// dist/src/activities/canary/index.js
function createCanaryActivities(deps) {
  return {
    canarySetShare: async (input2) => {
      const slot = await deps.appService.getSlot({ ...input2.site, slot: input2.slot });
      const shares = await deps.routing.setShare(input2.site, {
        slot: input2.slot,
        hostName: slot.hostName,
        percent: input2.percent
      });
      return { shares };
    },
    canaryReadShares: async (input2) => ({ shares: await deps.routing.readShares(input2.site) }),
    canarySample: (input2) => sampleCanary(deps, input2)
  };
}
function registerCanaryActivities(deps) {
  const activities = createCanaryActivities(deps);
  for (const name of Object.keys(activities)) {
    df.app.activity(name, {
      handler: async (input2) => {
        const handler = activities[name];
        try {
          return await handler(input2);
        } catch (error) {
          throw new Error(encodeActivityFailure(error), { cause: error });
        }
      }
    });
  }
}

// dist/src/activities/callHook.js
import { randomBytes } from "node:crypto";

// dist/src/activities/findConfig.js
function findPipeline(config2, name) {
  const pipeline = config2.pipelines.find((p) => p.name === name);
  if (pipeline === void 0) {
    throw new NonRetryableError(`pipeline: expected one of the configured pipelines, got "${name}"`);
  }
  return pipeline;
}
function findStage(config2, pipeline, stage) {
  const found = findPipeline(config2, pipeline).stages.find((s) => s.name === stage);
  if (found === void 0) {
    throw new NonRetryableError(`stage: expected a stage of pipeline ${pipeline}, got "${stage}"`);
  }
  return found;
}
function findHook(config2, pipeline, stage, hook) {
  const found = findStage(config2, pipeline, stage).hooks.find((h) => h.name === hook);
  if (found === void 0) {
    throw new NonRetryableError(`hook: expected a hook of stage ${stage}, got "${hook}"`);
  }
  return found;
}

// dist/src/activities/callHook.js
var maxSyncWaitMs = 12e4;
async function callHook(deps, input2) {
  const hook = findHook(deps.config, input2.pipeline, input2.stage, input2.hook);
  const site = await deps.appService.getSlot(input2.target);
  const callbackId = randomBytes(16).toString("base64url");
  const token = randomBytes(32).toString("base64url");
  const record = {
    callbackId,
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: input2.stage,
    hook: input2.hook,
    instanceId: input2.instanceId,
    eventName: hookEventName(input2.stage, input2.hook),
    tokenSha256: hashCallbackToken(token),
    expiresAt: new Date(Date.now() + input2.timeoutMs).toISOString()
  };
  await deps.claims.claim(hookCallbackKey(callbackId), { ...record });
  const answer = await deps.hooks.call(hook.url, {
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: input2.stage,
    hook: input2.hook,
    image: input2.image,
    digest: input2.digest,
    siteUrl: site.url,
    callbackUrl: `${deps.publicBaseUrl}/api/hooks/${callbackId}`,
    callbackToken: token
  }, Math.min(input2.timeoutMs, maxSyncWaitMs));
  return answer.kind === "running" ? { kind: "running", callbackId } : answer;
}

// dist/src/activities/verifyServedImage.js
async function verifyServedImage(deps, site, url, digest, timeoutMs) {
  const contract = deps.config.pipelines.flatMap((p) => p.stages).find((s) => s.verify !== void 0 && s.target.site.toLowerCase() === site.site.toLowerCase() && s.target.resourceGroup.toLowerCase() === site.resourceGroup.toLowerCase() && (s.target.subscription ?? site.subscription).toLowerCase() === site.subscription.toLowerCase())?.verify;
  if (contract === void 0)
    return void 0;
  const expectBody = contract.expect.replaceAll("{digest}", digest);
  const result = await deps.probe.probe(url, contract.path, {
    timeoutMs,
    expectStatus: 200,
    expectBody
  });
  const serves = result.ok && result.bodyMatches === true;
  return {
    serves,
    detail: serves ? `${contract.path} names ${digest}` : `${contract.path} does not name ${digest} (${result.detail})`
  };
}

// dist/src/activities/checkSite.js
async function checkSite(deps, input2) {
  const slot = await deps.appService.getSlot(input2.target);
  const base = {
    state: slot.state,
    ...slot.digest === void 0 ? {} : { configuredDigest: slot.digest }
  };
  if (slot.digest !== input2.digest) {
    return { ...base, ready: false, status: 0, detail: `configured ${slot.image ?? "no image"}` };
  }
  if (slot.state !== "Running") {
    return { ...base, ready: false, status: 0, detail: `state ${slot.state}` };
  }
  const probe2 = await deps.probe.probe(slot.url, input2.path, {
    timeoutMs: input2.timeoutMs,
    expectStatus: input2.expectStatus
  });
  const verified = probe2.ok ? await verifyServedImage(deps, input2.target, slot.url, input2.digest, input2.timeoutMs) : void 0;
  const servesDigest = verified === void 0 || verified.serves;
  return {
    ...base,
    ...verified?.serves === true && { servedDigest: input2.digest },
    ready: probe2.ok && servesDigest,
    status: probe2.status,
    detail: verified === void 0 || !probe2.ok ? `GET ${input2.path}: ${probe2.detail}` : `GET ${input2.path}: ${probe2.detail}; ${verified.detail}`
  };
}

// dist/src/domain/images/ImageRef.js
var registryPattern = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;
var repositoryPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
var tagPattern = /^[\w][\w.-]{0,127}$/;
var digestPattern = /^sha256:[0-9a-f]{64}$/;
function parseImageRef(text, field = "image") {
  const fail = (why) => {
    throw new ValidationError(field, `an image reference registry/repository:tag or registry/repository@sha256:<64 hex> (${why})`, describeValue(text));
  };
  if (typeof text !== "string")
    return fail("not a string");
  if (text.length > 512)
    return fail("longer than 512 characters");
  let rest = text.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest))
      fail("the digest must be sha256: followed by 64 lowercase hex digits");
  }
  const slash = rest.indexOf("/");
  if (slash <= 0)
    return fail("the registry host is missing");
  const registry2 = rest.slice(0, slash).toLowerCase();
  if (!registry2.includes(".") && !registry2.includes(":") && registry2 !== "localhost")
    fail("the first part must be a registry host such as myregistry.azurecr.io");
  if (!registryPattern.test(registry2))
    fail("the registry host is malformed");
  let repository = rest.slice(slash + 1);
  let tag;
  const colon = repository.lastIndexOf(":");
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    repository = repository.slice(0, colon);
    if (!tagPattern.test(tag))
      fail("the tag must be 1-128 letters, digits, _, . or -, not starting with . or -");
  }
  if (!repositoryPattern.test(repository))
    fail("the repository must be lowercase path components");
  if (tag === void 0 && digest === void 0)
    fail("a tag or a digest is required");
  return {
    registry: registry2,
    repository,
    ...tag === void 0 ? {} : { tag },
    ...digest === void 0 ? {} : { digest }
  };
}
function pinnedImage(ref) {
  return `${ref.registry}/${ref.repository}@${ref.digest}`;
}
function formatImageRef(ref) {
  return `${ref.registry}/${ref.repository}${ref.tag === void 0 ? "" : `:${ref.tag}`}${ref.digest === void 0 ? "" : `@${ref.digest}`}`;
}

// dist/src/domain/images/matchesTagFilter.js
function matchesTagFilter(tag, patterns) {
  return patterns.some((pattern) => {
    const source2 = pattern.split("").map((ch) => ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")).join("");
    return new RegExp(`^${source2}$`).test(tag);
  });
}

// dist/src/domain/images/parseImagePushedEvent.js
var imagePushed = "Microsoft.ContainerRegistry.ImagePushed";
var manifestTypes = [
  "application/vnd.docker.distribution.manifest.v2+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.oci.image.index.v1+json"
];
var signatureTag = /^sha256-[0-9a-f]{64}(\.\w+)?$/;
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
function parseImagePushedEvent(event) {
  const e = obj(event);
  if (e === void 0)
    return { kind: "ignored", reason: "the event is not an object" };
  const type = str(e.eventType) ?? str(e.type);
  if (type !== imagePushed)
    return { kind: "ignored", reason: `event type ${String(type)} is not ${imagePushed}` };
  const data = obj(e.data);
  const target = obj(data?.target);
  const request = obj(data?.request);
  if (target === void 0)
    return { kind: "ignored", reason: "data.target is missing" };
  const tag = str(target.tag);
  if (tag === void 0)
    return {
      kind: "ignored",
      reason: "the push has no tag (a per-platform manifest, signature or attestation)"
    };
  if (signatureTag.test(tag))
    return { kind: "ignored", reason: `tag ${tag} is a signature or attestation` };
  const mediaType = str(target.mediaType);
  if (mediaType !== void 0 && !manifestTypes.includes(mediaType))
    return { kind: "ignored", reason: `media type ${mediaType} is not a container image manifest` };
  const host = str(request?.host);
  if (host === void 0)
    return { kind: "ignored", reason: "data.request.host (the registry) is missing" };
  const repository = str(target.repository);
  const digest = str(target.digest);
  let ref;
  try {
    ref = parseImageRef(`${host}/${repository ?? ""}:${tag}@${digest ?? ""}`, "data.target");
  } catch (error) {
    return { kind: "ignored", reason: error.message };
  }
  const actor = str(obj(data?.actor)?.name);
  const pushedAt = isoTime(data?.timestamp) ?? isoTime(e.eventTime) ?? isoTime(e.time);
  return {
    kind: "push",
    registry: ref.registry,
    repository: ref.repository,
    tag,
    digest: ref.digest ?? "",
    eventId: str(e.id) ?? "",
    ...actor === void 0 ? {} : { actor },
    ...pushedAt === void 0 ? {} : { pushedAt }
  };
}
function isoTime(value) {
  const text = str(value);
  const ms = text === void 0 ? Number.NaN : Date.parse(text);
  return Number.isNaN(ms) ? void 0 : new Date(ms).toISOString();
}

// dist/src/activities/deployImage.js
async function deployImage(deps, input2) {
  const source2 = findPipeline(deps.config, input2.pipeline).source;
  const ref = parseImageRef(input2.image);
  if (ref.digest === void 0) {
    throw new NonRetryableError(`image: expected registry/repository@sha256:\u2026, got ${input2.image}`);
  }
  if (ref.registry !== source2.registry || ref.repository !== source2.repository) {
    throw new NonRetryableError(`image: expected ${source2.registry}/${source2.repository}@\u2026, got ${ref.registry}/${ref.repository}`);
  }
  const { changed } = await deps.appService.deployImage(input2.target, input2.image);
  const slot = await deps.appService.getSlot(input2.target);
  return { changed, hostName: slot.hostName };
}

// dist/src/activities/DurableOps.js
var activeStatuses = /* @__PURE__ */ new Set([
  "Pending",
  "Running",
  "ContinuedAsNew",
  "Suspended"
]);

// dist/src/activities/isInstanceActive.js
async function isInstanceActive(durable, input2) {
  const info = await durable.getInstance(input2.instanceId);
  return info !== void 0 && activeStatuses.has(info.runtimeStatus);
}

// dist/src/activities/notify.js
async function notify(deps, input2) {
  const target = findPipeline(deps.config, input2.pipeline).notify;
  if (target === void 0)
    return null;
  const release = consoleReleaseUrl(deps.publicBaseUrl, input2.releaseId);
  const approve = `${deps.publicBaseUrl}/api/releases/${input2.releaseId}/approve`;
  const message3 = {
    key: input2.key,
    pipeline: input2.pipeline,
    releaseId: input2.releaseId,
    ...input2.stage === void 0 ? {} : { stage: input2.stage },
    outcome: input2.outcome,
    severity: input2.severity,
    image: input2.image,
    text: input2.text,
    links: input2.outcome === "waiting for approval" ? { release, approve } : { release }
  };
  await deps.notifier.notify(target.slack, message3);
  if (input2.severity === "critical" && target.critical !== void 0) {
    await deps.notifier.notify(target.critical, { ...message3, key: `${input2.key}:critical` });
  }
  return null;
}

// dist/src/activities/pollSwap.js
function pollSwap(deps, input2) {
  return deps.appService.pollSwap(input2.handle);
}

// dist/src/activities/readCancelRequest.js
async function readCancelRequest(durable, input2) {
  const info = await durable.getInstance(input2.releaseId);
  const status = info?.customStatus;
  const request = status?.cancelRequested;
  return request === void 0 ? null : { by: request.by, reason: request.reason, at: request.at };
}

// dist/src/activities/readSlots.js
async function readSlots(deps, input2) {
  const { slot, ...site } = input2.target;
  const production = await deps.appService.getSlot(site);
  const staged = slot === void 0 ? void 0 : await deps.appService.getSlot(input2.target);
  return {
    productionHostName: production.hostName,
    productionHostNames: production.hostNames ?? [production.hostName],
    ...production.digest === void 0 ? {} : { productionDigest: production.digest },
    ...staged?.digest === void 0 ? {} : { slotDigest: staged.digest }
  };
}

// dist/src/activities/recordAudit.js
async function recordAudit(deps, input2) {
  await deps.audit.append(input2);
  return null;
}

// dist/src/activities/releaseLock.js
async function releaseLock(durable, input2) {
  const id = productionLockId(input2.site);
  const info = await durable.getInstance(id);
  if (info === void 0 || !activeStatuses.has(info.runtimeStatus))
    return null;
  const lock = info.input;
  if (lock?.holder !== input2.holder)
    return null;
  await durable.terminate(id, `released by ${input2.holder}`);
  return null;
}

// dist/src/activities/startSwap.js
async function startSwap(deps, input2) {
  const { slot, ...site } = input2.target;
  const production = await deps.appService.getSlot(site);
  if (production.digest === input2.digest)
    return { kind: "alreadySwapped" };
  const staged = await deps.appService.getSlot(input2.target);
  if (staged.digest !== input2.digest) {
    if ((await deps.appService.getSlot(site)).digest === input2.digest) {
      return { kind: "alreadySwapped" };
    }
    throw new NonRetryableError(`slot ${slot}: expected it to run ${input2.digest} before the swap, got ${staged.digest ?? "no digest"}`);
  }
  try {
    return { kind: "started", handle: await deps.appService.beginSwap(site, slot) };
  } catch (error) {
    if (isSwapInProgress(error))
      return { kind: "inProgress" };
    throw error;
  }
}
function isSwapInProgress(error) {
  const status = error?.statusCode;
  return status === 409 && error instanceof Error && /in progress/i.test(error.message);
}

// dist/src/activities/supersedeOlderReleases.js
async function supersedeOlderReleases(durable, input2) {
  const active = await durable.listActive(orchestratorNames.release);
  const self = active.find((i) => i.instanceId === input2.releaseId);
  const decision = decideSupersede({
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    order: input2.order,
    createdAt: self?.createdAt ?? input2.at
  }, active.map((i) => ({
    releaseId: i.instanceId,
    input: i.input,
    customStatus: i.customStatus,
    createdAt: i.createdAt
  })));
  const notice = { byReleaseId: input2.releaseId, at: input2.at };
  await Promise.all(decision.supersede.map((id) => durable.raiseEvent(id, releaseEvents.supersede, notice)));
  return {
    superseded: decision.supersede,
    ...decision.supersededBy !== void 0 && { supersededBy: decision.supersededBy }
  };
}

// dist/src/activities/tryAcquireLock.js
async function tryAcquireLock(durable, input2) {
  const id = productionLockId(input2.site);
  const seen = judgeLock(await durable.getInstance(id), input2);
  if (seen !== void 0)
    return seen;
  const lockInput = {
    site: input2.site,
    holder: input2.holder,
    releaseId: input2.releaseId
  };
  try {
    await durable.startNew(orchestratorNames.productionLock, id, lockInput);
    return { acquired: true };
  } catch (cause) {
    const winner = judgeLock(await durable.getInstance(id), input2);
    if (winner === void 0)
      throw cause;
    return winner;
  }
}
function judgeLock(info, attempt) {
  if (info === void 0 || !activeStatuses.has(info.runtimeStatus))
    return void 0;
  const lock = info.input ?? {};
  if (lock.holder === attempt.holder)
    return { acquired: true };
  return { acquired: false, heldBy: lock.releaseId ?? lock.holder ?? "unknown" };
}

// dist/src/activities/createActivities.js
var durableActivities = /* @__PURE__ */ new Set([
  "tryAcquireLock",
  "releaseLock",
  "isInstanceActive",
  "stopStage",
  "readCancelRequest",
  "flushEvent",
  "supersedeOlderReleases"
]);
function createActivities(deps) {
  return {
    deployImage: (input2) => deployImage(deps, input2),
    checkSite: (input2) => checkSite(deps, input2),
    callHook: (input2) => callHook(deps, input2),
    notify: (input2) => notify(deps, input2),
    recordAudit: (input2) => recordAudit(deps, input2),
    readSlots: (input2) => readSlots(deps, input2),
    startSwap: (input2) => startSwap(deps, input2),
    pollSwap: (input2) => pollSwap(deps, input2),
    tryAcquireLock: (input2, durable) => tryAcquireLock(durable(), input2),
    releaseLock: (input2, durable) => releaseLock(durable(), input2),
    isInstanceActive: (input2, durable) => isInstanceActive(durable(), input2),
    stopStage: async (input2, durable) => {
      await durable().terminate(input2.instanceId, input2.reason);
      return null;
    },
    readCancelRequest: (input2, durable) => readCancelRequest(durable(), input2),
    supersedeOlderReleases: (input2, durable) => supersedeOlderReleases(durable(), input2),
    flushEvent: async (input2, durable) => {
      const marker2 = { flush: true };
      await durable().raiseEvent(input2.instanceId, input2.eventName, marker2);
      return null;
    }
  };
}

// dist/src/activities/registerActivities.js
import * as df3 from "durable-functions";

// dist/src/activities/requireDurableOps.js
import * as df2 from "durable-functions";

// dist/src/activities/durableOpsFromClient.js
function durableOpsFromClient(client) {
  return {
    async getInstance(instanceId) {
      try {
        const status = await client.getStatus(instanceId);
        return {
          runtimeStatus: String(status.runtimeStatus),
          input: status.input,
          customStatus: status.customStatus
        };
      } catch (error) {
        if (error instanceof Error && error.message.includes("HTTP 404"))
          return void 0;
        throw error;
      }
    },
    async startNew(name, instanceId, input2) {
      await client.startNew(name, { instanceId, input: input2 });
    },
    async raiseEvent(instanceId, eventName, data) {
      await client.raiseEvent(instanceId, eventName, data);
    },
    async listActive(name) {
      const filter = {
        showInput: true,
        runtimeStatus: ["Running", "Pending"]
      };
      const statuses = await client.getStatusBy(filter);
      return statuses.filter((s) => s.name === name).map((s) => ({
        instanceId: s.instanceId,
        runtimeStatus: String(s.runtimeStatus),
        input: s.input,
        customStatus: s.customStatus,
        createdAt: new Date(s.createdTime).toISOString()
      }));
    },
    async terminate(instanceId, reason) {
      await client.terminate(instanceId, reason);
    }
  };
}

// dist/src/activities/requireDurableOps.js
function requireDurableOps(context, activity) {
  try {
    return durableOpsFromClient(df2.getClient(context));
  } catch (error) {
    throw new NonRetryableError(`${activity}: expected a durable client input (df.input.durableClient()), got none: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// dist/src/activities/registerActivities.js
function registerActivities(deps) {
  const activities = createActivities(deps);
  for (const name of Object.keys(activities)) {
    const needsClient = durableActivities.has(name);
    df3.app.activity(name, {
      ...needsClient ? { extraInputs: [df3.input.durableClient()] } : {},
      handler: (input2, context) => run(activities, name, input2, () => requireDurableOps(context, name))
    });
  }
}
async function run(activities, name, input2, durable) {
  const handler = activities[name];
  try {
    return await handler(input2, durable);
  } catch (error) {
    throw new Error(encodeActivityFailure(error), { cause: error });
  }
}

// dist/src/activities/monitor/index.js
import * as df4 from "durable-functions";

// dist/src/activities/monitor/auditMonitorEvent.js
async function auditMonitorEvent(deps, input2) {
  await deps.audit.append({
    eventId: input2.eventId,
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: input2.stage,
    at: input2.at,
    type: input2.type,
    ...input2.actor !== void 0 && { actor: input2.actor },
    detail: input2.detail
  });
  return null;
}

// dist/src/activities/monitor/beginSwapBack.js
function swapBackRecordId(releaseId) {
  return `${releaseId}.swap-back`;
}
async function beginSwapBack(deps, input2) {
  const production = await deps.appService.getSlot(input2.site);
  if (production.digest === input2.previousDigest)
    return { kind: "alreadyRolledBack" };
  const recordId = swapBackRecordId(input2.releaseId);
  const started = await deps.audit.getRelease(recordId);
  const recorded = started?.["handle"];
  if (isSwapHandle(recorded)) {
    const progress = await deps.appService.pollSwap(recorded);
    if (progress.status !== "failed")
      return { kind: "started", handle: recorded };
  }
  const slot = await deps.appService.getSlot({ ...input2.site, slot: input2.slot });
  if (slot.digest !== input2.previousDigest || production.digest !== input2.newDigest) {
    const now = await deps.appService.getSlot(input2.site);
    if (now.digest === input2.previousDigest)
      return { kind: "alreadyRolledBack" };
  }
  if (slot.digest !== input2.previousDigest) {
    return {
      kind: "refused",
      detail: `slot ${input2.slot}: expected it to still run the previous digest ${input2.previousDigest}, got ${slot.digest ?? "no digest"}`,
      ...slot.digest !== void 0 && { slotDigest: slot.digest }
    };
  }
  if (production.digest !== input2.newDigest) {
    return {
      kind: "refused",
      detail: `production: expected it to run this release's digest ${input2.newDigest}, got ${production.digest ?? "no digest"}`
    };
  }
  let handle;
  try {
    handle = await deps.appService.beginSwap(input2.site, input2.slot);
  } catch (error) {
    if (error instanceof AzureRequestError && error.statusCode === 409) {
      return { kind: "busy", detail: error.message };
    }
    throw error;
  }
  await deps.audit.putRelease(recordId, { handle, releaseId: input2.releaseId });
  return { kind: "started", handle };
}
function isSwapHandle(value) {
  return typeof value === "object" && value !== null && typeof value.pollerState === "string" && typeof value.slot === "string";
}

// dist/src/activities/monitor/findMonitorConfig.js
function findPipelineConfig(config2, name) {
  const found = config2.pipelines.find((p) => p.name === name);
  if (found === void 0) {
    throw new NonRetryableError(`pipeline: expected a configured pipeline, got "${name}"`);
  }
  return found;
}
function findMonitorConfig(config2, pipeline, stage) {
  const found = findPipelineConfig(config2, pipeline).stages.find((s) => s.name === stage);
  if (found?.monitor === void 0) {
    throw new NonRetryableError(`${pipeline}.stages.${stage}.monitor: expected a monitored stage, got ${found === void 0 ? "no such stage" : "none"}`);
  }
  return found.monitor;
}

// dist/src/activities/monitor/rollbackMessage.js
var triggerText = {
  breach: "metrics breached the thresholds",
  health: "the health probe failed",
  inconclusive: "monitoring was inconclusive (policy: rollback)",
  alert: "an Azure Monitor alert fired",
  manual: "a manual rollback was requested"
};
function rollbackMessage(input2) {
  const lines = input2.outcome === "rolledBack" ? [`Rolled back ${input2.pipeline} ${input2.stage}: ${triggerText[input2.trigger]}.`] : [
    `ROLLBACK FAILED for ${input2.pipeline} ${input2.stage}: ${triggerText[input2.trigger]}, but production was not swapped back.`,
    `Error: ${input2.error ?? "unknown"}`,
    ...input2.command === void 0 ? [] : [`To finish the rollback by hand, run: ${input2.command}`]
  ];
  lines.push(`Reason: ${input2.reason}`);
  const figures = evidenceLine(input2.evidence);
  if (figures !== "")
    lines.push(`Evidence: ${figures}`);
  const detected = Date.parse(input2.detectedAt);
  const times = [`detected ${input2.detectedAt}`, `decided ${input2.decidedAt}`];
  if (input2.swapBackCompletedAt !== void 0) {
    const took = Math.round((Date.parse(input2.swapBackCompletedAt) - detected) / 1e3);
    times.push(`swap-back complete ${input2.swapBackCompletedAt} (${took}s after detection)`);
  }
  lines.push(`Times: ${times.join(", ")}`);
  return lines.join("\n");
}
function evidenceLine(evidence) {
  const parts = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (value === null || value === void 0)
      continue;
    if (typeof value === "object") {
      if (key === "thresholds")
        parts.push(`thresholds ${JSON.stringify(value)}`);
      continue;
    }
    parts.push(`${key} ${typeof value === "string" ? value : JSON.stringify(value)}`);
  }
  return parts.join(", ");
}

// dist/src/activities/monitor/notifyRollback.js
async function notifyRollback(deps, input2) {
  const target = findPipelineConfig(deps.config, input2.pipeline).notify;
  if (target === void 0)
    return null;
  const notification = {
    key: `${input2.releaseId}:rollback:${input2.outcome}`,
    pipeline: input2.pipeline,
    releaseId: input2.releaseId,
    stage: input2.stage,
    outcome: input2.outcome === "rolledBack" ? "rolled back" : "rollback failed",
    severity: "critical",
    image: input2.image,
    text: rollbackMessage(input2),
    links: { release: consoleReleaseUrl(deps.publicBaseUrl, input2.releaseId) }
  };
  await deps.notifier.notify(target.slack, notification);
  if (target.critical !== void 0) {
    await deps.notifier.notify(target.critical, {
      ...notification,
      key: `${notification.key}:critical`
    });
  }
  return null;
}

// dist/src/activities/monitor/pageRollback.js
async function pageRollback(deps, input2) {
  const target = findPipelineConfig(deps.config, input2.pipeline).notify;
  if (target === void 0)
    return null;
  const text = [
    `ROLLBACK HELD UP for ${input2.pipeline} ${input2.stage}: production still runs the release being rolled back.`,
    `Slotpilot keeps retrying: ${input2.failures} attempt(s) failed since ${input2.since}. Last error: ${input2.error}`,
    `To swap back by hand instead, run: ${input2.command}`
  ].join("\n");
  await deps.notifier.notify(target.critical ?? target.slack, {
    key: `${input2.releaseId}:rollback:held-up:${input2.page}`,
    pipeline: input2.pipeline,
    releaseId: input2.releaseId,
    stage: input2.stage,
    outcome: "rollback retrying",
    severity: "critical",
    image: input2.image,
    text,
    links: { release: consoleReleaseUrl(deps.publicBaseUrl, input2.releaseId) }
  });
  return null;
}

// dist/src/activities/monitor/queryRequests.js
async function queryRequests(deps, input2) {
  const resource = findMonitorConfig(deps.config, input2.pipeline, input2.stage).appInsights;
  const query = {
    resource,
    table: input2.table,
    hostNames: input2.hostNames,
    fromIso: input2.fromIso,
    toIso: input2.toIso
  };
  const stats = await deps.metrics.requestStats(query);
  return {
    requests: stats.requests,
    failed: stats.failed,
    serverErrors: stats.serverErrors,
    ...stats.p95Ms !== void 0 && { p95Ms: stats.p95Ms }
  };
}

// dist/src/activities/monitor/probeHealth.js
async function probeHealth(deps, input2) {
  const production = await deps.appService.getSlot(input2.site);
  const result = await deps.probe.probe(production.url, input2.path, {
    timeoutMs: input2.timeoutMs,
    expectStatus: 200
  });
  return {
    ok: result.ok,
    status: result.status,
    latencyMs: result.latencyMs,
    detail: result.detail
  };
}

// dist/src/activities/monitor/sampleProduction.js
async function sampleProduction(deps, input2) {
  const [probe2, query] = await Promise.allSettled([
    probeHealth(deps, input2.probe),
    input2.query === void 0 ? Promise.resolve(void 0) : queryRequests(deps, input2.query)
  ]);
  const health = probe2.status === "fulfilled" ? probe2.value : { ok: false, status: 0, latencyMs: 0, detail: message2(probe2.reason), unknown: true };
  if (query.status === "rejected") {
    const error = query.reason;
    const retryable = !(error instanceof NonRetryableError || error instanceof ValidationError);
    return {
      health,
      queryError: {
        message: message2(error),
        retryable,
        ...error instanceof RetryAfterError && { afterMs: error.afterMs }
      }
    };
  }
  return { health, ...query.value !== void 0 && { stats: query.value } };
}
function message2(error) {
  return error instanceof Error ? error.message : String(error);
}

// dist/src/activities/monitor/verifyProduction.js
async function verifyProduction(deps, input2) {
  const production = await deps.appService.getSlot(input2.site);
  const probe2 = await deps.probe.probe(production.url, input2.healthPath, {
    timeoutMs: input2.timeoutMs,
    expectStatus: 200
  });
  const configured = production.digest;
  const verified = await verifyServedImage(deps, input2.site, production.url, input2.digest, input2.timeoutMs);
  const served = verified?.serves === true ? input2.digest : void 0;
  const problems = [];
  if (configured !== input2.digest)
    problems.push(`configured ${configured ?? "no digest"}`);
  if (verified?.serves === false)
    problems.push(verified.detail);
  if (!probe2.ok)
    problems.push(`health ${probe2.detail}`);
  return {
    ok: problems.length === 0,
    ...configured !== void 0 && { configuredDigest: configured },
    ...served !== void 0 && { servedDigest: served },
    status: probe2.status,
    detail: problems.length === 0 ? `production runs and serves ${input2.digest}` : `production: expected ${input2.digest}, ${problems.join(", ")}`
  };
}

// dist/src/activities/monitor/createMonitorActivities.js
function createMonitorActivities(deps) {
  return {
    monitorQueryRequests: (input2) => queryRequests(deps, input2),
    monitorSampleProduction: (input2) => sampleProduction(deps, input2),
    monitorBeginSwapBack: (input2) => beginSwapBack(deps, input2),
    monitorPollSwapBack: (input2) => deps.appService.pollSwap(input2.handle),
    monitorVerifyProduction: (input2) => verifyProduction(deps, input2),
    monitorNotifyRollback: (input2) => notifyRollback(deps, input2),
    monitorPageRollback: (input2) => pageRollback(deps, input2),
    monitorAudit: (input2) => auditMonitorEvent(deps, input2)
  };
}

// dist/src/activities/monitor/encodeMonitorFailure.js
function encodeMonitorFailure(error) {
  return encodeActivityFailure(error);
}

// dist/src/activities/monitor/index.js
function registerMonitorActivities(deps) {
  const activities = createMonitorActivities(deps);
  for (const name of Object.keys(activities)) {
    df4.app.activity(name, { handler: (input2) => run2(activities, name, input2) });
  }
}
async function run2(activities, name, input2) {
  const handler = activities[name];
  try {
    return await handler(input2);
  } catch (error) {
    throw new Error(encodeMonitorFailure(error), { cause: error });
  }
}

// dist/src/azure/lazyPort.js
function lazyPort(load, methods) {
  let loading;
  const port = () => {
    loading ??= load().catch((err) => {
      loading = void 0;
      throw err;
    });
    return loading;
  };
  const forwarding = {};
  for (const name of Object.keys(methods)) {
    forwarding[name] = async (...args) => {
      const target = await port();
      const method = target[name];
      return method.apply(target, args);
    };
  }
  return forwarding;
}

// dist/src/azure/createLazyAdapters.js
function createLazyAdapters(settings2, options = {}) {
  const parsed = readAzureSettings(settings2);
  checkTransport(parsed);
  let built;
  const sdk = () => {
    built ??= Promise.all([import("./createClients-53HXXRJH.js"), import("./createAdapters-UPGQCXDX.js")]).then(([clients, adapters2]) => adapters2.createAdapters(clients.createClients(settings2, options))).catch((err) => {
      built = void 0;
      throw err;
    });
    return built;
  };
  return {
    appService: lazyPort(async () => (await sdk()).appService, {
      getSlot: true,
      listSlots: true,
      deployImage: true,
      beginSwap: true,
      pollSwap: true
    }),
    probe: new FetchHttpProbe(),
    hooks: new FetchHookClient(),
    notifier: new SlackNotifier(),
    audit: lazyPort(async () => (await sdk()).audit, {
      append: true,
      putRelease: true,
      getRelease: true,
      events: true
    }),
    claims: lazyPort(async () => (await sdk()).claims, { claim: true, read: true, remove: true }),
    requestMetrics: lazyPort(async () => (await sdk()).requestMetrics, { requestStats: true }),
    slotMetrics: lazyPort(async () => (await sdk()).slotMetrics, { traffic: true }),
    routing: lazyPort(async () => (await sdk()).routing, { readShares: true, setShare: true }),
    registry: lazyPort(async () => (await sdk()).registry, { resolveTag: true }),
    siteUrl: (hostName) => parsed.hostMap[hostName.toLowerCase()] ?? `https://${hostName}`
  };
}

// dist/src/domain/config/deferConfigFile.js
function deferConfigFile(path, options) {
  let outcome;
  let loading;
  return {
    load() {
      loading ??= import("./loadConfig-5BCDHPOJ.js").then(({ loadConfigFile }) => {
        try {
          outcome = { ok: true, config: loadConfigFile(path, options) };
        } catch (error) {
          outcome = { ok: false, error: asError(error) };
        }
      }, (error) => {
        outcome = { ok: false, error: asError(error) };
      });
      return loading;
    },
    current() {
      if (outcome === void 0) {
        throw new Error(`pipeline config ${path}: read before it was loaded (read it inside an invocation, after load())`);
      }
      if (!outcome.ok)
        throw outcome.error;
      return outcome.config;
    }
  };
}
function asError(error) {
  return error instanceof Error ? error : new Error(String(error));
}

// dist/src/functions/alerts.js
import * as df5 from "durable-functions";

// dist/src/domain/monitor/assessSample.js
function assessSample(sample, thresholds) {
  const stats = sample.stats;
  const errorRate = stats !== void 0 && stats.requests > 0 ? stats.serverErrors / stats.requests : null;
  const p95Ms = stats?.p95Ms ?? null;
  const evidence = {
    at: sample.at,
    ...sample.window !== void 0 && { window: sample.window },
    ...stats !== void 0 && {
      requests: stats.requests,
      failed: stats.failed,
      serverErrors: stats.serverErrors
    },
    errorRate,
    p95Ms,
    health: { ok: sample.health.ok, status: sample.health.status, detail: sample.health.detail },
    thresholds,
    ...sample.queryError !== void 0 && { queryError: sample.queryError }
  };
  if (!sample.health.ok && sample.health.unknown !== true) {
    return {
      verdict: "breach",
      rules: ["health"],
      reason: `health probe failed: ${sample.health.detail}`,
      evidence
    };
  }
  if (sample.window === void 0) {
    return {
      verdict: "inconclusive",
      cause: "awaitingData",
      reason: "no complete post-swap data yet",
      evidence
    };
  }
  if (stats === void 0) {
    return {
      verdict: "inconclusive",
      cause: "queryFailed",
      reason: `request query failed: ${sample.queryError ?? "no result"}`,
      evidence
    };
  }
  if (stats.requests === 0 || stats.requests < thresholds.minRequests) {
    return {
      verdict: "inconclusive",
      cause: "lowTraffic",
      reason: `${stats.requests} requests < minRequests ${thresholds.minRequests}`,
      evidence
    };
  }
  const rules = [];
  const reasons = [];
  if (errorRate !== null && errorRate > thresholds.errorRate) {
    rules.push("errorRate");
    reasons.push(`errorRate ${round(errorRate)} > ${thresholds.errorRate}`);
  }
  if (p95Ms !== null && p95Ms > thresholds.p95Ms) {
    rules.push("p95");
    reasons.push(`p95 ${Math.round(p95Ms)}ms > ${thresholds.p95Ms}ms`);
  }
  if (rules.length > 0)
    return { verdict: "breach", rules, reason: reasons.join("; "), evidence };
  if (sample.health.unknown === true) {
    return {
      verdict: "inconclusive",
      cause: "probeFailed",
      reason: `health probe could not run: ${sample.health.detail}`,
      evidence
    };
  }
  return {
    verdict: "pass",
    reason: `errorRate ${round(errorRate ?? 0)} <= ${thresholds.errorRate}, p95 ${Math.round(p95Ms ?? 0)}ms <= ${thresholds.p95Ms}ms over ${stats.requests} requests`,
    evidence
  };
}
function round(n) {
  return Math.round(n * 1e4) / 1e4;
}

// dist/src/domain/canary/assessCanarySample.js
function assessCanarySample(sample, thresholds, maxErrorRateIncrease) {
  const canary = sample.canary;
  const verdict = assessSample({
    at: sample.at,
    ...sample.window !== void 0 && { window: sample.window },
    ...canary !== void 0 && {
      stats: {
        requests: canary.requests,
        failed: canary.http5xx,
        serverErrors: canary.http5xx,
        ...canary.averageResponseMs !== null && { p95Ms: canary.averageResponseMs }
      }
    },
    ...sample.queryError !== void 0 && { queryError: sample.queryError },
    health: sample.health
  }, thresholds);
  const baseline = sample.production;
  const baselineRate = baseline !== void 0 && baseline.requests > 0 ? baseline.http5xx / baseline.requests : null;
  const evidence = {
    ...verdict.evidence,
    latency: "average HttpResponseTime (platform metrics), held against the p95 threshold",
    ...baselineRate !== null && { productionErrorRate: round2(baselineRate) }
  };
  if (verdict.verdict !== "pass" || maxErrorRateIncrease === void 0 || baselineRate === null)
    return { ...verdict, evidence };
  const rate = verdict.evidence.errorRate ?? 0;
  if (rate - baselineRate <= maxErrorRateIncrease)
    return { ...verdict, evidence };
  return {
    verdict: "breach",
    rules: ["errorRate"],
    reason: `errorRate ${round2(rate)} exceeds production's ${round2(baselineRate)} by more than ${maxErrorRateIncrease}`,
    evidence
  };
}
function round2(n) {
  return Math.round(n * 1e4) / 1e4;
}

// dist/src/domain/canary/contract.js
var maxStepSamples = 5;
var canaryEvents = {
  /** {@link PromoteRequest}: go to the next step now. */
  promote: "promote"
};
function canaryInstanceId(releaseId) {
  return `${releaseId}-canary`;
}
var canaryOrchestratorName = "canaryRelease";

// dist/src/domain/identity/normalizeEmail.js
function normalizeEmail(email) {
  return email.trim().toLowerCase();
}

// dist/src/domain/canary/decidePromote.js
function decidePromote(plan, canary, actor) {
  const stage = plan.stages.find((s) => s.canary !== void 0);
  const own = stage?.approval?.approvers ?? [];
  const approvers = own.length > 0 ? own : plan.stages.flatMap((s) => s.approval?.approvers ?? []);
  const who = normalizeEmail(actor);
  if (approvers.length > 0 && !approvers.some((a) => normalizeEmail(a) === who))
    return { kind: "notApprover", approvers };
  const status = canary.status;
  if (stage === void 0)
    return { kind: "noCanary", detail: "the release has no canary stage" };
  if (!canary.running || status === void 0)
    return { kind: "noCanary", detail: "no canary is running for this release" };
  const view = status.canary;
  const step = view.waitingForPromotion?.step ?? view.step;
  const won = status.promotions[String(step)];
  if (won !== void 0)
    return { kind: "alreadyPromoted", step, by: won.by, at: won.at };
  if (view.state !== "judging" && view.state !== "waitingForPromotion" && view.state !== "routing")
    return { kind: "noCanary", detail: `the canary is ${view.state}` };
  return { kind: "allowed", fromStep: step, percent: view.steps[step]?.percent ?? view.percent };
}

// dist/src/domain/canary/decideStep.js
function decideStep(samples) {
  return samples.some((s) => s.verdict === "pass") ? "passed" : "inconclusive";
}

// dist/src/domain/monitor/matchesAlert.js
function matchesAlert(target, monitor, appInsights) {
  if (target.pipeline !== void 0 && target.pipeline === monitor.pipeline)
    return true;
  const { subscription, resourceGroup, site } = monitor.site;
  const siteId = normalizeResourceId(`/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/Microsoft.Web/sites/${site}`);
  const component = appInsights === void 0 ? void 0 : normalizeResourceId(appInsights);
  return target.resourceIds.some((id) => {
    const normalized = normalizeResourceId(id);
    return normalized === siteId || normalized === component;
  });
}
function normalizeResourceId(id) {
  return `/${id.toLowerCase().replace(/^\/+|\/+$/g, "")}`;
}

// dist/src/domain/canary/matchesCanaryAlert.js
function matchesCanaryAlert(target, canary, appInsights) {
  if (matchesAlert(target, canary, appInsights))
    return true;
  const slotId = `/providers/microsoft.web/sites/${canary.site.site}/slots/${canary.slot}`.toLowerCase();
  return target.resourceIds.some((id) => id.toLowerCase().replace(/\/+$/, "").endsWith(slotId));
}

// dist/src/domain/canary/metricsWindow.js
var minuteMs = 6e4;
function metricsWindow(stepStartedAt, now, lookbackMs, delayMs) {
  const startMs = Date.parse(stepStartedAt);
  if (Number.isNaN(startMs))
    throw new RangeError(`stepStartedAt: expected an ISO time, got ${stepStartedAt}`);
  const toMs = Math.floor((now.getTime() - delayMs) / minuteMs) * minuteMs;
  const fromMs = Math.max(Math.ceil(startMs / minuteMs) * minuteMs, Math.ceil((now.getTime() - lookbackMs) / minuteMs) * minuteMs);
  if (toMs <= fromMs)
    return void 0;
  return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}

// dist/src/domain/identity/checkAlertCaller.js
var alertKeyCaller = "azure-monitor (alerts function key)";
function checkAlertCaller(header, settings2) {
  const { audience, appId } = settings2;
  if (audience === void 0 && appId === void 0)
    return { kind: "accepted", by: alertKeyCaller };
  const refused = (reason) => ({ kind: "refused", reason });
  const principal = settings2.platformAuthEnabled ? header("x-ms-client-principal") : void 0;
  if (!principal) {
    return refused("a secure-webhook token is required (App Service Authentication passes its claims on)");
  }
  const claims2 = readClaims(principal);
  if (claims2 === void 0)
    return refused("x-ms-client-principal is unreadable");
  const aud = claims2.get("aud") ?? [];
  if (audience !== void 0 && !aud.includes(audience)) {
    return refused(`token audience ${JSON.stringify(aud.join(","))} is not ${audience}`);
  }
  const caller = claims2.get("appid") ?? claims2.get("azp") ?? [];
  if (appId !== void 0 && !caller.some((c) => c.toLowerCase() === appId.toLowerCase())) {
    return refused(`token app id ${JSON.stringify(caller.join(","))} is not ${appId}`);
  }
  return { kind: "accepted", by: `azure-monitor (app ${caller[0] ?? audience ?? ""})` };
}
function readClaims(headerValue) {
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(headerValue, "base64").toString("utf8"));
  } catch {
    return void 0;
  }
  const claims2 = decoded?.claims;
  if (!Array.isArray(claims2))
    return void 0;
  const byType = /* @__PURE__ */ new Map();
  for (const claim of claims2) {
    if (typeof claim.typ !== "string" || typeof claim.val !== "string")
      continue;
    byType.set(claim.typ, [...byType.get(claim.typ) ?? [], claim.val]);
  }
  return byType;
}

// dist/src/domain/monitor/contract.js
var maxRecentSamples = 20;
var monitorEvents = {
  /** {@link MonitorDecision}: the decision a paused (inconclusive) monitor waits for. */
  decision: "monitorDecision"
};
function monitorInstanceId(releaseId) {
  return `${releaseId}-monitor`;
}
function rollbackInstanceId(releaseId) {
  return `${releaseId}-rollback`;
}
var monitorOrchestratorNames = {
  monitor: "monitorRelease",
  rollback: "rollbackRelease"
};

// dist/src/domain/monitor/decideTick.js
function decideTick(run3, verdict, policy) {
  switch (verdict.verdict) {
    case "pass":
      return { action: "continue", run: { consecutiveBreaches: 0 } };
    case "breach": {
      const grown = {
        consecutiveBreaches: run3.consecutiveBreaches + 1,
        firstBreachAt: run3.firstBreachAt ?? verdict.evidence.at
      };
      if (grown.consecutiveBreaches < policy.failureLimit)
        return { action: "continue", run: grown };
      const of = policy.failureLimit > 1 ? ` (${grown.consecutiveBreaches} consecutive breaches)` : "";
      return {
        action: "rollback",
        run: grown,
        trigger: verdict.rules.includes("health") ? "health" : "breach",
        reason: `${verdict.reason}${of}`,
        detectedAt: grown.firstBreachAt ?? verdict.evidence.at
      };
    }
    case "inconclusive": {
      if (verdict.cause === "awaitingData")
        return { action: "continue", run: run3 };
      switch (policy.inconclusive) {
        case "continue":
          return { action: "continue", run: run3 };
        case "pause":
          return { action: "pause", run: run3, reason: `inconclusive: ${verdict.reason}` };
        case "rollback":
          return {
            action: "rollback",
            run: run3,
            trigger: "inconclusive",
            reason: `inconclusive: ${verdict.reason}`,
            detectedAt: verdict.evidence.at
          };
        default: {
          const never = policy.inconclusive;
          throw new Error(`inconclusive: unknown policy ${String(never)}`);
        }
      }
    }
    default: {
      const never = verdict;
      throw new Error(`verdict: unknown ${JSON.stringify(never)}`);
    }
  }
}

// dist/src/domain/monitor/manualRollback.js
function manualRollbackCommand(rollback) {
  const { site } = rollback;
  const where = `--subscription ${site.subscription} --resource-group ${site.resourceGroup} --name ${site.site}`;
  switch (rollback.stop) {
    case "notSwapped":
      return `az webapp deployment slot swap ${where} --slot ${rollback.slot} --target-slot production`;
    case "slotChanged":
    case "notVerified": {
      const repository = rollback.image.split("@")[0] ?? rollback.image;
      return `az webapp config container set ${where} --container-image-name ${repository}@${rollback.previousDigest}`;
    }
    default: {
      const never = rollback.stop;
      throw new Error(`rollback stop: unexpected ${String(never)}`);
    }
  }
}

// dist/src/domain/monitor/mayRollBack.js
function mayRollBack(plan, actor) {
  const approvers = plan.stages.flatMap((s) => s.approval?.approvers ?? []);
  if (approvers.length === 0)
    return true;
  const who = normalizeEmail(actor);
  return approvers.some((a) => normalizeEmail(a) === who);
}

// dist/src/domain/monitor/nextTick.js
function nextTick(window, intervalMs, now) {
  if (!(intervalMs > 0))
    throw new RangeError(`intervalMs: expected > 0, got ${intervalMs}`);
  const startMs = Date.parse(window.startedAt);
  const endMs = Date.parse(window.endsAt);
  const nowMs2 = now.getTime();
  if (nowMs2 >= endMs)
    return void 0;
  const k = nowMs2 < startMs ? 1 : Math.floor((nowMs2 - startMs) / intervalMs) + 1;
  return new Date(Math.min(startMs + k * intervalMs, endMs)).toISOString();
}

// dist/src/domain/monitor/parseAlertPush.js
var maxAlertTextLength = 200;
var maxAlertTargets = 50;
function parseAlertPush(body) {
  if (!isRecord2(body))
    throw new ValidationError("(body)", "a JSON object", describeValue(body));
  if (body["schemaId"] !== void 0)
    return parseCommonSchema(body);
  const pipeline = optionalString(body, "pipeline");
  if (pipeline === void 0) {
    throw new ValidationError("pipeline", "a pipeline name (or the common alert schema)", describeValue(body["pipeline"]));
  }
  const given = optionalString(body, "reason");
  if (given === void 0)
    throw new ValidationError("reason", "a non-empty string", describeValue(body["reason"]));
  const reason = clipFreeText(given, maxAlertTextLength);
  return {
    kind: "fire",
    target: { pipeline, resourceIds: [] },
    reason: `alert: ${reason}`,
    evidence: { alertReason: reason }
  };
}
function parseCommonSchema(body) {
  if (body["schemaId"] !== "azureMonitorCommonAlertSchema") {
    throw new ValidationError("schemaId", '"azureMonitorCommonAlertSchema"', describeValue(body["schemaId"]));
  }
  const data = body["data"];
  if (!isRecord2(data))
    throw new ValidationError("data", "an object", describeValue(data));
  const essentials = data["essentials"];
  if (!isRecord2(essentials)) {
    throw new ValidationError("data.essentials", "an object", describeValue(essentials));
  }
  const condition = optionalString(essentials, "monitorCondition", "data.essentials.");
  const rule = clipFreeText(optionalString(essentials, "alertRule", "data.essentials.") ?? "unnamed rule", maxAlertTextLength);
  if (condition !== void 0 && condition.toLowerCase() === "resolved") {
    return { kind: "ignored", reason: `alert "${rule}" resolved` };
  }
  const resourceIds = stringList(essentials, "alertTargetIDs").slice(0, maxAlertTargets).map((s) => s.toLowerCase());
  const custom = isRecord2(data["customProperties"]) ? data["customProperties"] : {};
  const pipeline = optionalString(custom, "pipeline", "data.customProperties.");
  if (resourceIds.length === 0 && pipeline === void 0) {
    throw new ValidationError("data.essentials.alertTargetIDs", "the resource ids the alert fired on (or customProperties.pipeline)", "none");
  }
  const rawSeverity = optionalString(essentials, "severity", "data.essentials.");
  const severity = rawSeverity === void 0 ? void 0 : clipFreeText(rawSeverity, 20);
  const firedAt = optionalString(essentials, "firedDateTime", "data.essentials.");
  const rawDescription = essentials["description"] === "" ? void 0 : optionalString(essentials, "description", "data.essentials.");
  const description = rawDescription === void 0 ? void 0 : clipFreeText(rawDescription, maxAlertTextLength);
  const evidence = { alertRule: rule };
  for (const key of [
    "alertId",
    "severity",
    "signalType",
    "monitoringService",
    "firedDateTime"
  ]) {
    const value = optionalString(essentials, key, "data.essentials.");
    if (value !== void 0)
      evidence[key] = clipFreeText(value, maxAlertTextLength);
  }
  const firedMs = firedAt === void 0 ? Number.NaN : Date.parse(firedAt);
  return {
    kind: "fire",
    target: { ...pipeline !== void 0 && { pipeline }, resourceIds },
    reason: `alert "${rule}"${severity === void 0 ? "" : ` (${severity})`} fired${description === void 0 ? "" : `: ${description}`}`,
    evidence,
    ...!Number.isNaN(firedMs) && { firedAt: new Date(firedMs).toISOString() }
  };
}
function isRecord2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function optionalString(record, key, prefix = "") {
  const value = record[key];
  if (value === void 0 || value === null)
    return void 0;
  if (typeof value !== "string" || value.trim() === "") {
    throw new ValidationError(`${prefix}${key}`, "a non-empty string", describeValue(value));
  }
  return value.trim();
}
function stringList(record, key) {
  const value = record[key];
  if (value === void 0 || value === null)
    return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new ValidationError(`data.essentials.${key}`, "a list of strings", describeValue(value));
  }
  return value;
}

// dist/src/domain/monitor/queryWindow.js
function queryWindow(swappedAt, now, lookbackMs, ingestionDelayMs) {
  const swapMs = Date.parse(swappedAt);
  if (Number.isNaN(swapMs))
    throw new RangeError(`swappedAt: expected an ISO time, got ${swappedAt}`);
  const toMs = now.getTime() - ingestionDelayMs;
  const fromMs = Math.max(swapMs, toMs - lookbackMs);
  if (toMs <= fromMs)
    return void 0;
  return { fromIso: new Date(fromMs).toISOString(), toIso: new Date(toMs).toISOString() };
}

// dist/src/domain/monitor/toSampleView.js
function toSampleView(verdict) {
  const e = verdict.evidence;
  return {
    at: e.at,
    requests: e.requests ?? 0,
    errorRate: e.errorRate === null ? null : Math.round(e.errorRate * 1e4) / 1e4,
    p95Ms: e.p95Ms === null ? null : Math.round(e.p95Ms),
    health: e.health.ok ? "pass" : "fail",
    verdict: verdict.verdict,
    reason: verdict.reason.length > 160 ? `${verdict.reason.slice(0, 157)}...` : verdict.reason
  };
}

// dist/src/functions/durable/activeCanaries.js
async function activeCanaries(client) {
  const filter = {
    showInput: true,
    runtimeStatus: ["Running", "Pending"]
  };
  const statuses = await client.getStatusBy(filter);
  return statuses.filter((s) => s.name === canaryOrchestratorName && isCanaryInput(s.input)).map((s) => s.input);
}
function isCanaryInput(value) {
  const v = value;
  return typeof v?.releaseId === "string" && typeof v.site?.site === "string" && typeof v.slot === "string";
}

// dist/src/functions/durable/releaseLinks.js
function releaseLinks(origin, id) {
  return {
    self: releaseStatusUrl(origin, id),
    approve: `${origin}/api/releases/${id}/approve`,
    console: consoleReleaseUrl(origin, id)
  };
}
function releaseStatusUrl(origin, id) {
  return `${origin}/api/releases/${encodeURIComponent(id)}`;
}

// dist/src/functions/http/json.js
function json(status, body, headers = {}) {
  return { status, jsonBody: body, headers: { "Content-Type": "application/json", ...headers } };
}

// dist/src/functions/http/accepted.js
var retryAfterSeconds = 10;
function accepted(origin, id, body = {}) {
  const statusQueryGetUri = releaseStatusUrl(origin, id);
  return json(202, { ...body, id, statusQueryGetUri }, { Location: statusQueryGetUri, "Retry-After": String(retryAfterSeconds) });
}

// dist/src/functions/http/ApiError.js
var ApiError = class extends Error {
  status;
  title;
  extensions;
  name = "ApiError";
  constructor(status, title, detail, extensions = {}) {
    super(detail);
    this.status = status;
    this.title = title;
    this.extensions = extensions;
  }
};
var UnauthorizedError = class extends ApiError {
  name = "UnauthorizedError";
  constructor(detail) {
    super(401, "Unauthorized", detail);
  }
};
var ForbiddenError = class extends ApiError {
  name = "ForbiddenError";
  constructor(detail, extensions) {
    super(403, "Forbidden", detail, extensions);
  }
};
var NotFoundError = class extends ApiError {
  name = "NotFoundError";
  constructor(detail) {
    super(404, "Not Found", detail);
  }
};
var ConflictError = class extends ApiError {
  name = "ConflictError";
  constructor(detail, extensions) {
    super(409, "Conflict", detail, extensions);
  }
};
var GoneError = class extends ApiError {
  name = "GoneError";
  constructor(detail, extensions) {
    super(410, "Gone", detail, extensions);
  }
};
var BadRequestError = class extends ApiError {
  name = "BadRequestError";
  constructor(errors) {
    super(400, "Bad Request", errors.map((e) => `${e.field}: expected ${e.expected}, got ${e.received}`).join("; "), { errors });
  }
};

// dist/src/functions/http/toProblem.js
var contentType = "application/problem+json";
function toProblem(error, instance) {
  if (error instanceof ValidationError) {
    return respond({
      type: "urn:slotpilot:problem:bad-request",
      title: "Bad Request",
      status: 400,
      detail: error.message,
      instance,
      errors: [{ field: error.field, expected: error.expected, received: error.received }]
    });
  }
  if (error instanceof ApiError) {
    return respond({
      ...error.extensions,
      type: `urn:slotpilot:problem:${kebab(error.title)}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      instance
    });
  }
  if (error instanceof RetryAfterError) {
    const seconds = Math.max(1, Math.ceil(error.afterMs / 1e3));
    return respond({
      type: "urn:slotpilot:problem:unavailable",
      title: "Service Unavailable",
      status: 503,
      detail: `${error.message}; retry after ${seconds}s`,
      instance
    }, { "Retry-After": String(seconds) });
  }
  if (error instanceof ConfigError) {
    return respond({
      type: "urn:slotpilot:problem:config",
      title: "Service Unavailable",
      status: 503,
      detail: error.message,
      instance,
      errors: error.issues.map((i) => ({
        field: i.path,
        expected: i.expected,
        received: i.received
      }))
    });
  }
  if (error instanceof NonRetryableError) {
    return respond({
      type: "urn:slotpilot:problem:upstream",
      title: "Bad Gateway",
      status: 502,
      detail: error.message,
      instance
    });
  }
  return respond({
    type: "urn:slotpilot:problem:internal",
    title: "Internal Server Error",
    status: 500,
    detail: "Slotpilot failed to handle the request; the function log has the cause.",
    instance
  });
}
function respond(problem, headers = {}) {
  return {
    status: problem.status,
    headers: { "Content-Type": contentType, ...headers },
    jsonBody: problem
  };
}
function kebab(title) {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

// dist/src/functions/http/withProblems.js
function withProblems(handler) {
  return async (request, client, context) => {
    try {
      return await handler(request, client, context);
    } catch (error) {
      const problem = toProblem(error, new URL(request.url).pathname);
      if (problem.status >= 500) {
        context.error(`${request.method} ${request.url} failed:`, error);
      }
      return problem;
    }
  };
}

// dist/src/functions/releases/requestOrigin.js
function requestOrigin(url) {
  return new URL(url).origin;
}

// dist/src/domain/view/effectiveStatus.js
var releaseStatuses = /* @__PURE__ */ new Set([
  "Running",
  "WaitingForApproval",
  ...terminalStatuses
]);
function isReleaseStatus(value) {
  return typeof value === "string" && releaseStatuses.has(value);
}
function effectiveStatus(runtimeStatus, published, output) {
  const final = published !== void 0 && terminalStatuses.has(published) ? published : void 0;
  switch (runtimeStatus) {
    case "Failed":
      return "Failed";
    case "Terminated":
    case "Canceled":
      return final ?? "Canceled";
    case "Completed": {
      const fromOutput = output?.status;
      return final ?? (isReleaseStatus(fromOutput) ? fromOutput : "Succeeded");
    }
    default:
      return published ?? "Running";
  }
}

// dist/src/domain/view/readCanaryStatus.js
function readCanaryStatus(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const status = value;
  const canary = status.canary;
  if (typeof canary !== "object" || !Array.isArray(canary.steps))
    return void 0;
  return {
    step: typeof status.step === "string" ? status.step : "",
    updatedAt: typeof status.updatedAt === "string" ? status.updatedAt : "",
    canary,
    promotions: typeof status.promotions === "object" ? status.promotions : {},
    ...typeof status.rollback === "object" && { rollback: status.rollback },
    ...(status.status === "RolledBack" || status.status === "Failed") && {
      status: status.status
    }
  };
}

// dist/src/domain/view/readCustomStatus.js
function readCustomStatus(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const status = value;
  if (!isReleaseStatus(status.status) || !Array.isArray(status.stages))
    return void 0;
  return status;
}
function readMonitorStatus(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const status = value;
  const monitor = typeof status.monitor === "object" ? status.monitor : void 0;
  const rollback = typeof status.rollback === "object" ? status.rollback : void 0;
  const step = typeof status.step === "string" ? status.step : void 0;
  const waiting = readDecisionWait(status.waitingForDecision);
  const final = status.status === "RolledBack" || status.status === "Failed" ? status.status : void 0;
  if (monitor === void 0 && rollback === void 0 && step === void 0)
    return void 0;
  return {
    ...monitor === void 0 ? {} : { monitor },
    ...rollback === void 0 ? {} : { rollback },
    ...step === void 0 ? {} : { step },
    ...waiting === void 0 ? {} : { waitingForDecision: waiting },
    ...final === void 0 ? {} : { status: final }
  };
}
function readDecisionWait(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const { since, reason } = value;
  return typeof since === "string" && typeof reason === "string" ? { since, reason } : void 0;
}

// dist/src/domain/view/readReleaseInput.js
function readReleaseInput(input2, releaseId) {
  const value = typeof input2 === "object" && input2 !== null ? input2 : {};
  const text = (v) => typeof v === "string" ? v : void 0;
  const planValue = value.plan;
  const plan = { stages: Array.isArray(planValue?.stages) ? planValue.stages : [] };
  const tag = text(value.tag);
  return {
    pipeline: text(value.pipeline) ?? releaseId.replace(/-[0-9a-f]{20}$/, ""),
    image: text(value.image) ?? "",
    ...tag === void 0 ? {} : { tag },
    digest: text(value.digest) ?? "",
    requestedBy: text(value.requestedBy) ?? "",
    plan
  };
}

// dist/src/domain/view/readStageProgress.js
function readStageProgress(value) {
  if (typeof value !== "object" || value === null)
    return void 0;
  const progress = value;
  if (typeof progress.stage !== "string" || typeof progress.step !== "string" || typeof progress.updatedAt !== "string" || !Array.isArray(progress.checks)) {
    return void 0;
  }
  return progress;
}
function stageInProgress(custom) {
  if (custom === void 0)
    return void 0;
  const current = custom.stages.find((s) => s.name === custom.stage);
  if (current?.status === "Running")
    return current.name;
  return custom.stages.find((s) => s.status === "Running")?.name;
}

// dist/src/domain/view/toIso.js
function toIso(value) {
  if (typeof value === "string") {
    const parsed = Date.parse(value);
    return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
  }
  return value.toISOString();
}

// dist/src/domain/view/buildReleaseView.js
var live = /* @__PURE__ */ new Set(["Running", "Pending", "ContinuedAsNew"]);
function buildReleaseView(sources) {
  const { release, links } = sources;
  const input2 = readReleaseInput(release.input, release.instanceId);
  const published = readCustomStatus(release.customStatus);
  const custom = published === void 0 ? void 0 : mergeStageProgress(published, readStageProgress(sources.stage?.customStatus));
  const monitorParts = readMonitorStatus(sources.monitor?.customStatus);
  const lateRollback = readMonitorStatus(sources.rollback?.customStatus);
  const rolledBackLate = lateRollback?.status === "RolledBack";
  const status = rolledBackLate ? "RolledBack" : effectiveStatus(release.runtimeStatus, custom?.status, release.output);
  const stages = custom?.stages ?? input2.plan.stages.map((s) => ({ name: s.name, status: "Pending", checks: [] }));
  const ended = status !== custom?.status && status !== "Running" && !rolledBackLate;
  const monitorLive = sources.monitor !== void 0 && live.has(sources.monitor.runtimeStatus) && !ended;
  const monitor = withThresholds(monitorView(monitorParts, monitorLive) ?? custom?.monitor, input2.plan.stages.find((s) => s.monitor !== void 0)?.monitor?.thresholds);
  const canaryParts = readCanaryStatus(sources.canary?.customStatus);
  const canaryLive = sources.canary !== void 0 && live.has(sources.canary.runtimeStatus) && !ended;
  const rollback = lateRollback?.rollback ?? monitorParts?.rollback ?? canaryParts?.rollback ?? custom?.rollback;
  const rollbackActive = sources.rollback?.runtimeStatus === "Running" || rolledBackLate;
  const rollbackStep = rollbackActive ? lateRollback?.step : void 0;
  const monitorStep = monitorLive ? monitorParts?.step : canaryLive && canaryParts?.step !== "" ? canaryParts?.step : void 0;
  return {
    id: release.instanceId,
    pipeline: input2.pipeline,
    image: input2.image,
    ...input2.tag === void 0 ? {} : { tag: input2.tag },
    digest: input2.digest,
    status,
    stage: custom?.stage ?? stages[0]?.name ?? "",
    step: ended ? `ended: ${status}` : rollbackStep ?? monitorStep ?? custom?.step ?? "starting",
    requestedBy: input2.requestedBy,
    createdAt: toIso(release.createdTime),
    updatedAt: custom?.updatedAt ?? toIso(release.lastUpdatedTime),
    stages,
    ...custom?.waitingFor === void 0 || ended ? {} : { waitingFor: custom.waitingFor },
    ...custom?.waitingForLock === void 0 || ended ? {} : { waitingForLock: custom.waitingForLock },
    ...custom?.previousDigest === void 0 ? {} : { previousDigest: custom.previousDigest },
    ...custom?.swappedAt === void 0 ? {} : { swappedAt: custom.swappedAt },
    ...monitor === void 0 ? {} : { monitor },
    ...canaryParts === void 0 ? {} : { canary: canaryParts.canary },
    ...rollback === void 0 ? {} : { rollback },
    links
  };
}
function withThresholds(monitor, thresholds) {
  if (monitor === void 0 || thresholds === void 0)
    return monitor;
  return { ...monitor, thresholds: { ...thresholds } };
}
function monitorView(parts, monitorLive) {
  if (parts?.monitor === void 0)
    return void 0;
  const waiting = monitorLive ? parts.waitingForDecision : void 0;
  return {
    ...parts.monitor,
    ...parts.step === void 0 ? {} : { step: parts.step },
    ...waiting === void 0 ? {} : { waitingForDecision: waiting }
  };
}

// dist/src/domain/view/matchPipelines.js
function matchPipelines(config2, image) {
  const sameSource = config2.pipelines.filter((p) => p.source.registry.toLowerCase() === image.registry.toLowerCase() && p.source.repository === image.repository);
  if (sameSource.length === 0)
    return { kind: "unknownSource" };
  const tag = image.tag;
  const matched = tag === void 0 ? sameSource : sameSource.filter((p) => matchesTagFilter(tag, p.source.tags));
  return matched.length > 0 ? { kind: "matched", pipelines: matched } : { kind: "filtered", pipelines: sameSource.map((p) => p.name) };
}

// dist/src/domain/view/parseListQuery.js
var listLimits = { defaultTop: 50, maxTop: 1e3 };
function parseListQuery(get) {
  const pipeline = get("pipeline") ?? void 0;
  const status = get("status") ?? void 0;
  const topText = get("top");
  if (status !== void 0 && !isReleaseStatus(status)) {
    throw new ValidationError("status", "one of Running, WaitingForApproval, Succeeded, RolledBack, Rejected, Expired, Superseded, Canceled, Failed", describeValue(status));
  }
  let top = listLimits.defaultTop;
  if (topText !== null) {
    top = /^\d+$/.test(topText) ? Number(topText) : Number.NaN;
    if (!(top >= 1 && top <= listLimits.maxTop)) {
      throw new ValidationError("top", `a whole number from 1 to ${listLimits.maxTop}`, describeValue(topText));
    }
  }
  if (pipeline === "")
    throw new ValidationError("pipeline", "a pipeline name", "an empty string");
  return {
    ...pipeline === void 0 ? {} : { pipeline },
    ...status === void 0 ? {} : { status },
    top
  };
}

// dist/src/domain/view/selectReleases.js
function selectReleases(releases, query) {
  return releases.filter((r) => query.pipeline === void 0 || r.pipeline === query.pipeline).filter((r) => query.status === void 0 || r.status === query.status).sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).slice(0, query.top);
}

// dist/src/domain/view/SlotsView.js
function buildSlotsView(pipeline, slotsByStage, sharesByStage = []) {
  return {
    pipeline: pipeline.name,
    stages: pipeline.stages.map((stage, index) => ({
      stage: stage.name,
      site: stage.target.site,
      slots: withTraffic(slotsByStage[index] ?? [], sharesByStage[index]).sort((a, b) => a.name === "production" ? -1 : b.name === "production" ? 1 : a.name.localeCompare(b.name)).map((slot) => ({
        name: slot.name,
        image: slot.image ?? null,
        digest: slot.digest ?? null,
        state: slot.state,
        hostName: slot.hostName,
        ...slot.trafficPercent !== void 0 && { trafficPercent: slot.trafficPercent }
      }))
    }))
  };
}
function withTraffic(slots, shares) {
  if (shares === void 0)
    return [...slots];
  const of = (slot) => shares.filter((r) => r.hostName.toLowerCase() === slot.hostName.toLowerCase()).reduce((sum, r) => sum + r.percent, 0);
  const routed = slots.filter((s) => s.name !== "production").reduce((sum, s) => sum + of(s), 0);
  return slots.map((slot) => ({
    ...slot,
    trafficPercent: slot.name === "production" ? Math.max(0, 100 - routed) : of(slot)
  }));
}

// dist/src/domain/view/summarizeRelease.js
function summarizeRelease(view) {
  return {
    id: view.id,
    pipeline: view.pipeline,
    image: view.image,
    ...view.tag === void 0 ? {} : { tag: view.tag },
    digest: view.digest,
    status: view.status,
    stage: view.stage,
    step: view.step,
    requestedBy: view.requestedBy,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    links: { self: view.links.self }
  };
}

// dist/src/functions/durable/isNotFound.js
function isNotFound(error) {
  const message3 = error instanceof Error ? error.message : String(error);
  return /HTTP 404|No instance with ID/i.test(message3);
}

// dist/src/functions/durable/tryGetStatus.js
async function tryGetStatus(client, instanceId) {
  try {
    return await client.getStatus(instanceId, { showInput: true });
  } catch (error) {
    if (isNotFound(error))
      return void 0;
    throw error;
  }
}

// dist/src/functions/durable/raiseToCanary.js
async function raiseToCanary(client, releaseId, eventName, payload) {
  const id = canaryInstanceId(releaseId);
  const canary = await tryGetStatus(client, id);
  if (canary === void 0 || !["Running", "Pending"].includes(canary.runtimeStatus))
    return false;
  const state = canary.customStatus?.canary?.state;
  if (state === "aborted" || state === "promoted")
    return false;
  await client.raiseEvent(id, eventName, payload);
  return true;
}

// dist/src/domain/identity/decideApproval.js
function decideApproval(facts, request) {
  const planned = facts.plan.stages.find((s) => s.name === request.stage);
  if (planned === void 0) {
    return { kind: "unknownStage", stages: facts.plan.stages.map((s) => s.name) };
  }
  if (terminalStatuses.has(facts.status))
    return { kind: "ended", status: facts.status };
  if (facts.status !== "WaitingForApproval" || facts.waitingFor?.stage !== request.stage) {
    return facts.waitingFor === void 0 ? { kind: "notWaiting" } : { kind: "notWaiting", waitingFor: facts.waitingFor.stage };
  }
  const actor = normalizeEmail(request.actor);
  const approvers = planned.approval?.approvers ?? [];
  if (!approvers.some((a) => normalizeEmail(a) === actor)) {
    return { kind: "notAnApprover", approvers };
  }
  if (request.action === "reject")
    return { kind: "allowed" };
  if (normalizeEmail(facts.requestedBy) === actor)
    return { kind: "selfApproval" };
  const given = facts.waitingFor.approvals ?? [];
  if (given.some((a) => normalizeEmail(a.by) === actor)) {
    return {
      kind: "alreadyApproved",
      approvals: given.length,
      required: planned.approval?.required ?? 1
    };
  }
  for (const other of planned.approval?.distinctFrom ?? []) {
    const earlier = facts.stages.find((s) => s.name === other);
    const by = [...earlier?.approvals ?? [], ...earlier?.approval ? [earlier.approval] : []];
    if (by.some((a) => normalizeEmail(a.by) === actor))
      return { kind: "sameApprover", stage: other };
  }
  return { kind: "allowed" };
}

// dist/src/domain/identity/decideCancel.js
function decideCancel(facts, actor) {
  const who = normalizeEmail(actor);
  const mayCancel = facts.plan.stages.some((s) => (s.approval?.approvers ?? []).some((a) => normalizeEmail(a) === who));
  if (!mayCancel)
    return { kind: "notAllowed" };
  if (terminalStatuses.has(facts.status))
    return { kind: "ended", status: facts.status };
  if (facts.swappedAt !== void 0)
    return { kind: "swapped", at: facts.swappedAt };
  return { kind: "allowed" };
}

// dist/src/domain/identity/issueToken.js
var tokenIssuer = "slotpilot";

// dist/src/domain/identity/parseClientPrincipal.js
var emailClaimTypes = [
  "preferred_username",
  "email",
  "emails",
  "upn",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"
];
function parseClientPrincipal(headerValue) {
  let decoded;
  try {
    decoded = JSON.parse(Buffer.from(headerValue, "base64").toString("utf8"));
  } catch {
    return void 0;
  }
  if (typeof decoded !== "object" || decoded === null)
    return void 0;
  const record = decoded;
  const claims2 = Array.isArray(record.claims) ? record.claims.filter(isClaim) : [];
  const preferred = typeof record.name_typ === "string" ? [...emailClaimTypes, record.name_typ] : emailClaimTypes;
  for (const type of preferred) {
    const value = claims2.find((c) => c.typ === type && c.val.includes("@"))?.val;
    if (value !== void 0)
      return normalizeEmail(value);
  }
  return void 0;
}
function isClaim(value) {
  if (typeof value !== "object" || value === null)
    return false;
  const claim = value;
  return typeof claim.typ === "string" && typeof claim.val === "string";
}

// dist/src/domain/identity/verifyToken.js
async function verifyToken(token, signingKey, nowMs2) {
  if (signingKey === "")
    return { kind: "invalid", reason: "bearer tokens are not configured" };
  try {
    const { jwtVerify } = await import("jose");
    const { payload } = await jwtVerify(token, new TextEncoder().encode(signingKey), {
      issuer: tokenIssuer,
      algorithms: ["HS256"],
      requiredClaims: ["sub", "exp", "iat"],
      ...nowMs2 === void 0 ? {} : { currentDate: new Date(nowMs2) }
    });
    const sub = payload.sub ?? "";
    if (!sub.includes("@"))
      return { kind: "invalid", reason: "token subject is not an email" };
    return { kind: "authenticated", principal: { email: normalizeEmail(sub), via: "token" } };
  } catch (error) {
    const code = error.code;
    const reason = code === "ERR_JWT_EXPIRED" ? "token expired" : code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "token signature is invalid" : `token rejected (${error instanceof Error ? error.message : String(error)})`;
    return { kind: "invalid", reason };
  }
}

// dist/src/domain/identity/resolveIdentity.js
async function resolveIdentity(header, settings2, nowMs2) {
  if (settings2.platformAuthEnabled) {
    const principalHeader = header("x-ms-client-principal");
    if (principalHeader) {
      const email = parseClientPrincipal(principalHeader);
      if (email === void 0) {
        return { kind: "invalid", reason: "x-ms-client-principal names no email claim" };
      }
      return { kind: "authenticated", principal: { email, via: "platform" } };
    }
  }
  const authorization = header("authorization");
  if (!authorization)
    return { kind: "missing" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (match?.[1] === void 0) {
    return { kind: "invalid", reason: 'Authorization header is not "Bearer <token>"' };
  }
  return verifyToken(match[1], settings2.signingKey, nowMs2);
}

// dist/src/functions/http/authenticate.js
async function authenticate(headers, settings2) {
  const outcome = await resolveIdentity((name) => headers.get(name), settings2);
  switch (outcome.kind) {
    case "authenticated":
      return outcome.principal;
    case "missing":
      throw new UnauthorizedError('No identity: send "Authorization: Bearer <token>" (npx slotpilot token issue --user EMAIL) or sign in through App Service Authentication.');
    case "invalid":
      throw new UnauthorizedError(`Identity not accepted: ${outcome.reason}.`);
  }
}

// dist/src/functions/http/readBody.js
async function readBody(text, body) {
  const schema = await body.schema();
  const raw = await text();
  let parsed;
  try {
    parsed = raw.trim() === "" ? void 0 : JSON.parse(raw);
  } catch {
    throw new BadRequestError([
      { field: "(body)", expected: "a JSON object", received: "text that is not JSON" }
    ]);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError([
      { field: "(body)", expected: "a JSON object", received: describeValue(parsed) }
    ]);
  }
  const fields = Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== null));
  const result = schema.safeParse(fields);
  if (result.success)
    return result.data;
  throw new BadRequestError(result.error.issues.map((issue) => toFieldProblem(issue, fields)));
}
function toFieldProblem(issue, body) {
  const field = issue.path.map(String).join(".") || "(body)";
  const value = issue.path.reduce((at, key) => at?.[key], body);
  switch (issue.code) {
    case "too_big":
      return {
        field,
        expected: `at most ${String(issue.maximum)} characters`,
        received: typeof value === "string" ? `${value.length}` : describeValue(value)
      };
    case "invalid_type":
    case "too_small":
      return {
        field,
        expected: issue.code === "too_small" || issue.expected === "string" ? "a non-empty string" : `a ${issue.expected}`,
        received: describeValue(value)
      };
    case "invalid_value":
      return {
        field,
        expected: issue.values.map((v) => JSON.stringify(v)).join(" or "),
        received: describeValue(value)
      };
    default:
      return { field, expected: issue.message, received: describeValue(value) };
  }
}

// dist/src/functions/http/readRouteId.js
var idCharacters = /^[A-Za-z0-9._-]{1,128}$/;
var releaseIdShape = /^[a-z0-9]([a-z0-9-]{0,58}[a-z0-9])?-[0-9a-f]{20}$/;
function readRouteId(params, field) {
  const value = params[field] ?? "";
  if (!idCharacters.test(value)) {
    throw new BadRequestError([
      {
        field,
        expected: 'an id of letters, digits, ".", "_" and "-" (at most 128)',
        received: describeValue(value)
      }
    ]);
  }
  return value;
}
function readReleaseId(params) {
  const id = readRouteId(params, "id");
  if (!releaseIdShape.test(id))
    throw new NotFoundError(`No release with id ${id}.`);
  return id;
}

// dist/src/functions/http/requestBodies.js
function requestBody(name) {
  return {
    name,
    schema: async () => (await import("./requestBodySchemas-RCSDWN64.js")).requestBodySchemas[name]
  };
}
var requestBodies = {
  startRelease: requestBody("startRelease"),
  approve: requestBody("approve"),
  reject: requestBody("reject"),
  promote: requestBody("promote"),
  reason: requestBody("reason"),
  hookCallback: requestBody("hookCallback")
};

// dist/src/functions/releases/decideOnce.js
async function decideOnce(claims2, slot, claim, subject, apply) {
  const key = ["decisions", ...slot];
  const result = await claims2.claim(key, { ...claim });
  if (!result.won)
    throw decidedAlready(subject, toDecision(result.record));
  try {
    await apply();
  } catch (error) {
    await claims2.remove(key).catch(() => void 0);
    throw error;
  }
  return () => claims2.remove(key);
}
async function refuseIfDecided(claims2, slot, subject) {
  const won = await readDecided(claims2, slot);
  if (won !== void 0)
    throw decidedAlready(subject, won);
}
async function readDecided(claims2, slot) {
  const won = await claims2.read(["decisions", ...slot]);
  return won === void 0 ? void 0 : toDecision(won);
}
function toDecision(won) {
  const text = (v) => typeof v === "string" ? v : "unknown";
  return { decision: text(won["decision"]), by: text(won["by"]), at: text(won["at"]) };
}
function decidedAlready(subject, won) {
  return new ConflictError(`${subject} was decided already: ${won.decision} by ${won.by} at ${won.at}.`, { decided: { decision: won.decision, by: won.by, at: won.at } });
}

// dist/src/functions/rollback.js
var running = /* @__PURE__ */ new Set(["Running", "Pending", "ContinuedAsNew"]);
function rollbackHandler(deps) {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const rollback = {
      source: "manual",
      by: principal.email,
      reason: body.reason,
      at: (/* @__PURE__ */ new Date()).toISOString()
    };
    const claim = { decision: "rollback", by: rollback.by, at: rollback.at };
    if (await rollbackCanary(client, releaseId, principal.email, rollback)) {
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during the canary`);
      return accepted(origin, releaseId, { releaseId, phase: "canary", ...rollback });
    }
    const monitor = await monitorOf(client, releaseId, principal.email);
    const run3 = [releaseId, swapOf(monitor)];
    if (running.has(monitor.runtimeStatus)) {
      const since = pausedSince(monitor);
      await decideOnce(deps.claims, since === void 0 ? [...run3, "rollback"] : [...run3, "monitor", since], claim, `Monitoring of release ${releaseId}`, () => client.raiseEvent(monitor.instanceId, releaseEvents.rollback, rollback));
      context.log(`release ${releaseId}: rollback requested by ${rollback.by} during monitoring`);
      return accepted(origin, releaseId, { releaseId, phase: "monitoring", ...rollback });
    }
    const outcome = monitor.output?.outcome;
    if (outcome === "rolledBack")
      throw new ConflictError(`Release ${releaseId} was rolled back already.`);
    const id = rollbackInstanceId(releaseId);
    const previous = await tryGetStatus(client, id);
    if (previous?.output?.outcome === "rolledBack") {
      throw new ConflictError(`Release ${releaseId} was rolled back already.`);
    }
    const { carry: _carry, ...target } = monitor.input;
    const input2 = { monitor: target, request: rollback };
    const giveBack = await decideOnce(deps.claims, [...run3, "rollback"], claim, `Rolling back release ${releaseId}`, async () => {
      await client.startNew(monitorOrchestratorNames.rollback, { instanceId: id, input: input2 });
    });
    const settled2 = await waitForDecision(client, id);
    if (settled2.phase === "refused") {
      await giveBack();
      throw new ConflictError(`Nothing to roll back: ${settled2.error ?? "the slot changed"}.`, {
        releaseId
      });
    }
    context.log(`release ${releaseId}: rollback after the window requested by ${rollback.by}`);
    return accepted(origin, releaseId, { releaseId, phase: settled2.phase, ...rollback });
  };
}
function resumeHandler(deps) {
  return async (request, client) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const monitor = await monitorOf(client, releaseId, principal.email);
    const since = pausedSince(monitor);
    if (!running.has(monitor.runtimeStatus) || since === void 0) {
      throw new ConflictError(`Release ${releaseId}: monitoring is not paused for a decision.`);
    }
    const decision = {
      decision: "continue",
      by: principal.email,
      reason: body.reason,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      pausedSince: since
    };
    await decideOnce(deps.claims, [releaseId, swapOf(monitor), "monitor", since], { decision: "resumed", by: decision.by, at: decision.at }, `Monitoring of release ${releaseId}`, () => client.raiseEvent(monitor.instanceId, monitorEvents.decision, decision));
    return accepted(requestOrigin(request.url), releaseId, { releaseId, ...decision });
  };
}
function swapOf(monitor) {
  const swappedAt = monitor.input?.swappedAt;
  return typeof swappedAt === "string" && swappedAt !== "" ? swappedAt : "unknown";
}
function pausedSince(monitor) {
  const custom = monitor.customStatus;
  const since = custom?.waitingForDecision?.since;
  return typeof since === "string" ? since : void 0;
}
async function rollbackCanary(client, releaseId, actor, rollback) {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release)
    throw new NotFoundError(`No release with id ${releaseId}.`);
  if (!mayRollBack(readReleaseInput(release.input, releaseId).plan, actor)) {
    throw new ForbiddenError(`${actor} approves no stage of release ${releaseId}.`);
  }
  return raiseToCanary(client, releaseId, releaseEvents.rollback, rollback);
}
async function monitorOf(client, releaseId, actor) {
  const release = await tryGetStatus(client, releaseId);
  if (release?.name !== orchestratorNames.release)
    throw new NotFoundError(`No release with id ${releaseId}.`);
  const { plan } = readReleaseInput(release.input, releaseId);
  if (!mayRollBack(plan, actor)) {
    throw new ForbiddenError(`${actor} approves no stage of release ${releaseId}.`);
  }
  const monitor = await tryGetStatus(client, monitorInstanceId(releaseId));
  if (monitor === void 0 || monitor.input === null || monitor.input === void 0) {
    throw new ConflictError(`Nothing to roll back: release ${releaseId} was not swapped into production.`);
  }
  return monitor;
}
async function waitForDecision(client, id) {
  const deadline = Date.now() + 1e4;
  for (; ; ) {
    const status = await tryGetStatus(client, id);
    const custom = status?.customStatus;
    const output = status?.output;
    if (output?.outcome === "refused")
      return { phase: "refused", ...output.error !== void 0 && { error: output.error } };
    if (custom?.phase !== void 0 && custom.phase !== "checking" && custom.phase !== "refused") {
      return { phase: custom.phase };
    }
    if (status !== void 0 && !running.has(status.runtimeStatus))
      return { phase: "done" };
    if (Date.now() > deadline)
      return { phase: "checking" };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// dist/src/functions/alerts.js
function registerRecoveryFunctions(deps) {
  const route = (name, path, handler) => {
    df5.app.client.http(name, {
      methods: ["POST"],
      route: path,
      authLevel: "function",
      handler: withProblems(handler)
    });
  };
  route("alertPush", "alerts", alertsHandler(deps));
  route("requestRollback", "releases/{id}/rollback", rollbackHandler(deps));
  route("resumeMonitoring", "releases/{id}/resume", resumeHandler(deps));
}
function alertsHandler(deps) {
  return async (request, client, context) => {
    const caller = checkAlertCaller((name) => request.headers.get(name), {
      ...deps.alerts,
      platformAuthEnabled: deps.identity.platformAuthEnabled
    });
    if (caller.kind === "refused")
      throw new UnauthorizedError(`Alert not accepted: ${caller.reason}.`);
    const alert = parseAlertPush(await readJson(request.text()));
    if (alert.kind === "ignored")
      return json(202, { ignored: alert.reason, releases: [] });
    const monitors = await activeMonitors(client);
    const matched = monitors.filter((m) => matchesAlert(alert.target, m, appInsightsOf(deps.config, m)));
    const receivedAt = (/* @__PURE__ */ new Date()).toISOString();
    const rollback = {
      source: "alert",
      by: caller.by,
      reason: alert.reason,
      at: alert.firedAt !== void 0 && alert.firedAt < receivedAt ? alert.firedAt : receivedAt,
      evidence: { ...alert.evidence, receivedAt }
    };
    const canaries = (await activeCanaries(client)).filter((c) => matchesCanaryAlert(alert.target, c, appInsightsOf(deps.config, c)));
    await Promise.all([
      ...matched.map((m) => client.raiseEvent(monitorInstanceId(m.releaseId), releaseEvents.rollback, rollback)),
      ...canaries.map((c) => client.raiseEvent(canaryInstanceId(c.releaseId), releaseEvents.rollback, rollback))
    ]);
    const releases = [...matched, ...canaries].map((m) => m.releaseId);
    context.log(`alert from ${caller.by}: ${alert.reason} \u2192 rollback ${releases.join(", ") || "none"}`);
    const [first] = releases;
    if (first === void 0)
      return json(202, { releases, reason: alert.reason });
    const origin = requestOrigin(request.url);
    return accepted(origin, first, {
      releases,
      reason: alert.reason,
      statusQueryGetUris: releases.map((id) => releaseStatusUrl(origin, id))
    });
  };
}
async function activeMonitors(client) {
  const filter = {
    showInput: true,
    runtimeStatus: ["Running", "Pending", "ContinuedAsNew"]
  };
  const statuses = await client.getStatusBy(filter);
  return statuses.filter((s) => s.name === monitorOrchestratorNames.monitor && isMonitorInput(s.input)).map((s) => s.input);
}
function isMonitorInput(value) {
  const v = value;
  return typeof v?.releaseId === "string" && typeof v.site?.site === "string";
}
function appInsightsOf(config2, m) {
  const stage = config2?.pipelines.find((p) => p.name === m.pipeline)?.stages.find((s) => s.name === m.stage);
  return stage?.monitor?.appInsights;
}
async function readJson(text) {
  const raw = await text;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError("(body)", "a JSON object", describeValue(raw.slice(0, 40)));
  }
}
function alertAuthFromEnv(env) {
  const audience = env.SLOTPILOT_ALERTS_AUDIENCE?.trim();
  const appId = env.SLOTPILOT_ALERTS_APP_ID?.trim();
  return {
    ...audience !== void 0 && audience !== "" && { audience },
    ...appId !== void 0 && appId !== "" && { appId }
  };
}

// dist/src/functions/registerApiFunctions.js
import { app as app6 } from "@azure/functions";
import * as df6 from "durable-functions";

// dist/src/functions/console/registerConsole.js
import { app as app5 } from "@azure/functions";

// dist/src/functions/startup/appRoot.js
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function appRoot(moduleUrl) {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (; ; ) {
    if (existsSync(join(dir, "package.json")))
      return dir;
    const parent = dirname(dir);
    if (parent === dir)
      return process.cwd();
    dir = parent;
  }
}

// dist/src/functions/console/consoleAssets.js
import { createHash as createHash2 } from "node:crypto";
import { existsSync as existsSync2, readdirSync, readFileSync } from "node:fs";
import { join as join2 } from "node:path";

// dist/src/functions/console/consoleCss.js
var consoleCss = `:root {
  color-scheme: light dark;
  --fg: #1d2330;
  --muted: #5c6577;
  --bg: #ffffff;
  --panel: #f4f6fa;
  --line: #d9dee8;
  --ok: #17803d;
  --bad: #b42318;
  --wait: #9a6700;
  --run: #1f5fbf;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ef;
    --muted: #a3abbb;
    --bg: #14171d;
    --panel: #1d222b;
    --line: #2f3642;
    --ok: #4ac26b;
    --bad: #f97066;
    --wait: #e3b341;
    --run: #6ea8fe;
  }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); }
.bar {
  display: flex; align-items: center; gap: 1rem; flex-wrap: wrap;
  padding: 0.6rem 1.2rem; border-bottom: 1px solid var(--line); background: var(--panel);
}
.brand { font-weight: 700; color: var(--fg); text-decoration: none; }
nav { display: flex; gap: 0.8rem; flex: 1; }
.updated, .hint, .step, .empty { color: var(--muted); }
.who { display: flex; align-items: center; gap: 0.5rem; }
main { padding: 1rem 1.2rem 3rem; max-width: 1200px; }
h1 { font-size: 1.35rem; margin: 0.4rem 0 0.6rem; }
h2 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }
a { color: var(--run); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; word-break: break-all; }
code.digest { white-space: nowrap; word-break: normal; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.badge {
  display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85em;
  border: 1px solid currentColor; white-space: nowrap;
}
.tone-ok { color: var(--ok); }
.tone-bad { color: var(--bad); }
.tone-wait { color: var(--wait); }
.tone-run { color: var(--run); }
.tone-muted { color: var(--muted); }
.checks, .evidence, .problem-fields { margin: 0; padding-left: 1.1rem; }
.filters { display: flex; gap: 0.6rem; align-items: center; margin-bottom: 0.8rem; }
.connect { display: grid; gap: 0.35rem; max-width: 34rem; }
.connect input { padding: 0.45rem; font: inherit; }
.connect button { justify-self: start; margin-top: 0.6rem; }
button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--fg); cursor: pointer; }
button:disabled { opacity: 0.6; cursor: progress; }
.action-buttons { display: flex; gap: 0.6rem; flex-wrap: wrap; margin: 0.8rem 0; }
.action-approve { border-color: var(--ok); }
.action-reject, .action-cancel, .action-rollback { border-color: var(--bad); }
.action-form { display: grid; gap: 0.35rem; max-width: 34rem; padding: 0.8rem; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); }
.action-form textarea { font: inherit; padding: 0.4rem; }
.form-buttons { display: flex; gap: 0.6rem; }
.problem { border: 1px solid var(--bad); border-radius: 8px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
.problem p { margin: 0.2rem 0; }
.problem-title { font-weight: 700; color: var(--bad); }
.done { color: var(--ok); }
.notice { color: var(--wait); }
.chart { width: 100%; max-width: 900px; height: auto; margin: 0.6rem 0; font-size: 11px; }
.chart text { fill: var(--muted); }
.chart .panel-title { fill: var(--fg); font-weight: 600; }
.chart .scale { text-anchor: end; }
.chart .plot { fill: var(--panel); stroke: var(--line); }
.chart .series { fill: none; stroke: var(--run); stroke-width: 1.5; }
.chart .sample { fill: var(--run); stroke: var(--bg); }
.chart .verdict-breach { fill: var(--bad); }
.chart .verdict-inconclusive { fill: var(--wait); }
.chart .threshold line { stroke: var(--bad); stroke-dasharray: 5 4; }
.chart .threshold text { fill: var(--bad); text-anchor: end; }
.chart .health-pass { fill: var(--ok); }
.chart .health-failure { stroke: var(--bad); stroke-width: 2.5; }
.chart .axis line { stroke: var(--line); }
.chart .axis text { text-anchor: middle; }
.chart .event line { stroke: var(--fg); stroke-dasharray: 2 3; }
.chart .event text { fill: var(--fg); }
.chart .event-swap line { stroke: var(--run); }
.chart .event-swap text { fill: var(--run); }
.chart .event-detect text, .chart .event-decide text, .chart .event-done text { fill: var(--bad); }
.chart .event-detect line, .chart .event-decide line, .chart .event-done line { stroke: var(--bad); }
.chart .canary-step rect { fill: var(--wait); opacity: 0.12; stroke: var(--wait); }
.chart .canary-step text { fill: var(--wait); }
`;

// dist/src/functions/console/consolePage.js
var consolePage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Slotpilot console</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/api/console/app.css">
    <script type="module" src="/api/console/app.js"></script>
  </head>
  <body>
    <header class="bar">
      <a class="brand" href="#/releases">Slotpilot</a>
      <nav id="nav"></nav>
      <span id="updated" class="updated"></span>
      <span id="who" class="who"></span>
    </header>
    <main id="main">
      <noscript>The Slotpilot console needs JavaScript. The HTTP API and "npx slotpilot" work without it.</noscript>
    </main>
  </body>
</html>
`;

// dist/src/functions/console/consoleAssets.js
var consoleScriptsDir = join2("dist", "src", "functions", "console", "assets");
function loadConsoleAssets(root2) {
  const files = /* @__PURE__ */ new Map([
    ["app.css", asset(consoleCss, "text/css; charset=utf-8")]
  ]);
  const dir = join2(root2, consoleScriptsDir);
  const names2 = existsSync2(dir) ? readdirSync(dir).filter((n) => /^[\w.-]+\.js$/.test(n)) : [];
  for (const name of names2) {
    files.set(name, asset(readFileSync(join2(dir, name), "utf8"), "text/javascript; charset=utf-8"));
  }
  return {
    page: asset(consolePage, "text/html; charset=utf-8"),
    files,
    ...files.has("app.js") ? {} : { missing: `${join2(dir, "app.js")} is missing: build the console with "npm run build"` }
  };
}
function asset(body, contentType2) {
  const hash = createHash2("sha256").update(body).digest("base64url").slice(0, 27);
  return { body, contentType: contentType2, etag: `"${hash}"` };
}

// dist/src/functions/console/consoleHeaders.js
var consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
function consoleHeaders(contentType2, etag) {
  return {
    "Content-Type": contentType2,
    "Content-Security-Policy": consoleContentSecurityPolicy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-cache",
    ETag: etag
  };
}

// dist/src/functions/console/consoleHandlers.js
function consolePageHandler(assets) {
  return (request) => {
    if (assets.missing !== void 0) {
      return Promise.resolve({
        status: 503,
        headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
        jsonBody: {
          type: "urn:slotpilot:problem:unavailable",
          title: "Service Unavailable",
          status: 503,
          detail: `The console is not built: ${assets.missing}.`,
          instance: new URL(request.url).pathname
        }
      });
    }
    return Promise.resolve(serve(assets.page, request));
  };
}
function consoleAssetHandler(assets) {
  return (request) => {
    const file = assets.files.get(request.params.file ?? "");
    if (file === void 0) {
      return Promise.resolve({
        status: 404,
        headers: {
          "Content-Type": "text/plain; charset=utf-8",
          "X-Content-Type-Options": "nosniff"
        },
        body: "Not found"
      });
    }
    return Promise.resolve(serve(file, request));
  };
}
function serve(file, request) {
  const headers = consoleHeaders(file.contentType, file.etag);
  const cached = request.headers.get("if-none-match");
  if (cached !== null && cached.split(",").some((tag) => tag.trim() === file.etag)) {
    return { status: 304, headers };
  }
  return { status: 200, headers, body: file.body };
}

// dist/src/functions/console/registerConsole.js
function registerConsole(root2 = appRoot(import.meta.url)) {
  const assets = loadConsoleAssets(root2);
  if (assets.missing !== void 0)
    console.warn(`Slotpilot console: ${assets.missing}.`);
  app5.http("console", {
    methods: ["GET"],
    route: "console",
    authLevel: "anonymous",
    handler: consolePageHandler(assets)
  });
  app5.http("consoleAsset", {
    methods: ["GET"],
    route: "console/{file}",
    authLevel: "anonymous",
    handler: consoleAssetHandler(assets)
  });
}

// dist/src/functions/healthHandler.js
function healthHandler(deps) {
  let summary;
  return () => {
    try {
      summary ??= healthSummary(deps);
    } catch (error) {
      if (error instanceof ConfigError)
        return Promise.resolve(toProblem(error, "/api/health"));
      throw error;
    }
    return Promise.resolve(json(200, summary));
  };
}
function healthSummary(deps) {
  return {
    status: "ok",
    service: "slotpilot",
    version: deps.version,
    localMode: deps.localMode,
    identity: {
      platformAuth: deps.identity.platformAuthEnabled,
      bearerTokens: deps.identity.signingKey !== ""
    },
    pipelines: deps.config.pipelines.map((p) => ({
      name: p.name,
      source: `${p.source.registry}/${p.source.repository}`,
      stages: p.stages.map((s) => s.name)
    }))
  };
}

// dist/src/functions/hooks/hookCallbackHandler.js
var live2 = /* @__PURE__ */ new Set(["Running", "Pending"]);
function hookCallbackHandler(deps) {
  return async (request, client, context) => {
    const callbackId = request.params.callbackId ?? "";
    const body = await readBody(() => request.text(), requestBodies.hookCallback);
    const status = body.status;
    const record = /^[A-Za-z0-9_-]{1,64}$/.test(callbackId) ? readRecord(await deps.claims.read(hookCallbackKey(callbackId))) : void 0;
    if (record === void 0 || !callbackTokenMatches(body.token, record.tokenSha256)) {
      throw new UnauthorizedError("The callback token is not valid for this callback URL.");
    }
    const what = `hook ${record.hook} of release ${record.releaseId} (${record.stage})`;
    if (Date.parse(record.expiresAt) <= Date.now()) {
      throw new GoneError(`The callback token of ${what} expired at ${record.expiresAt}.`);
    }
    const stage = await tryGetStatus(client, record.instanceId);
    const awaiting = readStageProgress(stage?.customStatus)?.awaitingCallbacks ?? [];
    if (stage === void 0 || !live2.has(stage.runtimeStatus) || !awaiting.includes(callbackId)) {
      throw new GoneError(`${what} no longer waits for this callback (answered or timed out).`);
    }
    const useKey = hookCallbackUseKey(callbackId);
    const use = await deps.claims.claim(useKey, { usedAt: (/* @__PURE__ */ new Date()).toISOString() });
    if (!use.won)
      throw new GoneError(`The callback token of ${what} was used already.`);
    const result = {
      status,
      callbackId,
      ...body.detail === void 0 ? {} : { detail: body.detail }
    };
    try {
      await client.raiseEvent(record.instanceId, record.eventName, result);
    } catch (error) {
      await deps.claims.remove(useKey).catch(() => void 0);
      throw error;
    }
    context.log(`release ${record.releaseId}: ${what} called back: ${status}`);
    return accepted(requestOrigin(request.url), record.releaseId, {
      releaseId: record.releaseId,
      stage: record.stage,
      hook: record.hook,
      status
    });
  };
}
function readRecord(value) {
  if (value === void 0)
    return void 0;
  const fields = [
    "callbackId",
    "releaseId",
    "pipeline",
    "stage",
    "hook",
    "instanceId",
    "eventName",
    "tokenSha256",
    "expiresAt"
  ];
  if (!fields.every((f) => typeof value[f] === "string"))
    return void 0;
  return value;
}

// dist/src/domain/plan/buildPlan.js
function buildPlan(pipeline) {
  return { stages: pipeline.stages.map(planStage) };
}
function planStage(stage) {
  const { subscription, resourceGroup, site, slot } = stage.target;
  return {
    name: stage.name,
    target: { subscription, resourceGroup, site, ...slot === void 0 ? {} : { slot } },
    ...stage.approval === void 0 ? {} : {
      approval: {
        approvers: [...stage.approval.approvers],
        required: stage.approval.required,
        timeoutMs: stage.approval.timeoutMs,
        distinctFrom: [...stage.approval.distinctFrom]
      }
    },
    checks: stage.checks.map((c, i) => ({
      name: stage.checks.length > 1 ? `smoke-${i + 1}` : "smoke",
      path: c.smoke.path,
      timeoutMs: c.smoke.timeoutMs,
      expectStatus: c.smoke.expectStatus
    })),
    hooks: stage.hooks.map((h) => ({ name: h.name, phase: h.phase, timeoutMs: h.timeoutMs })),
    ...stage.warmup === void 0 ? {} : { warmup: { ...stage.warmup } },
    ...stage.monitor === void 0 ? {} : {
      monitor: {
        durationMs: stage.monitor.durationMs,
        intervalMs: stage.monitor.intervalMs,
        lookbackMs: stage.monitor.lookbackMs,
        ingestionDelayMs: stage.monitor.ingestionDelayMs,
        table: stage.monitor.table,
        thresholds: { ...stage.monitor.thresholds },
        failureLimit: stage.monitor.failureLimit,
        inconclusive: stage.monitor.inconclusive,
        health: { ...stage.monitor.health },
        hosts: [...stage.monitor.hosts]
      }
    },
    ...stage.strategy === "swap" ? {} : {
      canary: {
        stepsPercent: [...stage.strategy.canary.steps],
        stepDurationMs: stage.strategy.canary.stepDurationMs,
        pauseForApproval: stage.strategy.canary.pauseForApproval,
        ...stage.strategy.canary.maxErrorRateIncrease !== void 0 && {
          maxErrorRateIncrease: stage.strategy.canary.maxErrorRateIncrease
        }
      }
    }
  };
}

// dist/src/functions/durable/startRelease.js
async function startRelease(client, pipeline, image, requestedBy, now = /* @__PURE__ */ new Date()) {
  const releaseId = releaseIdFor(pipeline.name, image.digest);
  const existing = await tryGetStatus(client, releaseId);
  if (existing !== void 0) {
    return { kind: "exists", releaseId, runtimeStatus: existing.runtimeStatus };
  }
  const input2 = {
    releaseId,
    pipeline: pipeline.name,
    image: pinnedImage(image),
    ...image.tag === void 0 ? {} : { tag: image.tag },
    digest: image.digest,
    requestedBy,
    requestedAt: now.toISOString(),
    // A push's time orders it among the pipeline's releases; a start by hand has none and
    // takes its place when its orchestration starts (on the orchestration clock).
    ...image.pushedAt === void 0 ? {} : { pushedAt: image.pushedAt },
    plan: buildPlan(pipeline)
  };
  try {
    await client.startNew(orchestratorNames.release, { instanceId: releaseId, input: input2 });
  } catch (error) {
    const raced = await tryGetStatus(client, releaseId);
    if (raced === void 0)
      throw error;
    return { kind: "exists", releaseId, runtimeStatus: raced.runtimeStatus };
  }
  return { kind: "started", releaseId };
}

// dist/src/functions/onImagePushed.js
function onImagePushedHandler(deps) {
  return async (event, client, context) => {
    const push = parseImagePushedEvent(event);
    if (push.kind === "ignored") {
      context.log(`event ${describeEvent(event)} ignored: ${push.reason}`);
      return;
    }
    const image = `${push.registry}/${push.repository}:${push.tag}@${push.digest}`;
    const match = matchPipelines(deps.config, push);
    switch (match.kind) {
      case "unknownSource":
        context.warn(`push of ${image} ignored: no pipeline deploys ${push.registry}/${push.repository}`);
        return;
      case "filtered":
        context.log(`push of ${image} ignored: tag ${push.tag} is excluded by the tag filters of ${match.pipelines.join(", ")}`);
        return;
      case "matched":
        break;
    }
    const requestedBy = push.actor ?? "acr:unknown";
    for (const pipeline of match.pipelines) {
      const outcome = await startRelease(client, pipeline, push, requestedBy);
      context.log(outcome.kind === "started" ? `release ${outcome.releaseId} started for ${image}` : `push of ${image} redelivered: release ${outcome.releaseId} exists (${outcome.runtimeStatus})`);
    }
  };
}
function describeEvent(event) {
  const e = typeof event === "object" && event !== null ? event : {};
  const text = (v) => typeof v === "string" ? v : void 0;
  return `${text(e.id) ?? "?"} (${text(e.eventType) ?? text(e.type) ?? "no type"})`;
}

// dist/src/functions/openapi/apiOperations.js
var decisionErrors = {
  400: "bad body or unknown stage",
  401: "no identity",
  403: "not an approver, self-approval, distinctFrom, or already approved by this person",
  404: "no such release",
  409: "not waiting for that stage, or another decision won",
  410: "the release has ended"
};
var apiOperations = [
  {
    operationId: "startRelease",
    method: "post",
    path: "/releases",
    summary: "Start a release of an image (tag or digest) by hand",
    access: "functionKey",
    body: requestBodies.startRelease,
    success: { status: 202, description: "Started; Location names the release status URL" },
    errors: { 400: "bad body or image", 404: "no such pipeline", 409: "duplicate release" }
  },
  {
    operationId: "listReleases",
    method: "get",
    path: "/releases",
    summary: "List releases, newest first",
    access: "functionKey",
    query: [
      { name: "pipeline", description: "Only this pipeline", schema: { type: "string" } },
      { name: "status", description: "Only this status", schema: { type: "string" } },
      {
        name: "top",
        description: "At most this many (default 50)",
        schema: { type: "integer", minimum: 1, maximum: 1e3 }
      }
    ],
    success: { status: 200, description: "`{releases, count}`" },
    errors: { 400: "bad filter" }
  },
  {
    operationId: "getRelease",
    method: "get",
    path: "/releases/{id}",
    summary: "The release view (DESIGN \xA74)",
    access: "functionKey",
    success: { status: 200, description: "The release view" },
    errors: { 404: "no such release" }
  },
  {
    operationId: "approveRelease",
    method: "post",
    path: "/releases/{id}/approve",
    summary: "Approve the stage the release waits for",
    access: "identity",
    body: requestBodies.approve,
    success: { status: 202, description: "Approval recorded" },
    errors: decisionErrors
  },
  {
    operationId: "rejectRelease",
    method: "post",
    path: "/releases/{id}/reject",
    summary: "Reject the stage the release waits for",
    access: "identity",
    body: requestBodies.reject,
    success: { status: 202, description: "Rejection recorded" },
    errors: decisionErrors
  },
  {
    operationId: "cancelRelease",
    method: "post",
    path: "/releases/{id}/cancel",
    summary: "Cancel a release not yet swapped",
    access: "identity",
    body: requestBodies.reason,
    success: { status: 202, description: "Cancel requested" },
    errors: {
      401: "no identity",
      403: "not an approver",
      404: "no such release",
      409: "swapped or ended"
    }
  },
  {
    operationId: "promoteRelease",
    method: "post",
    path: "/releases/{id}/promote",
    summary: "Send a canary to its next step now (approvers only)",
    access: "identity",
    body: requestBodies.promote,
    success: { status: 202, description: "Promoted" },
    errors: {
      401: "no identity",
      403: "not an approver",
      404: "no such release",
      409: "not in a canary step, or another decision won"
    }
  },
  {
    operationId: "requestRollback",
    method: "post",
    path: "/releases/{id}/rollback",
    summary: "Roll back during or after the monitoring window",
    access: "identity",
    body: requestBodies.reason,
    success: { status: 202, description: "Rollback started" },
    errors: {
      401: "no identity",
      403: "not an approver",
      404: "no such release",
      409: "nothing to roll back"
    }
  },
  {
    operationId: "resumeMonitoring",
    method: "post",
    path: "/releases/{id}/resume",
    summary: "Continue a monitor paused on an inconclusive sample",
    access: "identity",
    body: requestBodies.reason,
    success: { status: 202, description: "Monitoring continues" },
    errors: {
      401: "no identity",
      403: "not an approver",
      404: "no such release",
      409: "not paused"
    }
  },
  {
    operationId: "alertPush",
    method: "post",
    path: "/alerts",
    summary: "Azure Monitor alert (common alert schema): immediate breach",
    access: "functionKey",
    rawBody: {
      contentType: "application/json",
      description: "Azure Monitor common alert schema, or `{pipeline|site, reason}`"
    },
    success: { status: 202, description: "`{releases, reason}`: the releases it reached" },
    errors: { 400: "not an alert", 401: "no identity" }
  },
  {
    operationId: "hookCallback",
    method: "post",
    path: "/hooks/{callbackId}",
    summary: "A gate hook that answered 202 reports its result with its one-call token",
    access: "anonymous",
    body: requestBodies.hookCallback,
    success: { status: 202, description: "Result raised on the waiting stage" },
    errors: {
      400: "bad body",
      401: "the token is not valid for this callback",
      410: "expired, used already, or the stage no longer waits for it"
    }
  },
  {
    operationId: "slackInteraction",
    method: "post",
    path: "/slack/interactions",
    summary: "Approve and Reject clicks from Slack (Block Kit interactivity, Slack request signing)",
    access: "anonymous",
    rawBody: {
      contentType: "application/x-www-form-urlencoded",
      description: "`payload=<block_actions JSON>`, signed with X-Slack-Signature and X-Slack-Request-Timestamp"
    },
    success: { status: 200, description: "The answer shown in Slack (also sent to response_url)" },
    errors: { 400: "not a Slotpilot click", 401: "unsigned, stale or not matching signature" }
  },
  {
    operationId: "pipelineSlots",
    method: "get",
    path: "/pipelines/{name}/slots",
    summary: "Which digest runs in which site and slot now",
    access: "functionKey",
    success: { status: 200, description: "The slots view" },
    errors: { 404: "no such pipeline" }
  },
  {
    operationId: "health",
    method: "get",
    path: "/health",
    summary: "Slotpilot's own health",
    access: "anonymous",
    success: { status: 200, description: "Version and a config summary" }
  },
  {
    operationId: "openApi",
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    access: "anonymous",
    success: { status: 200, description: "OpenAPI 3.1" }
  },
  {
    operationId: "console",
    method: "get",
    path: "/console",
    summary: "The web console (a page without data; it calls the API)",
    access: "anonymous",
    success: { status: 200, description: "HTML", contentType: "text/html" }
  },
  {
    operationId: "consoleAsset",
    method: "get",
    path: "/console/{file}",
    summary: "The console's scripts and styles",
    access: "anonymous",
    success: { status: 200, description: "A script or stylesheet", contentType: "text/javascript" },
    errors: { 404: "no such file" }
  }
];

// dist/src/functions/openapi/openApiHandler.js
function openApiHandler(version) {
  let document;
  return async () => {
    const { buildOpenApiDocument } = await import("./buildOpenApiDocument-AINEILTF.js");
    document ??= buildOpenApiDocument(apiOperations, version);
    return json(200, document, { "Cache-Control": "public, max-age=300" });
  };
}

// dist/src/functions/pipelines/slotsHandler.js
function slotsHandler(deps) {
  return async (request) => {
    const name = readRouteId(request.params, "name");
    const pipeline = deps.config.pipelines.find((p) => p.name === name);
    if (pipeline === void 0)
      throw new NotFoundError(`No pipeline named ${name}.`);
    const slots = await Promise.all(pipeline.stages.map(({ target }) => deps.appService.listSlots({
      subscription: target.subscription,
      resourceGroup: target.resourceGroup,
      site: target.site
    })));
    const shares = await Promise.all(pipeline.stages.map(({ target }, index) => (slots[index]?.length ?? 0) < 2 || deps.routing === void 0 ? Promise.resolve(void 0) : deps.routing.readShares({
      subscription: target.subscription,
      resourceGroup: target.resourceGroup,
      site: target.site
    }).catch(() => void 0)));
    return json(200, buildSlotsView(pipeline, slots, shares));
  };
}

// dist/src/functions/durable/loadReleaseView.js
async function loadReleaseView(client, id, origin) {
  const release = await tryGetStatus(client, id);
  if (release?.name !== orchestratorNames.release) {
    throw new NotFoundError(`No release with id ${id}.`);
  }
  const running3 = stageInProgress(readCustomStatus(release.customStatus));
  const [stage, monitor, rollback, canary] = await Promise.all([
    running3 === void 0 ? void 0 : tryGetStatus(client, stageInstanceId(id, running3)),
    tryGetStatus(client, `${id}-monitor`),
    tryGetStatus(client, `${id}-rollback`),
    tryGetStatus(client, `${id}-canary`)
  ]);
  const view = buildReleaseView({
    release,
    ...stage === void 0 ? {} : { stage },
    ...monitor === void 0 ? {} : { monitor },
    ...rollback === void 0 ? {} : { rollback },
    ...canary === void 0 ? {} : { canary },
    links: releaseLinks(origin, id)
  });
  return { view, input: readReleaseInput(release.input, id) };
}

// dist/src/functions/releases/approvalOutcomeError.js
function approvalOutcomeError(outcome, context) {
  const { releaseId, stage, actor } = context;
  switch (outcome.kind) {
    case "allowed":
      return void 0;
    case "unknownStage":
      return new ValidationError("stage", `one of ${outcome.stages.join(", ")}`, JSON.stringify(stage));
    case "ended":
      return new GoneError(`Release ${releaseId} has ended (${outcome.status}).`, {
        releaseStatus: outcome.status
      });
    case "notWaiting":
      return new ConflictError(outcome.waitingFor === void 0 ? `Release ${releaseId} is not waiting for an approval.` : `Release ${releaseId} waits for an approval of ${outcome.waitingFor}, not ${stage}.`, outcome.waitingFor === void 0 ? {} : { waitingFor: outcome.waitingFor });
    case "notAnApprover":
      return new ForbiddenError(`${actor} is not an approver of stage ${stage}.`, {
        reason: "not-an-approver"
      });
    case "selfApproval":
      return new ForbiddenError(`${actor} started release ${releaseId} and may not approve it.`, {
        reason: "self-approval"
      });
    case "sameApprover":
      return new ForbiddenError(`${actor} approved stage ${outcome.stage}; stage ${stage} needs a different approver.`, { reason: "distinct-from", distinctFrom: outcome.stage });
    case "alreadyApproved":
      return new ForbiddenError(`${actor} approved stage ${stage} already; it needs ${outcome.required} distinct approvers (${outcome.approvals} so far).`, { reason: "already-approved", approvals: outcome.approvals, required: outcome.required });
  }
}
function cancelOutcomeError(outcome, context) {
  switch (outcome.kind) {
    case "allowed":
      return void 0;
    case "notAllowed":
      return new ForbiddenError(`${context.actor} approves no stage of this pipeline and may not cancel its releases.`, { reason: "not-an-approver" });
    case "ended":
      return new ConflictError(`Release ${context.releaseId} has ended (${outcome.status}).`, {
        releaseStatus: outcome.status
      });
    case "swapped":
      return new ConflictError(`Release ${context.releaseId} swapped production at ${outcome.at}; roll it back instead.`);
  }
}

// dist/src/functions/releases/cancelHandler.js
function cancelHandler(deps) {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.reason);
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const { view, input: input2 } = await loadReleaseView(client, releaseId, origin);
    const facts = { ...view, plan: input2.plan };
    const refusal = cancelOutcomeError(decideCancel(facts, principal.email), {
      releaseId,
      actor: principal.email
    });
    if (refusal !== void 0)
      throw refusal;
    const cancel = {
      by: principal.email,
      reason: body.reason,
      at: (/* @__PURE__ */ new Date()).toISOString()
    };
    const wait = view.status === "WaitingForApproval" ? view.waitingFor : void 0;
    await decideOnce(deps.claims, wait === void 0 ? [releaseId, view.createdAt, "cancel"] : [releaseId, view.createdAt, "approval", wait.stage], { decision: "canceled", by: cancel.by, at: cancel.at }, wait === void 0 ? `Release ${releaseId}` : `The ${wait.stage} approval of release ${releaseId}`, async () => {
      await client.raiseEvent(releaseId, releaseEvents.cancel, cancel);
      await raiseToCanary(client, releaseId, releaseEvents.cancel, cancel);
    });
    context.log(`release ${releaseId}: cancel requested by ${cancel.by}: ${cancel.reason}`);
    return accepted(origin, releaseId, { releaseId, ...cancel, links: view.links });
  };
}

// dist/src/functions/releases/decideStage.js
async function decideStage(deps, client, request) {
  const { releaseId, action, stage, actor, note } = request;
  const { view, input: input2 } = await loadReleaseView(client, releaseId, request.origin);
  const facts = { ...view, plan: input2.plan };
  const outcome = decideApproval(facts, { action, stage, actor });
  const slot = [releaseId, view.createdAt, "approval", stage];
  const subject = `The ${stage} approval of release ${releaseId}`;
  if (outcome.kind === "notWaiting")
    await refuseIfDecided(deps.claims, slot, subject);
  if (outcome.kind === "ended") {
    const won = await readDecided(deps.claims, slot);
    throw new GoneError(`Release ${releaseId} has ended (${outcome.status})` + (won === void 0 ? "." : `; ${subject} was decided: ${won.decision} by ${won.by}.`), { releaseStatus: outcome.status, ...won === void 0 ? {} : { decided: won } });
  }
  const refusal = approvalOutcomeError(outcome, { releaseId, stage, actor });
  if (refusal !== void 0)
    throw refusal;
  const decision = {
    stage,
    decision: action === "approve" ? "approved" : "rejected",
    by: actor,
    at: (/* @__PURE__ */ new Date()).toISOString(),
    ...note === void 0 ? {} : { comment: note },
    ...view.waitingFor === void 0 ? {} : { waitingSince: view.waitingFor.since }
  };
  const given = view.waitingFor?.approvals?.length ?? 0;
  const required = input2.plan.stages.find((s) => s.name === stage)?.approval?.required ?? 1;
  const partial = action === "approve" && given + 1 < required;
  await decideOnce(deps.claims, partial ? [...slot, `approval-${given + 1}`] : slot, { decision: decision.decision, by: decision.by, at: decision.at }, partial ? `Approval ${given + 1} of ${required} of ${stage} of release ${releaseId}` : subject, () => client.raiseEvent(releaseId, releaseEvents.approval, decision));
  return { decision, view };
}

// dist/src/functions/releases/decisionHandler.js
function decisionHandler(deps, action) {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = action === "approve" ? await readBody(() => request.text(), requestBodies.approve) : await readBody(() => request.text(), requestBodies.reject);
    const stage = body.stage;
    const releaseId = readReleaseId(request.params);
    const origin = requestOrigin(request.url);
    const note = "reason" in body ? body.reason : body.comment;
    const { decision, view } = await decideStage(deps, client, {
      releaseId,
      action,
      stage,
      actor: principal.email,
      origin,
      ...note === void 0 ? {} : { note }
    });
    context.log(`release ${releaseId}: ${stage} ${decision.decision} by ${decision.by}`);
    return accepted(origin, releaseId, { releaseId, ...decision, links: view.links });
  };
}

// dist/src/functions/releases/getReleaseHandler.js
function getReleaseHandler() {
  return async (request, client) => {
    const { view } = await loadReleaseView(client, readReleaseId(request.params), requestOrigin(request.url));
    return json(200, view);
  };
}

// dist/src/functions/durable/listReleaseStatuses.js
async function listReleaseStatuses(client, options = {}) {
  const filter = {
    showInput: true,
    ...options.activeOnly === true ? { runtimeStatus: ["Running", "Pending"] } : {}
  };
  const statuses = await client.getStatusBy(filter);
  return statuses.filter((s) => s.name === orchestratorNames.release);
}

// dist/src/functions/releases/listReleasesHandler.js
function listReleasesHandler() {
  return async (request, client) => {
    const query = parseListQuery((name) => request.query.get(name));
    const origin = requestOrigin(request.url);
    const statuses = await listReleaseStatuses(client);
    const summaries = statuses.map((release) => summarizeRelease(buildReleaseView({ release, links: releaseLinks(origin, release.instanceId) })));
    const releases = selectReleases(summaries, query);
    return json(200, { releases, count: releases.length });
  };
}

// dist/src/functions/http/identifyCaller.js
var anonymousCaller = "function-key";
async function identifyCaller(headers, settings2) {
  const outcome = await resolveIdentity((name) => headers.get(name), settings2);
  switch (outcome.kind) {
    case "authenticated":
      return outcome.principal.email;
    case "missing":
      return anonymousCaller;
    case "invalid":
      throw new UnauthorizedError(`Identity not accepted: ${outcome.reason}.`);
  }
}

// dist/src/functions/releases/resolvePipeline.js
function resolvePipeline(config2, image, name) {
  const source2 = `${image.registry}/${image.repository}`;
  if (name !== void 0) {
    const pipeline = config2.pipelines.find((p) => p.name === name);
    if (pipeline === void 0)
      throw new NotFoundError(`No pipeline named ${name}.`);
    const match2 = matchPipelines({ pipelines: [pipeline] }, { ...image, tag: void 0 });
    if (match2.kind !== "matched") {
      throw new ValidationError("image", `an image from ${pipeline.source.registry}/${pipeline.source.repository} (pipeline ${name})`, JSON.stringify(source2));
    }
    return pipeline;
  }
  const match = matchPipelines(config2, { registry: image.registry, repository: image.repository });
  if (match.kind !== "matched")
    throw new NotFoundError(`No pipeline deploys images from ${source2}.`);
  const [only, ...others] = match.pipelines;
  if (only === void 0 || others.length > 0) {
    throw new ValidationError("pipeline", `one of ${match.pipelines.map((p) => p.name).join(", ")} (several pipelines deploy ${source2})`, "nothing");
  }
  return only;
}

// dist/src/functions/releases/resolveTagPipeline.js
function resolveTagPipeline(config2, image, name) {
  if (name !== void 0) {
    const pipeline = resolvePipeline(config2, image, name);
    if (!matchesTagFilter(image.tag, pipeline.source.tags)) {
      throw new ValidationError("image", `a tag matching ${pipeline.source.tags.join(" or ")} (the tag filter of pipeline ${name})`, JSON.stringify(image.tag));
    }
    return pipeline;
  }
  const source2 = `${image.registry}/${image.repository}`;
  const match = matchPipelines(config2, image);
  switch (match.kind) {
    case "unknownSource":
      throw new NotFoundError(`No pipeline deploys images from ${source2}.`);
    case "filtered":
      throw new ValidationError("image", `a tag that the tag filter of ${match.pipelines.join(", ")} lets through`, JSON.stringify(image.tag));
    case "matched": {
      const [only, ...others] = match.pipelines;
      if (only === void 0 || others.length > 0) {
        throw new ValidationError("pipeline", `one of ${match.pipelines.map((p) => p.name).join(", ")} (several pipelines deploy ${source2}:${image.tag})`, "nothing");
      }
      return only;
    }
    default: {
      const never = match;
      throw new Error(`pipeline match: unexpected ${JSON.stringify(never)}`);
    }
  }
}

// dist/src/functions/releases/resolveStartImage.js
async function resolveStartImage(config2, registry2, ref, pipelineName) {
  if (ref.digest !== void 0) {
    return {
      pipeline: resolvePipeline(config2, ref, pipelineName),
      image: { ...ref, digest: ref.digest },
      resolved: false
    };
  }
  const tag = ref.tag;
  if (tag === void 0) {
    throw new ValidationError("image", "registry/repository with a :tag or an @sha256: digest", `${JSON.stringify(`${ref.registry}/${ref.repository}`)} with neither`);
  }
  const tagged = { registry: ref.registry, repository: ref.repository, tag };
  const pipeline = resolveTagPipeline(config2, tagged, pipelineName);
  const lookup = await registry2.resolveTag(tagged);
  if (lookup.status === "missing") {
    throw new ValidationError("image", `a tag that exists in ${ref.registry}/${ref.repository} (or an image by digest)`, `${JSON.stringify(`${ref.registry}/${ref.repository}:${tag}`)}, which the registry does not know (${lookup.detail})`);
  }
  return { pipeline, image: { ...tagged, digest: lookup.digest }, resolved: true };
}

// dist/src/functions/releases/startReleaseHandler.js
function startReleaseHandler(deps) {
  return async (request, client, context) => {
    const requestedBy = await identifyCaller(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.startRelease);
    const ref = parseImageRef(body.image);
    const { pipeline, image, resolved } = await resolveStartImage(deps.config, deps.registry, ref, body.pipeline);
    const outcome = await startRelease(client, pipeline, image, requestedBy);
    if (outcome.kind === "exists") {
      throw new ConflictError(`Pipeline ${pipeline.name} already has a release of ${image.digest}: ${outcome.releaseId} (${outcome.runtimeStatus}).`, {
        releaseId: outcome.releaseId,
        release: releaseStatusUrl(requestOrigin(request.url), outcome.releaseId)
      });
    }
    context.log(`release ${outcome.releaseId} started by ${requestedBy} for ${formatImageRef(image)}` + (resolved ? " (tag resolved in the registry)" : ""));
    return accepted(requestOrigin(request.url), outcome.releaseId);
  };
}

// dist/src/functions/slack/verifySlackSignature.js
import { createHmac, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var maxSkewSeconds = 300;
function verifySlackSignature(headers, rawBody, signingSecret, nowMs2) {
  if (signingSecret === "")
    return { kind: "noSecret" };
  const { timestamp, signature } = headers;
  if (timestamp === null || signature === null || !/^\d{1,12}$/.test(timestamp))
    return { kind: "unsigned" };
  const ageSeconds = Math.abs(nowMs2 / 1e3 - Number(timestamp));
  if (ageSeconds > maxSkewSeconds)
    return { kind: "stale", ageSeconds: Math.round(ageSeconds) };
  const expected = Buffer.from(`v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual2(given, expected))
    return { kind: "mismatch" };
  return { kind: "valid" };
}

// dist/src/functions/slack/slackInteractionHandler.js
function slackInteractionHandler(deps) {
  return async (request, client, context) => {
    const raw = await request.text();
    const check = verifySlackSignature({
      timestamp: request.headers.get("x-slack-request-timestamp"),
      signature: request.headers.get("x-slack-signature")
    }, raw, deps.slackSigningSecret ?? "", Date.now());
    if (check.kind !== "valid") {
      throw new UnauthorizedError(`Not a signed Slack request (${check.kind}).`);
    }
    const { readInteraction } = await import("./readInteraction-AN45VQGT.js");
    const click = readInteraction(raw);
    if (click === void 0) {
      throw new ValidationError("payload", "a Slotpilot Approve or Reject click", "something else");
    }
    const actor = approverOf(deps.config, click.slackUserId);
    if (actor === void 0) {
      const text = `:no_entry: <@${click.slackUserId}> is not mapped to a Slotpilot approver (slack.users in slotpilot.yaml); nothing was recorded.`;
      await respond2(click, { response_type: "ephemeral", replace_original: false, text });
      return json(200, { text });
    }
    try {
      const { decision } = await decideStage(deps, client, {
        releaseId: click.releaseId,
        action: click.action,
        stage: click.stage,
        actor,
        note: `from Slack (${click.slackUserName ?? click.slackUserId})`,
        origin: requestOrigin(request.url)
      });
      const verb = decision.decision === "approved" ? ":white_check_mark: Approved" : ":x: Rejected";
      const text = `${verb}: ${click.stage} of ${click.releaseId} by ${actor} at ${decision.at}`;
      context.log(`release ${click.releaseId}: ${click.stage} ${decision.decision} by ${actor} from Slack`);
      await respond2(click, {
        replace_original: true,
        text,
        blocks: [{ type: "section", text: { type: "mrkdwn", text } }]
      });
      return json(200, { text });
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof ValidationError))
        throw error;
      const status = error instanceof ApiError ? error.status : 400;
      const text = `:no_entry: Not recorded (${status}): ${error.message}`;
      await respond2(click, { response_type: "ephemeral", replace_original: false, text });
      return json(200, { text, status });
    }
  };
}
function approverOf(config2, slackUserId) {
  const email = config2.slack?.users[slackUserId];
  return email === void 0 ? void 0 : normalizeEmail(email);
}
async function respond2(click, message3) {
  if (click.responseUrl === void 0)
    return;
  const res = await fetch(click.responseUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message3)
  });
  await res.arrayBuffer();
}

// dist/src/functions/registerApiFunctions.js
function registerApiFunctions(deps) {
  df6.app.client.eventGrid("onImagePushed", { handler: onImagePushedHandler(deps) });
  const route = (name, method, path, handler) => {
    df6.app.client.http(name, { methods: [method], route: path, authLevel: "function", handler });
  };
  route("startRelease", "POST", "releases", withProblems(startReleaseHandler(deps)));
  route("listReleases", "GET", "releases", withProblems(listReleasesHandler()));
  route("getRelease", "GET", "releases/{id}", withProblems(getReleaseHandler()));
  route("approveRelease", "POST", "releases/{id}/approve", withProblems(decisionHandler(deps, "approve")));
  route("rejectRelease", "POST", "releases/{id}/reject", withProblems(decisionHandler(deps, "reject")));
  route("cancelRelease", "POST", "releases/{id}/cancel", withProblems(cancelHandler(deps)));
  app6.http("health", {
    methods: ["GET"],
    route: "health",
    authLevel: "anonymous",
    handler: healthHandler(deps)
  });
  df6.app.client.http("hookCallback", {
    methods: ["POST"],
    route: "hooks/{callbackId}",
    authLevel: "anonymous",
    handler: withProblems(hookCallbackHandler(deps))
  });
  df6.app.client.http("slackInteraction", {
    methods: ["POST"],
    route: "slack/interactions",
    authLevel: "anonymous",
    handler: withProblems(slackInteractionHandler(deps))
  });
  app6.http("openApi", {
    methods: ["GET"],
    route: "openapi.json",
    authLevel: "anonymous",
    handler: openApiHandler(deps.version)
  });
  route("pipelineSlots", "GET", "pipelines/{name}/slots", withProblems(slotsHandler(deps)));
  registerConsole();
}

// dist/src/functions/registerCanaryFunctions.js
import * as df7 from "durable-functions";

// dist/src/functions/releases/promoteHandler.js
import { randomUUID } from "node:crypto";
var running2 = /* @__PURE__ */ new Set(["Running", "Pending"]);
function promoteHandler(deps) {
  return async (request, client, context) => {
    const principal = await authenticate(request.headers, deps.identity);
    const body = await readBody(() => request.text(), requestBodies.promote);
    const releaseId = request.params.id ?? "";
    const release = await tryGetStatus(client, releaseId);
    if (release?.name !== orchestratorNames.release)
      throw new NotFoundError(`No release with id ${releaseId}.`);
    const { plan } = readReleaseInput(release.input, releaseId);
    const canaryId = canaryInstanceId(releaseId);
    const canary = await tryGetStatus(client, canaryId);
    const decision = decidePromote(plan, {
      running: canary !== void 0 && running2.has(canary.runtimeStatus),
      status: readCanaryStatus(canary?.customStatus)
    }, principal.email);
    switch (decision.kind) {
      case "notApprover":
        throw new ForbiddenError(`${principal.email} may not promote release ${releaseId}.`, {
          approvers: decision.approvers
        });
      case "noCanary":
        throw new ConflictError(`Nothing to promote: ${decision.detail}.`, { releaseId });
      case "alreadyPromoted":
        throw new ConflictError(`Step ${decision.step + 1} of release ${releaseId} was promoted already by ${decision.by}.`, { releaseId, step: decision.step, promotedBy: decision.by, promotedAt: decision.at });
      case "allowed":
        break;
    }
    if (body.step !== void 0 && body.step !== decision.fromStep + 1) {
      throw new ConflictError(`Release ${releaseId} is at canary step ${decision.fromStep + 1}, not ${body.step}: that step was promoted already.`, { releaseId, step: decision.fromStep, expectedStep: body.step - 1 });
    }
    const promote = {
      fromStep: decision.fromStep,
      by: principal.email,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      requestId: randomUUID(),
      ...body.reason === void 0 ? {} : { reason: body.reason }
    };
    await client.raiseEvent(canaryId, canaryEvents.promote, promote);
    const winner = await settled(client, canaryId, decision.fromStep);
    if (winner !== void 0 && winner.requestId !== promote.requestId) {
      throw new ConflictError(`Step ${decision.fromStep + 1} of release ${releaseId} was promoted by ${winner.by}.`, { releaseId, step: decision.fromStep, promotedBy: winner.by, promotedAt: winner.at });
    }
    context.log(`release ${releaseId}: canary step ${decision.fromStep + 1} promoted by ${promote.by}`);
    return accepted(requestOrigin(request.url), releaseId, {
      releaseId,
      step: decision.fromStep,
      percent: decision.percent,
      by: promote.by,
      at: promote.at,
      accepted: winner !== void 0
    });
  };
}
async function settled(client, id, step) {
  const deadline = Date.now() + 1e4;
  for (; ; ) {
    const status = await tryGetStatus(client, id);
    const won = readCanaryStatus(status?.customStatus)?.promotions[String(step)];
    if (won !== void 0)
      return won;
    if (status === void 0 || !running2.has(status.runtimeStatus))
      return void 0;
    if (Date.now() > deadline)
      return void 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// dist/src/functions/registerCanaryFunctions.js
function registerCanaryFunctions(deps) {
  df7.app.client.http("promoteRelease", {
    methods: ["POST"],
    route: "releases/{id}/promote",
    authLevel: "function",
    handler: withProblems(promoteHandler(deps))
  });
}

// dist/src/functions/retention/purgeFinished.js
import * as df8 from "durable-functions";
var defaultRetentionMs = 30 * 864e5;
var finished = [
  df8.OrchestrationRuntimeStatus.Completed,
  df8.OrchestrationRuntimeStatus.Failed,
  df8.OrchestrationRuntimeStatus.Terminated
];
function retentionFromEnv(env) {
  const raw = env.SLOTPILOT_RETENTION?.trim();
  if (raw === void 0 || raw === "")
    return defaultRetentionMs;
  return parseDuration(raw, "SLOTPILOT_RETENTION");
}
async function purgeFinished(client, retentionMs, now) {
  const result = await client.purgeInstanceHistoryBy({
    createdTimeFrom: /* @__PURE__ */ new Date(0),
    createdTimeTo: new Date(now.getTime() - retentionMs),
    runtimeStatus: finished
  });
  return result.instancesDeleted;
}
function registerRetention(retentionMs) {
  df8.app.client.timer("purgeFinishedInstances", {
    schedule: "0 0 3 * * *",
    handler: async (_timer, client, context) => {
      const purged = await purgeFinished(client, retentionMs, /* @__PURE__ */ new Date());
      context.log(`retention: purged ${purged} finished instance(s) older than ${retentionMs} ms`);
    }
  });
}

// dist/src/functions/startup/publicBaseUrl.js
function publicBaseUrl(settings2) {
  const explicit = settings2.SLOTPILOT_PUBLIC_URL;
  if (explicit)
    return explicit.replace(/\/+$/, "");
  const host = settings2.WEBSITE_HOSTNAME ?? "localhost:7071";
  const local = /^(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?$/.test(host);
  return `${local ? "http" : "https"}://${host.replace("0.0.0.0", "localhost")}`;
}

// dist/src/functions/startup/readAppVersion.js
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
function readAppVersion(root2) {
  try {
    const pkg = JSON.parse(readFileSync2(join3(root2, "package.json"), "utf8"));
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

// dist/src/orchestrators/canary/index.js
import * as df9 from "durable-functions";

// dist/src/orchestrators/calls/ActivityError.js
var ActivityError = class extends Error {
  activity;
  attempts;
  name = "ActivityError";
  constructor(activity, message3, attempts) {
    super(message3);
    this.activity = activity;
    this.attempts = attempts;
  }
};

// dist/src/orchestrators/calls/clock.js
function nowIso(context) {
  return context.df.currentUtcDateTime.toISOString();
}
function nowMs(context) {
  return context.df.currentUtcDateTime.getTime();
}
function inMs(context, ms) {
  return new Date(nowMs(context) + ms);
}

// dist/src/orchestrators/calls/RetryPolicy.js
var defaultRetry = {
  maxAttempts: 5,
  firstDelayMs: 2e3,
  maxDelayMs: 3e4
};
function untilDeadline(budgetMs) {
  return {
    maxAttempts: Number.POSITIVE_INFINITY,
    firstDelayMs: 2e3,
    maxDelayMs: 3e4,
    atLeastBackoff: true,
    budgetMs
  };
}
var deployRetry = untilDeadline(10 * 6e4);
var armRetry = untilDeadline(3 * 6e4);
function lookRetry(remainingMs) {
  return untilDeadline(Math.max(remainingMs, 3e4));
}
function retryDelayMs(policy, attempt, askedMs) {
  const backoffMs = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  if (askedMs !== void 0 && askedMs > 0) {
    const cappedMs = Math.min(askedMs, policy.maxDelayMs * 10);
    return policy.atLeastBackoff === true ? Math.max(cappedMs, backoffMs) : cappedMs;
  }
  return backoffMs;
}
function mayRetry(policy, attempt, elapsedMs, delayMs) {
  if (attempt >= policy.maxAttempts)
    return false;
  return policy.budgetMs === void 0 || elapsedMs + delayMs <= policy.budgetMs;
}
var reportRetry = { maxAttempts: 2, firstDelayMs: 2e3, maxDelayMs: 5e3 };

// dist/src/orchestrators/calls/callActivity.js
function* callActivity(context, name, input2, policy = defaultRetry) {
  const startedMs = nowMs(context);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return yield context.df.callActivity(name, input2);
    } catch (error) {
      const failure = decodeActivityFailure(error);
      const delayMs = retryDelayMs(policy, attempt, failure.retryAfterMs);
      if (failure.kind === "nonRetryable" || !mayRetry(policy, attempt, nowMs(context) - startedMs, delayMs)) {
        throw new ActivityError(name, failure.message, attempt);
      }
      yield context.df.createTimer(inMs(context, delayMs));
    }
  }
}

// dist/src/orchestrators/calls/cancelChecks.js
function* pollCancel(context, releaseId) {
  try {
    const request = yield* callActivity(context, "readCancelRequest", { releaseId });
    return request ?? void 0;
  } catch {
    return void 0;
  }
}
function readCancel(payload) {
  const request = payload ?? {};
  return { by: request.by ?? "unknown", reason: request.reason ?? "", at: request.at ?? "" };
}
function cancelReason(request) {
  return `canceled by ${request.by}${request.reason === "" ? "" : `: ${request.reason}`}`;
}

// dist/src/orchestrators/monitor/callMonitorActivity.js
var sideEffectRetry = {
  maxAttempts: 4,
  firstDelayMs: 2e3,
  maxDelayMs: 8e3
};
var MonitorActivityError = class extends Error {
  activity;
  attempts;
  name = "MonitorActivityError";
  constructor(activity, message3, attempts) {
    super(message3);
    this.activity = activity;
    this.attempts = attempts;
  }
};
function* callMonitorActivity(context, name, input2, retry = sideEffectRetry) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return yield context.df.callActivity(name, input2);
    } catch (error) {
      const failure = decodeActivityFailure(error);
      if (failure.kind === "nonRetryable" || attempt >= retry.maxAttempts) {
        throw new MonitorActivityError(name, failure.message, attempt);
      }
      const backoffMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
      const delayMs = Math.min(failure.retryAfterMs ?? backoffMs, retry.maxDelayMs);
      const at = context.df.currentUtcDateTime.getTime() + Math.max(delayMs, 1);
      yield context.df.createTimer(new Date(at));
    }
  }
}
function errorText(error) {
  if (error instanceof MonitorActivityError)
    return `${error.activity}: ${error.message}`;
  return decodeActivityFailure(error).message;
}

// dist/src/orchestrators/canary/callCanaryActivity.js
var canaryRetry = { maxAttempts: 4, firstDelayMs: 2e3, maxDelayMs: 8e3 };
var shareZeroRetry = {
  maxAttempts: 25,
  firstDelayMs: 1e3,
  maxDelayMs: 3e4
};
var CanaryActivityError = class extends Error {
  activity;
  name = "CanaryActivityError";
  constructor(activity, message3) {
    super(`${activity}: ${message3}`);
    this.activity = activity;
  }
};
function* callCanaryActivity(context, name, input2, retry = canaryRetry) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return yield context.df.callActivity(name, input2);
    } catch (error) {
      const failure = decodeActivityFailure(error);
      if (failure.kind === "nonRetryable" || attempt >= retry.maxAttempts) {
        throw new CanaryActivityError(name, failure.message);
      }
      const backoffMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
      const delayMs = Math.min(failure.retryAfterMs ?? backoffMs, retry.maxDelayMs);
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + Math.max(delayMs, 1)));
    }
  }
}

// dist/src/orchestrators/canary/abortCanary.js
function* abortCanary(context, input2, cause, publish) {
  const decidedAt = context.df.currentUtcDateTime.toISOString();
  const progress = {
    reason: cause.reason,
    evidence: { trigger: cause.trigger, strategy: "canary", ...cause.evidence },
    at: decidedAt,
    detectedAt: cause.detectedAt,
    decidedAt
  };
  publish(progress, `aborting the canary: ${cause.reason}`);
  let error;
  try {
    yield* callCanaryActivity(context, "canarySetShare", { site: input2.site, slot: input2.slot, percent: 0 }, shareZeroRetry);
    const after = yield* callCanaryActivity(context, "canaryReadShares", { site: input2.site });
    const left = after.shares.filter((s) => s.name === input2.slot && s.percent > 0);
    if (left.length > 0)
      error = `routing still sends ${left[0]?.percent ?? 0}% to ${input2.slot}`;
  } catch (caught) {
    error = caught instanceof Error ? caught.message : errorText(caught);
  }
  const doneAt = context.df.currentUtcDateTime.toISOString();
  const result = error === void 0 ? {
    outcome: "aborted",
    trigger: cause.trigger,
    reason: cause.reason,
    evidence: progress.evidence,
    detectedAt: cause.detectedAt,
    decidedAt,
    shareZeroAt: doneAt
  } : { outcome: "abortFailed", reason: cause.reason, error };
  if (result.outcome === "aborted") {
    publish({ ...progress, swapBackCompletedAt: doneAt }, "canary aborted: share 0%");
  } else {
    publish({ ...progress, evidence: { ...progress.evidence, error } }, `abort failed: ${error}`);
  }
  yield* tell(context, input2, cause, result, decidedAt, doneAt);
  return result;
}
function* tell(context, input2, cause, result, decidedAt, doneAt) {
  const done = result.outcome === "aborted";
  const times = {
    detectedAt: cause.detectedAt,
    decidedAt,
    ...done && { swapBackCompletedAt: doneAt }
  };
  const evidence = { trigger: cause.trigger, strategy: "canary", ...cause.evidence };
  const error = result.outcome === "abortFailed" ? result.error : void 0;
  try {
    yield* callMonitorActivity(context, "monitorNotifyRollback", {
      releaseId: input2.releaseId,
      pipeline: input2.pipeline,
      stage: input2.stage,
      image: input2.image,
      outcome: done ? "rolledBack" : "rollbackFailed",
      trigger: cause.trigger,
      reason: `canary aborted (share of ${input2.slot} set to 0%): ${cause.reason}`,
      evidence,
      ...times,
      ...error !== void 0 && { error }
    });
  } catch {
  }
  try {
    yield* callMonitorActivity(context, "monitorAudit", {
      eventId: `${input2.releaseId}:canary-${done ? "aborted" : "abort-failed"}`,
      releaseId: input2.releaseId,
      pipeline: input2.pipeline,
      stage: input2.stage,
      at: doneAt,
      type: done ? "canary aborted" : "canary abort failed",
      actor: cause.actor,
      detail: {
        trigger: cause.trigger,
        reason: cause.reason,
        evidence,
        previousDigest: input2.previousDigest,
        newDigest: input2.newDigest,
        ...times,
        ...error !== void 0 && { error }
      }
    });
  } catch {
  }
}

// dist/src/orchestrators/calls/EventInbox.js
var EventInbox = class {
  context;
  name;
  open = [];
  constructor(context, name) {
    this.context = context;
    this.name = name;
  }
  /** A fresh wait to race once; the inbox keeps it until an event has reached it. */
  next() {
    const wait = this.context.df.waitForExternalEvent(this.name);
    this.open.push(wait);
    return wait;
  }
  /**
   * The payloads of waits that received an event since the last call, each returned once, in
   * arrival order (the SDK gives each event to the newest open wait, so newer waits hold the
   * earlier events).
   */
  take() {
    const arrived = this.open.filter((wait) => wait.isCompleted);
    if (arrived.length === 0)
      return [];
    this.open = this.open.filter((wait) => !wait.isCompleted);
    return arrived.reverse().map((wait) => wait.result);
  }
};

// dist/src/orchestrators/monitor/RollbackRetries.js
var rollbackRetryPace = {
  firstDelayMs: 2e3,
  maxDelayMs: 6e4,
  maxAskedMs: 5 * 6e4,
  firstPageAfterMs: 3e4,
  pageEveryMs: 15 * 6e4
};
var RollbackRetries = class {
  context;
  subject;
  onHeldUp;
  pace;
  firstFailureMs;
  lastPageMs;
  failures = 0;
  pages = 0;
  constructor(context, subject, onHeldUp, pace = rollbackRetryPace) {
    this.context = context;
    this.subject = subject;
    this.onHeldUp = onHeldUp;
    this.pace = pace;
  }
  /** Calls `name` until it succeeds or fails non-retryably. */
  *call(name, input2) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return yield this.context.df.callActivity(name, input2);
      } catch (error) {
        const failure = decodeActivityFailure(error);
        if (failure.kind === "nonRetryable") {
          throw new MonitorActivityError(name, failure.message, attempt);
        }
        this.failures += 1;
        this.firstFailureMs ??= this.nowMs();
        const delayMs = this.delayMs(attempt, failure.retryAfterMs);
        const reason = `${name}: ${firstLine2(failure.message)}`;
        this.onHeldUp(`rollback held up (${this.failures} failed attempt(s)), retrying in ${Math.round(delayMs / 1e3)}s: ${reason}`);
        yield* this.pageIfDue(reason);
        yield this.context.df.createTimer(new Date(this.nowMs() + delayMs));
      }
    }
  }
  /** Pages sent so far. */
  get pagesSent() {
    return this.pages;
  }
  delayMs(attempt, askedMs) {
    const backoffMs = Math.min(this.pace.firstDelayMs * 2 ** Math.min(attempt - 1, 20), this.pace.maxDelayMs);
    return Math.max(backoffMs, Math.min(askedMs ?? 0, this.pace.maxAskedMs), 1);
  }
  *pageIfDue(error) {
    const now = this.nowMs();
    const since = this.firstFailureMs ?? now;
    const due = this.lastPageMs === void 0 ? now - since >= this.pace.firstPageAfterMs : now - this.lastPageMs >= this.pace.pageEveryMs;
    if (!due)
      return;
    const page = this.pages + 1;
    try {
      yield this.context.df.callActivity("monitorPageRollback", {
        ...this.subject,
        page,
        since: new Date(since).toISOString(),
        failures: this.failures,
        error
      });
      this.pages = page;
      this.lastPageMs = now;
    } catch {
    }
  }
  nowMs() {
    return this.context.df.currentUtcDateTime.getTime();
  }
};
function firstLine2(text) {
  return (text.split("\n")[0] ?? text).slice(0, 300);
}

// dist/src/orchestrators/monitor/rollBack.js
function requestedRollback(request, receivedAt) {
  const firedEarlier = request.source === "alert" && request.at < receivedAt;
  return {
    trigger: request.source,
    reason: request.reason,
    evidence: {
      source: request.source,
      requestedBy: request.by,
      requestedAt: request.at,
      ...request.evidence ?? {}
    },
    detectedAt: firedEarlier ? request.at : receivedAt,
    actor: request.by
  };
}
var swapPollMs = 2e3;
var busyWaitMs = 5e3;
var swapTimeoutMs = 15 * 6e4;
var verifyAttempts = 6;
var verifyGapMs = 5e3;
function* rollBack(context, target, cause, options) {
  const decidedAt = nowIso2(context);
  const view = {
    reason: cause.reason,
    evidence: { trigger: cause.trigger, ...cause.evidence },
    at: decidedAt,
    detectedAt: cause.detectedAt,
    decidedAt
  };
  options.publish(view, `rolling back: ${cause.reason}`, "decided");
  let error;
  let refused = false;
  let stop = "notSwapped";
  const command = (at) => manualRollbackCommand({
    site: target.site,
    slot: target.slot,
    image: target.image,
    previousDigest: target.previousDigest,
    stop: at
  });
  const retries = new RollbackRetries(context, {
    releaseId: target.releaseId,
    pipeline: target.pipeline,
    stage: target.stage,
    image: target.image,
    command: command("notSwapped")
  }, (step) => options.publish(view, step, "swapping"));
  try {
    const request = {
      releaseId: target.releaseId,
      site: target.site,
      slot: target.slot,
      previousDigest: target.previousDigest,
      newDigest: target.newDigest
    };
    let begin = yield* retries.call("monitorBeginSwapBack", request);
    const busySince = context.df.currentUtcDateTime.getTime();
    while (begin.kind === "busy" && context.df.currentUtcDateTime.getTime() < busySince + swapTimeoutMs) {
      options.publish(view, `waiting for a running swap: ${begin.detail}`, "swapping");
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + busyWaitMs));
      begin = yield* retries.call("monitorBeginSwapBack", request);
    }
    if (begin.kind === "busy") {
      error = `a swap of the site kept running for ${swapTimeoutMs / 6e4} minutes: ${begin.detail}`;
    } else if (begin.kind === "refused") {
      error = begin.detail;
      refused = true;
      stop = "slotChanged";
    } else if (begin.kind === "started") {
      options.publish(view, `swapping ${target.slot} back into production`, "swapping");
      let handle = begin.handle;
      const deadline = context.df.currentUtcDateTime.getTime() + swapTimeoutMs;
      for (; ; ) {
        yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + swapPollMs));
        const progress = yield* retries.call("monitorPollSwapBack", { handle });
        if (progress.status === "succeeded")
          break;
        if (progress.status === "failed") {
          error = `swap back failed: ${progress.detail}`;
          break;
        }
        if (progress.status === "running")
          handle = progress.handle ?? handle;
        if (context.df.currentUtcDateTime.getTime() > deadline) {
          error = `swap back still running after ${swapTimeoutMs / 6e4} minutes`;
          break;
        }
      }
    }
    if (error === void 0) {
      error = yield* verify(context, target, retries);
      if (error !== void 0)
        stop = "notVerified";
    }
  } catch (caught) {
    error = errorText(caught);
  }
  if (refused && options.onRefused === "return")
    return { outcome: "refused", error: error ?? "" };
  const completedAt = nowIso2(context);
  const outcome = error === void 0 ? {
    outcome: "rolledBack",
    trigger: cause.trigger,
    reason: cause.reason,
    evidence: view.evidence,
    detectedAt: cause.detectedAt,
    decidedAt,
    swapBackCompletedAt: completedAt
  } : {
    outcome: "rollbackFailed",
    trigger: cause.trigger,
    reason: cause.reason,
    evidence: view.evidence,
    detectedAt: cause.detectedAt,
    decidedAt,
    error,
    command: command(stop)
  };
  if (outcome.outcome === "rolledBack") {
    options.publish({ ...view, swapBackCompletedAt: completedAt }, "rolled back", "rolledBack");
  } else {
    options.publish({ ...view, evidence: { ...view.evidence, error } }, `rollback failed: ${error}; to finish it by hand run: ${command(stop)}`, "failed");
  }
  yield* tell2(context, target, cause, outcome);
  return outcome;
}
function* verify(context, target, retries) {
  let detail = "";
  for (let attempt = 1; attempt <= verifyAttempts; attempt += 1) {
    const result = yield* retries.call("monitorVerifyProduction", {
      site: target.site,
      digest: target.previousDigest,
      healthPath: target.plan.health.path,
      timeoutMs: target.plan.health.timeoutMs
    });
    if (result.ok)
      return void 0;
    detail = result.detail;
    if (attempt < verifyAttempts) {
      yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + verifyGapMs));
    }
  }
  return `verification failed: ${detail}`;
}
function* tell2(context, target, cause, outcome) {
  const times = {
    detectedAt: outcome.detectedAt,
    decidedAt: outcome.decidedAt,
    ...outcome.outcome === "rolledBack" && { swapBackCompletedAt: outcome.swapBackCompletedAt }
  };
  try {
    yield* callMonitorActivity(context, "monitorNotifyRollback", {
      releaseId: target.releaseId,
      pipeline: target.pipeline,
      stage: target.stage,
      image: target.image,
      outcome: outcome.outcome,
      trigger: cause.trigger,
      reason: cause.reason,
      evidence: outcome.evidence,
      ...times,
      ...outcome.outcome === "rollbackFailed" && {
        error: outcome.error,
        ...outcome.command !== void 0 && { command: outcome.command }
      }
    });
  } catch {
  }
  try {
    yield* callMonitorActivity(context, "monitorAudit", {
      eventId: `${target.releaseId}:${outcome.outcome}`,
      releaseId: target.releaseId,
      pipeline: target.pipeline,
      stage: target.stage,
      at: nowIso2(context),
      type: outcome.outcome === "rolledBack" ? "rolled back" : "rollback failed",
      actor: cause.actor,
      detail: {
        trigger: cause.trigger,
        reason: cause.reason,
        evidence: outcome.evidence,
        previousDigest: target.previousDigest,
        newDigest: target.newDigest,
        ...times,
        ...outcome.outcome === "rollbackFailed" && {
          error: outcome.error,
          ...outcome.command !== void 0 && { command: outcome.command }
        }
      }
    });
  } catch {
  }
}
function nowIso2(context) {
  return context.df.currentUtcDateTime.toISOString();
}

// dist/src/orchestrators/canary/CanaryEvents.js
var CanaryEvents = class {
  context;
  rollbacks;
  cancels;
  promotes;
  constructor(context) {
    this.context = context;
    this.rollbacks = new EventInbox(context, releaseEvents.rollback);
    this.cancels = new EventInbox(context, releaseEvents.cancel);
    this.promotes = new EventInbox(context, canaryEvents.promote);
  }
  /** Fresh waits for every event, to race once against a timer. */
  waits() {
    return [this.rollbacks.next(), this.cancels.next(), this.promotes.next()];
  }
  /** The abort a rollback or cancel that arrived asks for, if any (the first one wins). */
  takeAbort() {
    const receivedAt = this.context.df.currentUtcDateTime.toISOString();
    const rollback = this.rollbacks.take()[0];
    if (rollback !== void 0)
      return requestedRollback(rollback, receivedAt);
    const payload = this.cancels.take()[0];
    if (payload === void 0)
      return void 0;
    return cancelCause(readCancel(payload), receivedAt);
  }
  /**
   * The promote for step `step` that arrived first, if any; promotes naming another step (a
   * stale view, a lost race) are dropped (compare-and-set).
   */
  takePromote(step) {
    const promotes = this.promotes.take();
    return promotes.find((p) => p.fromStep === step);
  }
};
function cancelCause(cancel, receivedAt) {
  return {
    trigger: "manual",
    reason: `canceled by ${cancel.by}${cancel.reason === "" ? "" : `: ${cancel.reason}`}`,
    evidence: { source: "cancel", requestedBy: cancel.by, requestedAt: cancel.at },
    detectedAt: receivedAt,
    actor: cancel.by
  };
}

// dist/src/orchestrators/canary/canaryRelease.js
var metricsDelayMs = 6e4;
var pastStepSamples = 2;
var promotionGuardMs = 24 * 36e5;
var source = "App Service platform metrics of the slot resource (Requests, Http5xx, average HttpResponseTime held against the p95 threshold) and the slot health probe";
function* canaryRelease(context) {
  const input2 = context.df.getInput();
  const plan = input2.canary;
  const monitor = input2.monitor;
  const steps = plan.stepsPercent.map((percent) => ({
    percent,
    status: "pending",
    samples: []
  }));
  const view = { step: 0, percent: 0, state: "routing", steps, source };
  const promotions = {};
  let rollback;
  let status;
  const publish = (step) => {
    const custom = {
      step,
      updatedAt: context.df.currentUtcDateTime.toISOString(),
      canary: view,
      promotions,
      ...rollback !== void 0 && { rollback },
      ...status !== void 0 && { status }
    };
    context.df.setCustomStatus(boundCustomStatus(custom));
  };
  const events = new CanaryEvents(context);
  const now = () => context.df.currentUtcDateTime.getTime();
  const iso = () => context.df.currentUtcDateTime.toISOString();
  const accept = (step, promote) => {
    promotions[String(step)] = { requestId: promote.requestId, by: promote.by, at: promote.at };
  };
  const abort = function* (cause) {
    view.state = "aborted";
    const current = steps[view.step];
    if (current !== void 0 && current.status === "running") {
      current.status = cause.trigger === "breach" || cause.trigger === "health" ? "failed" : "aborted";
      current.finishedAt = iso();
    }
    delete view.waitingForPromotion;
    const result = yield* abortCanary(context, input2, cause, (progress, step) => {
      rollback = progress;
      if (progress.swapBackCompletedAt !== void 0) {
        view.percent = 0;
        status = "RolledBack";
      }
      publish(step);
    });
    if (result.outcome === "abortFailed") {
      status = "Failed";
      publish(`abort failed: ${result.error}`);
    }
    return result;
  };
  const wait = function* (atMs) {
    const timer = context.df.createTimer(new Date(atMs));
    const winner = yield context.df.Task.any([...events.waits(), timer]);
    if (winner === timer)
      return true;
    timer.cancel();
    return false;
  };
  const awaitPromotion = function* (index, reason) {
    view.state = "waitingForPromotion";
    view.waitingForPromotion = { step: index, since: iso(), reason };
    publish(`step ${index + 1} (${steps[index]?.percent ?? 0}%): ${reason}; waiting for a promote`);
    for (; ; ) {
      const cause = events.takeAbort();
      if (cause !== void 0)
        return { kind: "abort", cause };
      const promote = events.takePromote(index);
      if (promote !== void 0) {
        accept(index, promote);
        delete view.waitingForPromotion;
        return { kind: "promoted", by: promote.by };
      }
      yield* wait(now() + promotionGuardMs);
    }
  };
  const runStep = function* (index, step) {
    const early = events.takeAbort();
    if (early !== void 0)
      return { kind: "abort", cause: early };
    const recorded = yield* pollCancel(context, input2.releaseId);
    if (recorded !== void 0)
      return { kind: "abort", cause: cancelCause(recorded, iso()) };
    view.step = index;
    view.state = "routing";
    step.status = "running";
    publish(`routing ${step.percent}% of production traffic to ${input2.slot}`);
    yield* callCanaryActivity(context, "canarySetShare", {
      site: input2.site,
      slot: input2.slot,
      percent: step.percent
    });
    view.percent = step.percent;
    view.state = "judging";
    step.startedAt = iso();
    const endMs = now() + plan.stepDurationMs;
    let nextSampleMs = now() + monitor.intervalMs;
    let run3 = { consecutiveBreaches: 0 };
    publish(`step ${index + 1}/${steps.length}: ${step.percent}% to ${input2.slot}`);
    for (; ; ) {
      const atMs = Math.min(nextSampleMs, endMs);
      const fired = yield* wait(atMs);
      const cause = events.takeAbort();
      if (cause !== void 0)
        return { kind: "abort", cause };
      const promote = events.takePromote(index);
      if (promote !== void 0) {
        accept(index, promote);
        return { kind: "promoted", by: promote.by };
      }
      if (!fired)
        continue;
      if (atMs >= nextSampleMs) {
        nextSampleMs += monitor.intervalMs;
        const window = metricsWindow(step.startedAt, context.df.currentUtcDateTime, monitor.lookbackMs, metricsDelayMs);
        const read = yield* callCanaryActivity(context, "canarySample", {
          site: input2.site,
          slot: input2.slot,
          ...window !== void 0 && { window },
          healthPath: monitor.health.path,
          timeoutMs: monitor.health.timeoutMs
        });
        while (nextSampleMs <= now())
          nextSampleMs += monitor.intervalMs;
        const verdict = assessCanarySample({ at: iso(), ...window !== void 0 && { window }, ...read }, monitor.thresholds, plan.maxErrorRateIncrease);
        step.samples = [...step.samples, toSampleView(verdict)].slice(-maxStepSamples);
        const decision = decideTick(run3, verdict, { ...monitor, inconclusive: "continue" });
        run3 = decision.run;
        publish(`step ${index + 1}/${steps.length}: ${step.percent}% to ${input2.slot}, ${verdict.verdict}`);
        if (decision.action === "rollback") {
          return {
            kind: "abort",
            cause: {
              trigger: decision.trigger,
              reason: `canary step ${index + 1} (${step.percent}%): ${decision.reason}`,
              evidence: {
                ...verdict.evidence,
                step: index + 1,
                percent: step.percent,
                consecutiveBreaches: run3.consecutiveBreaches
              },
              detectedAt: decision.detectedAt,
              actor: "slotpilot"
            }
          };
        }
      }
      if (now() >= endMs)
        return { kind: "ran" };
    }
  };
  publish("starting the canary");
  try {
    for (const [index, step] of steps.entries()) {
      let end = yield* runStep(index, step);
      if (end.kind === "ran") {
        const verdict = decideStep(step.samples);
        step.status = verdict;
        step.finishedAt = iso();
        if (verdict === "inconclusive" && monitor.inconclusive === "rollback") {
          end = {
            kind: "abort",
            cause: {
              trigger: "inconclusive",
              reason: `canary step ${index + 1} (${step.percent}%) inconclusive: no sample passed`,
              evidence: { step: index + 1, percent: step.percent, samples: step.samples },
              detectedAt: iso(),
              actor: "slotpilot"
            }
          };
        } else if (verdict === "inconclusive" && monitor.inconclusive === "pause") {
          end = yield* awaitPromotion(index, "inconclusive step (too little canary traffic)");
        } else if (plan.pauseForApproval) {
          end = yield* awaitPromotion(index, `${verdict}; pauseForApproval`);
        }
      }
      if (end.kind === "abort")
        return yield* abort(end.cause);
      if (end.kind === "promoted") {
        if (step.status === "running") {
          step.status = "passed";
          step.finishedAt = iso();
        }
        step.promotedBy = end.by;
      }
      step.samples = step.samples.slice(-pastStepSamples);
    }
    const last = events.takeAbort();
    if (last !== void 0)
      return yield* abort(last);
    view.state = "swapping";
    publish(`all ${steps.length} steps passed: clearing the routing rule before the swap`);
    yield* callCanaryActivity(context, "canarySetShare", {
      site: input2.site,
      slot: input2.slot,
      percent: 0
    });
    view.percent = 0;
    view.state = "promoted";
    publish("canary promoted: swapping");
    return { outcome: "promoted", steps: steps.length, endedAt: iso() };
  } catch (error) {
    return yield* abort({
      trigger: "breach",
      reason: `canary could not go on: ${error instanceof Error ? error.message : String(error)}`,
      evidence: { error: error instanceof Error ? error.message : String(error) },
      detectedAt: iso(),
      actor: "slotpilot"
    });
  }
}

// dist/src/orchestrators/canary/runCanary.js
function* runCanary(context, input2, slot, previousDigest, tracker) {
  const { stage } = input2;
  const plan = stage.canary;
  const monitor = stage.monitor;
  if (plan === void 0 || monitor === void 0)
    return void 0;
  const { slot: _slot, ...site } = stage.target;
  const canaryInput = {
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: stage.name,
    canary: plan,
    monitor,
    site,
    slot,
    previousDigest,
    newDigest: input2.digest,
    image: input2.image
  };
  tracker.step(`canary: ${plan.stepsPercent.join("% \u2192 ")}% of production traffic to ${slot}`, {
    previousDigest
  });
  tracker.check({ name: "canary", status: "Running" });
  let result;
  try {
    result = yield context.df.callSubOrchestrator(canaryOrchestratorName, canaryInput, canaryInstanceId(input2.releaseId));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    try {
      yield* callCanaryActivity(context, "canarySetShare", { site, slot, percent: 0 }, shareZeroRetry);
    } catch {
      tracker.check({ name: "canary", status: "Failed", detail: `${detail}; share not reset` });
      return tracker.result("Failed", `canary failed and its share could not be reset: ${detail}`);
    }
    tracker.check({ name: "canary", status: "Failed", detail });
    return tracker.result("Failed", `canary failed: ${detail}`);
  }
  switch (result.outcome) {
    case "promoted":
      tracker.check({
        name: "canary",
        status: "Passed",
        detail: `${result.steps} steps passed (${plan.stepsPercent.join("%, ")}%)`
      });
      return void 0;
    case "aborted":
      tracker.check({ name: "canary", status: "Failed", detail: result.reason });
      return tracker.result("RolledBack", `canary aborted (share 0%): ${result.reason}`);
    case "abortFailed":
      tracker.check({ name: "canary", status: "Failed", detail: result.error });
      return tracker.result("Failed", `canary abort failed: ${result.error} (${result.reason})`);
  }
}

// dist/src/orchestrators/canary/index.js
function registerCanaryOrchestrators() {
  df9.app.orchestration(canaryOrchestratorName, canaryRelease);
}

// dist/src/orchestrators/registerOrchestrators.js
import * as df11 from "durable-functions";

// dist/src/orchestrators/production/productionLock.js
var holderCheckIntervalMs = 15 * 6e4;
function* productionLock(context) {
  const input2 = context.df.getInput();
  const holding = {
    heldBy: input2.releaseId,
    holder: input2.holder
  };
  context.df.setCustomStatus(boundCustomStatus(holding));
  for (; ; ) {
    yield context.df.createTimer(inMs(context, holderCheckIntervalMs));
    const active = yield* callActivity(context, "isInstanceActive", { instanceId: input2.holder });
    if (!active)
      return `holder ${input2.holder} ended`;
  }
}

// dist/src/orchestrators/calls/failureReason.js
function failureReason(error) {
  if (error instanceof ActivityError)
    return `${error.activity}: ${firstLine(error.message)}`;
  return decodeActivityFailure(error).message;
}

// dist/src/orchestrators/calls/report.js
function* report(context, release, step) {
  const stage = step.stage === void 0 ? {} : { stage: step.stage };
  try {
    yield* callActivity(context, "recordAudit", {
      eventId: `${release.releaseId}:${step.key}`,
      releaseId: release.releaseId,
      pipeline: release.pipeline,
      at: nowIso(context),
      type: step.outcome,
      ...stage,
      ...step.actor === void 0 ? {} : { actor: step.actor },
      ...step.detail === void 0 ? {} : { detail: step.detail }
    }, reportRetry);
  } catch {
  }
  try {
    yield* callActivity(context, "notify", {
      key: `${release.releaseId}:${step.key}`,
      releaseId: release.releaseId,
      pipeline: release.pipeline,
      ...stage,
      outcome: step.outcome,
      severity: step.severity,
      image: release.image,
      text: step.text
    }, reportRetry);
  } catch {
  }
}

// dist/src/orchestrators/calls/activityTask.js
import * as df10 from "durable-functions";
function activityTask(context, name, input2) {
  const retry = new df10.RetryOptions(defaultRetry.firstDelayMs, defaultRetry.maxAttempts);
  retry.backoffCoefficient = 2;
  retry.maxRetryIntervalInMilliseconds = defaultRetry.maxDelayMs;
  return context.df.callActivityWithRetry(name, retry, input2);
}

// dist/src/orchestrators/stage/runHookPhase.js
function* runHookPhase(context, input2, phase, tracker) {
  const hooks2 = input2.stage.hooks.filter((h) => h.phase === phase);
  if (hooks2.length === 0)
    return [];
  const startedMs = nowMs(context);
  for (const hook of hooks2)
    tracker.check({ name: hook.name, status: "Running" });
  const calls = hooks2.map((hook) => activityTask(context, "callHook", {
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: input2.stage.name,
    hook: hook.name,
    image: input2.image,
    digest: input2.digest,
    target: input2.stage.target,
    instanceId: context.df.instanceId,
    timeoutMs: hook.timeoutMs
  }));
  try {
    yield context.df.Task.all(calls);
  } catch {
    for (const call of calls.filter((c) => !c.isCompleted)) {
      try {
        yield call;
      } catch {
      }
    }
  }
  const answers = calls.map((call) => call.isCompleted && !call.isFaulted ? call.result : void 0);
  let awaiting = answers.flatMap((a) => a?.kind === "running" ? [a.callbackId] : []);
  if (awaiting.length > 0)
    tracker.awaiting(awaiting);
  const results = [];
  for (const [i, hook] of hooks2.entries()) {
    const answer = answers[i];
    let check;
    if (answer === void 0) {
      check = { name: hook.name, status: "Failed", detail: failureReason(calls[i]?.result) };
    } else {
      if (answer.kind === "result") {
        check = {
          name: hook.name,
          status: answer.status === "passed" ? "Passed" : "Failed",
          detail: answer.detail
        };
      } else {
        const deadline = new Date(startedMs + hook.timeoutMs);
        check = yield* awaitCallback(context, input2.stage.name, hook.name, answer.callbackId, {
          deadline,
          timeoutMs: hook.timeoutMs
        });
        awaiting = awaiting.filter((id) => id !== answer.callbackId);
        tracker.awaiting(awaiting);
      }
    }
    tracker.check(check);
    results.push(check);
  }
  return results;
}
function* awaitCallback(context, stage, hook, callbackId, limit) {
  const timedOut = {
    name: hook,
    status: "Failed",
    detail: `timed out after ${formatDuration(limit.timeoutMs)}`
  };
  if (limit.deadline.getTime() <= nowMs(context))
    return timedOut;
  const eventName = hookEventName(stage, hook);
  for (; ; ) {
    const timer = context.df.createTimer(limit.deadline);
    const callback = context.df.waitForExternalEvent(eventName);
    const winner = yield context.df.Task.any([callback, timer]);
    if (winner === timer)
      return timedOut;
    timer.cancel();
    const result = callback.result;
    if (result?.callbackId !== callbackId)
      continue;
    const passed = result.status === "passed";
    return {
      name: hook,
      status: passed ? "Passed" : "Failed",
      detail: result.detail ?? (passed ? "passed (callback)" : "failed (callback)")
    };
  }
}

// dist/src/orchestrators/stage/StageTracker.js
var StageTracker = class {
  context;
  progress;
  startedAt;
  constructor(context, input2) {
    this.context = context;
    this.startedAt = nowIso(context);
    this.progress = {
      stage: input2.stage.name,
      step: "starting",
      updatedAt: this.startedAt,
      checks: []
    };
    this.publish();
  }
  /** Sets the human-readable step. */
  step(step, extra = {}) {
    const { waitingForLock: _lock, ...rest } = this.progress;
    this.progress = { ...rest, ...extra, step, updatedAt: nowIso(this.context) };
    this.publish();
  }
  /** Adds or replaces the check named `check.name`. */
  check(check) {
    const known = this.progress.checks.some((c) => c.name === check.name);
    const checks = known ? this.progress.checks.map((c) => c.name === check.name ? check : c) : [...this.progress.checks, check];
    this.progress = { ...this.progress, checks, updatedAt: nowIso(this.context) };
    this.publish();
  }
  /** Sets the hook calls whose callback results the stage waits for now (none: `[]`). */
  awaiting(callbackIds) {
    const { awaitingCallbacks: _awaiting, ...rest } = this.progress;
    this.progress = {
      ...rest,
      ...callbackIds.length === 0 ? {} : { awaitingCallbacks: callbackIds },
      updatedAt: nowIso(this.context)
    };
    this.publish();
  }
  /** The stage's result. */
  result(status, reason) {
    const { previousDigest, swappedAt } = this.progress;
    const result = {
      stage: this.progress.stage,
      status,
      ...reason === void 0 ? {} : { reason },
      checks: this.progress.checks,
      startedAt: this.startedAt,
      finishedAt: nowIso(this.context),
      ...previousDigest === void 0 ? {} : { previousDigest },
      ...swappedAt === void 0 ? {} : { swappedAt }
    };
    this.step(reason ?? status.toLowerCase());
    return result;
  }
  publish() {
    this.context.df.setCustomStatus(boundCustomStatus({ ...this.progress, checks: shortenChecks(this.progress.checks) }));
  }
};

// dist/src/orchestrators/stage/waitUntilReady.js
var probeTimeoutMs = 1e4;
function* waitUntilReady(context, wait) {
  const deadline = nowMs(context) + wait.timeoutMs;
  for (; ; ) {
    const look = yield* callActivity(context, "checkSite", {
      target: wait.target,
      digest: wait.digest,
      path: wait.path,
      expectStatus: wait.expectStatus,
      timeoutMs: Math.min(probeTimeoutMs, wait.timeoutMs)
    }, lookRetry(deadline - nowMs(context)));
    if (look.ready || nowMs(context) + wait.intervalMs > deadline)
      return look;
    yield context.df.createTimer(inMs(context, wait.intervalMs));
  }
}

// dist/src/orchestrators/production/acquireLock.js
var lockPollIntervalMs = 3e4;
function* takeProductionLock(context, request, onWait) {
  for (; ; ) {
    const attempt = yield* callActivity(context, "tryAcquireLock", request);
    if (attempt.acquired)
      return;
    onWait(attempt.heldBy);
    yield context.df.createTimer(inMs(context, lockPollIntervalMs));
  }
}
function* acquireLock(context, site, releaseId, tracker) {
  yield* takeProductionLock(context, { site, holder: context.df.instanceId, releaseId }, (heldBy) => {
    tracker.step(`waiting for the production lock of ${site} (held by ${heldBy})`, {
      waitingForLock: { site, heldBy }
    });
  });
}

// dist/src/orchestrators/production/swapSlots.js
var swapPollIntervalMs = 1e4;
var swapTimeoutMs2 = 15 * 6e4;
function* swapSlots(context, target, digest) {
  const started = yield* callActivity(context, "startSwap", { target, digest }, armRetry);
  if (started.kind === "alreadySwapped")
    return { ok: true, detail: "alreadySwapped" };
  const deadline = nowMs(context) + swapTimeoutMs2;
  if (started.kind === "inProgress")
    return yield* awaitRunningSwap(context, target, digest, deadline);
  let handle = started.handle;
  for (; ; ) {
    yield context.df.createTimer(inMs(context, swapPollIntervalMs));
    const progress = yield* callActivity(context, "pollSwap", { handle }, untilDeadline(Math.max(deadline - nowMs(context), armRetry.budgetMs ?? 0)));
    if (progress.status === "succeeded")
      return { ok: true, detail: "swapped" };
    if (progress.status === "failed")
      return { ok: false, detail: `swap failed: ${progress.detail}` };
    handle = progress.handle ?? handle;
    if (nowMs(context) > deadline)
      return { ok: false, detail: "swap did not finish in 15m" };
  }
}
function* awaitRunningSwap(context, target, digest, deadline) {
  for (; ; ) {
    yield context.df.createTimer(inMs(context, swapPollIntervalMs));
    const slots = yield* callActivity(context, "readSlots", { target }, untilDeadline(Math.max(deadline - nowMs(context), armRetry.budgetMs ?? 0)));
    if (slots.productionDigest === digest)
      return { ok: true, detail: "swapped (resumed)" };
    if (nowMs(context) > deadline)
      return { ok: false, detail: "swap did not finish in 15m" };
  }
}

// dist/src/orchestrators/production/warmUp.js
function* warmUp(context, target, digest, warmup, tracker) {
  const deadline = nowMs(context) + warmup.timeoutMs;
  let streak = 0;
  let last = "no probe yet";
  for (; ; ) {
    const look = yield* callActivity(context, "checkSite", {
      target,
      digest,
      path: warmup.path,
      expectStatus: 200,
      timeoutMs: Math.min(1e4, warmup.intervalMs * 5)
    }, lookRetry(deadline - nowMs(context)));
    streak = look.ready ? streak + 1 : 0;
    last = look.detail;
    tracker.step(`warming up slot ${target.slot ?? "production"} (${streak}/${warmup.successes})`);
    if (streak >= warmup.successes) {
      return { ok: true, detail: `${streak} consecutive healthy responses` };
    }
    if (nowMs(context) + warmup.intervalMs > deadline) {
      return { ok: false, detail: `warm-up timed out with ${streak}/${warmup.successes}: ${last}` };
    }
    yield context.df.createTimer(inMs(context, warmup.intervalMs));
  }
}

// dist/src/orchestrators/production/productionRelease.js
var defaultWarmup = { path: "/health", successes: 3, intervalMs: 2e3, timeoutMs: 5 * 6e4 };
var verifyTimeoutMs = 2 * 6e4;
var verifyIntervalMs = 5e3;
function* productionRelease(context) {
  const input2 = context.df.getInput();
  const tracker = new StageTracker(context, input2);
  const site = input2.stage.target.site;
  let result;
  try {
    yield* acquireLock(context, site, input2.releaseId, tracker);
    result = yield* runProduction(context, input2, tracker);
  } catch (error) {
    result = tracker.result("Failed", failureReason(error));
  }
  try {
    yield* callActivity(context, "releaseLock", { site, holder: context.df.instanceId });
  } catch {
  }
  return result;
}
function* runProduction(context, input2, tracker) {
  const { stage, digest } = input2;
  const slotName = stage.target.slot ?? "staging";
  const slot = { ...stage.target, slot: slotName };
  const { slot: _slot, ...productionTarget } = stage.target;
  const before = yield* callActivity(context, "readSlots", { target: slot }, armRetry);
  const previousDigest = before.productionDigest ?? "";
  const alreadyLive = before.productionDigest === digest;
  tracker.step("production lock acquired", { previousDigest });
  if (!alreadyLive) {
    const early = yield* pollCancel(context, input2.releaseId);
    if (early !== void 0)
      return tracker.result("Canceled", cancelReason(early));
    tracker.step(`deploying ${digest} to slot ${slotName}`, { previousDigest });
    yield* callActivity(context, "deployImage", { pipeline: input2.pipeline, stage: stage.name, target: slot, image: input2.image }, deployRetry);
    const warm = yield* warmUp(context, slot, digest, stage.warmup ?? defaultWarmup, tracker);
    tracker.check({ name: "warm-up", status: warm.ok ? "Passed" : "Failed", detail: warm.detail });
    if (!warm.ok)
      return tracker.result("Failed", `slot ${slotName} did not warm up: ${warm.detail}`);
    tracker.step("running preSwap hooks", { previousDigest });
    const hooks2 = yield* runHookPhase(context, input2, "preSwap", tracker);
    const failed = hooks2.filter((c) => c.status === "Failed");
    if (failed.length > 0) {
      const reason = failed.map((c) => `hook ${c.name} failed: ${c.detail ?? ""}`).join("; ");
      return tracker.result("Failed", reason);
    }
  }
  const lastCall = yield* pollCancel(context, input2.releaseId);
  if (lastCall !== void 0)
    return tracker.result("Canceled", cancelReason(lastCall));
  if (!alreadyLive) {
    const ended = yield* runCanary(context, input2, slotName, previousDigest, tracker);
    if (ended !== void 0)
      return ended;
  }
  tracker.step(`swapping slot ${slotName} into production`, { previousDigest });
  const swap = yield* swapSlots(context, slot, digest);
  tracker.check({ name: "swap", status: swap.ok ? "Passed" : "Failed", detail: swap.detail });
  if (!swap.ok)
    return tracker.result("Failed", swap.detail);
  const swappedAt = nowIso(context);
  yield* report(context, input2, {
    key: `${stage.name}:swapped`,
    stage: stage.name,
    outcome: "swapped",
    severity: "info",
    text: `slot ${slotName} swapped into ${stage.target.site}: ${previousDigest || "nothing"} \u2192 ${digest}`,
    detail: { previousDigest, digest }
  });
  tracker.step("verifying production serves the new image", { previousDigest, swappedAt });
  const verify2 = yield* waitUntilReady(context, {
    target: productionTarget,
    digest,
    path: stage.warmup?.path ?? defaultWarmup.path,
    expectStatus: 200,
    timeoutMs: verifyTimeoutMs,
    intervalMs: verifyIntervalMs
  });
  tracker.check({
    name: "verify",
    status: verify2.ready ? "Passed" : "Failed",
    detail: verify2.detail
  });
  if (!verify2.ready)
    return tracker.result("Failed", `production does not serve ${digest}: ${verify2.detail}`);
  if (stage.monitor === void 0)
    return tracker.result("Succeeded");
  tracker.step("monitoring production", { previousDigest, swappedAt });
  const monitorInput = {
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    stage: stage.name,
    plan: stage.monitor,
    site: productionTarget,
    slot: slotName,
    hostNames: productionHosts(before, stage.monitor.hosts ?? []),
    swappedAt,
    previousDigest,
    newDigest: digest,
    image: input2.image
  };
  const monitorId = monitorInstanceId(input2.releaseId);
  const monitored = yield context.df.callSubOrchestrator(orchestratorNames.monitor, monitorInput, monitorId);
  switch (monitored.outcome) {
    case "healthy":
      return tracker.result("Succeeded");
    case "rolledBack":
      return tracker.result("RolledBack", `rolled back: ${monitored.reason}`);
    case "rollbackFailed":
      return tracker.result("Failed", `rollback failed: ${monitored.error} (${monitored.reason})` + (monitored.command === void 0 ? "" : `; to finish it by hand run: ${monitored.command}`));
  }
}
function productionHosts(slots, extra) {
  const all = [...slots.productionHostNames ?? [slots.productionHostName], ...extra];
  return [...new Set(all.map((h) => h.toLowerCase()).filter((h) => h !== ""))];
}

// dist/src/orchestrators/release/approvalEnding.js
function approvalEnding(stage, outcome) {
  switch (outcome.kind) {
    case "rejected":
      return {
        status: "Rejected",
        reason: `${stage} rejected by ${outcome.by}${outcome.reason === "" ? "" : `: ${outcome.reason}`}`
      };
    case "expired":
      return { status: "Expired", reason: `approval of ${stage} expired` };
    case "canceled":
      return {
        status: "Canceled",
        reason: `canceled by ${outcome.by}${outcome.reason === "" ? "" : `: ${outcome.reason}`}`
      };
    case "superseded":
      return { status: "Superseded", reason: `superseded by ${outcome.byReleaseId}` };
  }
}

// dist/src/orchestrators/release/EventWaits.js
function isFlush(payload) {
  return payload?.flush === true;
}
var EventWaits = class {
  context;
  stale = /* @__PURE__ */ new Map();
  constructor(context) {
    this.context = context;
  }
  /** Clears stale waiters of `names`, then opens one fresh wait per name. */
  *open(names2) {
    for (const name of names2) {
      const early = yield* this.flush(name);
      if (early !== void 0)
        return { kind: "early", name, payload: early };
    }
    const waits = /* @__PURE__ */ new Map();
    for (const name of names2)
      waits.set(name, this.context.df.waitForExternalEvent(name));
    return { kind: "waits", waits };
  }
  /** After a race: the winning wait is used up; the others are stale now. */
  settle(waits, winner) {
    for (const [name, task] of waits) {
      if (task === winner)
        this.stale.delete(name);
      else
        this.stale.set(name, task);
    }
  }
  *flush(name) {
    const stale = this.stale.get(name);
    if (stale === void 0)
      return void 0;
    this.stale.delete(name);
    if (stale.isCompleted)
      return isFlush(stale.result) ? void 0 : stale.result;
    try {
      yield* callActivity(this.context, "flushEvent", {
        instanceId: this.context.df.instanceId,
        eventName: name
      });
    } catch {
      return void 0;
    }
    const payload = yield stale;
    return isFlush(payload) ? void 0 : payload;
  }
};

// dist/src/orchestrators/release/awaitApproval.js
var names = [releaseEvents.approval, releaseEvents.cancel, releaseEvents.supersede];
function* awaitApproval(context, stage, expiresAt, events, since, onApproval = () => void 0) {
  const required = stage.approval?.required ?? 1;
  const approvals = [];
  const count = (outcome) => {
    if (outcome?.kind !== "approved")
      return outcome;
    const who = outcome.by.trim().toLowerCase();
    if (approvals.some((a) => a.by.trim().toLowerCase() === who))
      return void 0;
    const record = {
      by: outcome.by,
      at: outcome.at,
      ...outcome.comment === void 0 ? {} : { comment: outcome.comment }
    };
    approvals.push(record);
    if (approvals.length >= required)
      return { ...outcome, approvals: [...approvals] };
    onApproval(record);
    return void 0;
  };
  for (; ; ) {
    const opened = yield* events.open(names);
    if (opened.kind === "early") {
      const outcome2 = count(decide(context, stage, since, opened.name, opened.payload));
      if (outcome2 !== void 0)
        return outcome2;
      continue;
    }
    const timer = context.df.createTimer(expiresAt);
    const waits = [...opened.waits.values()];
    const winner = yield context.df.Task.any([...waits, timer]);
    events.settle(opened.waits, winner);
    if (winner === timer)
      return { kind: "expired" };
    timer.cancel();
    const name = [...opened.waits].find(([, task]) => task === winner)?.[0] ?? "";
    const outcome = count(decide(context, stage, since, name, winner.result));
    if (outcome !== void 0)
      return outcome;
  }
}
function decide(context, stage, since, name, payload) {
  if (isFlush(payload))
    return void 0;
  if (name === releaseEvents.cancel) {
    const request = payload ?? {};
    return { kind: "canceled", by: request.by ?? "unknown", reason: request.reason ?? "" };
  }
  if (name === releaseEvents.supersede) {
    const notice = payload ?? {};
    return { kind: "superseded", byReleaseId: notice.byReleaseId ?? "a newer release" };
  }
  const decision = payload ?? {};
  if (decision.stage !== stage.name || decision.waitingSince !== since)
    return void 0;
  const by = decision.by ?? "unknown";
  if (decision.decision === "rejected")
    return { kind: "rejected", by, reason: decision.comment ?? "" };
  if (decision.decision !== "approved")
    return void 0;
  return {
    kind: "approved",
    approvals: [],
    by,
    at: decision.at ?? context.df.currentUtcDateTime.toISOString(),
    ...decision.comment === void 0 ? {} : { comment: decision.comment }
  };
}

// dist/src/orchestrators/release/holdProductionLock.js
function* holdProductionLock(context, input2, stage, apply) {
  const site = stage.target.site;
  const holder = stageInstanceId(input2.releaseId, stage.name);
  yield* takeProductionLock(context, { site, holder, releaseId: input2.releaseId }, (heldBy) => {
    apply({ type: "waitingForLock", stage: stage.name, at: nowIso(context), site, heldBy });
  });
}

// dist/src/orchestrators/release/runStage.js
function* runStage(context, input2, stage, apply, events) {
  const production = stage.target.slot !== void 0;
  const startedAt = nowIso(context);
  const ended = (reason, status) => ({
    stage: stage.name,
    status,
    reason,
    checks: [],
    startedAt,
    finishedAt: nowIso(context)
  });
  const opened = yield* events.open([releaseEvents.cancel]);
  if (opened.kind === "early")
    return ended(cancelReason(readCancel(opened.payload)), "Canceled");
  if (production) {
    try {
      yield* holdProductionLock(context, input2, stage, apply);
    } catch {
    }
  }
  apply({
    type: "stageStarted",
    stage: stage.name,
    at: startedAt,
    step: production ? `releasing to ${stage.target.site}` : `deploying to ${stage.target.site}`
  });
  const stageInput = {
    releaseId: input2.releaseId,
    pipeline: input2.pipeline,
    image: input2.image,
    digest: input2.digest,
    ...input2.tag === void 0 ? {} : { tag: input2.tag },
    stage
  };
  const childId = stageInstanceId(input2.releaseId, stage.name);
  const childName = production ? orchestratorNames.production : orchestratorNames.deployStage;
  const child = context.df.callSubOrchestrator(childName, stageInput, childId);
  let request;
  const cancel = opened.waits.get(releaseEvents.cancel);
  if (cancel !== void 0 && !child.isCompleted) {
    const first = yield context.df.Task.any([child, cancel]);
    events.settle(opened.waits, first);
    if (first === cancel)
      request = readCancel(cancel.result);
  }
  if (request !== void 0) {
    if (!production) {
      yield* callActivity(context, "stopStage", {
        instanceId: childId,
        reason: cancelReason(request)
      });
      return ended(cancelReason(request), "Canceled");
    }
    apply({ type: "cancelRequested", at: nowIso(context), by: request.by, reason: request.reason });
  }
  try {
    if (child.isCompleted && child.isFaulted)
      throw child.result;
    return child.isCompleted ? child.result : yield child;
  } catch (error) {
    return ended(failureReason(error), "Failed");
  }
}

// dist/src/orchestrators/release/supersedeOlder.js
var supersedeBudgetMs = 10 * 6e4;
function* supersedeOlder(context, input2) {
  try {
    return yield* callActivity(context, "supersedeOlderReleases", {
      releaseId: input2.releaseId,
      pipeline: input2.pipeline,
      order: releaseOrder(input2, nowIso(context)),
      at: nowIso(context)
    }, untilDeadline(supersedeBudgetMs));
  } catch (error) {
    if (!(error instanceof ActivityError))
      throw error;
    return { superseded: [], error: error.message };
  }
}

// dist/src/orchestrators/release/releasePipeline.js
function* releasePipeline(context) {
  const input2 = context.df.getInput();
  let status = initialReleaseStatus(input2.plan, nowIso(context));
  const apply = (event) => {
    status = reduceReleaseStatus(status, event);
    context.df.setCustomStatus(boundCustomStatus(status));
    return status;
  };
  context.df.setCustomStatus(boundCustomStatus(status));
  const events = new EventWaits(context);
  const supersede = yield* supersedeOlder(context, input2);
  if (supersede.supersededBy !== void 0) {
    const reason = `superseded by ${supersede.supersededBy}, a newer release of ${input2.pipeline} already running`;
    apply({ type: "finished", status: "Superseded", at: nowIso(context), step: reason });
    yield* report(context, input2, {
      key: "Superseded",
      outcome: "superseded",
      severity: "warning",
      text: reason,
      detail: { supersededBy: supersede.supersededBy }
    });
    return { status: "Superseded", stage: status.stage, reason };
  }
  yield* report(context, input2, {
    key: "started",
    outcome: "started",
    severity: "info",
    text: `Release of ${input2.tag ?? input2.digest} started` + (supersede.superseded.length > 0 ? `; superseding ${supersede.superseded.join(", ")}` : ""),
    actor: input2.requestedBy,
    detail: {
      superseded: supersede.superseded.join(","),
      ...supersede.error !== void 0 && { supersedeError: supersede.error }
    }
  });
  for (const stage of input2.plan.stages) {
    if (stage.approval !== void 0) {
      const outcome = yield* waitForApproval(context, input2, stage, apply, events);
      if (outcome.kind !== "approved") {
        const ending = approvalEnding(stage.name, outcome);
        apply({
          type: "finished",
          status: ending.status,
          at: nowIso(context),
          step: ending.reason
        });
        yield* report(context, input2, {
          key: `${stage.name}:${ending.status}`,
          stage: stage.name,
          outcome: ending.status.toLowerCase(),
          severity: "warning",
          text: ending.reason
        });
        return { status: ending.status, stage: stage.name, reason: ending.reason };
      }
      apply({
        type: "approved",
        stage: stage.name,
        at: nowIso(context),
        by: outcome.by,
        ...outcome.comment === void 0 ? {} : { comment: outcome.comment },
        approvals: outcome.approvals
      });
    }
    const result = yield* runStage(context, input2, stage, apply, events);
    apply({ type: "stageFinished", result, at: nowIso(context) });
    yield* report(context, input2, {
      key: `${stage.name}:${result.status}`,
      stage: stage.name,
      outcome: result.status === "Succeeded" ? "deployed" : result.status.toLowerCase(),
      severity: severityOf(result),
      text: result.reason ?? `${stage.name}: ${result.status.toLowerCase()}`
    });
    if (result.status !== "Succeeded") {
      const final = finalStatusOf(result.status);
      const reason = result.reason ?? `${stage.name} ${result.status.toLowerCase()}`;
      apply({ type: "finished", status: final, at: nowIso(context), step: reason });
      return { status: final, stage: stage.name, reason };
    }
  }
  const last = input2.plan.stages.at(-1)?.name ?? "";
  apply({ type: "finished", status: "Succeeded", at: nowIso(context), step: "released" });
  yield* report(context, input2, {
    key: "Succeeded",
    outcome: "released",
    severity: "success",
    text: `${input2.tag ?? input2.digest} is live`
  });
  return { status: "Succeeded", stage: last };
}
function* waitForApproval(context, input2, stage, apply, events) {
  const approval = stage.approval;
  if (approval === void 0)
    throw new Error(`stage ${stage.name} has no approval`);
  const expiresAt = new Date(nowMs(context) + approval.timeoutMs);
  const since = nowIso(context);
  apply({
    type: "waitingForApproval",
    stage: stage.name,
    at: since,
    expiresAt: expiresAt.toISOString(),
    approvers: approval.approvers,
    required: approval.required ?? 1
  });
  yield* report(context, input2, {
    key: `${stage.name}:waiting`,
    stage: stage.name,
    outcome: "waiting for approval",
    severity: "info",
    text: `${stage.name} waits for ${(approval.required ?? 1) > 1 ? `${approval.required} approvals of` : "approval by"} ${approval.approvers.join(", ")} until ${expiresAt.toISOString()}`
  });
  const outcome = yield* awaitApproval(context, stage, expiresAt, events, since, (record) => apply({ type: "approvalRecorded", stage: stage.name, approval: record }));
  if (outcome.kind === "approved") {
    yield* report(context, input2, {
      key: `${stage.name}:approved`,
      stage: stage.name,
      outcome: "approved",
      severity: "info",
      text: `${stage.name} approved by ${outcome.approvals.map((a) => a.by).join(", ")}`,
      actor: outcome.by
    });
  }
  return outcome;
}
function finalStatusOf(status) {
  if (status === "RolledBack" || status === "Canceled")
    return status;
  return "Failed";
}
function severityOf(result) {
  if (result.status === "Succeeded")
    return "success";
  return result.status === "RolledBack" ? "critical" : "warning";
}

// dist/src/orchestrators/stage/deployStage.js
var phases = ["preMigrate", "migrate", "verify"];
var defaultReadyTimeoutMs = 5 * 6e4;
var readyIntervalMs = 5e3;
function* deployStage(context) {
  const input2 = context.df.getInput();
  const tracker = new StageTracker(context, input2);
  try {
    return yield* runStage2(context, input2, tracker);
  } catch (error) {
    return tracker.result("Failed", failureReason(error));
  }
}
function* runStage2(context, input2, tracker) {
  const { stage } = input2;
  tracker.step(`deploying ${input2.digest} to ${stage.target.site}`);
  yield* callActivity(context, "deployImage", { pipeline: input2.pipeline, stage: stage.name, target: stage.target, image: input2.image }, deployRetry);
  const first = stage.checks[0];
  tracker.step(`waiting for ${stage.target.site} to run the new image`);
  const ready = yield* waitUntilReady(context, {
    target: stage.target,
    digest: input2.digest,
    path: first?.path ?? "/",
    expectStatus: first?.expectStatus ?? 200,
    timeoutMs: first?.timeoutMs ?? defaultReadyTimeoutMs,
    intervalMs: readyIntervalMs
  });
  if (!ready.ready) {
    tracker.check({ name: first?.name ?? "running", status: "Failed", detail: ready.detail });
    return tracker.result("Failed", `${stage.target.site} did not become healthy: ${ready.detail}`);
  }
  for (const check of stage.checks) {
    tracker.step(`smoke check ${check.path}`);
    const look = yield* waitUntilReady(context, {
      target: stage.target,
      digest: input2.digest,
      path: check.path,
      expectStatus: check.expectStatus,
      timeoutMs: check.timeoutMs,
      intervalMs: readyIntervalMs
    });
    const view = {
      name: check.name,
      status: look.ready ? "Passed" : "Failed",
      detail: look.detail
    };
    tracker.check(view);
    if (!look.ready)
      return tracker.result("Failed", `smoke check ${check.path} failed: ${look.detail}`);
  }
  for (const phase of phases) {
    tracker.step(`running ${phase} hooks`);
    const checks = yield* runHookPhase(context, input2, phase, tracker);
    const failed = checks.filter((c) => c.status === "Failed");
    if (failed.length === 0)
      continue;
    const reason = failed.map((c) => `hook ${c.name} failed: ${c.detail ?? "no detail"}`).join("; ");
    if (phase === "migrate") {
      tracker.step("running onFailure hooks");
      yield* runHookPhase(context, input2, "onFailure", tracker);
    }
    return tracker.result("Failed", reason);
  }
  return tracker.result("Succeeded");
}

// dist/src/orchestrators/registerOrchestrators.js
function registerOrchestrators() {
  df11.app.orchestration(orchestratorNames.release, releasePipeline);
  df11.app.orchestration(orchestratorNames.deployStage, deployStage);
  df11.app.orchestration(orchestratorNames.production, productionRelease);
  df11.app.orchestration(orchestratorNames.productionLock, productionLock);
}

// dist/src/orchestrators/monitor/index.js
import * as df12 from "durable-functions";

// dist/src/orchestrators/monitor/takeSample.js
function sampleRetry(intervalMs) {
  const firstDelayMs = Math.max(1e3, Math.min(1e4, Math.floor(intervalMs / 6)));
  return { maxAttempts: 3, firstDelayMs, maxDelayMs: firstDelayMs * 2 };
}
function* takeSample(context, input2, tickAt) {
  const plan = input2.plan;
  const at = new Date(tickAt);
  const retry = sampleRetry(plan.intervalMs);
  const window = queryWindow(input2.swappedAt, at, plan.lookbackMs, plan.ingestionDelayMs);
  const query = window === void 0 ? void 0 : {
    pipeline: input2.pipeline,
    stage: input2.stage,
    table: plan.table,
    hostNames: input2.hostNames,
    fromIso: window.fromIso,
    toIso: window.toIso
  };
  const sample = {
    at: at.toISOString(),
    health: { ok: false, status: 0, latencyMs: 0, detail: "not probed", unknown: true }
  };
  let queryError;
  try {
    const read = yield* callMonitorActivity(context, "monitorSampleProduction", {
      probe: { site: input2.site, path: plan.health.path, timeoutMs: plan.health.timeoutMs },
      ...query !== void 0 && { query }
    }, retry);
    const { servedDigest: _served, ...health } = read.health;
    sample.health = health;
    if (read.stats !== void 0)
      sample.stats = read.stats;
    queryError = read.queryError;
  } catch (error) {
    sample.health.detail = errorText(error);
    if (query !== void 0)
      queryError = { message: errorText(error), retryable: false };
  }
  if (query === void 0)
    return sample;
  sample.window = window;
  for (let attempt = 2; queryError !== void 0; attempt += 1) {
    if (!queryError.retryable || attempt > retry.maxAttempts) {
      sample.queryError = queryError.message;
      break;
    }
    const backoffMs = Math.min(retry.firstDelayMs * 2 ** (attempt - 2), retry.maxDelayMs);
    const delayMs = Math.min(queryError.afterMs ?? backoffMs, retry.maxDelayMs);
    yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + Math.max(delayMs, 1)));
    try {
      sample.stats = yield* callMonitorActivity(context, "monitorQueryRequests", query, {
        ...retry,
        maxAttempts: 1
      });
      queryError = void 0;
    } catch (error) {
      const text = errorText(error);
      queryError = { message: text.replace(/^monitorQueryRequests: /, ""), retryable: true };
    }
  }
  return sample;
}

// dist/src/orchestrators/monitor/monitorRelease.js
var ticksPerExecution = 10;
var pauseGuardMs = 24 * 36e5;
function* monitorRelease(context) {
  const input2 = context.df.getInput();
  const { carry: carried, ...target } = input2;
  const plan = input2.plan;
  const window = {
    startedAt: input2.swappedAt,
    endsAt: new Date(Date.parse(input2.swappedAt) + plan.durationMs).toISOString()
  };
  const sampling = {
    startedAt: window.startedAt,
    endsAt: new Date(Date.parse(window.endsAt) + plan.ingestionDelayMs).toISOString()
  };
  const carry = carried ?? {
    generation: 0,
    consecutiveBreaches: 0,
    samples: [],
    sampleCount: 0,
    startedAt: context.df.currentUtcDateTime.toISOString()
  };
  let run3 = {
    consecutiveBreaches: carry.consecutiveBreaches,
    ...carry.firstBreachAt !== void 0 && { firstBreachAt: carry.firstBreachAt }
  };
  let samples = carry.samples;
  let sampleCount = carry.sampleCount;
  let verdict = samples.at(-1)?.verdict ?? "pending";
  const publish = (step, extra = {}) => {
    const status = {
      step,
      updatedAt: context.df.currentUtcDateTime.toISOString(),
      monitor: {
        startedAt: window.startedAt,
        endsAt: window.endsAt,
        ...extra.nextTickAt !== void 0 && { nextTickAt: extra.nextTickAt },
        samples,
        verdict
      },
      ...extra.rollback !== void 0 && { rollback: extra.rollback },
      ...extra.waitingForDecision !== void 0 && {
        waitingForDecision: extra.waitingForDecision
      },
      ...extra.status !== void 0 && { status: extra.status }
    };
    context.df.setCustomStatus(boundCustomStatus(status));
  };
  const finish = function* (cause) {
    verdict = "breach";
    const outcome = yield* rollBack(context, target, cause, {
      onRefused: "fail",
      publish: (view, step) => publish(step, {
        rollback: view,
        ...view.swapBackCompletedAt !== void 0 && { status: "RolledBack" }
      })
    });
    if (outcome.outcome === "refused")
      throw new Error("unreachable: refusals fail the rollback");
    return outcome;
  };
  if (carried === void 0) {
    yield* auditBestEffort(context, input2, "monitoring started", {
      endsAt: window.endsAt,
      intervalMs: plan.intervalMs,
      thresholds: plan.thresholds
    });
  }
  const rollbacks = new EventInbox(context, releaseEvents.rollback);
  const decisions = new EventInbox(context, monitorEvents.decision);
  let requested;
  const rollbackRequested = () => {
    const [payload] = rollbacks.take();
    if (requested === void 0 && payload !== void 0) {
      requested = {
        request: payload,
        receivedAt: context.df.currentUtcDateTime.toISOString()
      };
    }
    return requested !== void 0;
  };
  let ticks = 0;
  for (; ; ) {
    if (rollbackRequested() && requested !== void 0) {
      return yield* finish(requestedRollback(requested.request, requested.receivedAt));
    }
    const tickAt = nextTick(sampling, plan.intervalMs, context.df.currentUtcDateTime);
    if (tickAt === void 0) {
      if (verdict === "pending")
        verdict = "inconclusive";
      else if (verdict !== "breach" && verdict !== "inconclusive")
        verdict = "pass";
      publish("monitoring window ended healthy");
      yield* auditBestEffort(context, input2, "monitoring ended healthy", { samples: sampleCount });
      return {
        outcome: "healthy",
        samples: sampleCount,
        endedAt: context.df.currentUtcDateTime.toISOString()
      };
    }
    if (ticks >= ticksPerExecution) {
      const next = {
        ...target,
        carry: {
          generation: carry.generation + 1,
          consecutiveBreaches: run3.consecutiveBreaches,
          ...run3.firstBreachAt !== void 0 && { firstBreachAt: run3.firstBreachAt },
          samples,
          sampleCount,
          startedAt: carry.startedAt
        }
      };
      context.df.continueAsNew(next);
      return void 0;
    }
    publish(`watching production (next sample ${tickAt})`, { nextTickAt: tickAt });
    const timer = context.df.createTimer(new Date(tickAt));
    const winner = yield context.df.Task.any([rollbacks.next(), timer]);
    if (winner !== timer) {
      timer.cancel();
      continue;
    }
    const sample = yield* takeSample(context, target, tickAt);
    const judged = assessSample(sample, plan.thresholds);
    samples = [...samples, toSampleView(judged)].slice(-maxRecentSamples);
    sampleCount += 1;
    ticks += 1;
    verdict = judged.verdict;
    const decision = decideTick(run3, judged, plan);
    run3 = decision.run;
    if (decision.action === "rollback") {
      return yield* finish({
        trigger: decision.trigger,
        reason: decision.reason,
        evidence: { ...judged.evidence, consecutiveBreaches: run3.consecutiveBreaches },
        detectedAt: decision.detectedAt,
        actor: "slotpilot"
      });
    }
    if (decision.action === "pause") {
      const since = context.df.currentUtcDateTime.toISOString();
      publish(`paused: ${decision.reason}; waiting for a decision`, {
        waitingForDecision: { since, reason: decision.reason }
      });
      if (rollbackRequested())
        continue;
      let answer;
      while (answer === void 0) {
        const guard = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + pauseGuardMs));
        const race = [rollbacks.next(), decisions.next(), guard];
        const chosen = yield context.df.Task.any(race);
        if (chosen !== guard)
          guard.cancel();
        if (rollbackRequested())
          break;
        answer = decisions.take().find((d) => d.pausedSince === since);
      }
      if (answer === void 0)
        continue;
      if (answer.decision === "rollback") {
        return yield* finish({
          trigger: "inconclusive",
          reason: `${decision.reason}; ${answer.by} decided to roll back: ${answer.reason}`,
          evidence: { ...judged.evidence, decidedBy: answer.by },
          detectedAt: since,
          actor: answer.by
        });
      }
      yield* auditBestEffort(context, input2, "monitoring resumed", {
        by: answer.by,
        reason: answer.reason,
        pausedSince: since
      }, since);
    }
  }
}
function* auditBestEffort(context, input2, type, detail, discriminator = "") {
  try {
    yield* callMonitorActivity(context, "monitorAudit", {
      eventId: `${input2.releaseId}:${type.replaceAll(" ", "-")}${discriminator === "" ? "" : `:${discriminator}`}`,
      releaseId: input2.releaseId,
      pipeline: input2.pipeline,
      stage: input2.stage,
      at: context.df.currentUtcDateTime.toISOString(),
      type,
      actor: "slotpilot",
      detail
    });
  } catch {
  }
}

// dist/src/orchestrators/monitor/rollbackRelease.js
function* rollbackRelease(context) {
  const { monitor: target, request } = context.df.getInput();
  const publish = (status) => context.df.setCustomStatus(boundCustomStatus({
    ...status,
    updatedAt: context.df.currentUtcDateTime.toISOString()
  }));
  publish({ step: "checking that the previous version is still in the slot", phase: "checking" });
  const outcome = yield* rollBack(context, target, requestedRollback(request, context.df.currentUtcDateTime.toISOString()), {
    onRefused: "return",
    publish: (view, step, phase) => publish({
      step,
      phase: phase === "decided" ? "checking" : phase === "swapping" ? "rollingBack" : "done",
      rollback: view,
      ...phase === "rolledBack" && { status: "RolledBack" },
      ...phase === "failed" && { status: "Failed" }
    })
  });
  if (outcome.outcome === "refused") {
    publish({ step: `rollback refused: ${outcome.error}`, phase: "refused" });
  }
  return outcome;
}

// dist/src/orchestrators/monitor/index.js
function registerMonitorOrchestrators() {
  df12.app.orchestration(monitorOrchestratorNames.monitor, monitorRelease);
  df12.app.orchestration(monitorOrchestratorNames.rollback, rollbackRelease);
}

// dist/src/index.js
var settings = process.env;
var root = appRoot(import.meta.url);
var configPath = settings.SLOTPILOT_CONFIG ?? "slotpilot.yaml";
var config = deferConfigFile(isAbsolute(configPath) ? configPath : join4(root, configPath), {
  settings
});
app13.hook.preInvocation(() => config.load());
var adapters = createLazyAdapters(settings);
var { appService, probe, hooks, notifier, audit, claims, requestMetrics, registry, routing, slotMetrics } = adapters;
var baseUrl = publicBaseUrl(settings);
var localMode = settings.SLOTPILOT_LOCAL_MODE === "true";
var configuredKey = settings.SLOTPILOT_SIGNING_KEY ?? "";
var devOnlyKey = /DEV-ONLY/i.test(configuredKey) && !localMode;
if (devOnlyKey) {
  console.warn("SLOTPILOT_SIGNING_KEY is the dev-only key from local.settings.json: bearer tokens are disabled until a real key is set.");
}
var identity = {
  platformAuthEnabled: settings.WEBSITE_AUTH_ENABLED?.toLowerCase() === "true",
  signingKey: devOnlyKey ? "" : configuredKey
};
registerOrchestrators();
registerActivities({
  appService,
  probe,
  hooks,
  notifier,
  audit,
  claims,
  get config() {
    return config.current();
  },
  publicBaseUrl: baseUrl
});
registerMonitorOrchestrators();
registerMonitorActivities({
  appService,
  probe,
  metrics: requestMetrics,
  notifier,
  audit,
  get config() {
    return config.current();
  },
  publicBaseUrl: baseUrl
});
registerCanaryOrchestrators();
registerCanaryActivities({ appService, routing, slotMetrics, probe });
registerRecoveryFunctions({
  identity,
  get config() {
    return config.current();
  },
  claims,
  alerts: alertAuthFromEnv(settings)
});
registerRetention(retentionFromEnv(settings));
registerCanaryFunctions({ identity });
registerApiFunctions({
  get config() {
    return config.current();
  },
  identity,
  appService,
  routing,
  registry,
  claims,
  version: readAppVersion(root),
  localMode,
  slackSigningSecret: settings.SLACK_SIGNING_SECRET ?? ""
});
