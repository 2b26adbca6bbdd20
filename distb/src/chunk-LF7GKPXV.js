import {
  NonRetryableError,
  RetryAfterError,
  ValidationError
} from "./chunk-BX6CCGSK.js";

// dist/src/azure/http/joinUrl.js
function joinUrl(base, path) {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid URL)";
  }
}

// dist/src/azure/http/FetchHttpProbe.js
var maxBodyChars = 64 * 1024;
var FetchHttpProbe = class {
  fetchImpl;
  constructor(fetchImpl = fetch) {
    this.fetchImpl = fetchImpl;
  }
  async probe(baseUrl, path, options) {
    const url = joinUrl(baseUrl, path);
    const target = `GET ${hostOf(url)}${path.startsWith("/") ? path : `/${path}`}`;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const res = await this.fetchImpl(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: "*/*", "user-agent": "slotpilot-probe" }
      });
      const body = await res.text().catch(() => "");
      const latencyMs = elapsed();
      const ok = options.expectStatus === void 0 ? res.status >= 200 && res.status < 300 : res.status === options.expectStatus;
      const bodyMatches = options.expectBody === void 0 ? void 0 : body.slice(0, maxBodyChars).includes(options.expectBody);
      const expected = options.expectStatus === void 0 ? "2xx" : String(options.expectStatus);
      return {
        ok,
        status: res.status,
        latencyMs,
        ...bodyMatches === void 0 ? {} : { bodyMatches },
        detail: `${target} \u2192 ${res.status} in ${latencyMs} ms${ok ? "" : ` (expected ${expected})`}`
      };
    } catch (err) {
      const latencyMs = elapsed();
      const reason = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError") ? `no answer within ${options.timeoutMs} ms` : networkReason(err);
      return { ok: false, status: 0, latencyMs, detail: `${target} failed: ${reason}` };
    }
  }
};
function networkReason(err) {
  const cause = err?.cause;
  if (typeof cause?.code === "string")
    return cause.code;
  if (typeof cause?.message === "string")
    return cause.message;
  return err instanceof Error ? err.message : String(err);
}

// dist/src/azure/errors/retryAfterMs.js
var DEFAULT_RETRY_AFTER_MS = 5e3;
function retryAfterMs(header, nowMs = Date.now()) {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const ms = Number(header(name) ?? Number.NaN);
    if (Number.isFinite(ms) && ms >= 0)
      return Math.round(ms);
  }
  const text = header("retry-after")?.trim();
  if (text === void 0 || text === "")
    return DEFAULT_RETRY_AFTER_MS;
  if (/^\d+(\.\d+)?$/.test(text))
    return Math.round(Number(text) * 1e3);
  const at = Date.parse(text);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, at - nowMs);
}

// dist/src/azure/http/readHookAnswer.js
function readHookAnswer(hook, status, body) {
  if (status === 202)
    return { kind: "running" };
  let parsed;
  try {
    parsed = body === "" ? void 0 : JSON.parse(body);
  } catch {
    parsed = void 0;
  }
  const answer = parsed;
  const detail = typeof answer?.detail === "string" ? `: ${answer.detail.slice(0, 500)}` : "";
  if (answer?.status === "passed" || answer?.status === "failed") {
    return {
      kind: "result",
      status: answer.status,
      detail: `hook ${hook} ${answer.status}${detail}`
    };
  }
  const got = body === "" ? "an empty body" : `${JSON.stringify(body.slice(0, 80))}`;
  return {
    kind: "result",
    status: "failed",
    detail: `hook ${hook} answered ${status} without {"status":"passed"|"failed"}, got ${got}`
  };
}

// dist/src/azure/http/FetchHookClient.js
var FetchHookClient = class {
  fetchImpl;
  constructor(fetchImpl = fetch) {
    this.fetchImpl = fetchImpl;
  }
  async call(url, request, timeoutMs) {
    const where = `hook ${request.hook} (${hostOf(url)})`;
    let res;
    let body;
    try {
      res = await this.fetchImpl(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "slotpilot" },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeoutMs)
      });
      body = await res.text();
    } catch (err) {
      if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
        return {
          kind: "result",
          status: "failed",
          detail: `${where} gave no answer within ${timeoutMs} ms`
        };
      }
      throw new RetryAfterError(`${where} could not be reached: ${networkReason(err)}`, DEFAULT_RETRY_AFTER_MS, {
        cause: err
      });
    }
    if (res.status === 429 || res.status === 503) {
      const after = retryAfterMs((name) => res.headers.get(name));
      throw new RetryAfterError(`${where} answered ${res.status} (retry after ${after} ms)`, after);
    }
    if (res.status < 200 || res.status > 299) {
      return { kind: "result", status: "failed", detail: `${where} answered ${res.status}` };
    }
    return readHookAnswer(request.hook, res.status, body);
  }
};

// dist/src/azure/slack/buildSlackMessage.js
var ICON = {
  info: ":information_source:",
  success: ":white_check_mark:",
  warning: ":warning:",
  critical: ":rotating_light:"
};
var HEADER_MAX = 150;
var SECTION_MAX = 3e3;
var FIELD_MAX = 2e3;
var URL_MAX = 3e3;
function escapeMrkdwn(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function clip(text, max) {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
function mrkdwn(text, max = SECTION_MAX) {
  return { type: "mrkdwn", text: clip(text, max) };
}
function buildSlackMessage(n) {
  const stage = n.stage ?? "release";
  const header = `${ICON[n.severity]} ${n.pipeline} \xB7 ${stage} \xB7 ${n.outcome}`;
  const buttons = [];
  if (n.links.release.length <= URL_MAX) {
    buttons.push({
      type: "button",
      action_id: "slotpilot-open-release",
      text: { type: "plain_text", text: "Open release" },
      url: n.links.release
    });
  }
  if (n.links.approve !== void 0 && n.links.release.length <= URL_MAX) {
    buttons.push({
      type: "button",
      action_id: "slotpilot-approve",
      text: { type: "plain_text", text: `Review and approve ${stage}` },
      url: n.links.release,
      style: "primary"
    });
  }
  const blocks = [
    { type: "header", text: { type: "plain_text", text: clip(header, HEADER_MAX), emoji: true } },
    { type: "section", text: mrkdwn(escapeMrkdwn(n.text)) },
    {
      type: "section",
      fields: [
        mrkdwn(`*Image*
\`${escapeMrkdwn(n.image)}\``, FIELD_MAX),
        mrkdwn(`*Release*
${escapeMrkdwn(n.releaseId)}`, FIELD_MAX)
      ]
    }
  ];
  if (n.links.approve !== void 0 && n.stage !== void 0) {
    const value = (action) => JSON.stringify({ releaseId: n.releaseId, stage: n.stage, action });
    buttons.push({
      type: "button",
      action_id: "slotpilot-decide-approve",
      text: { type: "plain_text", text: "Approve" },
      value: value("approve"),
      style: "primary"
    }, {
      type: "button",
      action_id: "slotpilot-decide-reject",
      text: { type: "plain_text", text: "Reject" },
      value: value("reject"),
      style: "danger"
    });
  }
  if (buttons.length > 0)
    blocks.push({ type: "actions", elements: buttons });
  if (n.links.approve !== void 0) {
    const command = `npx slotpilot approve ${n.releaseId} --stage ${stage}`;
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(`From a terminal: \`${escapeMrkdwn(command)}\` or POST ${escapeMrkdwn(n.links.approve)}`, FIELD_MAX)
      ]
    });
  }
  if (n.severity === "critical") {
    blocks.push({
      type: "context",
      elements: [mrkdwn(":rotating_light: Critical: sent to the critical channel")]
    });
  }
  const fallback = `[${n.severity}] ${n.pipeline} ${stage}: ${n.outcome} \u2014 ${n.image} (${n.links.release})`;
  return { text: clip(fallback, SECTION_MAX), blocks };
}

// dist/src/azure/slack/SlackNotifier.js
var SlackNotifier = class {
  sent = /* @__PURE__ */ new Set();
  fetchImpl;
  timeoutMs;
  rememberKeys;
  constructor(options = {}) {
    this.fetchImpl = options.fetch ?? fetch;
    this.timeoutMs = options.timeoutMs ?? 1e4;
    this.rememberKeys = options.rememberKeys ?? 1e4;
  }
  async notify(webhookUrl, notification) {
    const dedupe = `${webhookUrl}
${notification.key}`;
    if (this.sent.has(dedupe))
      return;
    const where = `Slack webhook (${hostOf(webhookUrl)})`;
    let res;
    let body;
    try {
      res = await this.fetchImpl(webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(buildSlackMessage(notification)),
        signal: AbortSignal.timeout(this.timeoutMs)
      });
      body = await res.text();
    } catch (err) {
      throw new RetryAfterError(`${where} could not be reached: ${networkReason(err)}`, DEFAULT_RETRY_AFTER_MS, {
        cause: err
      });
    }
    if (res.status === 429 || res.status >= 500) {
      const after = retryAfterMs((name) => res.headers.get(name));
      throw new RetryAfterError(`${where} answered ${res.status} ${body.slice(0, 100)}`.trim(), after);
    }
    if (res.status < 200 || res.status > 299) {
      throw new NonRetryableError(`${where} answered ${res.status}: ${body.slice(0, 200)}`);
    }
    this.remember(dedupe);
  }
  remember(key) {
    this.sent.add(key);
    if (this.sent.size > this.rememberKeys) {
      const oldest = this.sent.values().next();
      if (oldest.done !== true)
        this.sent.delete(oldest.value);
    }
  }
};

// dist/src/azure/errors/AzureRequestError.js
var AzureRequestError = class extends NonRetryableError {
  statusCode;
  code;
  constructor(message, statusCode, code, options) {
    super(message, options);
    this.statusCode = statusCode;
    this.code = code;
  }
};

// dist/src/domain/monitor/buildRequestsQuery.js
var columns = {
  AppRequests: {
    time: "TimeGenerated",
    url: "Url",
    success: "Success",
    code: "ResultCode",
    duration: "DurationMs",
    count: "ItemCount"
  },
  requests: {
    time: "timestamp",
    url: "url",
    success: "success",
    code: "resultCode",
    duration: "duration",
    count: "itemCount"
  }
};
var hostName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;
function buildRequestsQuery(spec) {
  if (spec.hostNames.length === 0) {
    throw new ValidationError("hostNames", "at least one production host name", "an empty list");
  }
  for (const [i, name] of spec.hostNames.entries()) {
    if (!hostName.test(name)) {
      throw new ValidationError(`hostNames[${i}]`, "a DNS host name", JSON.stringify(name));
    }
  }
  const from = isoInstant(spec.fromIso, "fromIso");
  const to = isoInstant(spec.toIso, "toIso");
  if (Date.parse(from) >= Date.parse(to)) {
    throw new ValidationError("toIso", `an instant after fromIso (${from})`, to);
  }
  const c = columns[spec.table];
  const hosts = spec.hostNames.map((h) => `"${h.toLowerCase()}"`).join(", ");
  return [
    "// slotpilot: production request health v1",
    `let t0 = datetime(${from});`,
    `let t1 = datetime(${to});`,
    `let prodHosts = dynamic([${hosts}]);`,
    spec.table,
    `| where ${c.time} >= t0 and ${c.time} < t1`,
    `| where tostring(parse_url(${c.url}).Host) in~ (prodHosts)`,
    `| summarize requests = sum(${c.count}),`,
    `    failed = sumif(${c.count}, ${c.success} == false),`,
    `    serverErrors = sumif(${c.count}, toint(${c.code}) >= 500),`,
    `    p95Ms = percentilew(${c.duration}, ${c.count}, 95)`
  ].join("\n");
}
function isoInstant(text, field) {
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !/^\d{4}-\d\d-\d\dT/.test(text)) {
    throw new ValidationError(field, "an ISO-8601 instant", JSON.stringify(text));
  }
  return new Date(ms).toISOString();
}

export {
  AzureRequestError,
  DEFAULT_RETRY_AFTER_MS,
  retryAfterMs,
  FetchHttpProbe,
  FetchHookClient,
  SlackNotifier,
  buildRequestsQuery
};
