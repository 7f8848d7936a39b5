/** Every way talking to a Linked Events API can fail, as one error family. */
export class LinkedEventsError extends Error {
  constructor(message: string) {
    super(`Linked Events: ${message}`);
    this.name = new.target.name;
  }
}

/** The API could not be reached or kept failing (timeouts, connection errors, 5xx). */
export class LinkedEventsUnavailableError extends LinkedEventsError {}

/** The API refused the request (4xx). */
export class LinkedEventsRequestError extends LinkedEventsError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The API answered with something that is not a Linked Events page or event. */
export class LinkedEventsResponseError extends LinkedEventsError {}
