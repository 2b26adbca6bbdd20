import {
  ValidationError,
  describeValue
} from "./chunk-BX6CCGSK.js";

// dist/src/azure/clients/readAzureSettings.js
var DEFAULT_AUDIT_CONTAINER = "slotpilot-audit";
function readAzureSettings(settings) {
  const armEndpoint = optionalUrl(settings, "SLOTPILOT_ARM_ENDPOINT");
  const logsEndpoint = optionalUrl(settings, "SLOTPILOT_LOGS_ENDPOINT");
  if (armEndpoint !== void 0 && logsEndpoint === void 0) {
    throw new ValidationError("SLOTPILOT_LOGS_ENDPOINT", "a Logs base URL when SLOTPILOT_ARM_ENDPOINT is set (sandbox mode)", "nothing");
  }
  if (armEndpoint === void 0 && logsEndpoint !== void 0) {
    throw new ValidationError("SLOTPILOT_ARM_ENDPOINT", "an ARM base URL when SLOTPILOT_LOGS_ENDPOINT is set (sandbox mode)", "nothing");
  }
  const caCertPath = nonEmpty(settings, "SLOTPILOT_CA_CERT");
  const clientId = nonEmpty(settings, "AZURE_CLIENT_ID");
  return {
    mode: armEndpoint === void 0 ? "azure" : "sandbox",
    ...armEndpoint === void 0 ? {} : { armEndpoint },
    ...logsEndpoint === void 0 ? {} : { logsEndpoint },
    ...caCertPath === void 0 ? {} : { caCertPath },
    registryEndpoints: readUrlMap(settings, "SLOTPILOT_REGISTRY_ENDPOINTS", "registry login server"),
    hostMap: readUrlMap(settings, "SLOTPILOT_HOST_MAP", "host name"),
    audit: readAuditStorage(settings),
    ...clientId === void 0 ? {} : { managedIdentityClientId: clientId }
  };
}
function nonEmpty(settings, name) {
  const value = settings[name]?.trim();
  return value === void 0 || value === "" ? void 0 : value;
}
function optionalUrl(settings, name) {
  const value = nonEmpty(settings, name);
  if (value === void 0)
    return void 0;
  if (!isHttpUrl(value))
    throw new ValidationError(name, "an http(s) URL", describeValue(value));
  return value.replace(/\/+$/, "");
}
function isHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
function readUrlMap(settings, name, key) {
  const text = nonEmpty(settings, name);
  if (text === void 0)
    return {};
  const expected = `a JSON object of ${key} \u2192 http(s) base URL`;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ValidationError(name, expected, `invalid JSON (${err.message})`, {
      cause: err
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError(name, expected, describeValue(parsed));
  }
  const map = {};
  for (const [host, url] of Object.entries(parsed)) {
    if (typeof url !== "string" || !isHttpUrl(url)) {
      throw new ValidationError(`${name}.${host}`, "an http(s) URL", describeValue(url));
    }
    map[host.toLowerCase()] = url.replace(/\/+$/, "");
  }
  return map;
}
function readAuditStorage(settings) {
  const container = nonEmpty(settings, "SLOTPILOT_AUDIT_CONTAINER") ?? DEFAULT_AUDIT_CONTAINER;
  if (!/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    throw new ValidationError("SLOTPILOT_AUDIT_CONTAINER", "a Blob container name (3-63 lower-case letters, digits and single hyphens)", describeValue(container));
  }
  for (const from of ["SLOTPILOT_AUDIT_CONNECTION", "AzureWebJobsStorage"]) {
    const connectionString = nonEmpty(settings, from);
    if (connectionString !== void 0) {
      return { kind: "connectionString", connectionString, from, container };
    }
    const serviceUri = nonEmpty(settings, `${from}__blobServiceUri`);
    if (serviceUri !== void 0) {
      if (!isHttpUrl(serviceUri)) {
        throw new ValidationError(`${from}__blobServiceUri`, "an https URL", describeValue(serviceUri));
      }
      return {
        kind: "serviceUrl",
        serviceUrl: serviceUri,
        from: `${from}__blobServiceUri`,
        container
      };
    }
    const account = nonEmpty(settings, `${from}__accountName`);
    if (account !== void 0) {
      return {
        kind: "serviceUrl",
        serviceUrl: `https://${account}.blob.core.windows.net`,
        from: `${from}__accountName`,
        container
      };
    }
  }
  throw new ValidationError("SLOTPILOT_AUDIT_CONNECTION", "a Blob connection string (or AzureWebJobsStorage, or an identity-based __accountName)", "nothing");
}

// dist/src/azure/clients/transportChecks.js
import { readFileSync } from "node:fs";
function usesUrlRewriting(armEndpoint, logsEndpoint) {
  const plain = [armEndpoint, logsEndpoint].filter((u) => u.startsWith("http:"));
  if (plain.length === 1) {
    throw new ValidationError("SLOTPILOT_LOGS_ENDPOINT", "the same scheme as SLOTPILOT_ARM_ENDPOINT (both https, or both http for URL rewriting)", `${new URL(armEndpoint).protocol} and ${new URL(logsEndpoint).protocol}`);
  }
  return plain.length === 2;
}
function checkTransport(settings) {
  const { armEndpoint, logsEndpoint, caCertPath } = settings;
  if (settings.mode !== "sandbox" || armEndpoint === void 0 || logsEndpoint === void 0) {
    return;
  }
  usesUrlRewriting(armEndpoint, logsEndpoint);
  if (caCertPath !== void 0)
    readCa(caCertPath);
}
function readCa(path) {
  let pem;
  try {
    pem = readFileSync(path, "utf8");
  } catch (err) {
    throw new ValidationError("SLOTPILOT_CA_CERT", "a readable PEM certificate file", `${path} (${err.code ?? "unreadable"})`, { cause: err });
  }
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
    throw new ValidationError("SLOTPILOT_CA_CERT", "a PEM certificate file", `${path} without a certificate`);
  }
  return pem;
}

export {
  readAzureSettings,
  usesUrlRewriting,
  checkTransport,
  readCa
};
