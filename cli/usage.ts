/** `slotpilot --help`. */
export const usage = `Usage: slotpilot <command> [options]

  token issue --user EMAIL [--ttl 1h]     print a bearer token signed with SLOTPILOT_SIGNING_KEY
  list [--pipeline P] [--status S] [--top N]
  show ID [--json]
  slots PIPELINE                          which image runs in which site and slot
  start IMAGE [--pipeline P]              start a release by hand (identity optional); IMAGE is
                                          registry/repo:tag (Slotpilot looks the digest up) or
                                          registry/repo[:tag]@sha256:…
  watch ID [--interval 1s]                print step changes until the release ends
  approve ID --stage S [--comment TEXT]
  reject ID --stage S --reason TEXT
  rollback ID --reason TEXT
  cancel ID --reason TEXT

Finds Slotpilot through SLOTPILOT_URL (+ SLOTPILOT_FUNCTION_KEY) or .slotpilot/runtime.json
(written by npm start). approve, reject, rollback and cancel need an identity:
--token T, SLOTPILOT_TOKEN, or --as EMAIL (signs a 1h token with the local key).
Exit codes: 0 ok, 1 refused by the API, 2 usage, 3 Slotpilot unreachable, 4 watch: release did not succeed.`;
