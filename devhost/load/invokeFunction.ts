import { randomUUID } from 'node:crypto';

import type { FunctionRegistry, RegisteredFunction } from './FunctionRegistry.js';

/** Typed data as the worker protocol carries it (RpcTypedData). */
export type TypedData =
  | { string: string }
  | { json: string }
  | { bytes: Uint8Array }
  | { int: number }
  | { double: number }
  | { http: unknown };

interface InvocationModel {
  getArguments(): Promise<{ context: unknown; inputs: unknown[] }>;
  invokeFunction(context: unknown, inputs: unknown[], handler: unknown): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<{ returnValue?: unknown }>;
}
interface ProgrammingModel {
  getInvocationModel(coreCtx: unknown): InvocationModel;
}

/** One invocation's inputs: the trigger's typed data plus data for other input bindings by type. */
export interface InvocationRequest {
  trigger: TypedData;
  /** Typed data for every non-trigger input binding of the given type (e.g. durableClient). */
  inputsByType?: Record<string, TypedData>;
  triggerMetadata?: Record<string, unknown>;
}

/**
 * Invokes a registered function the way the worker does: through the captured
 * ProgrammingModel (so inputs and outputs take the production conversion path), with the
 * preInvocation/postInvocation hooks around it. Resolves to the RPC return value; rejects
 * with the user's error.
 */
export async function invokeFunction(
  registry: FunctionRegistry,
  fn: RegisteredFunction,
  req: InvocationRequest,
  log: (line: string) => void,
): Promise<unknown> {
  const pm = registry.programmingModel as ProgrammingModel;
  const inputData = [{ name: fn.triggerName, data: req.trigger }];
  for (const [name, b] of Object.entries(fn.bindings)) {
    if (name === fn.triggerName || b.direction === 'out') continue;
    const data = req.inputsByType?.[b.type.toLowerCase()];
    if (data !== undefined) inputData.push({ name, data });
  }
  const coreCtx: Record<string, unknown> = {
    invocationId: randomUUID(),
    metadata: { name: fn.name, bindings: fn.bindings },
    request: { inputData, triggerMetadata: req.triggerMetadata ?? {} },
    state: undefined,
    log: (level: string, category: string, msg: string) =>
      log(`[${fn.name}] ${level} ${category}: ${msg}`),
  };
  const im = pm.getInvocationModel(coreCtx);
  const { context, inputs } = await im.getArguments();
  const hookData: Record<string, unknown> = {};
  const pre = {
    hookData,
    appHookData: {},
    invocationContext: context,
    inputs,
    functionCallback: fn.callback,
  };
  coreCtx['state'] = 'preInvocationHooks';
  for (const hook of registry.hooks.get('preInvocation') ?? []) await hook(pre);
  coreCtx['state'] = 'invocation';
  let result: unknown;
  let error: unknown;
  try {
    result = await im.invokeFunction(context, pre.inputs, pre.functionCallback);
  } catch (err) {
    error = err;
  }
  const post = {
    hookData,
    appHookData: {},
    invocationContext: context,
    inputs: pre.inputs,
    result,
    error,
  };
  coreCtx['state'] = 'postInvocationHooks';
  for (const hook of registry.hooks.get('postInvocation') ?? []) await hook(post);
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrow what the function threw, as is
  if (post.error !== undefined) throw post.error;
  const response = await im.getResponse(context, post.result);
  return response.returnValue;
}
