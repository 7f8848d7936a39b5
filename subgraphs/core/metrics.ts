import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import express, { type Express, type Request, type Response } from 'express';
import { listen, type Listening } from './http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { EnvReader } from './env';

/**
 * Prometheus metrics of one service (prom-client), served at GET /metrics on the service's
 * own port. In production /metrics needs `Authorization: Bearer <METRICS_TOKEN>`, and is off
 * without a token: the figures say how the city's services are used and must not be public.
 */
export interface MetricsConfig {
  /** Off: /metrics answers 404. */
  enabled: boolean;
  /** When set, /metrics needs it as a bearer token. */
  token: string | undefined;
  /**
   * When set, /metrics is served on this port of its own (kept off the public port, e.g.
   * reachable only inside the cluster) and not on the service's port.
   */
  port?: number;
}

export function readMetricsConfig(reader: EnvReader, production: boolean): MetricsConfig {
  const token = reader.optional('METRICS_TOKEN');
  if (token !== undefined && token.length < 16) {
    reader.problem('METRICS_TOKEN must be at least 16 characters');
  }
  const port =
    reader.optional('METRICS_PORT') === undefined ? undefined : reader.port('METRICS_PORT', 0);
  return {
    enabled: reader.boolean(
      'METRICS_ENABLED',
      !production || token !== undefined || port !== undefined,
    ),
    token,
    port,
  };
}

/** How many operation names /metrics keeps apart; the rest are counted as "other". */
export const MAX_OPERATION_NAMES = 200;

export class ServiceMetrics {
  readonly registry = new Registry();
  readonly operations: Counter<'operation' | 'outcome'>;
  readonly operationSeconds: Histogram<'operation'>;
  readonly subgraphFetches: Counter<'subgraph' | 'outcome'>;
  readonly subgraphFetchSeconds: Histogram<'subgraph'>;
  readonly rateLimited: Counter;
  readonly cacheHits: Counter;
  readonly queryPlans: Counter<'outcome'>;
  readonly mergedRequests: Counter;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    this.operations = new Counter({
      name: 'hub_graphql_operations_total',
      help: 'GraphQL operations by name and outcome ("ok" or the first error code).',
      labelNames: ['operation', 'outcome'],
      registers: [this.registry],
    });
    this.operationSeconds = new Histogram({
      name: 'hub_graphql_operation_duration_seconds',
      help: 'How long GraphQL operations took, by name.',
      labelNames: ['operation'],
      buckets,
      registers: [this.registry],
    });
    this.subgraphFetches = new Counter({
      name: 'hub_subgraph_fetches_total',
      help: 'Gateway fetches from each subgraph by outcome ("ok", "http_<status>", "timeout", "unavailable").',
      labelNames: ['subgraph', 'outcome'],
      registers: [this.registry],
    });
    this.subgraphFetchSeconds = new Histogram({
      name: 'hub_subgraph_fetch_duration_seconds',
      help: 'How long gateway fetches from each subgraph took.',
      labelNames: ['subgraph'],
      buckets,
      registers: [this.registry],
    });
    this.rateLimited = new Counter({
      name: 'hub_rate_limited_requests_total',
      help: 'Requests refused with 429 by the rate limit.',
      registers: [this.registry],
    });
    this.cacheHits = new Counter({
      name: 'hub_response_cache_hits_total',
      help: 'Answers served from the response cache.',
      registers: [this.registry],
    });
    this.queryPlans = new Counter({
      name: 'hub_query_plan_cache_total',
      help: 'Query plans looked up in the gateway\'s plan cache, by outcome ("hit" or "miss").',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    this.mergedRequests = new Counter({
      name: 'hub_merged_requests_total',
      help: 'GraphQL requests answered with the answer of an identical one in flight (same document, variables and caller).',
      registers: [this.registry],
    });
  }

  /** Connections of a TypeORM pool: in use, idle and waited for, read at each scrape. */
  observePool(dataSource: DataSource): void {
    const pool = () =>
      (
        dataSource.driver as unknown as {
          master?: { totalCount: number; idleCount: number; waitingCount: number };
        }
      ).master;
    new Gauge({
      name: 'hub_db_pool_connections',
      help: 'Database pool connections by state: total, idle, waiting (clients queued for one).',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
  }

  /** A gauge read at each scrape, e.g. a job queue's depth. */
  observe(name: string, help: string, read: () => Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read().catch(() => NaN));
      },
    });
  }

  /**
   * Operation names are the client's choice: each new one would add series for good (2,400
   * names took a gateway's heap from 161 to 351 MB). The first MAX_OPERATION_NAMES well-formed
   * names of operations that ran are kept; later ones, malformed ones and those of requests
   * refused before running are counted together.
   */
  private readonly operationNames = new Set<string>();
  /** False when /metrics is off: nobody scrapes, so nothing is recorded. */
  private recording = true;

  /** The operation label for a name: itself while there is room, else a shared value. */
  operationLabel(name: string | null | undefined, ran: boolean): string {
    if (!name) return 'anonymous';
    if (!ran || !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** Times every operation: its name (bounded, see operationLabel) and "ok" or its first error code. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    const { operations, operationSeconds, cacheHits } = this;
    const recording = () => this.recording;
    const labelOf = (name: string | null | undefined, ran: boolean) =>
      this.operationLabel(name, ran);
    return {
      async requestDidStart() {
        const started = performance.now();
        return {
          async willSendResponse({ operationName, errors, response, operation }) {
            if (!recording()) return;
            if (
              response.http.headers.get('age') !== undefined &&
              response.http.headers.has('age')
            ) {
              cacheHits.inc();
            }
            const code = errors?.[0]?.extensions?.code;
            // An operation that was resolved in its document ran (or was refused by a rule).
            const label = labelOf(operationName, operation !== undefined);
            operations.inc({
              operation: label,
              outcome: typeof code === 'string' ? code : errors?.length ? 'ERROR' : 'ok',
            });
            operationSeconds.observe({ operation: label }, (performance.now() - started) / 1000);
          },
        };
      },
    };
  }

  /** GET /metrics, guarded as the config says. */
  /** /metrics on the service's own app, unless METRICS_PORT puts it on a port of its own. */
  mount(app: Express, config: MetricsConfig): void {
    this.recording = config.enabled;
    if (config.port === undefined) this.route(app, config);
  }

  /** With METRICS_PORT, /metrics alone on that port; the caller closes it at stop. */
  async listenOnOwnPort(config: MetricsConfig, host: string): Promise<Listening | null> {
    if (config.port === undefined) return null;
    const own = express();
    own.disable('x-powered-by');
    this.route(own, config);
    return listen(`The ${this.service} metrics endpoint`, own, host, config.port);
  }

  private route(app: Express, config: MetricsConfig): void {
    app.get('/metrics', async (req: Request, res: Response) => {
      if (!config.enabled) {
        res.status(404).json({ error: 'Metrics are off' });
        return;
      }
      if (config.token && req.headers.authorization !== `Bearer ${config.token}`) {
        res
          .status(401)
          .setHeader('www-authenticate', 'Bearer')
          .json({ error: 'Metrics need the metrics token' });
        return;
      }
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
  }
}
