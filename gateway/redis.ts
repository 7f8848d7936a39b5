import { Redis } from 'ioredis';

/**
 * The gateway's one Redis connection (REDIS_URL), shared by the rate limiter and the
 * response cache. Redis is an optimisation here, never a dependency: commands fail fast
 * while it is away and their callers carry on without it.
 */
export class SharedRedis {
  readonly client: Redis;
  private lastError: Error | undefined;

  constructor(url: string) {
    this.client = new Redis(url, {
      // A request waits for Redis at most this long; then it goes on without it.
      commandTimeout: 500,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      // Without the offline queue a command fails at once while Redis is away instead of
      // piling up behind the reconnect.
      enableOfflineQueue: false,
      lazyConnect: true,
      // ioredis waits this long for a socket that never opened to close; its default of
      // 2 s keeps a process that failed to start alive for no reason.
      disconnectTimeout: 100,
    });
    // ioredis reconnects by itself; an 'error' listener keeps a lost connection from
    // crashing the process. Callers see the failures of their own commands.
    this.client.on('error', (error: Error) => {
      this.lastError = error;
    });
  }

  /** Connects now so that a wrong REDIS_URL is reported at start-up, with the reason. */
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      // ioredis rejects with "Connection is closed."; the socket's own error says why.
      throw this.lastError ?? error;
    }
  }

  async close(): Promise<void> {
    // QUIT waits for Redis to close the connection, so nothing is left open after close().
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }
}

/** Connects to REDIS_URL, or says plainly that the gateway cannot. */
export async function connectRedis(url: string): Promise<SharedRedis> {
  const redis = new SharedRedis(url);
  try {
    await redis.connect();
  } catch (error) {
    await redis.close();
    throw new Error(`The gateway cannot reach Redis at REDIS_URL: ${(error as Error).message}`);
  }
  return redis;
}
