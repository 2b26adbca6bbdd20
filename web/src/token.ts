/** Pure reading of a bearer token's payload, for display only (the API verifies tokens). */

/**
 * The `sub` (user email) of a JWT's payload, or undefined when the token is not a readable
 * JWT. The signature is NOT checked: this only labels the connection ("token for EMAIL").
 */
export function tokenUser(token: string): string | undefined {
  const payload = token.trim().split('.')[1];
  if (payload === undefined || payload === '') return undefined;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const parsed = JSON.parse(new TextDecoder().decode(bytesOf(atob(padded)))) as unknown;
    const sub = (parsed as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' && sub !== '' ? sub : undefined;
  } catch {
    return undefined;
  }
}

function bytesOf(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
