import { readFileSync } from 'node:fs';
import type { GraphQLField } from 'graphql';
import { Client } from 'pg';
import { associationId, serviceAreaId } from '../../demo/data';
import { supergraphPath } from '../../subgraphs/core/paths';
import { Random } from '../fuzz/hostile-values';
import { fuzzRequest, type FuzzRequest } from '../fuzz/operations';
import { supergraphApiSchema } from '../setup/supergraph-api';
import { startTestHub, type TestHub } from '../setup/test-hub';

/**
 * Schema-aware fuzzing through the gateway: every query and mutation of the composed
 * schema, called with hostile arguments as an anonymous caller, a representative and staff.
 * Seeded so a failure can be replayed: the rounds take their requests from four seeds in
 * turn (the first seed's alone found nothing new; issue 28 asked for three more in the
 * rotation), and FUZZ_SEED replays one of them alone. Fails on any HTTP 5xx, any
 * INTERNAL_SERVER_ERROR, any stack trace, SQL text or server path in an answer, and on any
 * row written or removed by a mutation that was refused.
 */
const SEEDS = process.env.FUZZ_SEED
  ? [Number(process.env.FUZZ_SEED)]
  : [20_261_202, 20_261_206, 20_280_229, 19_991_231];
const QUERY_ROUNDS = 10;
const MUTATION_ROUNDS = 6;

/** What must never reach a client: internals of PostgreSQL, Node or this server's files. */
const LEAKS = [
  /INTERNAL_SERVER_ERROR/,
  /stacktrace/i,
  /\/work\/|node_modules|\.ts:\d+|\bat [\w.<>]+ \(/,
  /syntax error at or near|violates [a-z -]*constraint|relation "[^"]+" does not exist/i,
  /invalid input syntax for type|out of range for type|QueryFailedError|column "[^"]+"/i,
];

interface Failure {
  seed: number;
  role: string;
  field: string;
  why: string;
  request: FuzzRequest;
  answer: string;
}

describe('fuzzing every operation of the composed schema', () => {
  let t: TestHub;
  let db: Client;
  let countsSql: string;
  const roles: Record<string, string | undefined> = { anonymous: undefined };
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestHub({ GATEWAY_RATE_LIMIT: '0', GATEWAY_RESPONSE_CACHE: 'false' });
    db = new Client({ connectionString: t.database.url });
    await db.connect();
    roles.representative = await t.token({
      role: 'representative',
      associationIds: [associationId('lahden-urheiluseura')],
    });
    roles.staff = await t.token({ role: 'staff', serviceAreaIds: [serviceAreaId('culture')] });
    // Real ids, so that some requests pass validation and reach the rules and the SQL.
    const { rows } = await db.query<{ id: string }>(`
      (SELECT id::text FROM associations.association LIMIT 8) UNION ALL
      (SELECT id::text FROM associations.service_area LIMIT 4) UNION ALL
      (SELECT id::text FROM facilities.space LIMIT 8) UNION ALL
      (SELECT id::text FROM facilities.reservation LIMIT 4) UNION ALL
      (SELECT id::text FROM events.event LIMIT 8) UNION ALL
      (SELECT id::text FROM grants.application_round LIMIT 4) UNION ALL
      (SELECT id::text FROM grants.grant_application LIMIT 4) UNION ALL
      (SELECT id::text FROM cooperation.survey LIMIT 3) UNION ALL
      (SELECT id::text FROM cooperation.survey_question LIMIT 4) UNION ALL
      (SELECT id::text FROM cooperation.indicator LIMIT 3) UNION ALL
      (SELECT id::text FROM cooperation.working_group LIMIT 2) UNION ALL
      (SELECT id::text FROM communications.announcement LIMIT 3)`);
    ids.push(...rows.map((r) => r.id));
    const tables = await db.query<{ name: string }>(`
      SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
       WHERE table_schema IN ('associations', 'facilities', 'grants', 'events', 'cooperation', 'communications')
         AND table_type = 'BASE TABLE' ORDER BY 1`);
    countsSql = `SELECT ARRAY[${tables.rows
      .map((r) => `(SELECT count(*) FROM ${r.name})`)
      .join(', ')}]::text AS counts`;
  });

  afterAll(async () => {
    await db.end();
    await t.stop();
  });

  const rowCounts = async () => (await db.query<{ counts: string }>(countsSql)).rows[0].counts;

  async function send(request: FuzzRequest, token: string | undefined) {
    const response = await fetch(t.hub.gateway.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(request),
    });
    return { status: response.status, text: await response.text() };
  }

  function judge(status: number, text: string): string | null {
    if (status >= 500) return `HTTP ${status}`;
    const leak = LEAKS.find((pattern) => pattern.test(text));
    return leak ? `leaks ${leak}` : null;
  }

  const refusedField = (text: string, field: string) => {
    try {
      const body = JSON.parse(text) as {
        data?: Record<string, unknown> | null;
        errors?: unknown[];
      };
      return (body.errors?.length ?? 0) > 0 && (body.data?.[field] ?? null) === null;
    } catch {
      return true;
    }
  };

  // A fixed amount of work, not a race: ~70 s on a quiet 2-core machine, over four minutes
  // beside another test run; the time limit only catches a hang.
  it('answers every hostile request with data or a clear refusal, and refusals write nothing', async () => {
    const schema = supergraphApiSchema(readFileSync(supergraphPath(), 'utf8'));
    // One generator per seed; round r draws from seed r mod 4, so every seed is exercised
    // at the same total amount of work as one seed was.
    const randoms = SEEDS.map((seed) => new Random(seed));
    const seedOf = (round: number) => SEEDS[round % SEEDS.length];
    const randomOf = (round: number) => randoms[round % randoms.length];
    const pools = { ids };
    const failures: Failure[] = [];
    let sent = 0;
    const queries = Object.values(schema.getQueryType()!.getFields());
    const mutations = Object.values(schema.getMutationType()!.getFields());

    // Queries write nothing: sent a few at a time.
    const queryJobs: Array<[number, string, GraphQLField<unknown, unknown>, FuzzRequest]> = [];
    for (let round = 0; round < QUERY_ROUNDS; round++) {
      for (const field of queries) {
        for (const role of Object.keys(roles)) {
          const request = fuzzRequest('query', field, randomOf(round), pools);
          queryJobs.push([seedOf(round), role, field, request]);
        }
      }
    }
    const workers = Array.from({ length: 6 }, async () => {
      for (let job = queryJobs.shift(); job; job = queryJobs.shift()) {
        const [seed, role, field, request] = job;
        const { status, text } = await send(request, roles[role]);
        sent++;
        const why = judge(status, text);
        if (why)
          failures.push({
            seed,
            role,
            field: field.name,
            why,
            request,
            answer: text.slice(0, 400),
          });
      }
    });
    await Promise.all(workers);

    // Mutations one at a time, with the row counts of every table checked after each.
    let counts = await rowCounts();
    for (let round = 0; round < MUTATION_ROUNDS; round++) {
      for (const field of mutations) {
        for (const [role, token] of Object.entries(roles)) {
          const request = fuzzRequest('mutation', field, randomOf(round), pools);
          const { status, text } = await send(request, token);
          sent++;
          const after = await rowCounts();
          const why =
            judge(status, text) ??
            (refusedField(text, field.name) && after !== counts
              ? 'a refused mutation changed row counts'
              : null);
          if (why)
            failures.push({
              seed: seedOf(round),
              role,
              field: field.name,
              why,
              request,
              answer: text.slice(0, 400),
            });
          counts = after;
        }
      }
    }

    // Every generated request went out: about two thousand with the rounds above.
    const roleCount = Object.keys(roles).length;
    expect(sent).toBe(
      roleCount * (QUERY_ROUNDS * queries.length + MUTATION_ROUNDS * mutations.length),
    );
    expect(sent).toBeGreaterThan(1500);
    // The first failures in full, each with its seed, so that it can be replayed.
    expect({ failures: failures.slice(0, 15), total: failures.length }).toEqual({
      failures: [],
      total: 0,
    });
  }, 900_000);
});
