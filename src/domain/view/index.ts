export type { ReleaseViewSources } from './buildReleaseView.js';
export { buildReleaseView } from './buildReleaseView.js';
export type { DurableStatusLike } from './DurableStatusLike.js';
export { effectiveStatus, isReleaseStatus } from './effectiveStatus.js';
export type { ImageSource, PipelineMatch } from './matchPipelines.js';
export { matchPipelines } from './matchPipelines.js';
export type { ReleaseListQuery } from './parseListQuery.js';
export { listLimits, parseListQuery } from './parseListQuery.js';
export type { CanaryReleaseView } from './readCanaryStatus.js';
export { readCanaryStatus } from './readCanaryStatus.js';
export type { MonitorCustomStatus, MonitorDecisionWait } from './readCustomStatus.js';
export { readCustomStatus, readMonitorStatus } from './readCustomStatus.js';
export type { ReleaseInputFacts } from './readReleaseInput.js';
export { readReleaseInput } from './readReleaseInput.js';
export { readStageProgress, stageInProgress } from './readStageProgress.js';
export type { StartRefusalFacts, StartRefusedStatus } from './readStartRefusal.js';
export { readStartRefusal } from './readStartRefusal.js';
export type { AuditRecordLike } from './recoverOriginalOutcome.js';
export { recoverOriginalOutcome } from './recoverOriginalOutcome.js';
export type {
  MonitorView,
  ReleaseLinks,
  ReleaseSummary,
  ReleaseView,
  StartRefusedView,
  ViewStatus,
} from './ReleaseView.js';
export { selectReleases } from './selectReleases.js';
export type { LiveSlot, SlotsView, SlotView } from './SlotsView.js';
export { buildSlotsView } from './SlotsView.js';
export { summarizeRelease } from './summarizeRelease.js';
export { supersedeTargets } from './supersedeTargets.js';
export { toIso } from './toIso.js';
