import {
  ValidationError,
  describeValue
} from "./chunk-BX6CCGSK.js";

// dist/src/domain/config/ConfigError.js
var ConfigError = class extends Error {
  issues;
  name = "ConfigError";
  constructor(issues, source = "pipeline config") {
    super(`${source} is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}):
` + issues.map((i) => `  ${formatIssue(i)}`).join("\n"));
    this.issues = issues;
  }
};
function formatIssue(issue) {
  return `${issue.path}: expected ${issue.expected}, got ${issue.received}`;
}
function formatPath(path) {
  let out = "";
  for (const key of path) {
    if (typeof key === "number")
      out += `[${key}]`;
    else
      out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

// dist/src/domain/duration.js
var unitMs = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
var part = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
var durationExpectation = "a duration such as 90s, 10m, 1h or 3d";
function tryParseDuration(text) {
  const trimmed = text.trim();
  if (trimmed === "")
    return void 0;
  let totalMs = 0;
  part.lastIndex = 0;
  while (part.lastIndex < trimmed.length) {
    const start = part.lastIndex;
    const match = part.exec(trimmed);
    if (match === null || match.index !== start)
      return void 0;
    totalMs += Number(match[1]) * unitMs[match[2]];
  }
  return Number.isFinite(totalMs) ? Math.round(totalMs) : void 0;
}
function parseDuration(text, field = "duration") {
  const ms = typeof text === "string" ? tryParseDuration(text) : void 0;
  if (ms === void 0)
    throw new ValidationError(field, durationExpectation, describeValue(text));
  return ms;
}
function formatDuration(ms) {
  if (ms === 0)
    return "0s";
  let rest = ms;
  let out = "";
  for (const [unit, size] of [
    ["d", unitMs.d],
    ["h", unitMs.h],
    ["m", unitMs.m],
    ["s", unitMs.s],
    ["ms", unitMs.ms]
  ]) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

export {
  ConfigError,
  formatPath,
  durationExpectation,
  tryParseDuration,
  parseDuration,
  formatDuration
};
