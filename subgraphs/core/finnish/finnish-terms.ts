import { loadVoikko, type Voikko, type VoikkoAnalysis } from './voikko';

/**
 * Turns Finnish text into the terms a search matches on: for each word its base forms and,
 * for a compound, its parts ("liikuntakerhoja" → liikuntakerho, liikunta, kerho;
 * "hiihdon" → hiihto; "marttojen" → martta). Documents and queries go through the same
 * analyzer, so an inflected query word meets a differently inflected document word, and a
 * compound part ("partio") meets the compound ("Partiotoimintaa").
 */
export interface TermAnalyzer {
  /** Which analyzer built a set of terms: terms of one are not comparable with another's. */
  readonly name: string;
  /** A document word's terms: itself, its base forms and compound parts, lower-case. */
  wordTerms(word: string): string[];
  /**
   * A query word's terms: itself and its base forms, not its parts ("partiotoiminta" must
   * not find everything with "toiminta" in it).
   */
  queryTerms(word: string): string[];
  /**
   * Terms whose every match adds a little to a result's rank: how much of a query word a
   * document word shares, where an analyzer matches on fragments. Unset, nothing is added.
   */
  rankTerms?(word: string): string[];
}

/** The words of a text: letters and digits, lower-cased. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * The compound parts of one Voikko reading, as base forms. "+liiku(liikkua)+nta(+ta)+kerho(kerho)"
 * has two parts: "liiku"+"nta" (a derivation, so its surface form "liikunta"), and "kerho";
 * the last part is the base form's tail, so an inflected last part is in its base form too.
 */
export function compoundParts(analysis: VoikkoAnalysis): string[] {
  if (!analysis.wordBases) return [];
  const segments = [...analysis.wordBases.matchAll(/\+([^+(]*)\(([^)]*)\)/g)].map((m) => ({
    surface: m[1],
    base: m[2],
  }));
  const parts: string[] = [];
  for (const segment of segments) {
    if (segment.base.startsWith('+') && parts.length > 0)
      parts[parts.length - 1] += segment.surface;
    else parts.push(segment.surface);
  }
  // Voikko marks compounds inside one dictionary word with "=": maahan=muuttaja.
  const inner = segments.length === 1 ? segments[0].base.split('=') : [];
  if (inner.length > 1) return inner.map((p) => p.toLowerCase());
  if (parts.length < 2) return [];
  const base = analysis.baseForm.toLowerCase();
  const head = parts.slice(0, -1).join('').toLowerCase();
  const last = base.startsWith(head) ? base.slice(head.length) : parts[parts.length - 1];
  return [...parts.slice(0, -1).map((p) => p.toLowerCase()), last.toLowerCase()].filter(
    (p) => p.length >= 3,
  );
}

/** Voikko's readings: every base form and compound part; an unknown word stays as it is. */
export function voikkoAnalyzer(voikko: Voikko, cacheSize = 50_000): TermAnalyzer {
  const cache = new Map<string, { word: string[]; query: string[] }>();
  const analyze = (word: string) => {
    const cached = cache.get(word);
    if (cached) return cached;
    const bases = new Set([word]);
    const parts = new Set<string>();
    for (const analysis of voikko.analyze(word)) {
      bases.add(analysis.baseForm.toLowerCase());
      for (const part of compoundParts(analysis)) parts.add(part);
    }
    const result = { word: [...new Set([...bases, ...parts])], query: [...bases] };
    // Words repeat across documents: a bounded cache, emptied when full.
    if (cache.size >= cacheSize) cache.clear();
    cache.set(word, result);
    return result;
  };
  return {
    name: 'voikko',
    wordTerms: (word) => analyze(word).word,
    queryTerms: (word) => analyze(word).query,
  };
}

/** The length of the fragments the fallback analyzer matches on. */
const FRAGMENT = 4;

/**
 * Without Voikko, no dictionary says what a word's base form or compound parts are; what
 * every inflected form and every compound keeps is its letters. A document word's terms are
 * itself and every four-letter fragment of it; a query word's, itself and its first four
 * letters. So a query word's beginning meets the same letters anywhere in a document word:
 * an inflection that keeps the stem ("kylätoimintaa" → "kylä…" in "kylätoiminta"), a
 * compound part ("partio" in "Partiotoimintaa"), and the strong and weak grades that share
 * their first letters ("hiihdon" and "hiihtoa", "marttojen" and "Martat"). It finds more
 * than Voikko, the right ones first: full text and name similarity still rank.
 */
export const plainAnalyzer: TermAnalyzer = {
  name: 'fragments-4',
  wordTerms: (word) => {
    if (word.length <= FRAGMENT) return [word];
    const terms = new Set([word]);
    for (let i = 0; i + FRAGMENT <= word.length; i++) terms.add(word.slice(i, i + FRAGMENT));
    return [...terms, ...prefixes(word)];
  },
  queryTerms: (word) => (word.length <= FRAGMENT ? [word] : [word, word.slice(0, FRAGMENT)]),
  rankTerms: prefixes,
};

/**
 * A word's beginnings longer than a fragment: the longer the beginning a query word shares
 * with a document word, the likelier the same word inflected ("ikäihmiset" shares
 * "ikäihmis" with "ikäihmisten", only "ikäi" with "kaikenikäisille").
 */
function prefixes(word: string): string[] {
  const found: string[] = [];
  for (let n = FRAGMENT + 1; n < word.length; n++) found.push(word.slice(0, n));
  return found;
}

let loaded: TermAnalyzer | undefined;

/**
 * Sets the analyzer this process uses instead of loading one: for a test of the search
 * without Voikko on a machine that has it. Before the subgraph starts.
 */
export function useFinnishAnalyzer(analyzer: TermAnalyzer): void {
  loaded = analyzer;
}

/** Voikko when this machine has it, else the fallback analyzer; loaded once per process. */
export function finnishAnalyzer(): TermAnalyzer {
  if (!loaded) {
    const voikko = loadVoikko();
    loaded = voikko ? voikkoAnalyzer(voikko) : plainAnalyzer;
  }
  return loaded;
}

/** Every term of a text, each once. */
export function textTerms(text: string, analyzer: TermAnalyzer): string[] {
  const terms = new Set<string>();
  for (const word of words(text)) for (const term of analyzer.wordTerms(word)) terms.add(term);
  return [...terms];
}
