import { compoundParts, plainAnalyzer, textTerms, voikkoAnalyzer } from './finnish-terms';
import { loadVoikko } from './voikko';
import { describeWithVoikko } from '../../../tests/setup/voikko';

describe(compoundParts.name, () => {
  it('joins derivations to their part and takes the last part from the base form', () => {
    expect(
      compoundParts({
        baseForm: 'liikuntakerho',
        wordBases: '+liiku(liikkua)+nta(+ta)+kerho(kerho)',
      }),
    ).toEqual(['liikunta', 'kerho']);
    expect(
      compoundParts({
        baseForm: 'partiotoiminta',
        wordBases: '+partio(partio)+toimi(toimia)+n+ta(+ta)',
      }),
    ).toEqual(['partio', 'toiminta']);
    expect(
      compoundParts({ baseForm: 'maahanmuuttaja', wordBases: '+maahanmuuttaja(maahan=muuttaja)' }),
    ).toEqual(['maahan', 'muuttaja']);
    expect(compoundParts({ baseForm: 'hiihto', wordBases: '+hiih(hiihtää)+to(+to)' })).toEqual([]);
    expect(compoundParts({ baseForm: 'ry', wordBases: null })).toEqual([]);
  });
});

describe('without Voikko', () => {
  it('finds no library and falls back to plain words, so the hub starts anyway', () => {
    expect(loadVoikko('libvoikko-not-installed.so.9')).toBeNull();
  });
});

describe('plainAnalyzer', () => {
  it('gives a document word itself, its four-letter fragments and longer beginnings, a query word its beginning', () => {
    expect(textTerms('Lahden Urheiluseura, Lahden!', plainAnalyzer)).toEqual([
      'lahden',
      'lahd',
      'ahde',
      'hden',
      'lahde',
      'urheiluseura',
      'urhe',
      'rhei',
      'heil',
      'eilu',
      'ilus',
      'luse',
      'useu',
      'seur',
      'eura',
      'urhei',
      'urheil',
      'urheilu',
      'urheilus',
      'urheiluse',
      'urheiluseu',
      'urheiluseur',
    ]);
    expect(plainAnalyzer.rankTerms!('ikäihmiset')).toEqual([
      'ikäih',
      'ikäihm',
      'ikäihmi',
      'ikäihmis',
      'ikäihmise',
    ]);
    expect(plainAnalyzer.queryTerms('seuran')).toEqual(['seuran', 'seur']);
    expect(plainAnalyzer.queryTerms('ry')).toEqual(['ry']);
  });

  it('meets inflected forms, compound parts and the other grade of a stem', () => {
    const meets = (query: string, document: string) => {
      const terms = new Set(textTerms(document, plainAnalyzer));
      return plainAnalyzer.queryTerms(query).some((t) => terms.has(t));
    };
    expect(meets('partio', 'Partiotoimintaa 7–22-vuotiaille')).toBe(true);
    expect(meets('hiihdon', 'Maastohiihtoa ja hiihtokoulu')).toBe(true);
    expect(meets('marttojen', 'Orimattilan Martat ry')).toBe(true);
    expect(meets('kylätoimintaa', 'Asukas- ja kylätoiminta')).toBe(true);
    expect(meets('kuoro', 'Salibandyseura')).toBe(false);
  });
});

describeWithVoikko('voikkoAnalyzer', () => {
  it('gives documents base forms and parts, queries base forms only', () => {
    const analyzer = voikkoAnalyzer(loadVoikko()!);
    expect(analyzer.wordTerms('liikuntakerhoja').sort()).toEqual(
      ['kerho', 'liikunta', 'liikuntakerho', 'liikuntakerhoja'].sort(),
    );
    expect(analyzer.queryTerms('liikuntakerhoja').sort()).toEqual(
      ['liikuntakerho', 'liikuntakerhoja'].sort(),
    );
    // Consonant gradation and plural stems: the base form.
    expect(analyzer.queryTerms('hiihdon')).toContain('hiihto');
    expect(analyzer.queryTerms('marttojen')).toContain('martta');
    // A word Voikko does not know is itself.
    expect(analyzer.wordTerms('urheilusuera')).toEqual(['urheilusuera']);
  });
});
