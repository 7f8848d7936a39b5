import express from 'express';
import { KEEP_ALIVE_TIMEOUT_MS, listen } from './http';

describe(listen.name, () => {
  it('keeps idle connections longer than clients and balancers do, and says so', async () => {
    const app = express();
    app.get('/', (_req, res) => res.send('ok'));
    const listening = await listen('test', app, '127.0.0.1', 0);
    try {
      const answer = await fetch(`${listening.url}/`);
      await answer.text();
      // Clients read the hint and close first: no request meets a connection being closed.
      expect(answer.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
      expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    } finally {
      await listening.close();
    }
  });

  it('still closes at once when stopped, idle keep-alive connections and all', async () => {
    const app = express();
    app.get('/', (_req, res) => res.send('ok'));
    const listening = await listen('test', app, '127.0.0.1', 0);
    await (await fetch(`${listening.url}/`)).text();
    const started = Date.now();
    await listening.close();
    // Without closing idle connections it would wait for the 10 s grace; this takes ms.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
