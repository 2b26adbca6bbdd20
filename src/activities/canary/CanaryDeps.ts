import type {
  AppServicePort,
  HttpProbe,
  SlotMetricsPort,
  TrafficRoutingPort,
} from '../../azure/ports/index.js';

/** What the canary activities are built from (the composition root passes it once). */
export interface CanaryDeps {
  appService: AppServicePort;
  routing: TrafficRoutingPort;
  slotMetrics: SlotMetricsPort;
  probe: HttpProbe;
}
