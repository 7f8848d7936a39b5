/**
 * Imported first by every entry point (npm start, the gateway's and each subgraph's main):
 * tracing has to hook http, undici and pg before anything loads them. Off unless an OTLP
 * endpoint is configured.
 */
import { ConfigError } from './env';
import { startTracing } from './tracing';
import { processTracingConfig } from './tracing.config';

try {
  startTracing(processTracingConfig());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
