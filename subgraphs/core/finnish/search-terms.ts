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

/** Where rows keep their title, body and terms (a repository). */
export interface SearchTermsStore {
  unanalysed(
    analyzer: string,
    limit: number,
  ): Promise<Array<{ id: string; title: LocalizedText; body: LocalizedText }>>;
  restampTerms(id: string, terms: string[], analyzer: string): Promise<void>;
}

/**
 * Analyses every row that has no terms, or another analyzer's, a batch at a time: for rows
 * written before the terms, by the demo's SQL, or before this machine had Voikko. Returns
 * how many it analysed.
 */
export async function analyseStale(
  store: SearchTermsStore,
  analyzer: TermAnalyzer = finnishAnalyzer(),
  batch = 200,
): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await store.unanalysed(analyzer.name, batch);
    for (const row of rows) {
      const { searchTerms } = localizedTerms([row.title, row.body], analyzer);
      await store.restampTerms(row.id, searchTerms, analyzer.name);
    }
    done += rows.length;
    if (rows.length < batch) return done;
  }
}
