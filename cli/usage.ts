/** `slotpilot --help`. */
export const usage = `Usage: slotpilot <command> [options]

  token issue --user EMAIL [--ttl 1h]     print a bearer token signed with SLOTPILOT_SIGNING_KEY
  list [--pipeline P] [--status S] [--top N] [--since 7d|ISO-TIME] [--cursor C]
                                          releases, newest first; a full page ends with
                                          "more: add --cursor C" for the next one
  show ID                                 the release view
  history PIPELINE [--top 20] [--status S] releases with their outcome and rollback timings
  slots PIPELINE                          which image runs in which site and slot
  start IMAGE [--pipeline P]              start a release by hand (identity optional); IMAGE is
                                          registry/repo:tag (Slotpilot looks the digest up) or
                                          registry/repo[:tag]@sha256:…
  watch ID [--interval 1s]                print step changes until the release ends
  approve ID --stage S [--comment TEXT]
  reject ID --stage S --reason TEXT
  promote ID [--reason TEXT]              send the canary to its next step now (approvers only)
  rollback ID --reason TEXT
  cancel ID --reason TEXT
  completion bash                         a bash completion script: source <(npx slotpilot completion bash)

Every command takes --json: its result as JSON (watch: one JSON object per line).

Finds Slotpilot through SLOTPILOT_URL (+ SLOTPILOT_FUNCTION_KEY) or .slotpilot/runtime.json
(written by npm start). approve, reject, promote, rollback and cancel need an identity:
--token T, SLOTPILOT_TOKEN, or --as EMAIL (signs a 1h token with the local key).
Exit codes: 0 ok, 1 refused by the API, 2 usage, 3 Slotpilot unreachable, 4 watch: release did not succeed.`;
