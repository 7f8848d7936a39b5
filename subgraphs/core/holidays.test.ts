import { awkwardDays, easterSunday, finnishHolidays, lastSunday } from './holidays';

describe('finnishHolidays', () => {
  it('dates Easter as the Church does (dates from published calendars)', () => {
    expect([2024, 2025, 2026, 2027, 2028, 2038].map(easterSunday)).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2038-04-25',
    ]);
  });

  it('gives 2027 as the Finnish almanac has it', () => {
    expect(finnishHolidays(2027).map((h) => `${h.date} ${h.fi}`)).toEqual([
      '2027-01-01 Uudenvuodenpäivä',
      '2027-01-06 Loppiainen',
      '2027-03-26 Pitkäperjantai',
      '2027-03-28 Pääsiäispäivä',
      '2027-03-29 2. pääsiäispäivä',
      '2027-05-01 Vappu',
      '2027-05-06 Helatorstai',
      '2027-05-16 Helluntaipäivä',
      '2027-06-25 Juhannusaatto',
      '2027-06-26 Juhannuspäivä',
      '2027-11-06 Pyhäinpäivä',
      '2027-12-06 Itsenäisyyspäivä',
      '2027-12-24 Jouluaatto',
      '2027-12-25 Joulupäivä',
      '2027-12-26 Tapaninpäivä',
    ]);
  });

  it('puts Midsummer and All Saints on their Saturdays at the edges of their weeks', () => {
    // 2026: Midsummer Day 20 June (the earliest), All Saints' 31 October (the earliest).
    const y2026 = Object.fromEntries(finnishHolidays(2026).map((h) => [h.en, h.date]));
    expect(y2026['Midsummer Day']).toBe('2026-06-20');
    expect(y2026["All Saints' Day"]).toBe('2026-10-31');
  });

  it('finds the daylight-saving Sundays and a leap day', () => {
    expect([lastSunday(2026, 3), lastSunday(2026, 10), lastSunday(2027, 10)]).toEqual([
      '2026-03-29',
      '2026-10-25',
      '2027-10-31',
    ]);
    expect(awkwardDays(2028)).toContain('2028-02-29');
    expect(awkwardDays(2027)).not.toContain('2027-02-29');
    expect(awkwardDays(2027)).toEqual(
      expect.arrayContaining(['2027-03-27', '2027-03-28', '2027-12-31']),
    );
  });
});
