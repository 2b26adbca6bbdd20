import type { IncomingMessage, ServerResponse } from 'node:http';

import { SANDBOX_TOKEN } from '../auth/staticCredential.js';
import { applyFault, hang } from '../faults/applyFault.js';
import { readBody } from '../http/readBody.js';
import { sendJson } from '../http/sendJson.js';
import type { SandboxContext } from '../SandboxContext.js';
import { acrError, acrFaultError } from './acrError.js';
import type { AcrTokens } from './AcrTokens.js';

/** The scope action ACR's challenge names for reading tag metadata. */
const METADATA_READ = 'metadata_read';
const tagPath = /^\/acr\/v1\/(.+)\/_tags\/([^/]+)$/i;

/**
 * The ACR data-plane subset `ContainerRegistryClient.getArtifact(repo, tag).getTagProperties(tag)`
 * uses, for the scenario's registry: `GET /acr/v1/{repo}/_tags/{tag}` (401 challenge without a
 * valid access token), `POST /oauth2/exchange` (AAD token → refresh token; only the sandbox's
 * static token is accepted) and `POST /oauth2/token` (refresh token + scope → access token).
 * Faults: op `acrAuth` (both token endpoints) and `getTag`.
 */
export async function handleAcr(
  ctx: SandboxContext,
  tokens: AcrTokens,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const loginServer = ctx.world.registry.loginServer;
  const path = url.pathname;
  const method = req.method ?? 'GET';
  if (path.toLowerCase().startsWith('/oauth2/')) {
    if (method !== 'POST') {
      throw acrError(405, 'UNSUPPORTED', `The operation ${method} ${path} is unsupported.`);
    }
    if ((await applyFault(ctx.faults.take('acrAuth'), acrFaultError)) === 'hang') {
      hang(res);
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const service = form.get('service') ?? '';
    if (service.toLowerCase() !== loginServer.toLowerCase()) {
      throw acrError(
        400,
        'UNSUPPORTED',
        `service: expected ${loginServer}, got ${JSON.stringify(service)}`,
      );
    }
    switch (path.toLowerCase()) {
      case '/oauth2/exchange':
        exchange(tokens, form, service, res);
        return;
      case '/oauth2/token':
        token(tokens, form, service, res);
        return;
      default:
        throw acrError(404, 'NOT_FOUND', `No registry route for ${path}.`);
    }
  }
  const match = tagPath.exec(path);
  if (match === null || method !== 'GET') {
    throw acrError(404, 'NOT_FOUND', `The sandbox registry serves no ${method} ${path}.`);
  }
  const repository = decodeURIComponent(match[1] ?? '');
  const tag = decodeURIComponent(match[2] ?? '');
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer === undefined || !tokens.allows(bearer, repository, METADATA_READ)) {
    throw acrError(
      401,
      'UNAUTHORIZED',
      'authentication required, visit https://aka.ms/acr/authorization for more information.',
      {
        'www-authenticate': `Bearer realm="https://${loginServer}/oauth2/token",service="${loginServer}",scope="repository:${repository}:${METADATA_READ}"`,
      },
      [{ Type: 'repository', Name: repository, Action: METADATA_READ }],
    );
  }
  if ((await applyFault(ctx.faults.take('getTag'), acrFaultError)) === 'hang') {
    hang(res);
    return;
  }
  const registry = ctx.world.registry;
  if (!registry.hasRepository(repository)) {
    throw acrError(404, 'NAME_UNKNOWN', 'repository name not known to registry', {}, [
      { Type: 'repository', Name: repository, Action: METADATA_READ },
    ]);
  }
  const found = registry.tagOf(repository, tag);
  if (found === undefined) {
    throw acrError(404, 'TAG_UNKNOWN', 'the specified tag does not exist', {}, [
      { Type: 'repository', Name: repository, Action: METADATA_READ },
    ]);
  }
  sendJson(res, 200, {
    registry: loginServer,
    imageName: repository,
    tag: {
      name: found.tag,
      digest: found.digest,
      createdTime: new Date(found.createdAt).toISOString(),
      lastUpdateTime: new Date(found.updatedAt).toISOString(),
      signed: false,
      changeableAttributes: {
        deleteEnabled: true,
        writeEnabled: true,
        readEnabled: true,
        listEnabled: true,
      },
    },
  });
}

function exchange(
  tokens: AcrTokens,
  form: URLSearchParams,
  service: string,
  res: ServerResponse,
): void {
  const grantType = form.get('grant_type');
  if (grantType !== 'access_token') {
    throw acrError(
      400,
      'UNSUPPORTED',
      `grant_type: expected access_token, got ${JSON.stringify(grantType)}`,
    );
  }
  if (form.get('access_token') !== SANDBOX_TOKEN) {
    throw acrError(
      401,
      'UNAUTHORIZED',
      'The AAD access token is not valid for this registry (the sandbox accepts only its static token).',
    );
  }
  sendJson(res, 200, { refresh_token: tokens.issueRefresh(service) });
}

function token(
  tokens: AcrTokens,
  form: URLSearchParams,
  service: string,
  res: ServerResponse,
): void {
  const grantType = form.get('grant_type');
  if (grantType !== 'refresh_token') {
    // `password` with an empty refresh token is anonymous pull, which the registry does not allow.
    throw acrError(
      401,
      'UNAUTHORIZED',
      `grant_type ${JSON.stringify(grantType)} is not allowed: anonymous pull is disabled on this registry.`,
    );
  }
  const scopes = form.getAll('scope').flatMap((s) => s.split(' ').filter((p) => p !== ''));
  const access = tokens.issueAccess(form.get('refresh_token') ?? '', service, scopes);
  if (access === undefined) {
    throw acrError(401, 'UNAUTHORIZED', 'The refresh token is not valid or has expired.');
  }
  sendJson(res, 200, { access_token: access });
}
