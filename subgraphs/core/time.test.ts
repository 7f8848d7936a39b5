import {
  fromHelsinkiLocal,
  helsinkiDate,
  helsinkiDaysBefore,
  helsinkiMinuteOfDay,
  helsinkiOffsetMinutes,
} from './time';

describe('fromHelsinkiLocal', () => {
  it('uses +02:00 in winter', () => {
    expect(fromHelsinkiLocal('2027-01-20T15:00').toISOString()).toBe('2027-01-20T13:00:00.000Z');
  });

  it('uses +03:00 in summer', () => {
    expect(fromHelsinkiLocal('2027-06-05T11:00').toISOString()).toBe('2027-06-05T08:00:00.000Z');
  });

  it('is right on the days daylight saving starts and ends', () => {
    // 2027: summer time from 28 March 03:00 to 31 October 04:00 local.
    expect(fromHelsinkiLocal('2027-03-28T02:30').toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(fromHelsinkiLocal('2027-03-28T12:00').toISOString()).toBe('2027-03-28T09:00:00.000Z');
    expect(fromHelsinkiLocal('2027-10-31T12:00').toISOString()).toBe('2027-10-31T10:00:00.000Z');
  });

  it('rejects a time that already has a zone', () => {
    expect(() => fromHelsinkiLocal('2027-01-20T15:00Z')).toThrow(/local time/);
  });
});

describe('helsinkiOffsetMinutes', () => {
  it('reads the offset at a moment', () => {
    expect(helsinkiOffsetMinutes(new Date('2027-01-01T00:00:00Z'))).toBe(120);
    expect(helsinkiOffsetMinutes(new Date('2027-07-01T00:00:00Z'))).toBe(180);
  });
});

describe('helsinkiDaysBefore', () => {
  it('keeps the wall-clock time across both daylight-saving changes and a leap day', () => {
    const local = (at: Date) =>
      `${helsinkiDate(at)}T${String(Math.floor(helsinkiMinuteOfDay(at) / 60)).padStart(2, '0')}:${String(helsinkiMinuteOfDay(at) % 60).padStart(2, '0')}`;
    expect(local(helsinkiDaysBefore(fromHelsinkiLocal('2027-03-30T16:00'), 3))).toBe(
      '2027-03-27T16:00',
    );
    expect(local(helsinkiDaysBefore(fromHelsinkiLocal('2027-11-02T16:00'), 3))).toBe(
      '2027-10-30T16:00',
    );
    expect(local(helsinkiDaysBefore(fromHelsinkiLocal('2028-03-01T09:00'), 1))).toBe(
      '2028-02-29T09:00',
    );
    expect(local(helsinkiDaysBefore(fromHelsinkiLocal('2027-01-01T00:30'), 1))).toBe(
      '2026-12-31T00:30',
    );
  });
});
