/** One invalid field of a request (`errors` member of a 400 problem). */
export interface FieldProblem {
  field: string;
  expected: string;
  received: string;
}

/** An RFC 9457 problem details body as Slotpilot sends it (`application/problem+json`). */
export interface Problem {
  /** `urn:slotpilot:problem:<kind>`, stable per kind of problem. */
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path the problem occurred on. */
  instance: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** A response init carrying a problem (structurally an @azure/functions HttpResponseInit). */
export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  jsonBody: Problem;
}
