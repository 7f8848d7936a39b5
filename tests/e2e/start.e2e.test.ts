import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { associationId } from '../../demo/data';
import { postGraphQL } from '../setup/test-hub';
import { startHubProcess } from '../setup/hub-process';
import { projectRoot } from '../../subgraphs/core/paths';

function stopProcess(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  ok: boolean;
  /** When the answer (or the failure) came. */
  at: number;
  detail: string;
  /** The answer's Connection header: "close" once the hub drains. */
  connection?: string | null;
}

/**
 * Four clients sending one request after another, as a load balancer forwards them, until
 * the balancer's probe has seen /ready fail three times; then no new request is sent.
 */
function loadUntilNotReady(
  graphqlUrl: string,
  query: string,
): { outcomes: Outcome[]; finished: Promise<unknown> } {
  const readyUrl = graphqlUrl.replace(/\/graphql$/, '/ready');
  let sending = true;
  const outcomes: Outcome[] = [];
  // As a Kubernetes readiness probe: out of rotation after three failed checks in a row.
  const probe = async () => {
    for (let failures = 0; sending;) {
      const status = await fetch(readyUrl).then(
        (r) => r.status,
        () => 0,
      );
      failures = status === 200 ? 0 : failures + 1;
      if (failures >= 3) sending = false;
      else await sleep(20);
    }
  };
  const client = async () => {
    while (sending) {
      try {
        const response = await fetch(graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: unknown };
        outcomes.push({
          ok: response.status === 200 && !body.errors,
          at: Date.now(),
          detail: JSON.stringify(body).slice(0, 200),
          connection: response.headers.get('connection'),
        });
      } catch (error) {
        const cause = (error as Error).cause ?? error;
        outcomes.push({ ok: false, at: Date.now(), detail: String(cause) });
      }
    }
  };
  return {
    outcomes,
    finished: Promise.all([probe(), ...Array.from({ length: 4 }, client)]),
  };
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-start-'));
  const pgPort = 20000 + (process.pid % 20000);
  const env = {
    HUB_DATA_DIR: dataDir,
    HUB_PG_PORT: String(pgPort),
    DATABASE_URL: '',
  };
  const nameQuery =
    '{ association(id: "' +
    associationId('lahden-urheiluseura') +
    '") { name { fi } } associations { totalCount } }';

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps what was written across a restart, seeds only once, drains at SIGTERM without a failed request, and leaves no PostgreSQL behind', async () => {
    const first = await startHubProcess(env);
    expect(first.output()).toContain('associations: wrote demo data');
    expect(first.output()).toMatch(/GraphiQL\s+http:\/\/\S+\/graphiql/);
    expect(first.output()).toMatch(/Mail\s+outbox \S+outbox/);
    const before = await postGraphQL(first.url, nameQuery);
    expect(before.body.data).toEqual({
      association: { name: { fi: 'Lahden Urheiluseura ry' } },
      associations: { totalCount: 30 },
    });

    // A user's edits: one renamed, one deleted. Neither may be undone by a restart.
    const db = new Client({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${pgPort}/hub`,
    });
    await db.connect();
    await db.query(
      `UPDATE associations.association SET name = '{"fi": "Lahden Urheiluseura 1921 ry"}' WHERE id = $1`,
      [associationId('lahden-urheiluseura')],
    );
    await db.query(`DELETE FROM associations.association WHERE id = $1`, [
      associationId('lahden-shakki'),
    ]);
    await db.end();

    expect(await stopProcess(first.child)).toBe(0);
    expect(await portIsClosed(pgPort)).toBe(true);

    // Five seconds, as in production: a balancer probing a busy machine still sees three
    // failed checks before the listener closes (one second was too short under load).
    const second = await startHubProcess({ ...env, SHUTDOWN_DELAY_MS: '5000' });
    expect(second.output()).not.toContain('wrote demo data');
    const after = await postGraphQL(second.url, nameQuery);
    expect(after.body.data).toEqual({
      association: { name: { fi: 'Lahden Urheiluseura 1921 ry' } },
      associations: { totalCount: 29 },
    });
    // SIGTERM under steady load: /ready says 503 at once, requests are still served for
    // SHUTDOWN_DELAY_MS while the balancer notices, then those under way are finished.
    const load = loadUntilNotReady(second.url, nameQuery);
    await sleep(300);
    const signalled = Date.now();
    const stopped = stopProcess(second.child);
    await load.finished;
    expect(load.outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(load.outcomes.filter((o) => o.at > signalled).length).toBeGreaterThan(0);
    // Draining answers tell keep-alive clients to reconnect (elsewhere, behind a balancer).
    expect(load.outcomes.filter((o) => o.at < signalled).map((o) => o.connection)).not.toContain(
      'close',
    );
    expect(load.outcomes.some((o) => o.at > signalled && o.connection === 'close')).toBe(true);
    expect(await stopped).toBe(0);
    expect(second.output()).toContain('SIGTERM: not ready any more');
    expect(await portIsClosed(pgPort)).toBe(true);
  });

  it('stops with one message naming every bad variable', async () => {
    const child = spawn(process.execPath, ['--require', '@swc-node/register', 'scripts/start.ts'], {
      cwd: projectRoot(),
      env: {
        ...process.env,
        ...env,
        PORT: 'eighty',
        SEED_DEMO_DATA: 'maybe',
        METRICS_PORT: '9464',
        DATABASE_URL: 'mysql://x',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration for npm start:');
    expect(stderr).toContain('DATABASE_URL must use postgres: or postgresql:, got "mysql:"');
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(stderr).toContain('SEED_DEMO_DATA must be true or false, got "maybe"');
    expect(stderr).toContain(
      "METRICS_PORT is for a service run on its own; npm start serves /metrics on each service's port",
    );
  });
});
