import type { FunctionRegistry, RegisteredFunction } from './FunctionRegistry.js';

const supportedTriggers = new Set([
  'httptrigger',
  'eventgridtrigger',
  'timertrigger',
  'orchestrationtrigger',
  'activitytrigger',
  'entitytrigger',
]);
const supportedInputs = new Set(['durableclient', 'orchestrationclient']);
const supportedOutputs = new Set(['http']);
const supportedText =
  'supported: triggers http, eventGrid, timer, orchestration, activity, entity; inputs durableClient; output http';

/** The first binding of `fn` the dev host cannot serve, described, or undefined. */
function unsupportedBinding(fn: RegisteredFunction): string | undefined {
  for (const [name, b] of Object.entries(fn.bindings)) {
    const type = b.type.toLowerCase();
    const ok =
      name === fn.triggerName
        ? supportedTriggers.has(type)
        : b.direction === 'out'
          ? supportedOutputs.has(type)
          : supportedInputs.has(type);
    if (!ok) {
      return `binding "${name}" of type "${b.type}" (${b.direction ?? 'in'}) is not supported by the dev host (${supportedText})`;
    }
  }
  return undefined;
}

/**
 * Disables every function that uses a binding the dev host cannot serve, as the Functions
 * host disables a function that fails indexing: it is removed from the registry and one log
 * line names the function, the binding and its type. The other functions keep running.
 * Returns the names of the disabled functions.
 */
export function validateRegistrations(
  registry: FunctionRegistry,
  log: (line: string) => void,
): string[] {
  const disabled: string[] = [];
  for (const fn of [...registry.functions.values()]) {
    const problem = unsupportedBinding(fn);
    if (problem === undefined) continue;
    registry.functions.delete(fn.name);
    disabled.push(fn.name);
    log(`function "${fn.name}" failed indexing and will be disabled: ${problem}`);
  }
  return disabled;
}
