import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { associationId } from '../../demo/data';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';
import { postGraphQL } from '../setup/test-hub';
import { startHubProcess } from '../setup/hub-process';

/** A span as OTLP/JSON carries it (the OpenTelemetry protocol's JSON encoding). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: Record<string, unknown> }>;
}

const SPAN_KIND = { SERVER: 2, CLIENT: 3 };

/**
 * An OTLP/HTTP trace receiver keeping what it is sent in memory: the collector a
 * deployment would run, reduced to the part the test reads.
 */
async function startReceiver(): Promise<{ url: string; spans: OtlpSpan[]; server: Server }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = JSON.parse(body) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
      };
      for (const resource of request.resourceSpans)
        for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

const attribute = (span: OtlpSpan, key: string) =>
  span.attributes?.find((a) => a.key === key)?.value;

/**
 * `npm start` with OTEL_EXPORTER_OTLP_ENDPOINT set: one request across two subgraphs is one
 * trace, continued from the caller's `traceparent`, from the gateway's server span through
 * Apollo's plan and fetch spans and each subgraph's server span down to the SQL statements,
 * every span's parent in the same trace.
 */
describe('tracing with OpenTelemetry', () => {
  let database: TestDatabase;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let hub: ChildProcess;
  let graphqlUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await startReceiver();
    const started = await startHubProcess({
      DATABASE_URL: database.url,
      HUB_DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-tracing-')),
      REMINDERS_AUTOMATIC: 'false',
      LOG_LEVEL: 'warn',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    hub = started.child;
    graphqlUrl = started.url;
  });

  afterAll(async () => {
    hub?.kill('SIGKILL');
    receiver?.server.close();
    await database?.drop();
  });

  async function spansOf(traceId: string, atLeast: (spans: OtlpSpan[]) => boolean) {
    const end = Date.now() + 60_000;
    for (;;) {
      const spans = receiver.spans.filter((s) => s.traceId === traceId);
      if (atLeast(spans) || Date.now() > end) return spans;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('gives one connected trace per request, from the caller to the SQL statements', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    // An association (associations subgraph) with its events (events subgraph).
    const answer = await postGraphQL(
      graphqlUrl,
      `query Page($id: ID!) { association(id: $id) { name { fi } events(first: 2) { totalCount } } }`,
      { id: associationId('lahden-urheiluseura') },
      { traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    expect(answer.body.errors).toBeUndefined();

    const isSql = (s: OtlpSpan) =>
      attribute(s, 'db.system')?.stringValue === 'postgresql' ||
      attribute(s, 'db.system.name')?.stringValue === 'postgresql';
    const spans = await spansOf(
      traceId,
      (all) => all.filter(isSql).length >= 2 && all.some((s) => s.name === 'gateway.request'),
    );
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    if (process.env.PRINT_TRACE) {
      const print = (parent: string | undefined, depth: number): string[] =>
        spans
          .filter((s) =>
            depth === 0 ? !byId.has(s.parentSpanId ?? '') : s.parentSpanId === parent,
          )
          .flatMap((s) => [
            `${'  '.repeat(depth)}${s.name} (kind ${s.kind})`,
            ...print(s.spanId, depth + 1),
          ]);
      process.stdout.write(`${print(undefined, 0).join('\n')}\n`);
    }

    // Connected: every span's parent is in this trace, but the one whose parent is the caller.
    const roots = spans.filter((s) => !s.parentSpanId || !byId.has(s.parentSpanId));
    expect(roots.map((s) => [s.kind, s.parentSpanId])).toEqual([[SPAN_KIND.SERVER, callerSpanId]]);

    const ancestry = (span: OtlpSpan): OtlpSpan[] => {
      const chain: OtlpSpan[] = [];
      for (let at = byId.get(span.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? ''))
        chain.push(at);
      return chain;
    };
    const fetches = spans.filter((s) => s.name === 'gateway.fetch');
    expect(fetches.length).toBeGreaterThanOrEqual(2);
    for (const fetchSpan of fetches) {
      expect(ancestry(fetchSpan).map((s) => s.name)).toContain('gateway.request');
    }
    // Each SQL statement sits under a subgraph's server span, under one of the gateway's fetches.
    const statements = spans.filter(isSql);
    expect(statements.length).toBeGreaterThanOrEqual(2);
    for (const statement of statements) {
      const chain = ancestry(statement);
      const serverIndex = chain.findIndex((s) => s.kind === SPAN_KIND.SERVER);
      expect(serverIndex).toBeGreaterThanOrEqual(0);
      expect(chain.slice(serverIndex + 1).map((s) => s.name)).toContain('gateway.fetch');
    }
    // Two subgraphs served it: statements under two different server spans.
    const servers = new Set(
      statements.map((s) => ancestry(s).find((a) => a.kind === SPAN_KIND.SERVER)!.spanId),
    );
    expect(servers.size).toBeGreaterThanOrEqual(2);
    // The statements' text is there, with placeholders, not the values.
    expect(JSON.stringify(statements)).not.toContain(associationId('lahden-urheiluseura'));
  });

  it('starts a new trace for a request without a traceparent, and traces no probe', async () => {
    const before = new Set(receiver.spans.map((s) => s.traceId));
    await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'));
    const answer = await postGraphQL(graphqlUrl, '{ serviceAreas { id } }');
    expect(answer.body.errors).toBeUndefined();
    const end = Date.now() + 60_000;
    let fresh: OtlpSpan[] = [];
    while (Date.now() < end) {
      fresh = receiver.spans.filter((s) => !before.has(s.traceId));
      if (fresh.some((s) => s.name === 'gateway.request')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const request = fresh.find((s) => s.name === 'gateway.request')!;
    const trace = fresh.filter((s) => s.traceId === request.traceId);
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId))).toHaveLength(1);
    expect(fresh.filter((s) => /\/ready|\/health/.test(JSON.stringify(s.attributes)))).toEqual([]);
  });
});
