/** A port whose every member is an async method (all of Slotpilot's SDK-backed ports). */
export type AsyncPort<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<R>
    : never;
};

/**
 * A port that builds its implementation on the first call, by `load()` (once; a failed load is
 * retried by the next call), and then forwards every call to it. `methods` names every member
 * (`{ getSlot: true, … }`), so a port that gains a method fails to compile here until it is
 * listed. Lets the composition root hand out ports whose SDK packages load on first use.
 * @example const audit = lazyPort(async () => new BlobAuditStore(...), { append: true, ... });
 */
export function lazyPort<T extends AsyncPort<T>>(
  load: () => Promise<T>,
  methods: { readonly [K in keyof T]-?: true },
): T {
  let loading: Promise<T> | undefined;
  const port = (): Promise<T> => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  const forwarding: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of Object.keys(methods)) {
    forwarding[name] = async (...args) => {
      const target = await port();
      const method = target[name as keyof T] as (...a: unknown[]) => Promise<unknown>;
      return method.apply(target, args);
    };
  }
  return forwarding as T;
}
