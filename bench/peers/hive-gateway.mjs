// Hive Gateway (@graphql-hive/gateway-runtime) with its defaults, over node:http as its
// deployment docs show; ROUTER_RUNTIME=1 plans with @graphql-hive/router-runtime (the Rust
// query planner) instead of the JavaScript one. The one setting added is passing the
// caller's Authorization header on to the subgraphs, as the hub's gateway does.
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const routerRuntime = process.env.ROUTER_RUNTIME === '1';
const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH,
  logging: process.env.HIVE_LOG ?? false,
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
  ...(routerRuntime
    ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler }
    : {}),
});
const server = createServer(gateway);
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`peer ready at http://127.0.0.1:${server.address().port}/graphql`);
});
