import { basename, dirname } from 'node:path';
import { type Env, EnvReader } from './env';

export interface TracingConfig {
  /** OTLP/HTTP traces endpoint; tracing is off without one. */
  endpoint: string | undefined;
  serviceName: string;
  /** Share of new traces recorded (a caller's sampled flag is followed either way). */
  sampleRatio: number;
  /** How long spans wait to be sent together. */
  scheduleDelayMs: number;
}

/**
 * The service a process is, for its spans: OTEL_SERVICE_NAME, else from its entry point
 * (`subgraphs/events/main.ts` is hub-events, `gateway/main.ts` hub-gateway, `npm start` hub).
 */
function defaultServiceName(entry: string | undefined): string {
  const folder = entry ? basename(dirname(entry)) : '';
  const file = entry ? basename(entry).replace(/\.[jt]s$/, '') : '';
  return file === 'main' && folder ? `hub-${folder}` : 'hub';
}

/**
 * The standard OpenTelemetry variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_ENDPOINT, to which /v1/traces is added), OTEL_SERVICE_NAME,
 * OTEL_TRACES_SAMPLER_ARG (ratio, default 1) and OTEL_BSP_SCHEDULE_DELAY (ms, default 5000).
 */
export function loadTracingConfig(env: Env, entry = process.argv[1]): Readonly<TracingConfig> {
  const reader = new EnvReader('tracing', env);
  const base = reader.url('OTEL_EXPORTER_OTLP_ENDPOINT', undefined, ['http:', 'https:']);
  const endpoint =
    reader.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', undefined, ['http:', 'https:']) ??
    (base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined);
  const ratio = reader.optional('OTEL_TRACES_SAMPLER_ARG') ?? '1';
  const sampleRatio = Number(ratio);
  if (!/^\d*\.?\d+$/.test(ratio) || sampleRatio > 1) {
    reader.problem(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${ratio}"`);
  }
  return reader.done({
    endpoint,
    serviceName: reader.string('OTEL_SERVICE_NAME', defaultServiceName(entry)),
    sampleRatio,
    scheduleDelayMs: reader.int('OTEL_BSP_SCHEDULE_DELAY', 5_000, { min: 10, max: 600_000 }),
  });
}

/** The running process's own tracing settings, read before anything else is loaded. */
export function processTracingConfig(): Readonly<TracingConfig> {
  return loadTracingConfig(process.env);
}
