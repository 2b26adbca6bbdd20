/** Pure reading of API error answers (RFC 9457 problem details) for the console. */

/** What the console shows for a refused or failed request. */
export interface ProblemText {
  status: number;
  title: string;
  detail: string;
  /** One line per invalid field of a 400: `stage: expected a non-empty string, got undefined`. */
  fields: string[];
}

const fallbackTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * The problem an error answer carries: `title`, `detail` (the API's own wording, shown as it
 * is) and the `errors` fields of a problem body; for an answer without one (e.g. the host's
 * empty 401 for a missing function key) a title from the status and a detail saying what
 * usually causes it.
 *
 * @example describeProblem(409, {title: 'Conflict', detail: 'not waiting for staging'})
 */
export function describeProblem(status: number, body: unknown): ProblemText {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const title = typeof record.title === 'string' && record.title !== '' ? record.title : undefined;
  const detail = typeof record.detail === 'string' ? record.detail : undefined;
  const fields = Array.isArray(record.errors) ? record.errors.map(fieldLine) : [];
  return {
    status,
    title: title ?? fallbackTitles[status] ?? `HTTP ${status}`,
    detail: detail ?? fallbackDetail(status, body),
    fields,
  };
}

/** One line naming the problem: `403 Forbidden: mallory@contoso.com may not approve staging`. */
export function problemLine(problem: ProblemText): string {
  return `${problem.status} ${problem.title}${problem.detail === '' ? '' : `: ${problem.detail}`}`;
}

function fieldLine(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return String(entry);
  const { field, expected, received } = entry as Record<string, unknown>;
  return `${String(field)}: expected ${String(expected)}, got ${String(received)}`;
}

function fallbackDetail(status: number, body: unknown): string {
  if (status === 401) {
    return 'The function key or the identity was not accepted: check them under Connect.';
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 300);
  if (status === 0) return 'The request did not reach Slotpilot (network error).';
  return '';
}
