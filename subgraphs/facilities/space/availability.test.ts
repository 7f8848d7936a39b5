import { fromHelsinkiLocal } from '../../core/time';
import {
  freeSlots,
  insideOpeningHours,
  onSlotGrid,
  openingPeriodsOn,
  subtractIntervals,
} from './availability';

const at = (local: string) => fromHelsinkiLocal(local);
const iso = (ms: number) => new Date(ms).toISOString();
const TUE_17_21 = [{ facilityId: 'f', weekday: 2, opens: '17:00', closes: '21:00' }];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  facilityId: 'f',
  weekday,
  opens: '08:00',
  closes: '22:00',
}));

describe('availability', () => {
  it('turns Helsinki opening hours into UTC, two hours in winter and three in summer', () => {
    expect(
      openingPeriodsOn('2027-01-12', TUE_17_21, []).map((p) => [iso(p.start), iso(p.end)]),
    ).toEqual([['2027-01-12T15:00:00.000Z', '2027-01-12T19:00:00.000Z']]);
    expect(
      openingPeriodsOn('2027-06-15', TUE_17_21, []).map((p) => [iso(p.start), iso(p.end)]),
    ).toEqual([['2027-06-15T14:00:00.000Z', '2027-06-15T18:00:00.000Z']]);
  });

  it('is right on both sides of the spring change (last Sunday of March 2027)', () => {
    // Saturday 27 March is still winter time (+02), Sunday 28 March from 04:00 summer (+03).
    const slots = freeSlots(at('2027-03-27T00:00'), at('2027-03-29T00:00'), EVERY_DAY, [], []);
    expect(slots.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2027-03-27T06:00:00.000Z', '2027-03-27T20:00:00.000Z'],
      ['2027-03-28T05:00:00.000Z', '2027-03-28T19:00:00.000Z'],
    ]);
  });

  it('is right on both sides of the autumn change (last Sunday of October 2027)', () => {
    const slots = freeSlots(at('2027-10-30T00:00'), at('2027-11-01T00:00'), EVERY_DAY, [], []);
    expect(slots.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2027-10-30T05:00:00.000Z', '2027-10-30T19:00:00.000Z'],
      ['2027-10-31T06:00:00.000Z', '2027-10-31T20:00:00.000Z'],
    ]);
  });

  it('follows an exception: closed on a holiday, other hours on another day', () => {
    const exceptions = [
      { facilityId: 'f', date: '2027-12-24', opens: null, closes: null, note: null },
      { facilityId: 'f', date: '2027-12-23', opens: '10:00', closes: '14:00', note: null },
    ];
    const slots = freeSlots(
      at('2027-12-23T00:00'),
      at('2027-12-25T00:00'),
      EVERY_DAY,
      exceptions,
      [],
    );
    expect(slots.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2027-12-23T08:00:00.000Z', '2027-12-23T12:00:00.000Z'],
    ]);
  });

  it('subtracts busy times, overlapping or not, leaving the gaps between them', () => {
    const free = subtractIntervals(
      [{ start: 0, end: 100 }],
      [
        { start: 40, end: 60 },
        { start: 10, end: 20 },
        { start: 15, end: 30 },
        { start: 90, end: 120 },
      ],
    );
    expect(free).toEqual([
      { start: 0, end: 10 },
      { start: 30, end: 40 },
      { start: 60, end: 90 },
    ]);
  });

  it('clips opening periods to the asked range', () => {
    const slots = freeSlots(at('2027-01-12T18:00'), at('2027-01-12T20:00'), TUE_17_21, [], []);
    expect(slots.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2027-01-12T16:00:00.000Z', '2027-01-12T18:00:00.000Z'],
    ]);
  });

  it('knows whether a time lies inside one opening period', () => {
    expect(insideOpeningHours(at('2027-01-12T17:00'), at('2027-01-12T21:00'), TUE_17_21, [])).toBe(
      true,
    );
    expect(insideOpeningHours(at('2027-01-12T16:30'), at('2027-01-12T18:00'), TUE_17_21, [])).toBe(
      false,
    );
    expect(insideOpeningHours(at('2027-01-13T17:00'), at('2027-01-13T18:00'), TUE_17_21, [])).toBe(
      false,
    );
  });

  it('checks the slot grid in Helsinki time', () => {
    expect(onSlotGrid(at('2027-03-28T10:30'), 30)).toBe(true);
    expect(onSlotGrid(at('2027-03-28T10:30'), 60)).toBe(false);
    expect(onSlotGrid(at('2027-03-28T10:15'), 30)).toBe(false);
    expect(onSlotGrid(new Date('2027-03-28T07:00:30Z'), 30)).toBe(false);
  });
});
