/** A tag to look up in a container registry. */
export interface TagRef {
  /** Registry login server, e.g. `pwbiregistry.azurecr.io`. */
  registry: string;
  /** Repository path, e.g. `pwbi-api` or `team/pwbi-api`. */
  repository: string;
  /** e.g. `1.4.2`. */
  tag: string;
}

/** What a tag lookup found: the digest the tag points at now, or why there is none. */
export type TagLookup =
  | { status: 'found'; digest: string }
  | {
      status: 'missing';
      /** `tag`: the repository exists but not the tag; `repository`: no such repository. */
      missing: 'tag' | 'repository';
      /** The registry's own words (e.g. `TAG_UNKNOWN: the specified tag does not exist`). */
      detail: string;
    };

/**
 * A container registry's data plane as Slotpilot needs it (ACR `GET /acr/v1/{repo}/_tags/{tag}`
 * through `@azure/container-registry`), to start a release from a tag: Slotpilot deploys by
 * digest, so a tag is resolved once, when the release starts.
 */
export interface RegistryPort {
  /**
   * The digest `tag` points at now (`sha256:<64 hex>`). Read-only and idempotent (a re-push
   * moves the tag, so two calls may differ). An unknown tag or repository is
   * `{status:'missing'}`, not an exception. Throws RetryAfterError on 429/5xx, timeouts and an
   * unreachable registry; a NonRetryableError (`AzureRequestError` with `statusCode`) when the
   * registry refuses Slotpilot's identity (401/403: it needs AcrPull on the registry), for other
   * refusals, for a registry this deployment cannot reach (sandbox mode) and for an answer
   * without a sha256 digest.
   */
  resolveTag(ref: TagRef): Promise<TagLookup>;
}
