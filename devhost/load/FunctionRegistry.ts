/** A binding as `@azure/functions` hands it to the host (RpcBindingInfo plus trigger options). */
export interface BindingInfo {
  type: string;
  direction?: 'in' | 'out' | 'inout';
  name?: string;
  [option: string]: unknown;
}

/** What the app registered for one function, exactly as passed to `registerFunction`. */
export interface RegisteredFunction {
  name: string;
  bindings: Record<string, BindingInfo>;
  /** The registered callback (after durable-functions wrapping), invoked through the ProgrammingModel. */
  callback: (...args: unknown[]) => unknown;
  /** Name and binding of the one binding whose type ends in "Trigger". */
  triggerName: string;
  trigger: BindingInfo;
}

/** Hook callbacks by hook name (appStart, appTerminate, preInvocation, postInvocation, log). */
export type HookCallback = (context: Record<string, unknown>) => unknown;

/**
 * Everything captured from the app through the stand-in `@azure/functions-core`. One per
 * process: ESM modules cannot be unloaded, so a loaded app stays loaded.
 */
export class FunctionRegistry {
  readonly functions = new Map<string, RegisteredFunction>();
  readonly hooks = new Map<string, HookCallback[]>();
  programmingModel: unknown;
  locked = false;

  /** Case-insensitive lookup, as the host matches function names. */
  find(name: string): RegisteredFunction | undefined {
    const direct = this.functions.get(name);
    if (direct !== undefined) return direct;
    const lower = name.toLowerCase();
    for (const fn of this.functions.values()) if (fn.name.toLowerCase() === lower) return fn;
    return undefined;
  }

  byTrigger(type: string): RegisteredFunction[] {
    const lower = type.toLowerCase();
    return [...this.functions.values()].filter((f) => f.trigger.type.toLowerCase() === lower);
  }
}
