import { htmlProblems } from '../../tests/setup/html';
import { markdownToHtml, markdownToText } from './markdown';

const ANNOUNCEMENT = [
  '# Kevään avustushaku',
  '',
  'Haku on **auki** 1.–31.3. Lue [ohjeet](https://www.lahti.fi/avustukset) ja kysy: yhdistykset@lahti.fi',
  '',
  '- Toiminta-avustus',
  '- Kohdeavustus',
  '',
  '<script>alert(1)</script> [klikkaa](javascript:alert(1))',
].join('\n');

describe('Markdown as people read it', () => {
  it('writes clean text: no marks, links with their address, lists with bullets', () => {
    expect(markdownToText(ANNOUNCEMENT)).toBe(
      [
        'Kevään avustushaku',
        '',
        'Haku on auki 1.–31.3. Lue ohjeet (https://www.lahti.fi/avustukset) ja kysy: yhdistykset@lahti.fi',
        '',
        '- Toiminta-avustus',
        '- Kohdeavustus',
        '',
        '<script>alert(1)</script> [klikkaa](javascript:alert(1))',
      ].join('\n'),
    );
  });

  it('writes HTML that an independent validator passes, with typed markup as text and no script link', async () => {
    const html = markdownToHtml(ANNOUNCEMENT);
    expect(html).toContain('<strong>auki</strong>');
    expect(html).toContain('<a href="https://www.lahti.fi/avustukset">ohjeet</a>');
    expect(html).toContain('<a href="mailto:yhdistykset@lahti.fi">');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|href="javascript/);
    expect(
      await htmlProblems(
        `<!DOCTYPE html><html lang="fi"><head><title>t</title></head><body>${html}</body></html>`,
      ),
    ).toEqual([]);
  });

  it('leaves plain text as it is', () => {
    expect(markdownToText('Syyskauden salivuorot haetaan maaliskuussa.')).toBe(
      'Syyskauden salivuorot haetaan maaliskuussa.',
    );
  });
});
