import type { SelectQueryBuilder } from 'typeorm';
import type { Association } from './association.entity';

/**
 * Turns what a person types into SQL over the search columns of the directory migration.
 * Each word must match in one of four ways (the fourth: base forms, see applySearch):
 *  - full text, stemmed in Finnish, Swedish and English: "urheiluseuran" finds
 *    "Urheiluseura", "vertaisryhmissä" a description's "vertaisryhmät" (GIN, search_document);
 *  - a part of a name: "urheil" or the "seura" inside the compound "Urheiluseura"
 *    (trigram index, LIKE);
 *  - a near miss: "urheilusuera" (trigram index, word similarity), for words of 4+ letters.
 * Full text matches whole stems, not prefixes, for words of 3+ letters: the planner
 * estimates prefix queries so poorly that it would scan the table; the trigram half covers
 * prefixes. One- and two-letter words, which trigrams cannot index, match as prefixes.
 */
export const MAX_SEARCH_WORDS = 10;

/**
 * A search matching more associations than this is counted up to here and then estimated
 * (`totalCountIsEstimate`): a common word matches a third of a large directory, and its
 * exact count would cost more than the page itself.
 */
export const EXACT_SEARCH_COUNT = 1000;

/**
 * The words of a search: letters and digits only, so neither tsquery syntax (& | ! : *)
 * nor LIKE wildcards (% _) can reach SQL as anything but a word boundary.
 */
export function searchWords(search: string): string[] {
  return search
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A tsquery matching `param` (a word, or "word:*") in any of the directory's languages. */
function anyLanguage(param: string): string {
  return `(to_tsquery('finnish', :${param}) || to_tsquery('swedish', :${param}) || to_tsquery('english', :${param}))`;
}

export interface SearchSql {
  /** A numeric relevance expression for ordering (higher is better). */
  rank: string;
}

/**
 * Adds the search conditions to `q` and returns the rank expression for the same words.
 * `baseForms[i]` are word i's base forms by the Finnish analyzer (core/finnish): a fourth
 * way to match, against every association's analysed terms, which finds compound parts
 * ("partio" in "Partiotoimintaa"), consonant gradation ("hiihdon" → hiihto) and the texts of
 * activities and category names.
 */
export function applySearch(
  q: SelectQueryBuilder<Association>,
  words: string[],
  baseForms: string[][] = words.map((w) => [w]),
  rankTerms?: string[][],
): SearchSql {
  const params: Record<string, unknown> = { searchText: words.join(' ') };
  const termRanks: string[] = [];
  words.forEach((word, i) => {
    params[`sq${i}`] = word.length >= 3 ? word : `${word}:*`;
    params[`st${i}`] = baseForms[i];
    const ways = [
      `a.search_document @@ ${anyLanguage(`sq${i}`)}`,
      `a.search_terms && :st${i}::text[]`,
    ];
    // In a name or category, a word says more about what the association is than elsewhere.
    termRanks.push(
      `(CASE WHEN a.search_name_terms && :st${i}::text[] THEN 0.5 WHEN a.search_terms && :st${i}::text[] THEN 0.2 ELSE 0 END)`,
    );
    // An analyzer matching on fragments: each longer beginning shared adds a little.
    if (rankTerms?.[i]?.length) {
      params[`sr${i}`] = rankTerms[i];
      termRanks.push(
        `0.02 * (SELECT count(*) FROM unnest(:sr${i}::text[]) AS t(term) WHERE t.term = ANY(a.search_terms))`,
      );
    }
    // Trigram indexes cannot help with one- and two-letter fragments; full text still can.
    if (word.length >= 3) {
      params[`sl${i}`] = `%${word}%`;
      ways.push(`a.search_names LIKE :sl${i}`);
    }
    if (word.length >= 4) {
      params[`sw${i}`] = word;
      ways.push(`:sw${i} <% a.search_names`);
    }
    q.andWhere(`(${ways.join(' OR ')})`);
  });
  q.setParameters(params);
  const anyWord = words.map((_, i) => anyLanguage(`sq${i}`)).join(' || ');
  // Rounded to a fixed scale so the value survives a cursor round trip exactly.
  return {
    rank: `round((ts_rank(a.search_document, ${anyWord}) + word_similarity(:searchText, a.search_names) + ${termRanks.join(' + ')})::numeric, 6)`,
  };
}
