import type { ReleaseSummary, ReleaseView, SlotsView } from '../src/domain/view/index.js';

/** One line per release for `slotpilot list`. */
export function formatSummaryLine(r: ReleaseSummary): string {
  const image = r.tag === undefined ? r.digest.slice(0, 19) : r.tag;
  return `${r.id}  ${r.status.padEnd(18)} ${r.stage.padEnd(12)} ${image.padEnd(20)} ${r.createdAt}  ${r.step}`;
}

/** A human-readable release view for `slotpilot show`. */
export function formatRelease(view: ReleaseView): string {
  const lines = [
    `${view.id}  ${view.status}`,
    `  pipeline  ${view.pipeline}`,
    `  image     ${view.image}${view.tag === undefined ? '' : `  (tag ${view.tag})`}`,
    `  step      ${view.stage}: ${view.step}`,
    `  started   ${view.createdAt} by ${view.requestedBy}`,
    `  updated   ${view.updatedAt}`,
  ];
  if (view.waitingFor !== undefined) {
    lines.push(
      `  waiting   approval of ${view.waitingFor.stage} by ${view.waitingFor.approvers.join(', ')} (expires ${view.waitingFor.expiresAt})`,
    );
    const required = view.waitingFor.required ?? 1;
    if (required > 1) {
      const given = view.waitingFor.approvals ?? [];
      lines.push(
        `  approvals ${given.length} of ${required}${given.length === 0 ? '' : ` (${given.map((a) => a.by).join(', ')})`}, ${view.waitingFor.stillNeeded ?? required - given.length} more needed`,
      );
    }
  }
  lines.push('  stages');
  for (const stage of view.stages) {
    const approvals = stage.approvals ?? (stage.approval === undefined ? [] : [stage.approval]);
    const approval =
      approvals.length === 0
        ? ''
        : `  approved by ${approvals.map((a) => `${a.by} at ${a.at}`).join(', ')}`;
    lines.push(`    ${stage.name.padEnd(12)} ${stage.status}${approval}`);
    for (const check of stage.checks) {
      lines.push(
        `      ${check.name.padEnd(12)} ${check.status}${check.detail ? `  ${check.detail}` : ''}`,
      );
    }
  }
  if (view.monitor !== undefined) {
    const m = view.monitor;
    lines.push(
      `  monitor   ${m.verdict} (${m.startedAt} → ${m.endsAt}, ${m.samples.length} samples)`,
    );
    const last = m.samples.at(-1);
    if (last !== undefined) lines.push(`    last    ${formatSample(last)}`);
  }
  if (view.rollback !== undefined) {
    lines.push(`  rollback  ${view.rollback.reason} at ${view.rollback.at}`);
  }
  const asked = view.rollbackRequest;
  if (asked !== undefined && asked.phase !== 'rolledBack') {
    lines.push(`  rollback  ${asked.phase}: ${asked.error ?? asked.step}`);
  }
  lines.push(`  links     ${view.links.self}`);
  return lines.join('\n');
}

/** One monitoring sample, e.g. `12:01:00 requests 120, errors 0.8%, p95 340 ms, health pass: pass`. */
export function formatSample(s: NonNullable<ReleaseView['monitor']>['samples'][number]): string {
  const rate = s.errorRate === null ? 'n/a' : `${(s.errorRate * 100).toFixed(1)}%`;
  const p95 = s.p95Ms === null ? 'n/a' : `${Math.round(s.p95Ms)} ms`;
  return `${s.at} requests ${s.requests}, errors ${rate}, p95 ${p95}, health ${s.health}: ${s.verdict}${s.reason ? ` (${s.reason})` : ''}`;
}

/** `slotpilot slots PIPELINE`: one line per site and slot with the image it runs. */
export function formatSlots(view: SlotsView): string[] {
  const lines = [`${view.pipeline}`];
  for (const stage of view.stages) {
    for (const slot of stage.slots) {
      const where = `${stage.site}${slot.name === 'production' ? '' : `/${slot.name}`}`;
      lines.push(
        `  ${stage.stage.padEnd(12)} ${where.padEnd(28)} ${slot.state.padEnd(8)} ${slot.image ?? '(no image)'}`,
      );
    }
  }
  return lines;
}
