/** One App Service site, or one of its deployment slots. */
export interface SiteRef {
  subscription: string;
  resourceGroup: string;
  site: string;
  /** Deployment slot name; undefined (or `production`) means the production slot of the site. */
  slot?: string;
}

/** What a site or slot runs right now, as App Service reports it. */
export interface SlotState {
  /** `production` or the slot name. */
  name: string;
  /** The configured image, `registry/repo@sha256:…` (or `registry/repo:tag` if deployed by tag); undefined when none. */
  image?: string;
  /** `sha256:…` when the image is pinned by digest. */
  digest?: string;
  /** App Service state, e.g. `Running`, `Stopped`. */
  state: string;
  /** Default host name, e.g. `pwbi-api-prod.azurewebsites.net`. */
  hostName: string;
  /**
   * Every host name the site or slot answers on (ARM `hostNames`: custom domains and the
   * default host name), lower-cased; absent when not read.
   */
  hostNames?: string[];
  /** Base URL that reaches the site from here (`https://<hostName>` on Azure; a local URL in the sandbox). */
  url: string;
}
