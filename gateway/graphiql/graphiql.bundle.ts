import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../subgraphs/core/paths';

/**
 * Bundles GraphiQL and React into static files the gateway serves: `app.js` and
 * `graphiql.css` (whose fonts and images are data URLs). A city's closed network can
 * use GraphiQL without reaching any CDN.
 */
export async function buildGraphiQL(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(projectRoot(), 'gateway/graphiql/browser/app.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  copyFileSync(
    join(projectRoot(), 'node_modules/graphiql/graphiql.min.css'),
    join(outDir, 'graphiql.css'),
  );
}
