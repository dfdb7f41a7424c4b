/**
 * A request-level failure raised by middleware (not by a domain action): a failed CSRF check,
 * a body over the limit, a rate limit. app.ts maps it to a page or JSON like a DomainError.
 */
export type ProblemKind = "csrf" | "too_large" | "rate_limited" | "bad_request";

export const problemStatus: Record<ProblemKind, 400 | 403 | 413 | 429> = {
  bad_request: 400,
  csrf: 403,
  too_large: 413,
  rate_limited: 429,
};

export class HttpProblem extends Error {
  override name = "HttpProblem";
  constructor(
    readonly kind: ProblemKind,
    message: string,
    /** Seconds until a rate-limited client may retry. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get status() {
    return problemStatus[this.kind];
  }
}
