import '../subgraphs/core/tracing-register';
import { ConfigError } from '../subgraphs/core/env';
import { loadGatewayConfig } from './gateway.config';
import { startGateway } from './gateway';
import { stopOnSignals } from '../subgraphs/core/lifecycle';
import { stopTracing } from '../subgraphs/core/tracing';

async function main() {
  const config = loadGatewayConfig(process.env);
  const gateway = await startGateway(config);
  console.log(`gateway ready at ${gateway.graphqlUrl}`);
  stopOnSignals({
    drain: () => gateway.drain(),
    shutdown: config.shutdown,
    stop: () => gateway.stop().then(stopTracing),
    log: (line) => console.log(`gateway: ${line}`),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
