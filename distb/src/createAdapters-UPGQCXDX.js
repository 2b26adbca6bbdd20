import {
  AzureRequestError,
  DEFAULT_RETRY_AFTER_MS,
  FetchHookClient,
  FetchHttpProbe,
  SlackNotifier,
  buildRequestsQuery,
  retryAfterMs
} from "./chunk-LF7GKPXV.js";
import {
  NonRetryableError,
  RetryAfterError,
  ValidationError,
  describeValue
} from "./chunk-BX6CCGSK.js";

// dist/src/azure/appService/AppServiceAdapter.js
import { restorePoller } from "@azure/arm-appservice";

// dist/src/azure/errors/mapAzureError.js
var TLS_TRUST_CODES = /* @__PURE__ */ new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "ERR_TLS_CERT_ALTNAME_INVALID"
]);
function isRestErrorLike(err) {
  return err instanceof Error && err.name === "RestError";
}
function mapAzureError(err, operation, nowMs = Date.now()) {
  if (err instanceof Error && err.name === "AbortError") {
    return new RetryAfterError(`${operation}: no answer within the request timeout`, DEFAULT_RETRY_AFTER_MS, { cause: err });
  }
  if (!isRestErrorLike(err))
    return err;
  const status = err.statusCode;
  const code = err.details?.errorCode ?? err.code ?? "";
  if (status === void 0 && TLS_TRUST_CODES.has(err.code ?? "")) {
    return new AzureRequestError(`${operation}: the service's TLS certificate is not trusted (${err.code}): ${err.message}. In sandbox mode set SLOTPILOT_CA_CERT to the sandbox CA.`, 0, err.code ?? "", { cause: err });
  }
  if (status === void 0) {
    return new RetryAfterError(`${operation}: the service could not be reached (${err.code ?? "network error"}): ${err.message}`, DEFAULT_RETRY_AFTER_MS, { cause: err });
  }
  if (status === 429 || status === 503) {
    const headers = err.response?.headers;
    const after = retryAfterMs((name) => headers?.get(name), nowMs);
    return new RetryAfterError(`${operation}: ${status} ${code} (retry after ${after} ms): ${err.message}`, after, { cause: err });
  }
  const busy = status === 409 && /operation (is )?in progress/i.test(err.message);
  if (busy || status === 408 || status >= 500 && status !== 501 && status !== 505) {
    return new RetryAfterError(`${operation}: ${status} ${code}: ${err.message}`, DEFAULT_RETRY_AFTER_MS, {
      cause: err
    });
  }
  return new AzureRequestError(`${operation}: ${status} ${code}: ${err.message}`, status, code, {
    cause: err
  });
}

// dist/src/azure/appService/parseLinuxFxVersion.js
var DIGEST = /@(sha256:[0-9a-f]{64})$/i;
function parseLinuxFxVersion(linuxFxVersion) {
  const m = /^\s*DOCKER\|(\S+)\s*$/i.exec(linuxFxVersion ?? "");
  const ref = m?.[1];
  if (ref === void 0)
    return void 0;
  const d = DIGEST.exec(ref);
  if (d?.[1] === void 0)
    return { image: ref };
  const digest = d[1].toLowerCase();
  return { image: `${ref.slice(0, d.index)}@${digest}`, digest };
}
function linuxFxVersionFor(image) {
  return `DOCKER|${image}`;
}

// dist/src/azure/appService/siteLabel.js
function siteLabel(ref) {
  return `${ref.resourceGroup}/${ref.site}${ref.slot === void 0 ? "" : `/${ref.slot}`}`;
}

// dist/src/azure/appService/toSlotState.js
function toSlotState(name, site, linuxFxVersion, url) {
  const hostName = site.defaultHostName ?? site.hostNames?.[0] ?? "";
  const fx = parseLinuxFxVersion(linuxFxVersion);
  return {
    name,
    ...fx === void 0 ? {} : { image: fx.image },
    ...fx?.digest === void 0 ? {} : { digest: fx.digest },
    state: site.state ?? "Unknown",
    hostName,
    hostNames: [
      ...new Set([...site.hostNames ?? [], hostName].map((h) => h.toLowerCase()))
    ].filter((h) => h !== ""),
    url: hostName === "" ? "" : url(hostName)
  };
}
function slotNameOf(site) {
  const name = site.name;
  if (name === void 0)
    return void 0;
  const i = name.lastIndexOf("/");
  return i < 0 ? name : name.slice(i + 1);
}

// dist/src/azure/appService/AppServiceAdapter.js
function withoutProductionSlot(ref) {
  if (ref.slot?.toLowerCase() !== "production")
    return ref;
  const { slot: _slot, ...site } = ref;
  return site;
}
var IMAGE = /^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+(@sha256:[0-9a-f]{64}|:[\w][\w.-]{0,127})$/i;
var AppServiceAdapter = class {
  clients;
  constructor(clients) {
    this.clients = clients;
  }
  siteUrl = (hostName) => this.clients.siteUrl(hostName);
  async getSlot(given) {
    const ref = withoutProductionSlot(given);
    const apps = this.apps(ref);
    try {
      const [site, config] = ref.slot === void 0 ? await Promise.all([
        apps.get(ref.resourceGroup, ref.site),
        apps.getConfiguration(ref.resourceGroup, ref.site)
      ]) : await Promise.all([
        apps.getSlot(ref.resourceGroup, ref.site, ref.slot),
        apps.getConfigurationSlot(ref.resourceGroup, ref.site, ref.slot)
      ]);
      return toSlotState(ref.slot ?? "production", site, config.linuxFxVersion, this.siteUrl);
    } catch (err) {
      throw mapAzureError(err, `getSlot ${siteLabel(ref)}`);
    }
  }
  async listSlots(ref) {
    const production = await this.getSlot(ref);
    const apps = this.apps(ref);
    const sites = [];
    try {
      for await (const site of apps.listSlots(ref.resourceGroup, ref.site))
        sites.push(site);
    } catch (err) {
      throw mapAzureError(err, `listSlots ${siteLabel(ref)}`);
    }
    const slots = await Promise.all(sites.map(async (site) => {
      const name = slotNameOf(site) ?? "";
      const fx = site.siteConfig?.linuxFxVersion;
      if (fx !== void 0 && fx !== null && fx !== "") {
        return toSlotState(name, site, fx, this.siteUrl);
      }
      return this.getSlot({ ...ref, slot: name });
    }));
    return [production, ...slots.sort((a, b) => a.name.localeCompare(b.name))];
  }
  async deployImage(given, image) {
    const ref = withoutProductionSlot(given);
    if (!IMAGE.test(image)) {
      throw new ValidationError("image", "registry/repository@sha256:<64 hex> (or :tag)", describeValue(image));
    }
    const apps = this.apps(ref);
    const what = `deployImage ${siteLabel(ref)}`;
    try {
      const config = ref.slot === void 0 ? await apps.getConfiguration(ref.resourceGroup, ref.site) : await apps.getConfigurationSlot(ref.resourceGroup, ref.site, ref.slot);
      if (parseLinuxFxVersion(config.linuxFxVersion)?.image.toLowerCase() === image.toLowerCase()) {
        return { changed: false };
      }
      const patch = { linuxFxVersion: linuxFxVersionFor(image) };
      if (ref.slot === void 0) {
        await apps.updateConfiguration(ref.resourceGroup, ref.site, patch);
      } else {
        await apps.updateConfigurationSlot(ref.resourceGroup, ref.site, ref.slot, patch);
      }
      return { changed: true };
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }
  async beginSwap(site, slot) {
    const apps = this.apps(site);
    const what = `beginSwap ${siteLabel({ ...site, slot })} -> production`;
    try {
      const poller = apps.swapSlot(site.resourceGroup, site.site, slot, {
        targetSlot: "production",
        preserveVnet: true
      });
      await poller.submitted();
      const pollerState = await poller.serialize();
      return {
        pollerState,
        site: {
          subscription: site.subscription,
          resourceGroup: site.resourceGroup,
          site: site.site
        },
        slot
      };
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }
  async pollSwap(handle) {
    const client = this.clients.webSites(handle.site.subscription);
    const what = `pollSwap ${siteLabel({ ...handle.site, slot: handle.slot })}`;
    let poller;
    try {
      poller = restorePoller(client, handle.pollerState, client.webApps.swapSlot);
    } catch (err) {
      throw new ValidationError("pollerState", "the state beginSwap returned", describeValue(handle.pollerState), {
        cause: err
      });
    }
    try {
      await poller.poll();
    } catch (err) {
      const mapped = mapAzureError(err, what);
      if (mapped instanceof RetryAfterError)
        throw mapped;
      if (mapped instanceof AzureRequestError && mapped.statusCode !== 404 && mapped.statusCode !== 401 && mapped.statusCode !== 403) {
        return { status: "failed", detail: mapped.message };
      }
      if (!(mapped instanceof AzureRequestError) && poller.operationState?.status === "failed") {
        return { status: "failed", detail: `${what}: ${err.message}` };
      }
      throw mapped;
    }
    const status = poller.operationState?.status;
    switch (status) {
      case "succeeded":
        return { status: "succeeded" };
      case "failed":
      case "canceled":
        return { status: "failed", detail: `${what}: the swap ${status}` };
      default: {
        const pollerState = await poller.serialize();
        return pollerState === handle.pollerState ? { status: "running" } : { status: "running", handle: { ...handle, pollerState } };
      }
    }
  }
  apps(ref) {
    return this.clients.webSites(ref.subscription).webApps;
  }
};

// dist/src/azure/appService/TrafficRoutingAdapter.js
var TrafficRoutingAdapter = class {
  clients;
  constructor(clients) {
    this.clients = clients;
  }
  async readShares(site) {
    return toShares(await this.rules(site));
  }
  async setShare(site, share) {
    const rules = await this.rules(site);
    const mine = (r) => r.actionHostName?.toLowerCase() === share.hostName.toLowerCase();
    const current = rules.find(mine);
    if (share.percent === 0 && current === void 0 || current !== void 0 && current.reroutePercentage === share.percent)
      return toShares(rules);
    const others = rules.filter((r) => !mine(r));
    const next = share.percent === 0 ? others : [
      ...others,
      { actionHostName: share.hostName, reroutePercentage: share.percent, name: share.slot }
    ];
    try {
      const written = await this.clients.webSites(site.subscription).webApps.updateConfiguration(site.resourceGroup, site.site, {
        experiments: { rampUpRules: next }
      });
      return toShares(written.experiments?.rampUpRules ?? next);
    } catch (err) {
      throw mapAzureError(err, `setRouting ${siteLabel(site)} ${share.slot}=${share.percent}%`);
    }
  }
  async rules(site) {
    try {
      const config = await this.clients.webSites(site.subscription).webApps.getConfiguration(site.resourceGroup, site.site);
      return config.experiments?.rampUpRules ?? [];
    } catch (err) {
      throw mapAzureError(err, `readRouting ${siteLabel(site)}`);
    }
  }
};
function toShares(rules) {
  return rules.map((r) => ({
    name: r.name ?? "",
    hostName: r.actionHostName ?? "",
    percent: r.reroutePercentage ?? 0
  }));
}

// dist/src/azure/audit/auditPaths.js
function segment(field, value) {
  if (typeof value !== "string" || value.trim() === "" || value.length > 200) {
    throw new ValidationError(field, "a non-empty name of at most 200 characters", describeValue(value));
  }
  return encodeURIComponent(value).replace(/\./g, "%2E");
}
function dayOf(at) {
  const ms = Date.parse(at);
  if (typeof at !== "string" || Number.isNaN(ms)) {
    throw new ValidationError("at", "an ISO 8601 time", describeValue(at));
  }
  return new Date(ms).toISOString().slice(0, 10);
}
var auditPaths = {
  dayLog: (pipeline, day) => `audit/${segment("pipeline", pipeline)}/${day}.jsonl`,
  markerPrefix: (pipeline, releaseId) => `markers/${segment("pipeline", pipeline)}/${segment("releaseId", releaseId)}/`,
  marker: (pipeline, releaseId, eventId) => `${auditPaths.markerPrefix(pipeline, releaseId)}${segment("eventId", eventId)}`,
  release: (releaseId) => `releases/${segment("releaseId", releaseId)}.json`
};

// dist/src/azure/audit/parseAuditLines.js
function parseAuditLines(text) {
  const events = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "")
      continue;
    try {
      const value = JSON.parse(line);
      if (typeof value?.eventId === "string" && typeof value.releaseId === "string" && typeof value.at === "string" && typeof value.type === "string") {
        events.push(value);
      }
    } catch {
    }
  }
  return events;
}

// dist/src/azure/audit/BlobAuditStore.js
var BlobAuditStore = class {
  container;
  ready;
  logs = /* @__PURE__ */ new Set();
  pendingGraceMs;
  constructor(container, options = {}) {
    this.container = container;
    this.pendingGraceMs = options.pendingGraceMs ?? 3e4;
  }
  async append(event) {
    const day = dayOf(event.at);
    const markerName = auditPaths.marker(event.pipeline, event.releaseId, event.eventId);
    const logName = auditPaths.dayLog(event.pipeline, day);
    await this.ensureContainer();
    const marker = this.container.getBlockBlobClient(markerName);
    const what = `audit append ${event.pipeline}/${event.releaseId}/${event.eventId}`;
    try {
      const created = await this.tryCreate(() => marker.upload("", 0, {
        conditions: { ifNoneMatch: "*" },
        metadata: { state: "pending", day }
      }));
      if (!created) {
        const props = await marker.getProperties();
        if (props.metadata?.["state"] === "appended")
          return;
        const ageMs = (props.date?.getTime() ?? Date.now()) - (props.createdOn ?? props.lastModified ?? /* @__PURE__ */ new Date(0)).getTime();
        if (ageMs < this.pendingGraceMs) {
          throw new RetryAfterError(`${what}: another attempt is writing this event`, 2e3);
        }
        if (await this.logHolds(logName, event.eventId)) {
          await marker.setMetadata({ state: "appended", day });
          return;
        }
      }
      await this.appendLine(logName, `${JSON.stringify(event)}
`);
      await marker.setMetadata({ state: "appended", day });
    } catch (err) {
      throw mapAzureError(err, what);
    }
  }
  async putRelease(releaseId, record) {
    const blob = this.container.getBlockBlobClient(auditPaths.release(releaseId));
    const text = JSON.stringify(record);
    const length = Buffer.byteLength(text);
    const headers = { blobHTTPHeaders: { blobContentType: "application/json" } };
    const what = `audit putRelease ${releaseId}`;
    await this.ensureContainer();
    const version = record["version"];
    try {
      if (typeof version !== "number") {
        await blob.upload(text, length, headers);
        return;
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        const existing = await this.readJson(auditPaths.release(releaseId));
        const current = existing?.value["version"];
        if (typeof current === "number" && current >= version)
          return;
        const conditions = existing === void 0 ? { ifNoneMatch: "*" } : { ifMatch: existing.etag };
        if (await this.tryCreate(() => blob.upload(text, length, { ...headers, conditions })))
          return;
      }
    } catch (err) {
      throw mapAzureError(err, what);
    }
    throw new RetryAfterError(`${what}: the record kept changing under concurrent writers`, 1e3);
  }
  async getRelease(releaseId) {
    try {
      return (await this.readJson(auditPaths.release(releaseId)))?.value;
    } catch (err) {
      throw mapAzureError(err, `audit getRelease ${releaseId}`);
    }
  }
  async events(releaseId, pipeline) {
    const prefix = auditPaths.markerPrefix(pipeline, releaseId);
    try {
      const days = /* @__PURE__ */ new Set();
      for await (const blob of this.container.listBlobsFlat({ prefix, includeMetadata: true })) {
        const day = blob.metadata?.["day"];
        if (day !== void 0)
          days.add(day);
      }
      const found = /* @__PURE__ */ new Map();
      for (const day of [...days].sort()) {
        for (const event of parseAuditLines(await this.readText(auditPaths.dayLog(pipeline, day)))) {
          if (event.releaseId === releaseId && !found.has(event.eventId))
            found.set(event.eventId, event);
        }
      }
      return [...found.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    } catch (err) {
      throw mapAzureError(err, `audit events ${pipeline}/${releaseId}`);
    }
  }
  ensureContainer() {
    this.ready ??= this.container.createIfNotExists().then(() => void 0, (err) => {
      this.ready = void 0;
      throw mapAzureError(err, `audit container ${this.container.containerName}`);
    });
    return this.ready;
  }
  /** Runs a conditional write; false when the condition failed (409 exists / 412 changed). */
  async tryCreate(write) {
    try {
      await write();
      return true;
    } catch (err) {
      const mapped = mapAzureError(err, "conditional write");
      if (mapped instanceof AzureRequestError && (mapped.statusCode === 409 || mapped.statusCode === 412)) {
        return false;
      }
      throw err;
    }
  }
  async appendLine(logName, line) {
    const log = this.container.getAppendBlobClient(logName);
    if (!this.logs.has(logName)) {
      await log.createIfNotExists({ blobHTTPHeaders: { blobContentType: "application/x-ndjson" } });
      this.logs.add(logName);
    }
    await log.appendBlock(line, Buffer.byteLength(line));
  }
  async logHolds(logName, eventId) {
    return parseAuditLines(await this.readText(logName)).some((e) => e.eventId === eventId);
  }
  async readText(name) {
    const blob = this.container.getBlobClient(name);
    try {
      return (await blob.downloadToBuffer()).toString("utf8");
    } catch (err) {
      if (err.statusCode === 404)
        return "";
      throw err;
    }
  }
  /** Reads a JSON blob with its etag; a blob that changes between the two reads is read again (5 tries). */
  async readJson(name, triesLeft = 5) {
    const blob = this.container.getBlobClient(name);
    try {
      const props = await blob.getProperties();
      const buffer = await blob.downloadToBuffer(0, void 0, {
        conditions: { ifMatch: props.etag ?? "*" }
      });
      return {
        value: JSON.parse(buffer.toString("utf8")),
        etag: props.etag ?? "*"
      };
    } catch (err) {
      const status = err.statusCode;
      if (status === 404)
        return void 0;
      if (status === 412 && triesLeft > 1)
        return this.readJson(name, triesLeft - 1);
      throw err;
    }
  }
};

// dist/src/azure/claims/BlobClaimStore.js
var BlobClaimStore = class {
  container;
  ready;
  constructor(container) {
    this.container = container;
  }
  async claim(key, record) {
    const name = blobName(key);
    const blob = this.container.getBlockBlobClient(name);
    const text = JSON.stringify(record);
    await this.ensureContainer();
    try {
      await blob.upload(text, Buffer.byteLength(text), {
        conditions: { ifNoneMatch: "*" },
        blobHTTPHeaders: { blobContentType: "application/json" }
      });
      return { won: true, record };
    } catch (err) {
      const mapped = mapAzureError(err, `claim ${name}`);
      const exists = mapped instanceof AzureRequestError && (mapped.statusCode === 409 || mapped.statusCode === 412);
      if (!exists)
        throw mapped;
    }
    const stored = await this.read(key);
    if (stored === void 0)
      throw new RetryAfterError(`claim ${name}: it just vanished`, 500);
    return { won: false, record: stored };
  }
  async read(key) {
    const name = blobName(key);
    try {
      const buffer = await this.container.getBlobClient(name).downloadToBuffer();
      return JSON.parse(buffer.toString("utf8"));
    } catch (err) {
      if (err.statusCode === 404)
        return void 0;
      throw mapAzureError(err, `claim read ${name}`);
    }
  }
  async remove(key) {
    const name = blobName(key);
    try {
      await this.container.getBlobClient(name).deleteIfExists();
    } catch (err) {
      throw mapAzureError(err, `claim remove ${name}`);
    }
  }
  ensureContainer() {
    this.ready ??= this.container.createIfNotExists().then(() => void 0, (err) => {
      this.ready = void 0;
      throw mapAzureError(err, `claims container ${this.container.containerName}`);
    });
    return this.ready;
  }
};
function blobName(key) {
  if (key.length === 0)
    throw new ValidationError("key", "at least one name", "none");
  const names = key.map((part) => {
    if (typeof part !== "string" || part.trim() === "" || part.length > 200) {
      throw new ValidationError("key", "names of 1 to 200 characters", describeValue(part));
    }
    return encodeURIComponent(part).replace(/\./g, "%2E");
  });
  return `claims/${names.join("/")}.json`;
}

// dist/src/azure/metrics/ArmSlotMetrics.js
var ArmSlotMetrics = class {
  clients;
  constructor(clients) {
    this.clients = clients;
  }
  async traffic(ref, window) {
    const from = Date.parse(window.fromIso);
    const to = Date.parse(window.toIso);
    if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
      throw new ValidationError("window", "ISO times with fromIso before toIso", `${window.fromIso} .. ${window.toIso}`);
    }
    const slot = ref.slot !== void 0 && ref.slot.toLowerCase() !== "production";
    const resourceId = `subscriptions/${ref.subscription}/resourceGroups/${ref.resourceGroup}/providers/Microsoft.Web/sites/${ref.site}${slot ? `/slots/${ref.slot ?? ""}` : ""}`;
    let response;
    try {
      const client = await this.clients.monitor(ref.subscription);
      response = await client.metrics.list(resourceId, {
        timespan: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
        interval: "PT1M",
        metricnames: "Requests,Http5xx,HttpResponseTime",
        aggregation: "Total,Average",
        metricnamespace: slot ? "Microsoft.Web/sites/slots" : "Microsoft.Web/sites"
      });
    } catch (err) {
      throw mapAzureError(err, `metrics ${ref.resourceGroup}/${ref.site}/${ref.slot ?? ""}`);
    }
    const points = (name) => {
      const metric = response.value.find((m) => m.name.value.toLowerCase() === name.toLowerCase());
      return (metric?.timeseries ?? []).flatMap((series) => (series.data ?? []).map((p) => ({
        at: p.timeStamp.getTime(),
        ...p.total !== void 0 && { total: p.total },
        ...p.average !== void 0 && { average: p.average }
      })).filter((p) => p.at >= from && p.at < to));
    };
    const requestsAt = /* @__PURE__ */ new Map();
    for (const p of points("Requests"))
      requestsAt.set(p.at, (requestsAt.get(p.at) ?? 0) + (p.total ?? 0));
    const requests = [...requestsAt.values()].reduce((a, b) => a + b, 0);
    const http5xx = points("Http5xx").reduce((a, p) => a + (p.total ?? 0), 0);
    let weighted = 0;
    let weight = 0;
    for (const p of points("HttpResponseTime")) {
      const n = requestsAt.get(p.at) ?? 0;
      if (p.average === void 0 || n === 0)
        continue;
      weighted += p.average * 1e3 * n;
      weight += n;
    }
    return {
      requests,
      http5xx,
      averageResponseMs: weight === 0 ? null : Math.round(weighted / weight * 1e3) / 1e3
    };
  }
};

// dist/src/azure/metrics/LogsRequestMetrics.js
import { LogsQueryResultStatus } from "@azure/monitor-query-logs";
var LogsRequestMetrics = class {
  logs;
  serverTimeoutInSeconds;
  constructor(logs, serverTimeoutInSeconds = 60) {
    this.logs = logs;
    this.serverTimeoutInSeconds = serverTimeoutInSeconds;
  }
  async requestStats(query) {
    const kql = buildRequestsQuery(query);
    const timespan = { startTime: new Date(query.fromIso), endTime: new Date(query.toIso) };
    const options = { serverTimeoutInSeconds: this.serverTimeoutInSeconds };
    const isResourceId = query.resource.includes("/");
    const what = `requestStats ${query.hostNames.join(",")} ${isResourceId ? "resource" : "workspace"}`;
    let result;
    try {
      result = isResourceId ? await this.logs.queryResource(query.resource.replace(/^\/+/, ""), kql, timespan, options) : await this.logs.queryWorkspace(query.resource, kql, timespan, options);
    } catch (err) {
      throw mapAzureError(err, what);
    }
    if (result.status !== LogsQueryResultStatus.Success) {
      const e = result.partialError;
      throw new NonRetryableError(`${what}: partial result (${e.code}): ${e.message}`);
    }
    const table = result.tables[0];
    if (table === void 0)
      throw new NonRetryableError(`${what}: the query returned no table`);
    return { from: query.fromIso, to: query.toIso, ...readStats(table, what) };
  }
};
function readStats(table, what) {
  const row = table.rows[0] ?? [];
  const cell = (name) => {
    const i = table.columnDescriptors.findIndex((c) => c.name === name);
    if (i < 0)
      throw new NonRetryableError(`${what}: the result has no column ${name}`);
    return row[i];
  };
  const count = (name) => {
    const value = cell(name);
    return typeof value === "number" && Number.isFinite(value) ? value : 0;
  };
  const requests = count("requests");
  const p95 = cell("p95Ms");
  return {
    requests,
    failed: count("failed"),
    serverErrors: count("serverErrors"),
    ...requests > 0 && typeof p95 === "number" && Number.isFinite(p95) ? { p95Ms: p95 } : {}
  };
}

// dist/src/azure/registry/mapRegistryError.js
var missingCodes = {
  TAG_UNKNOWN: "tag",
  MANIFEST_UNKNOWN: "tag",
  NAME_UNKNOWN: "repository"
};
function mapRegistryError(err, operation, nowMs = Date.now()) {
  if (!(err instanceof Error)) {
    return { kind: "error", error: new NonRetryableError(`${operation}: ${String(err)}`) };
  }
  if (err.name !== "RestError") {
    if (err.name === "AbortError")
      return { kind: "error", error: asError(mapAzureError(err, operation, nowMs)) };
    return {
      kind: "error",
      error: new NonRetryableError(`${operation}: ${err.message}`, { cause: err })
    };
  }
  const rest = err;
  const first = firstAcrError(rest.details);
  const code = first?.code ?? rest.code ?? "";
  const message = first?.message ?? rest.message;
  if (rest.statusCode === 404 && (code === "" || code in missingCodes)) {
    return {
      kind: "missing",
      lookup: {
        status: "missing",
        missing: missingCodes[code] ?? "tag",
        detail: code === "" ? message : `${code}: ${message}`
      }
    };
  }
  const shaped = Object.assign(new Error(message, { cause: err }), {
    name: "RestError",
    code: rest.code,
    statusCode: rest.statusCode,
    details: { errorCode: code },
    response: rest.response
  });
  const mapped = asError(mapAzureError(shaped, operation, nowMs));
  if (mapped instanceof AzureRequestError && [401, 403].includes(mapped.statusCode)) {
    return {
      kind: "error",
      error: new AzureRequestError(`${mapped.message} (Slotpilot's identity needs pull rights, e.g. AcrPull, on the registry to read tags)`, mapped.statusCode, mapped.code, { cause: err })
    };
  }
  return { kind: "error", error: mapped };
}
function firstAcrError(details) {
  if (typeof details !== "object" || details === null)
    return void 0;
  const errors = details.errors;
  if (!Array.isArray(errors))
    return void 0;
  const first = errors[0];
  if (typeof first !== "object" || first === null)
    return void 0;
  const { code, message } = first;
  return {
    ...typeof code === "string" ? { code } : {},
    ...typeof message === "string" ? { message } : {}
  };
}
function asError(value) {
  return value instanceof Error ? value : new NonRetryableError(String(value));
}

// dist/src/azure/registry/ContainerRegistryAdapter.js
var digestPattern = /^sha256:[0-9a-f]{64}$/;
var ContainerRegistryAdapter = class {
  clients;
  constructor(clients) {
    this.clients = clients;
  }
  async resolveTag(ref) {
    const operation = `resolveTag ${ref.registry}/${ref.repository}:${ref.tag}`;
    let digest;
    try {
      const client = this.clients.registry(ref.registry);
      const properties = await client.getArtifact(ref.repository, ref.tag).getTagProperties(ref.tag);
      digest = properties.digest;
    } catch (err) {
      if (err instanceof NonRetryableError)
        throw err;
      const mapped = mapRegistryError(err, operation);
      if (mapped.kind === "missing")
        return mapped.lookup;
      throw mapped.error;
    }
    if (!digestPattern.test(digest)) {
      throw new NonRetryableError(`${operation}: the registry answered digest ${JSON.stringify(digest)}, not sha256:<64 hex>`);
    }
    return { status: "found", digest };
  }
};

// dist/src/azure/createAdapters.js
function createAdapters(clients) {
  return {
    appService: new AppServiceAdapter(clients),
    probe: new FetchHttpProbe(),
    hooks: new FetchHookClient(),
    notifier: new SlackNotifier(),
    audit: new BlobAuditStore(clients.auditContainer),
    claims: new BlobClaimStore(clients.auditContainer),
    requestMetrics: new LogsRequestMetrics(clients.logs),
    slotMetrics: new ArmSlotMetrics(clients),
    routing: new TrafficRoutingAdapter(clients),
    registry: new ContainerRegistryAdapter(clients),
    siteUrl: (hostName) => clients.siteUrl(hostName)
  };
}
export {
  createAdapters
};
