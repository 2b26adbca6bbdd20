import { requestBodies, type RequestBody } from '../http/requestBodies.js';

/** Who may call an operation: anyone, or a caller with a function key (plus an identity where noted). */
export type OperationAccess = 'anonymous' | 'functionKey' | 'identity';

/** One HTTP operation of Slotpilot's API as the OpenAPI document describes it. */
export interface ApiOperation {
  operationId: string;
  method: 'get' | 'post';
  /** Path under the `api` route prefix, with `{param}` placeholders, e.g. `/releases/{id}`. */
  path: string;
  summary: string;
  access: OperationAccess;
  /** The request body (zod schema) the trigger validates its JSON body with. */
  body?: RequestBody;
  /** A body the trigger validates itself (not JSON or not one of `requestBodies`). */
  rawBody?: { contentType: string; description: string };
  query?: { name: string; description: string; schema: Record<string, unknown> }[];
  /** Success status and what it returns. */
  success: { status: number; description: string; contentType?: string };
  /** Error statuses and when they happen. */
  errors?: Record<number, string>;
}

const decisionErrors = {
  400: 'bad body or unknown stage',
  401: 'no identity',
  403: 'not an approver, self-approval, distinctFrom, or already approved by this person',
  404: 'no such release',
  409: 'not waiting for that stage, or another decision won',
  410: 'the release has ended',
};

/**
 * Every HTTP route Slotpilot registers (DESIGN §4), the source of `GET /api/openapi.json`.
 * A test compares it with the routes the app registers, so a route added without an entry
 * here fails the build.
 */
export const apiOperations: readonly ApiOperation[] = [
  {
    operationId: 'startRelease',
    method: 'post',
    path: '/releases',
    summary: 'Start a release of an image (tag or digest) by hand',
    access: 'functionKey',
    body: requestBodies.startRelease,
    success: { status: 202, description: 'Started; Location names the release status URL' },
    errors: { 400: 'bad body or image', 404: 'no such pipeline', 409: 'duplicate release' },
  },
  {
    operationId: 'listReleases',
    method: 'get',
    path: '/releases',
    summary: 'List releases, newest first',
    access: 'functionKey',
    query: [
      { name: 'pipeline', description: 'Only this pipeline', schema: { type: 'string' } },
      { name: 'status', description: 'Only this status', schema: { type: 'string' } },
      {
        name: 'top',
        description: 'At most this many (default 50)',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      {
        name: 'since',
        description:
          'Only releases created since this ISO 8601 time or this long ago (e.g. `7d`); default and maximum the retention period (SLOTPILOT_RETENTION, 30d)',
        schema: { type: 'string' },
      },
      {
        name: 'cursor',
        description: 'The page after a previous one: take it from that page’s `next` link',
        schema: { type: 'string' },
      },
    ],
    success: {
      status: 200,
      description:
        '`{releases, count, next?}`; `next` is the URL of the following page while older releases may match',
    },
    errors: { 400: 'bad filter, `since` or `cursor`' },
  },
  {
    operationId: 'getRelease',
    method: 'get',
    path: '/releases/{id}',
    summary: 'The release view (DESIGN §4)',
    access: 'functionKey',
    success: { status: 200, description: 'The release view' },
    errors: { 404: 'no such release' },
  },
  {
    operationId: 'approveRelease',
    method: 'post',
    path: '/releases/{id}/approve',
    summary: 'Approve the stage the release waits for',
    access: 'identity',
    body: requestBodies.approve,
    success: { status: 202, description: 'Approval recorded' },
    errors: decisionErrors,
  },
  {
    operationId: 'rejectRelease',
    method: 'post',
    path: '/releases/{id}/reject',
    summary: 'Reject the stage the release waits for',
    access: 'identity',
    body: requestBodies.reject,
    success: { status: 202, description: 'Rejection recorded' },
    errors: decisionErrors,
  },
  {
    operationId: 'cancelRelease',
    method: 'post',
    path: '/releases/{id}/cancel',
    summary: 'Cancel a release not yet swapped',
    access: 'identity',
    body: requestBodies.reason,
    success: { status: 202, description: 'Cancel requested' },
    errors: {
      401: 'no identity',
      403: 'not an approver',
      404: 'no such release',
      409: 'swapped or ended',
    },
  },
  {
    operationId: 'promoteRelease',
    method: 'post',
    path: '/releases/{id}/promote',
    summary: 'Send a canary to its next step now (approvers only)',
    access: 'identity',
    body: requestBodies.promote,
    success: { status: 202, description: 'Promoted' },
    errors: {
      401: 'no identity',
      403: 'not an approver',
      404: 'no such release',
      409: 'not in a canary step, or another decision won',
    },
  },
  {
    operationId: 'requestRollback',
    method: 'post',
    path: '/releases/{id}/rollback',
    summary: 'Roll back during or after the monitoring window',
    access: 'identity',
    body: requestBodies.reason,
    success: {
      status: 202,
      description:
        'Rollback started: its progress and outcome (refused included) at the Location status URL',
    },
    errors: {
      401: 'no identity',
      403: 'not an approver',
      404: 'no such release',
      409: 'nothing to roll back: not swapped yet, rolled back already, or another decision won',
    },
  },
  {
    operationId: 'resumeMonitoring',
    method: 'post',
    path: '/releases/{id}/resume',
    summary: 'Continue a monitor paused on an inconclusive sample',
    access: 'identity',
    body: requestBodies.reason,
    success: { status: 202, description: 'Monitoring continues' },
    errors: {
      401: 'no identity',
      403: 'not an approver',
      404: 'no such release',
      409: 'not paused',
    },
  },
  {
    operationId: 'alertPush',
    method: 'post',
    path: '/alerts',
    summary: 'Azure Monitor alert (common alert schema): immediate breach',
    access: 'functionKey',
    rawBody: {
      contentType: 'application/json',
      description: 'Azure Monitor common alert schema, or `{pipeline|site, reason}`',
    },
    success: { status: 202, description: '`{releases, reason}`: the releases it reached' },
    errors: { 400: 'not an alert', 401: 'no identity' },
  },
  {
    operationId: 'hookCallback',
    method: 'post',
    path: '/hooks/{callbackId}',
    summary: 'A gate hook that answered 202 reports its result with its one-call token',
    access: 'anonymous',
    body: requestBodies.hookCallback,
    success: { status: 202, description: 'Result raised on the waiting stage' },
    errors: {
      400: 'bad body',
      401: 'the token is not valid for this callback',
      410: 'expired, used already, or the stage no longer waits for it',
    },
  },
  {
    operationId: 'slackInteraction',
    method: 'post',
    path: '/slack/interactions',
    summary:
      'Approve and Reject clicks from Slack (Block Kit interactivity, Slack request signing)',
    access: 'anonymous',
    rawBody: {
      contentType: 'application/x-www-form-urlencoded',
      description:
        '`payload=<block_actions JSON>`, signed with X-Slack-Signature and X-Slack-Request-Timestamp',
    },
    success: { status: 200, description: 'The answer shown in Slack (also sent to response_url)' },
    errors: { 400: 'not a Slotpilot click', 401: 'unsigned, stale or not matching signature' },
  },
  {
    operationId: 'pipelineSlots',
    method: 'get',
    path: '/pipelines/{name}/slots',
    summary: 'Which digest runs in which site and slot now',
    access: 'functionKey',
    success: { status: 200, description: 'The slots view' },
    errors: { 404: 'no such pipeline' },
  },
  {
    operationId: 'health',
    method: 'get',
    path: '/health',
    summary: "Slotpilot's own health",
    access: 'anonymous',
    success: { status: 200, description: 'Version and a config summary' },
  },
  {
    operationId: 'openApi',
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    access: 'anonymous',
    success: { status: 200, description: 'OpenAPI 3.1' },
  },
  {
    operationId: 'console',
    method: 'get',
    path: '/console',
    summary: 'The web console (a page without data; it calls the API)',
    access: 'anonymous',
    success: { status: 200, description: 'HTML', contentType: 'text/html' },
  },
  {
    operationId: 'consoleAsset',
    method: 'get',
    path: '/console/{file}',
    summary: "The console's scripts and styles",
    access: 'anonymous',
    success: { status: 200, description: 'A script or stylesheet', contentType: 'text/javascript' },
    errors: { 404: 'no such file' },
  },
];
