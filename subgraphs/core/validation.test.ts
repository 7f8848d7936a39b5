import { BadUserInputError } from './errors';
import { Validator } from './validation';

describe('Validator.url', () => {
  const problems = (value: string) => {
    const v = new Validator();
    const kept = v.url('input.rulesUrl', value);
    try {
      v.throwIfInvalid();
      return { kept, error: null };
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return { kept, error: (error as Error).message };
    }
  };

  it('refuses line breaks, tabs and spaces that new URL() would silently drop', () => {
    for (const raw of [
      'https://a.example/x\r\nBEGIN:VEVENT',
      'https://a.example/\tx',
      'https://a.example/a b',
      'https://a.example/\u0085',
    ]) {
      expect(problems(raw).error).toMatch(
        /input\.rulesUrl.*must not contain spaces, line breaks or control characters/,
      );
    }
  });

  it('keeps a good address exactly as written, and still refuses other schemes', () => {
    expect(problems('https://www.lahti.example/avustukset?haku=kevät')).toEqual({
      kept: 'https://www.lahti.example/avustukset?haku=kevät',
      error: null,
    });
    expect(problems('javascript:alert(1)').error).toMatch(/http:\/\/ or https:\/\//);
  });
});
