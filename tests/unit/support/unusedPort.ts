/**
 * A port a test's world does not provide: any method call rejects, naming the port and the
 * method, so a test that reaches it fails loudly instead of passing on an empty answer.
 */
export function unusedPort<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_target, method) => () =>
      Promise.reject(new Error(`${name}.${String(method)}: not provided by this test's world`)),
  });
}
