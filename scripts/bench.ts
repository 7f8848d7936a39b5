import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { Agent } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { EnvReader } from '../subgraphs/core/env';
import { readAuthConfig, signDevToken } from '../subgraphs/core/identity';
import { projectRoot, supergraphPath } from '../subgraphs/core/paths';
import { SUBGRAPH_NAMES } from '../subgraphs/core/subgraph.config';
import { fromHelsinkiLocal } from '../subgraphs/core/time';
import { runCommand } from './cli';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { type BenchRequest, drive, type LoadResult, post } from './bench/load';
import {
  type BenchReferences,
  DIRECTORY_QUERY,
  OPERATION_NAMES,
  type OperationName,
  requestSource,
  subgraphDirectoryRequest,
  type Workload,
  writeSource,
} from './bench/operations';
import { type BenchProcess, startNodeProcess, supergraphWithUrls } from './bench/processes';
import {
  markdownTable,
  type Measurement,
  issueTargets,
  type MemoryRun,
  type ScaleRow,
  summarise,
  type TargetCheck,
  targetLines,
} from './bench/report';
import { memoryLevel, watchMemory } from './bench/memory';
import { seedScale } from './seed-scale';

const USAGE = `usage: npm run bench -- [options]

Starts what it needs (PostgreSQL with pg_stat_statements, generated data, the six
subgraphs, the gateways), then drives each target at fixed concurrency for a fixed time,
interleaved in rounds, and prints req/s, p50/p95/p99, errors, SQL statements per request
and peak RSS; checks the issue's targets and writes everything as JSON.

  --seconds S          per target, operation and round (default 5)
  --rounds R           interleaved rounds (default 2)
  --concurrency C      clients sending at once (default 10)
  --associations N     data size of the main run (default 1000)
  --scale N            also measure list and search at N associations against the
                       main size (default 100000; 0 skips; seeding 100,000 takes minutes once)
  --rss-seconds S      the soak: the varied association page through the hub for S
                       seconds, every process's RSS and heap watched (default 60;
                       issue 31 asks 1800; 0 skips)
  --operations a,b     only these (${OPERATION_NAMES.join(', ')})
  --targets a,b        only these (hub, hub-cached, apollo, hive, hive-router)
  --workloads a,b      identical, varied (default both)
  --writes-per-minute W  staff edits of an association sent to each gateway while it is
                       measured (default 0); each retires the response cache, so
                       hub-cached's hit rate is then the one real edits leave
  --json FILE          where the results go (default bench-results/latest.json)

The cache's age is the subgraphs' CACHE_MAX_AGE_SECONDS (60 unless set in the
environment); the table's "cache hits" column counts answers that came with an Age header.

Peers are installed into bench/node_modules on first use (npm ci in bench/). The data
lives in HUB_DATA_DIR/bench-postgres (default .hub-data), kept between runs; DATABASE_URL
instead uses that server (SQL statements are then counted only if it preloads
pg_stat_statements).`;

const GATEWAYS = ['hub', 'hub-cached', 'apollo', 'hive', 'hive-router'] as const;
type Gateway = (typeof GATEWAYS)[number];

/** A whole-number option, or an error naming it and the rule. */
export function wholeNumber(option: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) {
    throw new Error(`${option} must be a whole number of at least ${min}, got "${value}"`);
  }
  return n;
}

function list(value: string | undefined, all: readonly string[]): string[] {
  if (!value) return [...all];
  const chosen = value.split(',').map((s) => s.trim());
  const unknown = chosen.filter((c) => !all.includes(c));
  if (unknown.length) throw new Error(`unknown: ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return chosen;
}

function ensurePeers(log: (line: string) => void): void {
  const dir = join(projectRoot(), 'bench');
  if (existsSync(join(dir, 'node_modules', '@graphql-hive', 'router-runtime'))) return;
  log('installing the peer gateways into bench/node_modules (npm ci, once)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** The server's SQL statement count so far, or null when pg_stat_statements is not there. */
async function statementCount(db: Client): Promise<number | null> {
  try {
    const result = await db.query<{ calls: string }>(
      `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT ILIKE '%pg_stat_statements%'`,
    );
    return Number(result.rows[0].calls);
  } catch {
    return null;
  }
}

async function references(
  db: Client,
  gatewayUrl: string,
  log: (line: string) => void,
): Promise<BenchReferences> {
  // Every association, up to 5,000 (a dissolved one's page still answers), active ones with
  // grants (the fuller pages) first: a varied workload over fewer than 1,000 pages would let
  // a cache of a few answers carry it (issue 31).
  const ids = await db.query<{ id: string }>(
    `SELECT a.id FROM associations.association a
      ORDER BY a.status = 'ACTIVE' DESC,
               EXISTS (SELECT 1 FROM grants.grant_application g WHERE g.association_id = a.id) DESC,
               md5(a.id::text)
      LIMIT 5000`,
  );
  const municipalities = await db.query<{ code: string }>(
    `SELECT municipality_code AS code FROM associations.association GROUP BY 1 ORDER BY count(*) DESC LIMIT 10`,
  );
  const areas = await db.query<{ id: string }>(
    'SELECT id FROM associations.service_area ORDER BY id',
  );
  const years = await db.query<{ year: number }>(
    'SELECT DISTINCT year FROM grants.application_round ORDER BY year',
  );
  // Cursors of the first 30 directory pages, asked of the hub as a directory site would.
  const cursors: Array<string | null> = [null];
  for (let i = 0; i < 30; i++) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: DIRECTORY_QUERY,
        variables: { after: cursors[cursors.length - 1] },
      }),
    });
    const page = (await response.json()) as {
      data?: { associations: { pageInfo: { endCursor: string | null; hasNextPage: boolean } } };
    };
    const info = page.data?.associations.pageInfo;
    if (!info?.endCursor || !info.hasNextPage) break;
    cursors.push(info.endCursor);
  }
  const auth = readAuthConfig(new EnvReader('bench', {}), false);
  const staffTokens = await Promise.all(
    [1, 2, 3, 4, 5].map((i) => signDevToken(auth, { role: 'staff', subject: `bench-staff-${i}` })),
  );
  // Weekday evenings of the coming weeks.
  const evenings: Array<[string, string]> = [];
  for (let day = 1; evenings.length < 20; day++) {
    const d = new Date(Date.now() + day * 86_400_000);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    const iso = d.toISOString().slice(0, 10);
    evenings.push([
      fromHelsinkiLocal(`${iso}T17:00`).toISOString(),
      fromHelsinkiLocal(`${iso}T19:00`).toISOString(),
    ]);
  }
  log(
    `${ids.rows.length} associations and ${cursors.length} directory pages to vary requests over`,
  );
  return {
    associationIds: ids.rows.map((r) => r.id),
    cursors,
    municipalityCodes: municipalities.rows.map((r) => r.code),
    serviceAreaIds: areas.rows.map((r) => r.id),
    years: years.rows.map((r) => r.year),
    searchWords: [
      'urheilu',
      'kuoro',
      'partio',
      'eläkeläiset',
      'kylä',
      'teatteri',
      'lahti',
      'martat',
      'shakki',
      'perhe',
      'kielikahvila',
      'tanssi',
    ],
    evenings,
    staffTokens,
  };
}

interface Stack {
  subgraphs: BenchProcess[];
  /** The directory page's statements through plain pg (scripts/bench/sql-floor.ts). */
  sqlFloor: BenchProcess;
  gateways: Partial<Record<Gateway, BenchProcess>>;
  stop(): Promise<void>;
}

/** The six subgraphs on `databaseUrl`, and the chosen gateways in front of them. */
async function startStack(
  databaseUrl: string,
  gateways: readonly Gateway[],
  log: (line: string) => void,
): Promise<Stack> {
  const started: BenchProcess[] = [];
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop()));
  };
  try {
    for (const name of SUBGRAPH_NAMES) {
      const p = await startNodeProcess({
        name,
        args: ['--require', '@swc-node/register', `subgraphs/${name}/main.ts`],
        env: {
          DATABASE_URL: databaseUrl,
          [`${name.toUpperCase()}_PORT`]: '0',
          // Grants asks the associations subgraph (started first) for applicants' attributes.
          ...(started[0] ? { ASSOCIATIONS_URL: started[0].url } : {}),
        },
        ready: /subgraph ready at (\S+)/,
      });
      started.push(p);
    }
    const subgraphs = [...started];
    const urls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url]));
    log(`subgraphs: ${subgraphs.map((s) => `${s.name} ${s.url}`).join(', ')}`);
    const dir = join(projectRoot(), 'bench-results');
    mkdirSync(dir, { recursive: true });
    const supergraph = join(dir, 'supergraph.graphql');
    writeFileSync(supergraph, supergraphWithUrls(readFileSync(supergraphPath(), 'utf8'), urls));
    const subgraphEnv = Object.fromEntries(
      subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, s.url]),
    );
    const sqlFloor = await startNodeProcess({
      name: 'sql-floor',
      args: ['--require', '@swc-node/register', 'scripts/bench/sql-floor.ts'],
      env: { DATABASE_URL: databaseUrl, PORT: '0' },
      ready: /sql floor ready at (\S+)/,
    });
    started.push(sqlFloor);
    // Every server runs in the benchmark's own NODE_ENV (development unless set), the hub's
    // and the peers' alike: graphql-js checks more outside production.
    const result: Partial<Record<Gateway, BenchProcess>> = {};
    for (const gateway of gateways) {
      const hub = gateway === 'hub' || gateway === 'hub-cached';
      const p = await startNodeProcess({
        name: gateway,
        args: hub
          ? ['--require', '@swc-node/register', 'gateway/main.ts']
          : [
              join(
                'bench',
                'peers',
                gateway === 'apollo' ? 'apollo-gateway.mjs' : 'hive-gateway.mjs',
              ),
            ],
        env: hub
          ? {
              ...subgraphEnv,
              PORT: '0',
              GATEWAY_RATE_LIMIT: '0',
              GATEWAY_COST_BUDGET: '0',
              GATEWAY_RESPONSE_CACHE: String(gateway === 'hub-cached'),
            }
          : {
              PORT: '0',
              SUPERGRAPH_PATH: supergraph,
              ROUTER_RUNTIME: gateway === 'hive-router' ? '1' : '0',
            },
        ready: hub ? /gateway ready at (\S+)/ : /peer ready at (\S+)/,
      });
      started.push(p);
      result[gateway] = p;
    }
    return { subgraphs, sqlFloor, gateways: result, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sends one write every `everyMs` to `url` until stopped; `stop` says what the failed ones said. */
function startWrites(
  url: string,
  writes: { next: () => BenchRequest; everyMs: number },
): { stop(): Promise<string[]> } {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sent: Array<Promise<string | null>> = [];
  const timer = setInterval(() => {
    sent.push(post(target, agent, writes.next()).then(({ error }) => error));
  }, writes.everyMs);
  return {
    async stop() {
      clearInterval(timer);
      const errors = await Promise.all(sent);
      agent.destroy();
      return errors.filter((e): e is string => e !== null);
    },
  };
}

/**
 * Drives one target for one round, counting SQL statements and sampling its memory; with
 * `writes`, also sends one write every `writes.everyMs` to the same target (a failed write
 * counts as an error of the round: a cache that forgets must not break writes).
 */
async function measureRound(
  db: Client,
  url: string,
  next: () => BenchRequest,
  watch: BenchProcess,
  options: {
    concurrency: number;
    seconds: number;
    writes?: { next: () => BenchRequest; everyMs: number };
  },
): Promise<{ result: LoadResult; statements: number | null; peakRss: number }> {
  const before = await statementCount(db);
  let peakRss = watch.rssMiB();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, watch.rssMiB());
  }, 200);
  const writer = options.writes ? startWrites(url, options.writes) : null;
  const result = await drive(url, next, options);
  clearInterval(sampler);
  const writeErrors = (await writer?.stop()) ?? [];
  if (writeErrors.length) {
    result.errors += writeErrors.length;
    result.firstError ??= `write: ${writeErrors[0]}`;
  }
  const after = await statementCount(db);
  return {
    result,
    statements: before === null || after === null ? null : after - before,
    peakRss,
  };
}

async function prepareDatabase(
  adminUrl: string,
  associations: number,
  log: (line: string) => void,
): Promise<string> {
  const url = await ensureDatabase(adminUrl, `bench_${associations}`);
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
    const seeded = await db
      .query(`SELECT 1 FROM associations.seed_history WHERE name = 'scale'`)
      .then((r) => (r.rowCount ?? 0) > 0)
      .catch(() => false);
    if (seeded) return url;
  } finally {
    await db.end();
  }
  log(
    `generating ${associations} associations with their related data (once; kept for later runs)`,
  );
  await seedScale({ databaseUrl: url, associations, seed: 'bench', today: new Date(), log });
  return url;
}

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '10' },
      associations: { type: 'string', default: '1000' },
      scale: { type: 'string', default: '100000' },
      'rss-seconds': { type: 'string', default: '60' },
      'writes-per-minute': { type: 'string', default: '0' },
      operations: { type: 'string' },
      targets: { type: 'string' },
      workloads: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const seconds = wholeNumber('--seconds', values.seconds!, 1);
  const rounds = wholeNumber('--rounds', values.rounds!, 1);
  const concurrency = wholeNumber('--concurrency', values.concurrency!, 1);
  const size = wholeNumber('--associations', values.associations!, 1);
  const scale = wholeNumber('--scale', values.scale!, 0);
  const rssSeconds = wholeNumber('--rss-seconds', values['rss-seconds']!, 0);
  const writesPerMinute = wholeNumber('--writes-per-minute', values['writes-per-minute']!, 0);
  const operations = list(values.operations, OPERATION_NAMES) as OperationName[];
  const gateways = list(values.targets, GATEWAYS) as Gateway[];
  const workloads = list(values.workloads, ['identical', 'varied']) as Workload[];
  const jsonPath = values.json ?? join(projectRoot(), 'bench-results', 'latest.json');
  if (gateways.some((g) => !g.startsWith('hub'))) ensurePeers(log);

  // PostgreSQL: the given server, or an embedded one of the benchmark's own that counts
  // statements (pg_stat_statements must be loaded when the server starts).
  const env = process.env;
  let adminUrl = env.DATABASE_URL;
  let stopPostgres = async () => undefined as void;
  if (!adminUrl) {
    const dataDir = join(env.HUB_DATA_DIR ?? join(projectRoot(), '.hub-data'), 'bench-postgres');
    log(`starting embedded PostgreSQL (data in ${dataDir})`);
    const pg = await startEmbeddedPostgres({
      dataDir,
      port: Number(env.BENCH_POSTGRES_PORT ?? 54339),
      persistent: true,
      log,
      postgresFlags: [
        '-c',
        'shared_preload_libraries=pg_stat_statements',
        '-c',
        'max_connections=200',
      ],
    });
    adminUrl = pg.adminUrl;
    stopPostgres = () => pg.stop();
  }

  const measurements: Measurement[] = [];
  const checks: TargetCheck[] = [];
  const scaleRows: ScaleRow[] = [];
  let rss: MemoryRun | null = null;
  try {
    const databaseUrl = await prepareDatabase(adminUrl, size, log);
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const stack = await startStack(databaseUrl, [...new Set<Gateway>(['hub', ...gateways])], log);
    try {
      const refs = await references(db, stack.gateways.hub!.url, log);

      for (const workload of workloads) {
        for (const operation of operations) {
          const cells = new Map<
            string,
            { rounds: LoadResult[]; statements: number | null; rss: number }
          >();
          const targets: Array<{
            name: string;
            url: string;
            watch: BenchProcess;
            next: () => BenchRequest;
          }> = gateways.map((g) => ({
            name: g,
            url: stack.gateways[g]!.url,
            watch: stack.gateways[g]!,
            next: requestSource(operation, workload, refs),
          }));
          if (operation === 'directory') {
            // The directory's query is the associations subgraph's own: asked of it
            // directly (the same requests, identical or varied) it shows what the gateway
            // adds; the SQL floor answers the identical page only.
            const associations = stack.subgraphs.find((s) => s.name === 'associations')!;
            if (workload === 'identical') {
              const request = subgraphDirectoryRequest();
              targets.push({
                name: 'sql-floor',
                url: stack.sqlFloor.url,
                watch: stack.sqlFloor,
                next: () => request,
              });
            }
            targets.push({
              name: 'subgraph',
              url: associations.url,
              watch: associations,
              next: requestSource(operation, workload, refs),
            });
          }
          // Warm up every target (plans, caches, JIT), then rounds in a rotating order.
          for (const t of targets) await drive(t.url, t.next, { concurrency, seconds: 1 });
          for (let round = 0; round < rounds; round++) {
            for (let k = 0; k < targets.length; k++) {
              const t = targets[(k + round) % targets.length];
              const cell = cells.get(t.name) ?? { rounds: [], statements: 0, rss: 0 };
              cells.set(t.name, cell);
              // Writes go to the gateways only: the subgraph and the SQL floor keep no cache.
              const writes =
                writesPerMinute > 0 && (GATEWAYS as readonly string[]).includes(t.name)
                  ? { next: writeSource(refs), everyMs: 60_000 / writesPerMinute }
                  : undefined;
              const m = await measureRound(db, t.url, t.next, t.watch, {
                concurrency,
                seconds,
                writes,
              });
              cell.rounds.push(m.result);
              cell.statements =
                cell.statements === null || m.statements === null
                  ? null
                  : cell.statements + m.statements;
              cell.rss = Math.max(cell.rss, m.peakRss);
            }
          }
          for (const t of targets) {
            const cell = cells.get(t.name)!;
            const measured = summarise(
              { workload, operation, target: t.name },
              cell.rounds,
              cell.statements,
              cell.rss,
            );
            measurements.push(measured);
            log(
              `${workload} ${operation} ${t.name}: ${measured.reqPerSecond.toFixed(0)} req/s, p50 ${measured.p50.toFixed(1)} ms, errors ${measured.errors}${measured.firstError ? ` (${measured.firstError})` : ''}`,
            );
          }
        }
      }

      if (rssSeconds > 0) {
        // The soak: the varied association page (four subgraphs) through the hub, with
        // every process's memory watched, the gateway's and the six subgraphs'.
        log(`memory: the varied association page through the hub for ${rssSeconds} s`);
        const watched = [stack.gateways.hub!, ...stack.subgraphs];
        const watcher = watchMemory(watched);
        const soak = await drive(
          stack.gateways.hub!.url,
          requestSource('associationPage', 'varied', refs),
          { concurrency, seconds: rssSeconds },
        );
        rss = { seconds: rssSeconds, processes: watcher.stop().map(memoryLevel) };
        log(
          `memory: ${soak.requests} requests, ${soak.errors} errors${soak.firstError ? ` (${soak.firstError})` : ''}`,
        );
        for (const p of rss.processes) {
          log(
            `memory: ${p.name} RSS ${p.rssFirstMiB.toFixed(0)} → ${p.rssLastMiB.toFixed(0)} MiB, heap used ${p.heapFirstMiB?.toFixed(0) ?? '–'} → ${p.heapLastMiB?.toFixed(0) ?? '–'} MiB`,
          );
        }
      }
    } finally {
      await stack.stop();
      await db.end();
    }

    // Data size: list and search p95 at the main size and at `scale`, through the hub.
    if (scale > 0) {
      for (const associations of [size, scale]) {
        const url = await prepareDatabase(adminUrl, associations, log);
        const sdb = new Client({ connectionString: url });
        await sdb.connect();
        const sstack = await startStack(url, ['hub'], log);
        try {
          const refs = await references(sdb, sstack.gateways.hub!.url, log);
          for (const operation of ['directory', 'search'] as const) {
            const next = requestSource(operation, 'varied', refs);
            await drive(sstack.gateways.hub!.url, next, { concurrency, seconds: 1 });
            const results: LoadResult[] = [];
            let statements: number | null = 0;
            for (let round = 0; round < rounds; round++) {
              const m = await measureRound(
                sdb,
                sstack.gateways.hub!.url,
                next,
                sstack.gateways.hub!,
                { concurrency, seconds },
              );
              results.push(m.result);
              statements =
                statements === null || m.statements === null ? null : statements + m.statements;
            }
            const s = summarise(
              { workload: `varied, ${associations} associations`, operation, target: 'hub' },
              results,
              statements,
              0,
            );
            scaleRows.push({
              associations,
              operation,
              p95: s.p95,
              statementsPerRequest: s.statementsPerRequest,
            });
            log(
              `${associations} associations ${operation}: p95 ${s.p95.toFixed(1)} ms, ${s.statementsPerRequest?.toFixed(2) ?? '–'} SQL/req`,
            );
          }
        } finally {
          await sstack.stop();
          await sdb.end();
        }
      }
    }
  } finally {
    await stopPostgres();
  }

  // The issue's targets, from this run's own numbers.
  checks.push(
    ...issueTargets({ measurements, scale: scaleRows, rss, sizes: { small: size, large: scale } }),
  );

  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    settings: {
      seconds,
      rounds,
      concurrency,
      associations: size,
      scale,
      writesPerMinute,
      cacheMaxAgeSeconds: Number(env.CACHE_MAX_AGE_SECONDS ?? 60),
    },
    measurements,
    scale: scaleRows,
    rss,
    checks,
  };
  mkdirSync(join(jsonPath, '..'), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(
    `${markdownTable(measurements)}\n\n${targetLines(checks)}\n\nJSON: ${jsonPath}\n`,
  );
  return checks.every((c) => c.ok) ? 0 : 1;
}

if (require.main === module) runCommand(main);
