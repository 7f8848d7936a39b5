import {
  YtjRateLimitedError,
  YtjRequestError,
  YtjResponseError,
  YtjUnavailableError,
} from './errors';
import { parseCompaniesResponse, toRecord } from './mapper';
import type { YtjRecord } from './types';

export const YTJ_OPEN_DATA_URL = 'https://avoindata.prh.fi/opendata-ytj-api/v3';

export interface YtjClientOptions {
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Retries after the first attempt, for network errors, timeouts, 5xx and 429. */
  retries?: number;
  /** First backoff; doubles each retry. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited out: the caller gets YtjRateLimitedError. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date; anything else means "a second". */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}

type Attempt =
  { done: true; value: YtjRecord | null } | { done: false; error: Error; waitMs: number };

/**
 * Reads companies from the YTJ open data API. Owns timeouts, retries with backoff on
 * network errors, 5xx and 429 (honouring Retry-After), and typed parsing; every failure
 * reaches the caller as a YtjError.
 */
export class YtjClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: YtjClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? YTJ_OPEN_DATA_URL).replace(/\/$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    this.sleep = options.sleep ?? wait;
  }

  /** The company with this business ID, or null when YTJ has none. */
  async findByBusinessId(businessId: string): Promise<YtjRecord | null> {
    const url = `${this.baseUrl}/companies?businessId=${encodeURIComponent(businessId)}`;
    let last: Error = new YtjUnavailableError('YTJ was not asked');
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      const result = await this.attempt(url, businessId);
      if (result.done) return result.value;
      last = result.error;
      if (attempt < this.retries) await this.sleep(result.waitMs || this.backoffMs * 2 ** attempt);
    }
    throw last;
  }

  private async attempt(url: string, businessId: string): Promise<Attempt> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { done: false, error: this.transportError(error), waitMs: 0 };
    }
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'));
      await response.body?.cancel();
      if (waitMs > this.maxRetryAfterMs) throw new YtjRateLimitedError(waitMs);
      return { done: false, error: new YtjRateLimitedError(waitMs), waitMs };
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return {
        done: false,
        error: new YtjUnavailableError(`YTJ answered ${response.status}`),
        waitMs: 0,
      };
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return { done: true, value: null };
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw new YtjRequestError(
        `YTJ refused businessId=${businessId}: ${response.status} ${text.slice(0, 200)}`,
      );
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      // The timeout covers the body too: a response that stalls half-way is retried.
      return { done: false, error: this.transportError(error), waitMs: 0 };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new YtjResponseError('YTJ answered with a body that is not JSON');
    }
    const parsed = parseCompaniesResponse(body);
    const company = parsed.companies.find((c) => c.businessId.value === businessId);
    return { done: true, value: company ? toRecord(company) : null };
  }

  private transportError(error: unknown): YtjUnavailableError {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (/timeout/i.test(text)) {
      return new YtjUnavailableError(`YTJ: no answer within ${this.timeoutMs} ms`);
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return new YtjUnavailableError(`YTJ: ${text}${cause ? ` (${cause})` : ''}`);
  }
}
