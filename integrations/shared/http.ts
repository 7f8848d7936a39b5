import {
  DEFAULT_OUTBOUND_LIMITS,
  outboundFetch,
  OutboundRefusedError,
  type OutboundRules,
} from './outbound';

/**
 * HTTP for integration clients: a timeout per attempt (covering the body too), retries with
 * exponential backoff on network errors and 5xx for idempotent requests, and every failure
 * turned into the calling system's own error family. Writes (POST) are not retried: a
 * request sent twice could act twice.
 */

/** How a system names its failures; each integration passes its own error classes. */
export interface HttpErrors {
  /** Not reachable, timed out, or 5xx after the retries. */
  unavailable(message: string): Error;
  /** A 4xx: the system refused the request itself. */
  refused(message: string, status: number): Error;
  /** An answer that is not what the protocol says (e.g. not JSON). */
  malformed(message: string): Error;
}

export interface HttpOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * For URLs that come from users (a space's calendar feed), not from configuration: every
   * request goes through the outbound policy (outbound.ts).
   */
  outbound?: OutboundRules;
  /** Resolves host names for the outbound policy (tests name their own). */
  resolve?: (host: string) => Promise<string[]>;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Marks a failure already in the system's words, so the retry loop passes it on as is. */
class Final {
  constructor(readonly error: Error) {}
}

export class HttpClient {
  constructor(
    private readonly errors: HttpErrors,
    private readonly options: HttpOptions,
  ) {}

  async request(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
    const method = (init.method ?? 'GET').toUpperCase();
    const path = new URL(url).pathname;
    const idempotent = method === 'GET' || method === 'HEAD' || method === 'DELETE';
    const attempts = idempotent ? this.options.retries + 1 : 1;
    let lastError = this.errors.unavailable(`${method} ${path} was not tried`);
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0)
        await (this.options.sleep ?? wait)(this.options.backoffMs * 2 ** (attempt - 1));
      try {
        const answer = await this.once(url, init);
        if (answer.status >= 500) {
          lastError = this.errors.unavailable(`${method} ${path} answered ${answer.status}`);
          continue;
        }
        if (answer.status >= 400) {
          // The status only: a refused answer's body is the other system's, and it goes into
          // logs and the sync's record (it could hold anything, a page of an internal host).
          throw new Final(
            this.errors.refused(
              `${method} ${path} was refused with ${answer.status}`,
              answer.status,
            ),
          );
        }
        return answer;
      } catch (error) {
        if (error instanceof Final) throw error.error;
        if (error instanceof OutboundRefusedError) {
          throw this.errors.refused(`the URL ${error.reason}`, 0);
        }
        lastError =
          error instanceof TimeoutFailure
            ? this.errors.unavailable(`${path} timed out after ${this.options.timeoutMs} ms`)
            : this.errors.unavailable(`${method} ${path} failed: ${(error as Error).message}`);
      }
    }
    throw lastError;
  }

  async json<T>(url: string, init: RequestInit = {}): Promise<{ answer: HttpAnswer; body: T }> {
    const answer = await this.request(url, init);
    try {
      return { answer, body: JSON.parse(answer.text) as T };
    } catch {
      throw this.errors.malformed(
        `${new URL(url).pathname} did not answer with JSON: ${answer.text.slice(0, 80)}`,
      );
    }
  }

  private async once(url: string, init: RequestInit): Promise<HttpAnswer> {
    if (this.options.outbound) {
      try {
        return await outboundFetch(
          url,
          { method: init.method, headers: init.headers as Record<string, string> | undefined },
          this.options.outbound,
          { ...DEFAULT_OUTBOUND_LIMITS, timeoutMs: this.options.timeoutMs },
          this.options.resolve,
        );
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') throw new TimeoutFailure();
        throw error;
      }
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      const response = await fetch(url, { ...init, signal: controller.signal });
      // Reading the body is inside the timeout: a server that stalls mid-body is down too.
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (controller.signal.aborted) throw new TimeoutFailure();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

class TimeoutFailure extends Error {}
