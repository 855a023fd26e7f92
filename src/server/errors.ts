/** A request the server refuses; `status` is the 4xx code (or 503: busy, try again) and `message` the reason a client can act on. */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 503,
    message: string,
  ) {
    super(message);
  }
}

export function badRequest(reason: string): HttpError {
  return new HttpError(400, reason);
}
