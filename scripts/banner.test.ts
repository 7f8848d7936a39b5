import { finnishSearchLine } from './banner';

describe('finnishSearchLine', () => {
  it('names the one command that installs Voikko when the machine lacks it', () => {
    expect(finnishSearchLine('fragments-4')).toMatch(
      /without Voikko[\s\S]*sudo apt-get install libvoikko1 voikko-fi/,
    );
  });

  it('says only which analyzer runs when Voikko is there', () => {
    expect(finnishSearchLine('voikko')).not.toMatch(/apt-get/);
    expect(finnishSearchLine('voikko')).toMatch(/Voikko: base forms/);
  });
});
