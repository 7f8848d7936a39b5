import { loadTracingConfig } from './tracing.config';

describe(loadTracingConfig.name, () => {
  it('is off without an endpoint and names the service from its entry point', () => {
    expect(loadTracingConfig({}, '/app/dist/subgraphs/events/main.js')).toEqual({
      endpoint: undefined,
      serviceName: 'hub-events',
      sampleRatio: 1,
      scheduleDelayMs: 5_000,
    });
    expect(loadTracingConfig({}, '/app/gateway/main.ts').serviceName).toBe('hub-gateway');
    expect(loadTracingConfig({}, '/app/scripts/start.ts').serviceName).toBe('hub');
  });

  it('sends to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces unless the traces endpoint is given', () => {
    const base = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' };
    expect(loadTracingConfig(base).endpoint).toBe('http://collector:4318/v1/traces');
    expect(
      loadTracingConfig({
        ...base,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example.fi/traces',
        OTEL_SERVICE_NAME: 'hub-gateway-eu',
      }),
    ).toMatchObject({ endpoint: 'https://otel.example.fi/traces', serviceName: 'hub-gateway-eu' });
  });

  it('names a bad sampling ratio or endpoint', () => {
    expect(() =>
      loadTracingConfig({
        OTEL_TRACES_SAMPLER_ARG: '1.5',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector',
      }),
    ).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT must be a URL.*\n.*OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "1.5"/s,
    );
  });
});
