import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder with package.json, whether running from sources or from dist/. */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function supergraphPath(): string {
  return join(projectRoot(), 'schema', 'supergraph.graphql');
}
