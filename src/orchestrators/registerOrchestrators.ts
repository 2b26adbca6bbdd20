import * as df from 'durable-functions';

import { orchestratorNames } from '../domain/release/index.js';
import { productionLock } from './production/productionLock.js';
import { productionRelease } from './production/productionRelease.js';
import { releasePipeline } from './release/releasePipeline.js';
import { deployStage } from './stage/deployStage.js';

/**
 * Registers the release orchestrations: `releasePipeline`, `deployStage`,
 * `productionRelease` and `productionLock` (monitoring registers `monitorRelease`).
 */
export function registerOrchestrators(): void {
  df.app.orchestration(orchestratorNames.release, releasePipeline);
  df.app.orchestration(orchestratorNames.deployStage, deployStage);
  df.app.orchestration(orchestratorNames.production, productionRelease);
  df.app.orchestration(orchestratorNames.productionLock, productionLock);
}
