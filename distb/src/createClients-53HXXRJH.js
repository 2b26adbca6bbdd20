import {
  readAzureSettings,
  readCa,
  usesUrlRewriting
} from "./chunk-N6BAEXF6.js";
import {
  NonRetryableError
} from "./chunk-BX6CCGSK.js";

// dist/src/azure/clients/createClients.js
import { WebSiteManagementClient } from "@azure/arm-appservice";
import { ContainerRegistryClient, KnownContainerRegistryAudience } from "@azure/container-registry";
import { DefaultAzureCredential, ManagedIdentityCredential } from "@azure/identity";
import { LogsQueryClient } from "@azure/monitor-query-logs";
import { BlobServiceClient } from "@azure/storage-blob";

// dist/src/azure/clients/prefixRewritingHttpClient.js
import { createDefaultHttpClient } from "@azure/core-rest-pipeline";
function prefixRewritingHttpClient(rewrites, inner = createDefaultHttpClient()) {
  const entries = Object.entries(rewrites);
  return {
    sendRequest(request) {
      const lower = request.url.toLowerCase();
      const hit = entries.find(([from]) => lower.startsWith(from.toLowerCase()));
      if (hit !== void 0) {
        const [from, to] = hit;
        request.url = to + request.url.slice(from.length);
        request.allowInsecureConnection = to.startsWith("http:");
      }
      return inner.sendRequest(request);
    }
  };
}

// dist/src/azure/clients/requestTimeoutPolicy.js
function requestTimeoutPolicy(timeoutMs) {
  return {
    name: "slotpilotRequestTimeout",
    sendRequest(request, next) {
      if (!(request.timeout > 0))
        request.timeout = timeoutMs;
      return next(request);
    }
  };
}

// dist/src/azure/clients/staticTokenCredential.js
function staticTokenCredential(token) {
  return {
    getToken: () => Promise.resolve({ token, expiresOnTimestamp: Date.now() + 36e5, tokenType: "Bearer" })
  };
}

// dist/src/azure/clients/createClients.js
var PUBLIC_ARM_ENDPOINT = "https://management.azure.com";
var PUBLIC_LOGS_ENDPOINT = "https://api.loganalytics.io/v1";
function createClients(settings, options = {}) {
  const parsed = readAzureSettings(settings);
  const credential = options.credential ?? credentialFor(parsed);
  const retryOptions = { maxRetries: options.maxRetries ?? 0 };
  const additionalPolicies = [
    { policy: requestTimeoutPolicy(options.requestTimeoutMs ?? 6e4), position: "perCall" }
  ];
  const transport = transportFor(parsed);
  const webSitesBySubscription = /* @__PURE__ */ new Map();
  const webSites = (subscriptionId) => {
    let client = webSitesBySubscription.get(subscriptionId);
    if (client === void 0) {
      client = new WebSiteManagementClient(credential, subscriptionId, {
        endpoint: transport.armEndpoint,
        retryOptions,
        additionalPolicies,
        ...transport.pipeline
      });
      webSitesBySubscription.set(subscriptionId, client);
    }
    return client;
  };
  const monitorBySubscription = /* @__PURE__ */ new Map();
  const monitor = (subscriptionId) => {
    let client = monitorBySubscription.get(subscriptionId);
    if (client === void 0) {
      client = import("@azure/arm-monitor").then(({ MonitorClient: Client }) => new Client(credential, subscriptionId, {
        endpoint: transport.armEndpoint,
        retryOptions,
        additionalPolicies,
        ...transport.pipeline
      }));
      monitorBySubscription.set(subscriptionId, client);
    }
    return client;
  };
  const logs = new LogsQueryClient(credential, {
    endpoint: transport.logsEndpoint,
    retryOptions,
    additionalPolicies,
    ...transport.pipeline
  });
  const registries = /* @__PURE__ */ new Map();
  const registry = (loginServer) => {
    const key = loginServer.toLowerCase();
    let client = registries.get(key);
    if (client === void 0) {
      const route = registryRoute(parsed, key);
      client = new ContainerRegistryClient(route.endpoint, credential, {
        audience: KnownContainerRegistryAudience.AzureResourceManagerPublicCloud,
        retryOptions,
        additionalPolicies: [
          {
            policy: requestTimeoutPolicy(options.registryRequestTimeoutMs ?? 15e3),
            position: "perCall"
          }
        ],
        ...route.pipeline
      });
      registries.set(key, client);
    }
    return client;
  };
  const audit = parsed.audit;
  const blobService = audit.kind === "connectionString" ? BlobServiceClient.fromConnectionString(audit.connectionString) : new BlobServiceClient(audit.serviceUrl, credential);
  return {
    settings: parsed,
    credential,
    webSites,
    monitor,
    logs,
    registry,
    auditContainer: blobService.getContainerClient(audit.container),
    siteUrl: (hostName) => parsed.hostMap[hostName.toLowerCase()] ?? `https://${hostName}`
  };
}
function credentialFor(settings) {
  if (settings.mode === "sandbox")
    return staticTokenCredential("sandbox-token");
  return settings.managedIdentityClientId === void 0 ? new DefaultAzureCredential() : new ManagedIdentityCredential({ clientId: settings.managedIdentityClientId });
}
function transportFor(settings) {
  const { armEndpoint, logsEndpoint } = settings;
  if (settings.mode === "azure" || armEndpoint === void 0 || logsEndpoint === void 0) {
    return { armEndpoint: PUBLIC_ARM_ENDPOINT, logsEndpoint: PUBLIC_LOGS_ENDPOINT, pipeline: {} };
  }
  if (usesUrlRewriting(armEndpoint, logsEndpoint)) {
    return {
      armEndpoint: PUBLIC_ARM_ENDPOINT,
      logsEndpoint: PUBLIC_LOGS_ENDPOINT,
      pipeline: {
        httpClient: prefixRewritingHttpClient({
          [PUBLIC_ARM_ENDPOINT]: armEndpoint,
          [PUBLIC_LOGS_ENDPOINT]: logsEndpoint
        })
      }
    };
  }
  return {
    armEndpoint,
    logsEndpoint,
    pipeline: settings.caCertPath === void 0 ? {} : { tlsOptions: { ca: readCa(settings.caCertPath) } }
  };
}
function registryRoute(settings, loginServer) {
  const publicEndpoint = `https://${loginServer}`;
  const mapped = settings.registryEndpoints[loginServer];
  if (mapped === void 0) {
    if (settings.mode === "sandbox") {
      throw new NonRetryableError(`Registry ${loginServer} is not served here: sandbox mode reaches only the registries of SLOTPILOT_REGISTRY_ENDPOINTS (${Object.keys(settings.registryEndpoints).join(", ") || "none"}).`);
    }
    return { endpoint: publicEndpoint, pipeline: {} };
  }
  if (mapped.startsWith("http:")) {
    return {
      endpoint: publicEndpoint,
      pipeline: { httpClient: prefixRewritingHttpClient({ [publicEndpoint]: mapped }) }
    };
  }
  return {
    endpoint: mapped,
    pipeline: settings.caCertPath === void 0 ? {} : { tlsOptions: { ca: readCa(settings.caCertPath) } }
  };
}
export {
  PUBLIC_ARM_ENDPOINT,
  PUBLIC_LOGS_ENDPOINT,
  createClients
};
