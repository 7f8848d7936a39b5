import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { EXAMPLES_DIR } from '../gateway/examples/examples';
import { manifestOf, type PersistedQueryManifest } from '../gateway/persisted-queries/safelist';
import { runCommand } from './cli';

const USAGE = `usage: npm run -s safelist -- [--out <manifest.json>] [file.graphql | directory ...]

Writes a persisted-query manifest (Apollo's format) of the operations in the given .graphql
files (default: gateway/examples), for GATEWAY_SAFELIST_PATH. Each file holds one operation;
its "#" comment lines are left out, and clients send the body exactly as the manifest has it.`;

/** The .graphql files named, directories read one level deep, in a stable order. */
function graphqlFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.graphql'))
          .sort()
          .map((f) => join(path, f))
      : [path],
  );
}

/** One manifest operation per file; a file that does not parse is named in the error. */
export function buildManifest(paths: string[]): PersistedQueryManifest {
  const documents = graphqlFiles(paths).map((file) => {
    const body = readFileSync(file, 'utf8')
      .replace(/^#.*\n/gm, '')
      .trim();
    let operation: OperationDefinitionNode | undefined;
    try {
      operation = parse(body).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
    } catch (error) {
      throw new Error(`${file} is not a GraphQL document: ${(error as Error).message}`);
    }
    if (!operation) throw new Error(`${file} holds no operation`);
    return {
      body,
      name: operation.name?.value ?? basename(file, '.graphql'),
      type: operation.operation,
    };
  });
  return manifestOf(documents);
}

export async function main(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const manifest = buildManifest(positionals.length > 0 ? positionals : [EXAMPLES_DIR]);
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  if (values.out) {
    writeFileSync(values.out, json);
    process.stderr.write(`wrote ${manifest.operations.length} operations to ${values.out}\n`);
  } else {
    process.stdout.write(json);
  }
  return 0;
}

if (require.main === module) runCommand(main);
