import type { DataSource, EntityManager } from 'typeorm';
import { migrationStatus } from '../database';
import type { LocalizedText } from '../types/localized-text.type';
import { finnishAnalyzer, type TermAnalyzer, textTerms, words } from './finnish-terms';

/**
 * Search terms for short documents kept whole in one row (announcements, guides), found as
 * the directory finds associations: a document's terms are every word's base forms and
 * compound parts in all its languages, a query word's its base forms, so "avustus" finds
 * "Toiminta-avustukset" and "avaimet" finds "avain". Stored with the analyzer's name, so
 * rows another analyzer made are analysed again (at start, see the subgraphs' prepare).
 */
export function localizedTerms(
  texts: ReadonlyArray<LocalizedText | null | undefined>,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): { searchTerms: string[]; searchTermsBy: string } {
  const text = texts
    .flatMap((t) => [t?.fi, t?.sv, t?.en])
    .filter(Boolean)
    .join('\n');
  return { searchTerms: textTerms(text, analyzer), searchTermsBy: analyzer.name };
}

/** Each word of a search (at most ten), as the terms it matches. */
export function searchWordTerms(
  search: string,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): string[][] {
  return words(search)
    .slice(0, 10)
    .map((word) => analyzer.queryTerms(word));
}

/**
 * SQL that a row's `search_terms` hold every word of a search: one overlap per word, each
 * served by the column's GIN index. Parameters are named `<prefix><i>`.
 */
export function allWordsCondition(
  column: string,
  wordTerms: readonly string[][],
  prefix: string,
): { sql: string; params: Record<string, string[]> } {
  return {
    sql: wordTerms.map((_, i) => `${column} && :${prefix}${i}::text[]`).join(' AND ') || 'TRUE',
    params: Object.fromEntries(wordTerms.map((terms, i) => [`${prefix}${i}`, terms])),
  };
}

/** A table whose rows keep a `title` and `body` and their terms (`search_terms`, `search_terms_by`). */
export type SearchTermsTable = 'communications.announcement' | 'cooperation.guide';

/**
 * Analyses every row of the table that has no terms, or another analyzer's, a batch at a
 * time: rows written before the terms, by the demo's SQL, or before this machine had
 * Voikko. A restamp is no edit: neither `updated_at` nor the version moves. Returns how many
 * it analysed.
 */
export async function analyseStale(
  db: EntityManager,
  table: SearchTermsTable,
  analyzer: TermAnalyzer = finnishAnalyzer(),
  batch = 200,
): Promise<number> {
  let done = 0;
  for (;;) {
    const rows: Array<{ id: string; title: LocalizedText; body: LocalizedText }> = await db.query(
      `SELECT id, title, body FROM ${table}
        WHERE search_terms_by IS DISTINCT FROM $1 ORDER BY id LIMIT $2`,
      [analyzer.name, batch],
    );
    for (const row of rows) {
      const { searchTerms } = localizedTerms([row.title, row.body], analyzer);
      await db.query(`UPDATE ${table} SET search_terms = $2, search_terms_by = $3 WHERE id = $1`, [
        row.id,
        searchTerms,
        analyzer.name,
      ]);
    }
    done += rows.length;
    if (rows.length < batch) return done;
  }
}

/**
 * Before a subgraph serves: the terms of its searchable table made current. Such tables are
 * small (announcements, the handbook), so this runs at start, once its migrations are in.
 */
export async function analyseAtStart(
  dataSource: DataSource,
  table: SearchTermsTable,
  log: (line: string) => void,
  analyzer: TermAnalyzer = finnishAnalyzer(),
): Promise<void> {
  if ((await migrationStatus(dataSource)).pending.length > 0) return;
  const done = await analyseStale(dataSource.manager, table, analyzer);
  if (done > 0) log(`${table} search terms: ${done} analysed with ${analyzer.name}`);
}
