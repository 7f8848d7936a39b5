import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from './tracing.config';

/** Probes and scrapes are polled every few seconds: traces of them would bury the rest. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

let provider: NodeTracerProvider | null = null;

/**
 * Starts tracing when an endpoint is configured: one trace per request from the gateway's
 * HTTP server span through Apollo's plan and fetch spans, each subgraph fetch (W3C
 * `traceparent` sent along), the subgraph's server span, to each SQL statement. Must run
 * before http, undici and pg are loaded: each entry point imports `tracing-register` first.
 */
export function startTracing(config: TracingConfig): void {
  if (!config.endpoint || provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint }), {
        scheduledDelayMillis: config.scheduleDelayMs,
      }),
    ],
  });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
      }),
      new UndiciInstrumentation(),
      // Statements only as text with placeholders: values a user entered stay out of traces.
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
    ],
  });
}

/** Sends the spans still waiting, then stops; called last when a process stops. */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = null;
  await stopping?.shutdown();
}
