import {
  BookingSystemRequestError,
  BookingSystemResponseError,
  BookingSystemUnavailableError,
} from './errors';

/**
 * HTTP for booking-system clients: a timeout per attempt (covering the body too), retries
 * with exponential backoff on network errors and 5xx for idempotent requests, and every
 * failure turned into the booking-system error family. Writes (POST) are not retried: a
 * reservation sent twice could be made twice.
 */
export interface HttpOptions {
  system: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BookingHttp {
  constructor(private readonly options: HttpOptions) {}

  async request(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
    const method = (init.method ?? 'GET').toUpperCase();
    const idempotent = method === 'GET' || method === 'HEAD' || method === 'DELETE';
    const attempts = idempotent ? this.options.retries + 1 : 1;
    let lastError: Error = new BookingSystemUnavailableError(this.options.system, 'not tried');
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0)
        await (this.options.sleep ?? wait)(this.options.backoffMs * 2 ** (attempt - 1));
      try {
        const answer = await this.once(url, init);
        if (answer.status >= 500) {
          lastError = new BookingSystemUnavailableError(
            this.options.system,
            `${method} ${new URL(url).pathname} answered ${answer.status}`,
          );
          continue;
        }
        if (answer.status >= 400) {
          throw new BookingSystemRequestError(
            this.options.system,
            `${method} ${new URL(url).pathname} was refused with ${answer.status}: ${answer.text.slice(0, 200)}`,
            answer.status,
          );
        }
        return answer;
      } catch (error) {
        if (error instanceof BookingSystemRequestError) throw error;
        lastError =
          error instanceof BookingSystemUnavailableError
            ? error
            : new BookingSystemUnavailableError(
                this.options.system,
                `${method} ${new URL(url).pathname} failed: ${(error as Error).message}`,
              );
      }
    }
    throw lastError;
  }

  async json<T>(url: string, init: RequestInit = {}): Promise<{ answer: HttpAnswer; body: T }> {
    const answer = await this.request(url, init);
    try {
      return { answer, body: JSON.parse(answer.text) as T };
    } catch {
      throw new BookingSystemResponseError(
        this.options.system,
        `${new URL(url).pathname} did not answer with JSON: ${answer.text.slice(0, 80)}`,
      );
    }
  }

  private async once(url: string, init: RequestInit): Promise<HttpAnswer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      // Reading the body is inside the timeout: a server that stalls mid-body is down too.
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted) {
        throw new BookingSystemUnavailableError(
          this.options.system,
          `${new URL(url).pathname} timed out after ${this.options.timeoutMs} ms`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The defaults every booking-system client starts from; a deployment overrides them. */
export function bookingHttp(
  system: string,
  options: Partial<Omit<HttpOptions, 'system'>>,
): BookingHttp {
  return new BookingHttp({
    system,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    backoffMs: options.backoffMs ?? 500,
    sleep: options.sleep,
  });
}
