import {
  type DocumentLimits,
  GATEWAY_DOCUMENT_LIMITS,
  readDocumentLimits,
} from '../../subgraphs/core/document-limits';
import type { EnvReader } from '../../subgraphs/core/env';

/** Limits against abusive queries, each configurable; refused before any planning. */
export interface QueryLimits extends DocumentLimits {
  bodyLimitBytes: number;
  introspection: boolean;
  /** Browser origins allowed to call the graph (CORS); empty: same origin only. */
  corsOrigins: string[];
  /** Automatic persisted queries (clients send a hash for a document seen before). */
  apq: boolean;
  /** A persisted-query manifest: when set, only its documents run (admins excepted). */
  safelistPath: string | undefined;
}

export function readQueryLimits(reader: EnvReader): QueryLimits {
  return {
    ...readDocumentLimits(reader, 'GATEWAY', GATEWAY_DOCUMENT_LIMITS),
    bodyLimitBytes: reader.int('GATEWAY_BODY_LIMIT_BYTES', 100_000, {
      min: 1_000,
      max: 50_000_000,
    }),
    introspection: reader.boolean('GATEWAY_INTROSPECTION', true),
    corsOrigins: corsOrigins(reader),
    apq: reader.boolean('GATEWAY_APQ', true),
    safelistPath: reader.optional('GATEWAY_SAFELIST_PATH'),
  };
}

/** CORS_ORIGINS: a comma-separated allow-list of origins such as https://yhdistykset.example. */
function corsOrigins(reader: EnvReader): string[] {
  const origins = (reader.optional('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      reader.problem(
        `CORS_ORIGINS must list origins like https://example.fi (no path), got "${origin}"`,
      );
    }
  }
  return origins;
}
