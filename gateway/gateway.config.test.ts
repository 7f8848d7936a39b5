import { ConfigError } from '../subgraphs/core/env';
import { loadGatewayConfig } from './gateway.config';

describe('loadGatewayConfig: open data', () => {
  const production = {
    NODE_ENV: 'production',
    AUTH_JWKS_URL: 'https://login.example.fi/.well-known/jwks.json',
    PUBLIC_BASE_URL: 'https://yhdistykset.lahti.fi',
  };

  function problems(env: Record<string, string>): readonly string[] {
    try {
      loadGatewayConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  }

  it('refuses to start in production without the city as funder (an org-id.guide id)', () => {
    expect(problems(production)).toContain(
      "OPEN_DATA_FUNDER_ID is required when NODE_ENV=production: the city as org-id.guide names it, e.g. FI-PRO-<the city's Y-tunnus>",
    );
    expect(problems({ ...production, OPEN_DATA_FUNDER_ID: 'FI-PRO-0164374-1' })).toEqual([]);
  });

  it('refuses a made-up scheme or a Y-tunnus in the wrong shape', () => {
    expect(problems({ OPEN_DATA_FUNDER_ID: 'XI CITY' })).toEqual([
      'OPEN_DATA_FUNDER_ID must be an org-id.guide identifier such as FI-PRO-0164374-1, got "XI CITY"',
    ]);
    expect(problems({ OPEN_DATA_FUNDER_ID: 'FI-PRO-164374' })).toHaveLength(1);
  });

  it('needs PUBLIC_BASE_URL in production, where feeds must not link to localhost', () => {
    const withoutBase: Record<string, string> = { ...production };
    delete withoutBase.PUBLIC_BASE_URL;
    expect(problems({ ...withoutBase, OPEN_DATA_FUNDER_ID: 'FI-PRO-0164374-1' })).toEqual([
      'PUBLIC_BASE_URL is required when NODE_ENV=production, e.g. https://yhdistykset.lahti.fi',
    ]);
  });

  it('defaults to the demo city in development', () => {
    expect(loadGatewayConfig({}).openData).toEqual({
      prefix: '360G-city-association-hub',
      funderId: 'FI-PRO-0164374-1',
      funderName: 'Lahden kaupunki',
    });
  });
});

describe('loadGatewayConfig: subgraph replicas', () => {
  it('takes one URL or several separated by commas, and names a bad one', () => {
    const config = loadGatewayConfig({
      EVENTS_URL: 'http://events-a:4004/graphql, http://events-b:4004/graphql',
    });
    expect(config.subgraphUrls.events).toEqual([
      'http://events-a:4004/graphql',
      'http://events-b:4004/graphql',
    ]);
    expect(config.subgraphUrls.grants).toEqual(['http://localhost:4003/graphql']);
    expect(() => loadGatewayConfig({ GRANTS_URL: 'http://a/graphql,nonsense' })).toThrow(
      'GRANTS_URL must be a URL or URLs separated by commas, got "nonsense"',
    );
    expect(() => loadGatewayConfig({ GRANTS_URL: ' , ' })).toThrow(
      'GRANTS_URL must name at least one URL',
    );
  });
});

describe('loadGatewayConfig: cost budget', () => {
  it('gives each client 100,000 of query cost per minute by default, and 0 turns it off', () => {
    expect(loadGatewayConfig({}).costBudget).toEqual({ perMinute: 100_000 });
    expect(loadGatewayConfig({ GATEWAY_COST_BUDGET: '0' }).costBudget).toEqual({ perMinute: 0 });
  });

  it('refuses a budget that the costliest allowed query could never fit', () => {
    expect(() => loadGatewayConfig({ GATEWAY_COST_BUDGET: '10000' })).toThrow(
      /GATEWAY_COST_BUDGET \(10000\) must be 0 \(off\) or at least GATEWAY_MAX_COST \(25000\)/,
    );
    expect(
      loadGatewayConfig({ GATEWAY_COST_BUDGET: '10000', GATEWAY_MAX_COST: '5000' }).costBudget,
    ).toEqual({ perMinute: 10_000 });
  });
});
