/** Every way talking to YTJ can fail, as one error family the caller can catch. */
export class YtjError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** YTJ could not be reached or kept failing (timeouts, connection errors, 5xx). */
export class YtjUnavailableError extends YtjError {}

/** YTJ kept answering 429; `retryAfterMs` is how long it asked us to wait. */
export class YtjRateLimitedError extends YtjError {
  constructor(readonly retryAfterMs: number) {
    super(`YTJ is rate limiting us; retry after ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

/** YTJ answered, but not with what its API documents (bad JSON, missing fields). */
export class YtjResponseError extends YtjError {}

/** YTJ refused the request itself (4xx other than 404 and 429): our bug or bad input. */
export class YtjRequestError extends YtjError {}
