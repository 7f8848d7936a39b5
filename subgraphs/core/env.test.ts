import { ConfigError, EnvReader } from './env';

describe('EnvReader.moment', () => {
  const read = (raw: string | undefined) => {
    const reader = new EnvReader('test', { DEMO_NOW: raw });
    const at = reader.moment('DEMO_NOW');
    return { at, done: () => reader.done({}) };
  };

  it('takes a bare date as that day’s Helsinki noon, and a time with its offset', () => {
    expect(read('2028-02-29').at?.toISOString()).toBe('2028-02-29T10:00:00.000Z');
    expect(read('2026-12-24T09:00:00+02:00').at?.toISOString()).toBe('2026-12-24T07:00:00.000Z');
    expect(read(undefined).at).toBeUndefined();
  });

  it('refuses a day that does not exist and a time without an offset, naming the variable', () => {
    for (const bad of ['2027-02-29', '2026-13-01', '2026-12-24T09:00', 'tomorrow']) {
      expect(read(bad).done).toThrow(ConfigError);
      expect(read(bad).done).toThrow(
        /DEMO_NOW must be a date \(2026-12-24\) or a time with an offset/,
      );
    }
  });
});
