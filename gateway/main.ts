import { ConfigError } from '../subgraphs/core/env';
import { loadGatewayConfig } from './gateway.config';
import { startGateway } from './gateway';

async function main() {
  const config = loadGatewayConfig(process.env);
  const gateway = await startGateway(config);
  console.log(`gateway ready at ${gateway.graphqlUrl}`);
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
