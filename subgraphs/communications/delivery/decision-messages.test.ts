import type { DomainEvent } from '../../core/domain-events';
import { decisionMail } from './decision-messages';

const base = {
  sequence: 1,
  associationId: '3cc89074-88ea-5938-8b07-c4848e1a512f',
  occurredAt: '2031-03-01T10:00:00.000Z',
};

describe(decisionMail.name, () => {
  it('tells of a waiting-list place in Helsinki time, across the spring DST change', () => {
    const event: DomainEvent = {
      ...base,
      type: 'enrolment.promoted',
      entity: { type: 'Enrolment', id: 'e1' },
      // 30 March 2031, the Sunday clocks go forward: 18:00 in Helsinki is 15:00 UTC.
      data: {
        participants: 3,
        event: {
          title: { fi: 'Yhdistysilta', en: 'Association evening' },
          startsAt: '2031-03-30T15:00:00.000Z',
        },
      },
    };
    const mail = decisionMail(event, 'en', 'https://hub.example/unsubscribe?token=t');
    expect(mail.subject).toBe('A place opened: Association evening');
    expect(mail.text).toMatch(
      /^3 people of your association moved from the waiting list to Association evening \(30 March 2031 at 18:00\)\./,
    );
    expect(mail.text).toMatch(/Unsubscribe: https:\/\/hub\.example\/unsubscribe\?token=t/);
  });

  it('tells of a rejected grant application with its reasons, in Finnish when the language is unknown', () => {
    const event: DomainEvent = {
      ...base,
      type: 'grant-application.decided',
      entity: { type: 'GrantApplication', id: 'g1' },
      data: {
        title: 'Kesäleiri',
        status: 'REJECTED',
        awarded: '0.00',
        note: 'Määräraha on käytetty.',
      },
    };
    const mail = decisionMail(event, 'de', 'https://hub.example/u');
    expect(mail.subject).toBe('Avustushakemus käsitelty: Kesäleiri');
    expect(mail.text).toMatch(/ei myönnetty avustusta\.\nPerustelu: Määräraha on käytetty\./);
  });

  it('names each part of a support request in the reader’s language, not repeating the kind', () => {
    const event: DomainEvent = {
      ...base,
      type: 'event-support.decided',
      entity: { type: 'EventSupportRequest', id: 'r1' },
      data: {
        event: { title: { fi: 'Syysjuhla', sv: 'Höstfest' }, startsAt: '2031-10-04T15:00:00.000Z' },
        parts: [
          {
            kind: 'SPACE',
            status: 'CONFIRMED',
            reason: null,
            name: { fi: 'Juhlasali', sv: 'Festsalen' },
            details: { startsAt: '2031-10-04T14:00:00.000Z', endsAt: '2031-10-04T17:30:00.000Z' },
          },
          {
            kind: 'GRANT',
            status: 'APPROVED',
            reason: null,
            name: { fi: 'Tapahtuma-avustus', sv: 'Evenemangsunderstöd' },
            details: { requestedAmount: '800.00' },
          },
          // A message from before parts had names: the kind alone, as before.
          { kind: 'EQUIPMENT', status: 'CONFIRMED', reason: null, details: { quantity: 2 } },
        ],
      },
    };
    const mail = decisionMail(event, 'sv', 'https://hub.example/unsubscribe?token=t');
    const lines = mail.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines[0]).toMatch(/^- Lokal, Festsalen, \d/);
    expect(lines[1]).toMatch(/^- Evenemangsunderstöd, 800\.00 €: /);
    expect(lines[2]).toMatch(/^- Utrustning, 2 st\.: /);
  });
});
