import ICAL from 'ical.js';
import { escapeText, foldLine, helsinkiStamp, writeCalendar } from './icalendar';

describe('icalendar', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('Avaus; kahvit, pullat\nja \\ keskustelu')).toBe(
      'Avaus\\; kahvit\\, pullat\\nja \\\\ keskustelu',
    );
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('writes Helsinki wall-clock times on both sides of the March and October changes', () => {
    expect(helsinkiStamp(new Date('2027-03-28T00:59:59Z'))).toBe('20270328T025959');
    expect(helsinkiStamp(new Date('2027-03-28T01:00:00Z'))).toBe('20270328T040000');
    expect(helsinkiStamp(new Date('2027-10-31T00:30:00Z'))).toBe('20271031T033000');
    expect(helsinkiStamp(new Date('2027-10-31T01:30:00Z'))).toBe('20271031T033000');
  });

  it('parses back with ical.js to the same moments, across DST, with its VTIMEZONE', () => {
    const text = writeCalendar('Testi', [
      {
        uid: 'event-1@test',
        summary: 'Yhdistysilta',
        sequence: 2,
        modifiedAt: new Date('2027-01-01T12:00:00Z'),
        start: { at: new Date('2027-03-28T07:00:00Z') }, // 10:00 in Helsinki, first day of summer time
        end: { at: new Date('2027-03-28T09:00:00Z') },
        status: 'CANCELLED',
      },
      {
        uid: 'event-2@test',
        summary: 'Syysilta, pitkä otsikko joka taittuu usealle riville: ' + 'ääkköset '.repeat(8),
        sequence: 0,
        modifiedAt: new Date('2027-01-01T12:00:00Z'),
        start: { at: new Date('2027-10-31T08:00:00Z') }, // 10:00 in Helsinki, first day of winter time
        end: { at: new Date('2027-10-31T10:00:00Z') },
      },
      {
        uid: 'milestone-1@test',
        summary: 'Yhdistyskysely',
        sequence: 0,
        modifiedAt: new Date('2027-01-01T12:00:00Z'),
        start: { date: '2027-04-01' },
        end: { date: '2027-05-01' },
      },
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('DTSTART;TZID=Europe/Helsinki:20270328T100000');
    const root = new ICAL.Component(ICAL.parse(text));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-28T07:00:00.000Z',
      '2027-10-31T08:00:00.000Z',
      expect.any(String),
    ]);
    expect(events[1].summary).toContain('ääkköset ääkköset');
    expect(events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].sequence).toBe(2);
    expect(events[2].startDate.isDate).toBe(true);
  });
});
