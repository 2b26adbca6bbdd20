import { buildSlotsView } from '../../domain/view/index.js';
import type { ApiDeps } from '../ApiDeps.js';
import { NotFoundError } from '../http/ApiError.js';
import { json } from '../http/json.js';
import { readRouteId } from '../http/readRouteId.js';
import type { ClientHttpHandler } from '../http/withProblems.js';

/**
 * `GET /api/pipelines/{name}/slots`: which image runs in which site and slot, read live from
 * App Service for every stage of the pipeline, with each slot's share of production traffic
 * (`trafficPercent`, from the site's routing rules). 404 for an unknown pipeline.
 */
export function slotsHandler(deps: ApiDeps): ClientHttpHandler {
  return async (request) => {
    const name = readRouteId(request.params, 'name');
    const pipeline = deps.config.pipelines.find((p) => p.name === name);
    if (pipeline === undefined) throw new NotFoundError(`No pipeline named ${name}.`);
    const slots = await Promise.all(
      pipeline.stages.map(({ target }) =>
        deps.appService.listSlots({
          subscription: target.subscription,
          resourceGroup: target.resourceGroup,
          site: target.site,
        }),
      ),
    );
    // Routing rules only matter where there are slots; a failed read leaves the percentages out.
    const shares = await Promise.all(
      pipeline.stages.map(({ target }, index) =>
        (slots[index]?.length ?? 0) < 2 || deps.routing === undefined
          ? Promise.resolve(undefined)
          : deps.routing
              .readShares({
                subscription: target.subscription,
                resourceGroup: target.resourceGroup,
                site: target.site,
              })
              .catch(() => undefined),
      ),
    );
    return json(200, buildSlotsView(pipeline, slots, shares));
  };
}
