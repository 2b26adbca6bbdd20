/** True for the DurableClient's "no such instance" failures (HTTP 404 from the extension). */
export function isNotFound(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /HTTP 404|No instance with ID/i.test(message);
}
