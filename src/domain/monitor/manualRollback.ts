import type { ProductionSite } from './contract.js';

/** Where a rollback stopped, which decides what a human must do instead. */
export type RollbackStop =
  /** The swap back did not happen (or failed): swap by hand. */
  | 'notSwapped'
  /** The slot no longer holds the previous version: put it back on production by hand. */
  | 'slotChanged'
  /** The swap back ran but production does not serve the previous version: check and set it. */
  | 'notVerified';

/** What a rollback needs from a person: where, the previous image, and how it stopped. */
export interface ManualRollback {
  site: ProductionSite;
  /** The slot that holds (or held) the previous version since the forward swap. */
  slot: string;
  /** The release's image by digest (`registry/repo@sha256:…`); its repository is reused. */
  image: string;
  previousDigest: string;
  stop: RollbackStop;
}

/**
 * The `az` command a person runs to finish a rollback Slotpilot could not finish, as one
 * line to paste. Swap back when the swap did not happen; otherwise point production at the
 * previous image by digest (the slot no longer holds it, or production does not serve it).
 *
 * @example manualRollbackCommand({ site, slot: 'staging', image, previousDigest, stop: 'notSwapped' })
 * // 'az webapp deployment slot swap --subscription sub --resource-group pwbi-prod --name pwbi-api-prod --slot staging --target-slot production'
 */
export function manualRollbackCommand(rollback: ManualRollback): string {
  const { site } = rollback;
  const where = `--subscription ${site.subscription} --resource-group ${site.resourceGroup} --name ${site.site}`;
  switch (rollback.stop) {
    case 'notSwapped':
      return `az webapp deployment slot swap ${where} --slot ${rollback.slot} --target-slot production`;
    case 'slotChanged':
    case 'notVerified': {
      const repository = rollback.image.split('@')[0] ?? rollback.image;
      return `az webapp config container set ${where} --container-image-name ${repository}@${rollback.previousDigest}`;
    }
    default: {
      const never: never = rollback.stop;
      throw new Error(`rollback stop: unexpected ${String(never)}`);
    }
  }
}
