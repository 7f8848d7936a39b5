import { fromHelsinkiLocal } from '../../subgraphs/core/time';
import { placeholders } from './examples';

describe(placeholders.name, () => {
  it('takes "this week" from the Helsinki day at 23:30 on a Sunday of a DST change', () => {
    // 28 March 2027, Sunday, the day summer time begins; 21:30 in UTC, still Sunday there too.
    const p = placeholders(fromHelsinkiLocal('2027-03-28T23:30'));
    expect(p.$TODAY).toBe('2027-03-27T22:00:00.000Z'); // Sunday 00:00 in winter time
    expect(p.$IN_7_DAYS).toBe('2027-04-03T21:00:00.000Z'); // the next Sunday 00:00, summer time
    expect(p.$NEXT_TUESDAY_17).toBe('2027-03-30T14:00:00.000Z');
  });

  it('is already Monday in Helsinki at 00:30 while UTC still says Sunday', () => {
    const p = placeholders(fromHelsinkiLocal('2027-10-04T00:30'));
    expect(p.$TODAY).toBe('2027-10-03T21:00:00.000Z');
    expect(p.$NEXT_TUESDAY_17).toBe('2027-10-05T14:00:00.000Z');
  });

  it('names the Helsinki year on New Year’s night, when UTC is still in the old one', () => {
    const p = placeholders(fromHelsinkiLocal('2028-01-01T00:30'));
    expect(p.$YEAR).toBe(2028);
    expect(p.$YEAR_START).toBe('2027-12-31T22:00:00.000Z');
  });
});
