/** The slots view: which image runs in which site and slot, read live by the API. */
import { h } from './dom.js';
import { shortDigest } from './format.js';
import type { SlotsView } from './types.js';
import { section, table } from './widgets.js';

/** Renders `GET /api/pipelines/{name}/slots`: one table per stage. */
export function renderSlots(view: SlotsView): HTMLElement {
  return h(
    'div',
    { id: 'slots-view' },
    h('h1', {}, `Slots of ${view.pipeline}`),
    ...view.stages.map((stage) =>
      section(
        `${stage.stage} — ${stage.site}`,
        table(
          ['Slot', 'Image', 'Digest', 'State', 'Host name'],
          stage.slots.map((slot) => [
            slot.name,
            slot.image ?? '—',
            h('code', { class: 'digest', title: slot.digest ?? '' }, shortDigest(slot.digest)),
            slot.state,
            slot.hostName,
          ]),
          { class: 'slots', 'data-stage': stage.stage },
        ),
      ),
    ),
  );
}
