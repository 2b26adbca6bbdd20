import { z } from 'zod';

import { maxFreeTextLength, unprintableText } from '../../domain/text/freeText.js';

/**
 * Free text as the API accepts it: normalised (Unicode NFC, trimmed), non-empty, at most
 * `maxLength` characters (default {@link maxFreeTextLength}), without control characters
 * (tab and newline aside). It reaches custom status, Slack and the audit trail.
 */
export function text(maxLength = maxFreeTextLength): z.ZodString {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(1)
    .max(maxLength)
    .refine((value) => !unprintableText.test(value), {
      error: 'text without control characters',
    });
}

/**
 * The request bodies of the HTTP API, one zod schema each. Triggers validate with them
 * (`readBody`, through `requestBodies`, which loads this module and zod on first use) and the
 * OpenAPI document (`GET /api/openapi.json`) is generated from them, so the two cannot
 * disagree. Unknown fields are ignored; `null` counts as absent.
 */
export const requestBodySchemas = {
  startRelease: z
    .object({
      image: text(512).describe(
        'registry/repo:tag, registry/repo@sha256:… or registry/repo:tag@sha256:…',
      ),
      pipeline: text(100).optional().describe('Pipeline name; found from the image when absent'),
    })
    .meta({
      id: 'StartRelease',
      examples: [{ image: `pwbiregistry.azurecr.io/pwbi-api@sha256:${'4f'.repeat(32)}` }],
    }),
  approve: z
    .object({
      stage: text(100).describe('The stage the release waits for'),
      comment: text().optional(),
    })
    .meta({ id: 'Approve', examples: [{ stage: 'staging', comment: 'QA passed' }] }),
  reject: z
    .object({
      stage: text(100).describe('The stage the release waits for'),
      reason: text(),
    })
    .meta({ id: 'Reject', examples: [{ stage: 'production', reason: 'release notes missing' }] }),
  promote: z
    .object({
      reason: text().optional(),
      step: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe(
          'The step (1-based) the caller saw; another step answers 409 (no double promote)',
        ),
    })
    .meta({ id: 'Promote', examples: [{ reason: 'canary step looks good' }] }),
  reason: z
    .object({ reason: text() })
    .meta({ id: 'Reason', examples: [{ reason: 'error budget spent' }] }),
  hookCallback: z
    .object({
      status: z.enum(['passed', 'failed']).describe("The hook's result"),
      token: text(200).describe('The one-call callback token the hook was given'),
      detail: text(1000).optional(),
    })
    .meta({ id: 'HookCallback', examples: [{ status: 'passed', token: '…' }] }),
} as const;
