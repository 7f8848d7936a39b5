import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadGatewayConfig } from '../gateway/gateway.config';
import { type Env, EnvReader } from '../subgraphs/core/env';
import { projectRoot } from '../subgraphs/core/paths';
import {
  loadSubgraphConfig,
  SUBGRAPH_NAMES,
  type SubgraphName,
} from '../subgraphs/core/subgraph.config';
import { loadTracingConfig } from '../subgraphs/core/tracing.config';
import { readBookingConfig } from '../subgraphs/facilities/booking/booking.config';
import { readCommunicationsConfig } from '../subgraphs/communications/communications.config';

const root = projectRoot();
type Service = SubgraphName | 'gateway';

/**
 * Each deployable service as its entry point runs it: the source of its `main`, the
 * variable that says its port, and every config reader its `main` calls.
 */
const SERVICES: Record<Service, { entry: string; portVariable: string; load(env: Env): void }> = {
  gateway: {
    entry: 'gateway/main.ts',
    portVariable: 'PORT',
    load: (env) => loadGatewayConfig(env),
  },
  ...(Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      {
        entry: `subgraphs/${name}/main.ts`,
        portVariable: `${name.toUpperCase()}_PORT`,
        load(env: Env) {
          loadSubgraphConfig(name, env);
          const reader = new EnvReader(name, env);
          const production = reader.string('NODE_ENV', 'development') === 'production';
          if (name === 'facilities') reader.done(readBookingConfig(reader));
          if (name === 'communications') reader.done(readCommunicationsConfig(reader, production));
        },
      },
    ]),
  ) as Record<SubgraphName, { entry: string; portVariable: string; load(env: Env): void }>),
};

/** Loads a service's whole config from `values`, returning the variables it read. */
function configure(service: Service, values: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const env = new Proxy(values, {
    get(target, key) {
      if (typeof key === 'string') read.add(key);
      return Reflect.get(target, key) as unknown;
    },
  });
  SERVICES[service].load(env);
  loadTracingConfig(env, join(root, SERVICES[service].entry));
  return read;
}

/** The compiled entry point an image runs for a source file. */
const compiled = (source: string) => `dist/${source.replace(/\.ts$/, '.js')}`;

interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kubernetes' own nesting
  spec: any;
}

describe('deploy/kubernetes', () => {
  const dir = join(root, 'deploy', 'kubernetes');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const manifests: Manifest[] = files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((d) => d.toJS() as Manifest),
  );
  const find = (kind: string, name: string) =>
    manifests.find((m) => m.kind === kind && m.metadata.name === name);
  const config = find('ConfigMap', 'hub-config')!.data!;
  const secrets = find('Secret', 'hub-secrets')!.stringData!;
  const container = (name: string) => find('Deployment', name)!.spec.template.spec.containers[0];
  const envOf = (name: string): Record<string, string> => ({
    ...config,
    ...secrets,
    ...Object.fromEntries(
      (container(name).env ?? []).map((e: { name: string; value: string }) => [e.name, e.value]),
    ),
  });

  it.each(Object.keys(SERVICES) as Service[])(
    '%s: runs its entry point, on the port its config reads, probed on /ready and /health',
    (service) => {
      const deployment = find('Deployment', service);
      expect(deployment).toBeDefined();
      const c = container(service);
      expect(existsSync(join(root, SERVICES[service].entry))).toBe(true);
      expect(c.command.at(-1)).toBe(compiled(SERVICES[service].entry));
      const env = envOf(service);
      const http = c.ports.find((p: { name: string }) => p.name === 'http').containerPort;
      expect(String(http)).toBe(env[SERVICES[service].portVariable]);
      expect(find('Service', service)!.spec.ports[0]).toMatchObject({
        port: http,
        targetPort: 'http',
      });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      expect(c.livenessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      const metrics = c.ports.find((p: { name: string }) => p.name === 'metrics').containerPort;
      expect(String(metrics)).toBe(env.METRICS_PORT);
      expect(deployment!.spec.template.metadata.annotations['prometheus.io/port']).toBe(
        String(metrics),
      );
      // The grace period covers the drain delay and the wait for requests under way.
      expect(deployment!.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
        Number(env.SHUTDOWN_DELAY_MS) + Number(env.SHUTDOWN_TIMEOUT_MS),
      );
      expect(deployment!.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      });
      expect(c.resources.requests).toEqual(
        expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
      );
      expect(find('PodDisruptionBudget', service)).toBeDefined();
    },
  );

  it.each(Object.keys(SERVICES) as Service[])(
    '%s: starts in production with the ConfigMap and Secret, and sets nothing it does not read',
    (service) => {
      const read = configure(service, envOf(service));
      const own = (container(service).env ?? []).map((e: { name: string }) => e.name);
      expect(own.filter((name: string) => !read.has(name))).toEqual([]);
    },
  );

  it('puts in the ConfigMap and the Secret only what some service reads', () => {
    const read = new Set(
      (Object.keys(SERVICES) as Service[]).flatMap((s) => [...configure(s, envOf(s))]),
    );
    expect(Object.keys({ ...config, ...secrets }).filter((name) => !read.has(name))).toEqual([]);
  });

  it('points the gateway at each subgraph’s Service and port', () => {
    const env = envOf('gateway');
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(env[`${name.toUpperCase()}_URL`]);
      expect([name, url.hostname, url.port]).toEqual([
        name,
        name,
        String(find('Service', name)!.spec.ports[0].port),
      ]);
    }
    const graph = new URL(config.GRAPH_URL);
    expect([graph.hostname, graph.port]).toEqual([
      'gateway',
      String(find('Service', 'gateway')!.spec.ports[0].port),
    ]);
  });

  it('autoscales the gateway and the read-heavy subgraphs, and migrates in a Job of its own', () => {
    const scaled = manifests
      .filter((m) => m.kind === 'HorizontalPodAutoscaler')
      .map((m) => m.spec.scaleTargetRef.name)
      .sort();
    expect(scaled).toEqual(['associations', 'events', 'facilities', 'gateway']);
    for (const name of scaled) expect(find('Deployment', name)).toBeDefined();
    const job = find('Job', 'hub-migrate')!.spec.template.spec.containers[0];
    expect(job.command.at(-1)).toBe(compiled('scripts/migrate.ts'));
    expect(existsSync(join(root, 'scripts/migrate.ts'))).toBe(true);
    expect(config.MIGRATE_ON_START).toBe('false');
    const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as {
      resources: string[];
    };
    expect(kustomization.resources.sort()).toEqual(
      files.filter((f) => !['kustomization.yaml', 'migrate-job.yaml'].includes(f)).sort(),
    );
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      { command?: string[]; environment?: Record<string, string>; ports?: string[] }
    >;
  };
  /** `.env` as a user makes it: a copy of `.env.example`. */
  const example = Object.fromEntries(
    readFileSync(join(root, '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  /** Compose's `${NAME:-default}` with nothing exported: the default. */
  const interpolate = (value: string) => String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
  const envOf = (service: string): Record<string, string> => ({
    ...example,
    ...Object.fromEntries(
      Object.entries(compose.services[service].environment ?? {}).map(([k, v]) => [
        k,
        interpolate(v),
      ]),
    ),
  });

  it.each(Object.keys(SERVICES) as Service[])(
    '%s: runs its entry point, starts with what compose and .env.example give it, and sets only what it reads',
    (service) => {
      const definition = compose.services[service];
      expect(definition).toBeDefined();
      expect(definition.command).toEqual(['node', compiled(SERVICES[service].entry)]);
      const read = configure(service, envOf(service));
      expect(Object.keys(definition.environment ?? {}).filter((name) => !read.has(name))).toEqual(
        [],
      );
    },
  );

  it('points the gateway at each subgraph on the port that subgraph listens on', () => {
    const env = envOf('gateway');
    for (const name of SUBGRAPH_NAMES) {
      const url = new URL(env[`${name.toUpperCase()}_URL`]);
      expect([url.hostname, url.port]).toEqual([name, envOf(name)[`${name.toUpperCase()}_PORT`]]);
    }
    expect(compose.services.gateway.ports).toEqual([`${env.PORT}:${env.PORT}`]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds in one stage and runs as a non-root user on a slim image with the compiled code', () => {
    expect(dockerfile.match(/^FROM /gm)!.length).toBeGreaterThanOrEqual(2);
    expect(runtime).toMatch(/^\s*FROM node:20-bookworm-slim\s*$/m);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist \.\/dist/);
    expect(runtime).toMatch(/COPY --from=build \/app\/schema \.\/schema/);
    const cmd = JSON.parse(/^CMD (.*)$/m.exec(runtime)![1]) as string[];
    expect(cmd.at(-1)).toBe(compiled(SERVICES.gateway.entry));
  });

  it('installs Voikko in the image the services run in, for the Finnish search', () => {
    expect(runtime).toMatch(/apt-get install[^\n]*libvoikko1 voikko-fi/);
  });
});

describe('deploy/router/router.yaml', () => {
  const router = parse(readFileSync(join(root, 'deploy', 'router', 'router.yaml'), 'utf8')) as {
    limits: { router: Record<string, number> };
    demand_control: { strategy: { static_estimated: { max: number } } };
    traffic_shaping: { all: { timeout: string } };
    override_subgraph_url: Record<string, string>;
  };
  const gateway = loadGatewayConfig({});

  it('gives Apollo Router the Node gateway’s limits and the same subgraphs', () => {
    expect(router.limits.router).toEqual({
      http_max_request_bytes: gateway.limits.bodyLimitBytes,
      parser_max_tokens: gateway.limits.maxTokens,
      max_depth: gateway.limits.maxDepth,
      max_aliases: gateway.limits.maxAliases,
      max_height: gateway.limits.maxSelections,
    });
    expect(router.demand_control.strategy.static_estimated.max).toBe(gateway.limits.maxCost);
    expect(router.traffic_shaping.all.timeout).toBe(`${gateway.subgraphTimeoutMs / 1000}s`);
    expect(Object.keys(router.override_subgraph_url).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    const supergraph = readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8');
    for (const name of SUBGRAPH_NAMES) expect(supergraph).toMatch(new RegExp(`name: "${name}"`));
  });
});
