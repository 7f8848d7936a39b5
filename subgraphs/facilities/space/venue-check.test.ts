import { fromHelsinkiLocal } from '../../core/time';
import type { OpeningExceptionRow, OpeningHoursRow } from '../facility/facility.types';
import { judgeVenue } from './venue-check';

// Open 08–22 every day, except Christmas Eve (closed) and New Year's Eve (08–14).
const hours: OpeningHoursRow[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  facilityId: 'f',
  weekday,
  opens: '08:00',
  closes: '22:00',
}));
const exceptions = [
  { facilityId: 'f', date: '2026-12-24', opens: null, closes: null },
  { facilityId: 'f', date: '2026-12-31', opens: '08:00', closes: '14:00' },
] as unknown as OpeningExceptionRow[];
const at = (local: string) => fromHelsinkiLocal(local);
const judge = (from: string, to: string, busy: Array<[string, string]> = []) =>
  judgeVenue(
    at(from),
    at(to),
    hours,
    exceptions,
    busy.map(([s, e]) => ({ start: at(s).getTime(), end: at(e).getTime() })),
  );

describe(judgeVenue.name, () => {
  it('fits an event inside opening hours with nothing else there', () => {
    expect(judge('2026-12-17T14:00', '2026-12-17T16:00')).toEqual({
      fits: true,
      closedOn: [],
      outsideOpeningHours: false,
      clashes: [],
    });
  });

  it('names Christmas Eve, when the building is closed', () => {
    const verdict = judge('2026-12-24T12:00', '2026-12-24T15:00');
    expect(verdict).toMatchObject({ fits: false, closedOn: ['2026-12-24'] });
  });

  it('refuses running past a short day’s closing time, and past midnight into a closed day', () => {
    expect(judge('2026-12-31T12:00', '2026-12-31T16:00')).toMatchObject({
      fits: false,
      closedOn: [],
      outsideOpeningHours: true,
    });
    expect(judge('2026-12-23T20:00', '2026-12-24T01:00').closedOn).toEqual(['2026-12-24']);
  });

  it('names what already holds the space, and lets an event end where another begins', () => {
    const verdict = judge('2026-12-17T14:00', '2026-12-17T16:00', [
      ['2026-12-17T15:00', '2026-12-17T17:00'],
      ['2026-12-17T16:00', '2026-12-17T18:00'],
      ['2026-12-17T10:00', '2026-12-17T14:00'],
    ]);
    expect(verdict.fits).toBe(false);
    expect(verdict.clashes).toEqual([
      { start: at('2026-12-17T15:00').getTime(), end: at('2026-12-17T17:00').getTime() },
    ]);
  });

  it('judges Helsinki wall-clock hours on the night clocks go back', () => {
    // 25 October 2026: 20:00–22:00 local is 18:00–20:00 UTC after the change.
    expect(judge('2026-10-25T20:00', '2026-10-25T22:00').fits).toBe(true);
    expect(judge('2026-10-25T21:00', '2026-10-25T23:00').outsideOpeningHours).toBe(true);
  });
});
