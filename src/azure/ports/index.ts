export type { AppServicePort, SwapHandle, SwapProgress } from './AppServicePort.js';
export type { AuditEvent, AuditStore } from './AuditStore.js';
export type { ClaimRecord, ClaimResult, ClaimStore } from './ClaimStore.js';
export type { HookAnswer, HookClient, HookRequest } from './HookClient.js';
export type { HttpProbe, ProbeResult } from './HttpProbe.js';
export type { Notification, Notifier } from './Notifier.js';
export type { RegistryPort, TagLookup, TagRef } from './RegistryPort.js';
export type { RequestMetricsPort, RequestStats } from './RequestMetricsPort.js';
export type { SiteRef, SlotState } from './SiteRef.js';
