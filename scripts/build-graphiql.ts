import { join } from 'node:path';
import { buildGraphiQL } from '../gateway/graphiql/graphiql.bundle';
import { projectRoot } from '../subgraphs/core/paths';
import { runCommand } from './cli';

/** `npm run build` step: GraphiQL into dist/graphiql, served by the gateway at /graphiql. */
runCommand(async () => {
  const outDir = join(projectRoot(), 'dist', 'graphiql');
  await buildGraphiQL(outDir);
  process.stdout.write(`GraphiQL built into ${outDir}\n`);
  return 0;
});
