/** Every way talking to a booking system can fail, as one error family the caller can catch. */
export class BookingSystemError extends Error {
  constructor(
    readonly system: string,
    message: string,
  ) {
    super(`${system}: ${message}`);
    this.name = new.target.name;
  }
}

/** The system could not be reached or kept failing (timeouts, connection errors, 5xx). */
export class BookingSystemUnavailableError extends BookingSystemError {}

/** The circuit breaker is open: recent calls failed, so we do not try again yet. */
export class BookingSystemCircuitOpenError extends BookingSystemUnavailableError {
  constructor(
    system: string,
    readonly retryAt: Date,
  ) {
    super(system, `not tried again until ${retryAt.toISOString()} after repeated failures`);
  }
}

/** The system answered, but not with what its protocol says (bad JSON, missing fields). */
export class BookingSystemResponseError extends BookingSystemError {}

/** The system refused the request itself (4xx): a conflict there, or bad input. */
export class BookingSystemRequestError extends BookingSystemError {
  constructor(
    system: string,
    message: string,
    readonly status: number,
  ) {
    super(system, message);
  }
}

/** The operation is not something this system does (e.g. booking through an ICS feed). */
export class BookingSystemUnsupportedError extends BookingSystemError {}
