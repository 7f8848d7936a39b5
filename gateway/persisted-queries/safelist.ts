import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Identity } from '../../subgraphs/core/identity';

/**
 * Persisted queries. Automatic persisted queries (APQ) are on by default: a client sends
 * the SHA-256 of a document instead of the document once the gateway has seen it. In
 * safelist mode the gateway runs only the documents of a manifest (the directory site's
 * and the web team's fixed queries): anything else is refused before planning, except for
 * admins, who explore the graph in GraphiQL.
 */

/** The manifest Apollo's `generate-persisted-query-manifest` writes, and `npm run safelist`. */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; body: string; name: string; type: string }>;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class SafelistFileError extends Error {
  constructor(path: string, problem: string) {
    super(`The safelist ${path} (GATEWAY_SAFELIST_PATH) ${problem}`);
    this.name = 'SafelistFileError';
  }
}

/** The documents of a manifest by their SHA-256; each id must be the hash of its body. */
export function loadSafelist(path: string): ReadonlyMap<string, string> {
  let manifest: PersistedQueryManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest;
  } catch (error) {
    throw new SafelistFileError(path, `cannot be read as JSON: ${(error as Error).message}`);
  }
  if (manifest?.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
    throw new SafelistFileError(path, 'is not an apollo-persisted-query-manifest of version 1');
  }
  const documents = new Map<string, string>();
  for (const [index, operation] of (manifest.operations ?? []).entries()) {
    if (typeof operation?.body !== 'string' || sha256(operation.body) !== operation.id) {
      throw new SafelistFileError(
        path,
        `has an operation (operations[${index}], ${operation?.name ?? 'unnamed'}) whose id is not the SHA-256 of its body`,
      );
    }
    documents.set(operation.id, operation.body);
  }
  return documents;
}

/**
 * The APQ store in safelist mode: it knows every manifest document by hash from the start
 * (so a client may send only hashes) and learns nothing else, so that registering a
 * document through APQ cannot smuggle it past the safelist.
 */
export function safelistDocumentStore(safelist: ReadonlyMap<string, string>) {
  // Apollo Server prefixes APQ keys with "apq:".
  return {
    async get(key: string): Promise<string | undefined> {
      return safelist.get(key.replace(/^apq:/, ''));
    },
    async set(): Promise<void> {},
    async delete(): Promise<boolean> {
      return false;
    },
  };
}

/** Refuses a document that is not on the safelist: after parsing, before any planning. */
export function safelistPlugin<TContext extends { identity: Identity; internal?: boolean }>(
  safelist: ReadonlyMap<string, string>,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          if (safelist.has(queryHash) || contextValue.internal) return;
          if (contextValue.identity.role === 'admin') return;
          throw new GraphQLError(
            'This gateway runs only the operations on its safelist; this document is not one of them (ask the hub team to add it)',
            { extensions: { code: 'OPERATION_NOT_IN_SAFELIST', http: { status: 400 } } },
          );
        },
      };
    },
  };
}

/** A manifest of the given documents, one operation per document, as `npm run safelist` writes it. */
export function manifestOf(
  documents: Array<{ name: string; body: string; type?: string }>,
): PersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: documents.map((d) => ({
      id: sha256(d.body),
      body: d.body,
      name: d.name,
      type: d.type ?? 'query',
    })),
  };
}
