/** The console's connection settings, kept in sessionStorage only (gone with the tab). */

/** What the console sends with every API call. */
export interface Connection {
  /** Function key, sent as `x-functions-key`; empty when the host needs none. */
  functionKey: string;
  /** Bearer token (`npx slotpilot token issue --user EMAIL`); empty with App Service Authentication. */
  token: string;
}

const keyName = 'slotpilot.console.functionKey';
const tokenName = 'slotpilot.console.token';

/** The saved connection, or undefined when the user has not connected in this tab. */
export function loadConnection(): Connection | undefined {
  const functionKey = sessionStorage.getItem(keyName);
  const token = sessionStorage.getItem(tokenName);
  if (functionKey === null && token === null) return undefined;
  return { functionKey: functionKey ?? '', token: token ?? '' };
}

/** Saves the connection for this tab. */
export function saveConnection(connection: Connection): void {
  sessionStorage.setItem(keyName, connection.functionKey.trim());
  sessionStorage.setItem(tokenName, connection.token.trim());
}

/** Forgets the connection (disconnect). */
export function clearConnection(): void {
  sessionStorage.removeItem(keyName);
  sessionStorage.removeItem(tokenName);
}
