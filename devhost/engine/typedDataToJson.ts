/**
 * The JSON text a function's RPC return value becomes in history (`Result`), as the extension
 * serializes it: `{json}` as is, `{string}` quoted, numbers as numbers, nothing as null.
 */
export function typedDataToJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['json'] === 'string') return v['json'];
  if (typeof v['string'] === 'string') return JSON.stringify(v['string']);
  if (typeof v['int'] === 'number') return String(v['int']);
  if (typeof v['double'] === 'number') return String(v['double']);
  if (v['bytes'] instanceof Uint8Array)
    return JSON.stringify(Buffer.from(v['bytes']).toString('base64'));
  return null;
}
