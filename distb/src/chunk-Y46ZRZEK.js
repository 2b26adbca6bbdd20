import {
  maxFreeTextLength,
  unprintableText
} from "./chunk-PZI5AQ6E.js";

// dist/src/functions/http/requestBodySchemas.js
import { z } from "zod";
function text(maxLength = maxFreeTextLength) {
  return z.string().normalize("NFC").trim().min(1).max(maxLength).refine((value) => !unprintableText.test(value), {
    error: "text without control characters"
  });
}
var requestBodySchemas = {
  startRelease: z.object({
    image: text(512).describe("registry/repo:tag, registry/repo@sha256:\u2026 or registry/repo:tag@sha256:\u2026"),
    pipeline: text(100).optional().describe("Pipeline name; found from the image when absent")
  }).meta({
    id: "StartRelease",
    examples: [{ image: `pwbiregistry.azurecr.io/pwbi-api@sha256:${"4f".repeat(32)}` }]
  }),
  approve: z.object({
    stage: text(100).describe("The stage the release waits for"),
    comment: text().optional()
  }).meta({ id: "Approve", examples: [{ stage: "staging", comment: "QA passed" }] }),
  reject: z.object({
    stage: text(100).describe("The stage the release waits for"),
    reason: text()
  }).meta({ id: "Reject", examples: [{ stage: "production", reason: "release notes missing" }] }),
  promote: z.object({
    reason: text().optional(),
    step: z.number().int().min(1).optional().describe("The step (1-based) the caller saw; another step answers 409 (no double promote)")
  }).meta({ id: "Promote", examples: [{ reason: "canary step looks good" }] }),
  reason: z.object({ reason: text() }).meta({ id: "Reason", examples: [{ reason: "error budget spent" }] }),
  hookCallback: z.object({
    status: z.enum(["passed", "failed"]).describe("The hook's result"),
    token: text(200).describe("The one-call callback token the hook was given"),
    detail: text(1e3).optional()
  }).meta({ id: "HookCallback", examples: [{ status: "passed", token: "\u2026" }] })
};

export {
  text,
  requestBodySchemas
};
