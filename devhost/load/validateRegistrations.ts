import type { FunctionRegistry } from './FunctionRegistry.js';

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

/**
 * Throws one start-up error listing every function that uses a binding the dev host cannot
 * serve, naming the function, the binding and its type.
 */
export function validateRegistrations(registry: FunctionRegistry): void {
  const problems: string[] = [];
  for (const fn of registry.functions.values()) {
    for (const [name, b] of Object.entries(fn.bindings)) {
      const type = b.type.toLowerCase();
      const ok =
        name === fn.triggerName
          ? supportedTriggers.has(type)
          : b.direction === 'out'
            ? supportedOutputs.has(type)
            : supportedInputs.has(type);
      if (!ok) {
        problems.push(
          `function "${fn.name}": binding "${name}" of type "${b.type}" (${b.direction ?? 'in'}) is not supported by the dev host (supported: triggers http, eventGrid, timer, orchestration, activity, entity; inputs durableClient; output http)`,
        );
      }
    }
  }
  if (problems.length > 0)
    throw new Error(`devhost: unsupported bindings\n  ${problems.join('\n  ')}`);
}
