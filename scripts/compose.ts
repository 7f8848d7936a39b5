import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSchemas, SCHEMA_DIR } from './supergraph';

/** `npm run compose`: rewrites schema/*.graphql from the code. Commit the result. */
async function main() {
  const { files } = await composeSchemas();
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    writeFileSync(join(SCHEMA_DIR, name), contents);
    console.log(`wrote schema/${name}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
