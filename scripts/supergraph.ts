import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { join } from 'node:path';
import { DEFAULT_SUBGRAPH_PORTS } from '../subgraphs/core/subgraph.config';
import { buildSubgraphSchemaOf } from '../subgraphs/core/subgraph';
import { projectRoot } from '../subgraphs/core/paths';
import { ALL_SUBGRAPHS } from '../subgraphs/all';
import { cachePolicies } from './cache-policies';

export const SCHEMA_DIR = join(projectRoot(), 'schema');

export interface ComposedSchemas {
  /** File name under schema/ → contents. */
  files: Record<string, string>;
}

/**
 * Prints each subgraph's SDL and composes the supergraph from them. The URLs written into
 * the supergraph are the local defaults; the gateway replaces them from its config.
 */
export async function composeSchemas(): Promise<ComposedSchemas> {
  const files: Record<string, string> = {};
  const services = [];
  for (const definition of ALL_SUBGRAPHS) {
    const sdl = printSubgraphSchema(await buildSubgraphSchemaOf(definition));
    files[`${definition.name}.graphql`] = `${sdl}\n`;
    services.push({
      name: definition.name,
      typeDefs: parse(sdl),
      url: `http://localhost:${DEFAULT_SUBGRAPH_PORTS[definition.name]}/graphql`,
    });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  files['supergraph.graphql'] = `${result.supergraphSdl}\n`;
  // For Apollo Client users: new InMemoryCache(policies). Generated, so it cannot drift.
  files['apollo-cache-policies.json'] =
    `${JSON.stringify(cachePolicies(result.supergraphSdl), null, 2)}\n`;
  return { files };
}
