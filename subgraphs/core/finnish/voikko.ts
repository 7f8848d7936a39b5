import type { LibraryHandle } from 'koffi';

/** One reading of a word by Voikko's Finnish morphology (voikko-fi). */
export interface VoikkoAnalysis {
  /** The base form, e.g. "liikuntakerho" for "liikuntakerhoja". */
  baseForm: string;
  /**
   * The word's parts with their base forms, e.g. "+liiku(liikkua)+nta(+ta)+kerho(kerho)":
   * compound parts start with "+", derivational endings have a base starting with "+".
   */
  wordBases: string | null;
}

export interface Voikko {
  analyze(word: string): VoikkoAnalysis[];
}

/** Where Debian's libvoikko1 puts the library; the dictionary (voikko-fi) is found by it. */
const LIBRARY = 'libvoikko.so.1';

/**
 * Libvoikko through koffi (a foreign-function interface with prebuilt binaries in its npm
 * package, nothing compiled here), or null when the library or its Finnish dictionary is
 * not installed (`apt-get install libvoikko1 voikko-fi`): search then works without it.
 */
export function loadVoikko(library = LIBRARY): Voikko | null {
  let koffi: typeof import('koffi');
  let lib: LibraryHandle;
  try {
    // Loaded here, not at the top: a platform koffi has no binary for still starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    koffi = require('koffi') as typeof import('koffi');
    lib = koffi.load(library);
  } catch {
    return null;
  }
  const init = lib.func(
    'void *voikkoInit(_Out_ const char **error, const char *langcode, const char *path)',
  );
  const analyzeWord = lib.func('void **voikkoAnalyzeWordCstr(void *handle, const char *word)');
  const freeValue = lib.func('void voikko_free_mor_analysis_value_cstr(char *value)');
  // A string Voikko allocated: copied into JavaScript, then given back to Voikko to free.
  // Anonymous: koffi's type names are process-wide, and a test runner loads this more than once.
  const VoikkoString = koffi.disposable('str', freeValue);
  const value = lib.func('voikko_mor_analysis_value_cstr', VoikkoString, ['void *', 'str']);
  const freeAnalyses = lib.func('void voikko_free_mor_analysis(void **analyses)');
  const error: [string | null] = [null];
  const handle = init(error, 'fi', null);
  if (!handle) return null;
  return {
    analyze(word) {
      const analyses = analyzeWord(handle, word);
      if (!analyses) return [];
      try {
        const found: VoikkoAnalysis[] = [];
        for (let i = 0; ; i++) {
          const analysis = koffi.decode(analyses, i * koffi.sizeof('void *'), 'void *');
          if (!analysis) break;
          const baseForm = value(analysis, 'BASEFORM') as string | null;
          if (baseForm) {
            found.push({ baseForm, wordBases: value(analysis, 'WORDBASES') as string | null });
          }
        }
        return found;
      } finally {
        freeAnalyses(analyses);
      }
    },
  };
}
