import ICAL from 'ical.js';
import {
  escapeText,
  foldLine,
  helsinkiStamp,
  isAmbiguousInHelsinki,
  writeCalendar,
} from './icalendar';

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

  // eslint-disable-next-line no-control-regex -- the grammar forbids these in a value
  const CONTENT_LINE = /^[A-Z0-9-]+(;[A-Z0-9-]+=[^:;]+)*:[^\u0000-\u0008\u000a-\u001f\u007f]*$/;

  /** RFC 5545 3.1: every unfolded content line is `name *(";" param) ":" value`, no CTLs. */
  function strictLines(text: string): string[] {
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    expect(unfolded.endsWith('\r\n')).toBe(true);
    const lines = unfolded.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(line).toMatch(CONTENT_LINE);
    }
    return lines;
  }

  const item = (over: Partial<Parameters<typeof writeCalendar>[1][number]>) => ({
    uid: 'event-x@test',
    summary: 'Ilta',
    sequence: 0,
    modifiedAt: new Date('2027-01-01T12:00:00Z'),
    start: { at: new Date('2027-05-05T15:00:00Z') },
    end: { at: new Date('2027-05-05T17:00:00Z') },
    ...over,
  });

  it('writes no control character a TEXT value cannot hold: a lone CR is a line break, a vertical tab is dropped', () => {
    expect(escapeText('a\rb\u000bc\r\nd\u0000e\tf')).toBe('a\\nbc\\nde\tf');
    const text = writeCalendar('Testi', [
      item({ description: 'Rivi 1\rRivi 2\u000bja\u0007kello', summary: 'Ilta\u001b' }),
    ]);
    strictLines(text);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!,
    );
    expect(event.description).toBe('Rivi 1\nRivi 2jakello');
    expect(event.summary).toBe('Ilta');
  });

  it('writes no URL that could start a property or an event of its own (stored before the rule)', () => {
    const injected =
      'https://www.lahti.example/a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected\r\nDTSTART:20270101T000000Z';
    const text = writeCalendar('Testi', [
      item({ url: injected }),
      item({ uid: 'ok', url: 'https://www.lahti.example/avustukset?haku=kevät&x=1' }),
    ]);
    strictLines(text);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).not.toContain('evil');
    expect(events).toHaveLength(2);
    expect(events[0].getFirstPropertyValue('url')).toBeNull();
    expect(events[1].getFirstPropertyValue('url')).toBe(
      'https://www.lahti.example/avustukset?haku=kev%C3%A4t&x=1',
    );
  });

  it('writes a time in the hour repeated when summer time ends in UTC, so it means one moment', () => {
    // 01:30 UTC on 31 October 2027 is the second 03:30 in Helsinki.
    const second = new Date('2027-10-31T01:30:00Z');
    const first = new Date('2027-10-31T00:30:00Z');
    expect(isAmbiguousInHelsinki(second)).toBe(true);
    expect(isAmbiguousInHelsinki(first)).toBe(true);
    expect(isAmbiguousInHelsinki(new Date('2027-10-31T02:30:00Z'))).toBe(false);
    const text = writeCalendar('Testi', [
      item({ start: { at: second }, end: { at: new Date('2027-10-31T03:00:00Z') } }),
    ]);
    expect(text).toContain('DTSTART:20271031T013000Z');
    expect(text).toContain('DTEND;TZID=Europe/Helsinki:20271031T050000');
    const root = new ICAL.Component(ICAL.parse(text));
    for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(second.toISOString());
  });

  it('claims no METHOD, since RFC 5546 PUBLISH needs an ORGANIZER the hub cannot give', () => {
    const lines = strictLines(writeCalendar('Testi', [item({ url: 'https://example.fi/e/1' })]));
    expect(lines.some((l) => l.startsWith('METHOD'))).toBe(false);
    expect(lines).toContain('URL:https://example.fi/e/1');
  });
});
