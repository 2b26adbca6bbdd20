import { app } from '@azure/functions';

import { appRoot } from '../startup/appRoot.js';
import { loadConsoleAssets } from './consoleAssets.js';
import { consoleAssetHandler, consolePageHandler } from './consoleHandlers.js';

/**
 * Registers the web console: `GET /api/console` and `GET /api/console/{file}`, anonymous like
 * `/api/health` (they carry no data). Its files are read once, here, from the app's package.
 */
export function registerConsole(root: string = appRoot(import.meta.url)): void {
  const assets = loadConsoleAssets(root);
  if (assets.missing !== undefined) console.warn(`Slotpilot console: ${assets.missing}.`);
  app.http('console', {
    methods: ['GET'],
    route: 'console',
    authLevel: 'anonymous',
    handler: consolePageHandler(assets),
  });
  app.http('consoleAsset', {
    methods: ['GET'],
    route: 'console/{file}',
    authLevel: 'anonymous',
    handler: consoleAssetHandler(assets),
  });
}
