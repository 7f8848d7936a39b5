import { Socket } from 'node:net';
import { testRedisUrl } from './test-database.config';

/**
 * The Redis the Redis tests use (TEST_REDIS_URL, else a local one), or null when there is
 * none: Redis is optional for the hub, so those tests say so and skip rather than fail.
 */
export async function availableRedis(): Promise<string | null> {
  const url = testRedisUrl();
  const { hostname, port } = new URL(url);
  const ok = await new Promise<boolean>((resolve) => {
    const socket = new Socket();
    const answer = (reached: boolean) => {
      socket.destroy();
      resolve(reached);
    };
    socket.setTimeout(500);
    socket.once('connect', () => answer(true));
    socket.once('timeout', () => answer(false));
    socket.once('error', () => answer(false));
    socket.connect(Number(port || 6379), hostname);
  });
  if (!ok) console.warn(`No Redis at ${url}: the tests that need one are skipped`);
  return ok ? url : null;
}
