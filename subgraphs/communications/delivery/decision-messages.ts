import type { DomainEvent } from '../../core/domain-events';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { footer, inLanguage, lang, type Language } from './messages';

/**
 * The mail that tells an association of a decision another subgraph made, in the
 * subscriber's language. Written from the event alone (it carries names and times), so a
 * mail says what was decided even if the thing has changed since.
 */
interface ReservationData {
  status: 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | string;
  note: string | null;
  space: { name: LocalizedText };
  facility: { name: LocalizedText | null; address: string | null };
  startsAt: string;
  endsAt: string;
}

interface GrantApplicationData {
  title: string;
  status: 'APPROVED' | 'PARTIALLY_APPROVED' | 'REJECTED' | string;
  awarded: string | null;
  note: string | null;
}

interface EnrolmentData {
  event: { title: LocalizedText; startsAt: string };
  participants: number;
}

interface SupportDecidedData {
  event: { title: LocalizedText; startsAt: string | null };
  parts: Array<{
    kind: 'SPACE' | 'EQUIPMENT' | 'GRANT';
    status: string;
    reason: string | null;
    /** What the owner calls it (the space, the item, the round); absent in older messages. */
    name?: LocalizedText | null;
    details: { startsAt?: string; endsAt?: string; quantity?: number; requestedAmount?: string };
  }>;
}

/** The words of the summary of an event's support request, once every part is decided. */
const SUPPORT_WORDS: Record<
  Language,
  {
    subject: (event: string) => string;
    intro: (event: string, when: string) => string;
    kinds: Record<'SPACE' | 'EQUIPMENT' | 'GRANT', string>;
    pieces: (quantity: number) => string;
    statuses: Record<string, string>;
  }
> = {
  fi: {
    subject: (event) => `Tapahtuman tukipyyntö käsitelty: ${event}`,
    intro: (event, when) =>
      `Yhdistyksenne pyysi kaupungin tukea tapahtumalle ${event} (${when}). Päätökset:`,
    kinds: { SPACE: 'Tila', EQUIPMENT: 'Välineet', GRANT: 'Tapahtuma-avustus' },
    pieces: (n) => `${n} kpl`,
    statuses: {
      CONFIRMED: 'myönnetty',
      REJECTED: 'ei myönnetty',
      REFUSED: 'ei voitu käsitellä',
      CANCELLED: 'peruttu',
    },
  },
  sv: {
    subject: (event) => `Begäran om stöd för evenemanget behandlad: ${event}`,
    intro: (event, when) => `Er förening bad om stadens stöd för ${event} (${when}). Besluten:`,
    kinds: { SPACE: 'Lokal', EQUIPMENT: 'Utrustning', GRANT: 'Evenemangsunderstöd' },
    pieces: (n) => `${n} st.`,
    statuses: {
      CONFIRMED: 'beviljad',
      REJECTED: 'inte beviljad',
      REFUSED: 'kunde inte behandlas',
      CANCELLED: 'avbokad',
    },
  },
  en: {
    subject: (event) => `Event support request decided: ${event}`,
    intro: (event, when) =>
      `Your association asked the city's support for ${event} (${when}). The decisions:`,
    kinds: { SPACE: 'Space', EQUIPMENT: 'Equipment', GRANT: 'Event grant' },
    pieces: (n) => `${n} pcs`,
    statuses: {
      CONFIRMED: 'granted',
      REJECTED: 'not granted',
      REFUSED: 'could not be processed',
      CANCELLED: 'cancelled',
    },
  },
};

const WORDS: Record<
  Language,
  {
    confirmed: string;
    rejected: string;
    cancelled: string;
    reservation: (space: string, where: string, when: string) => string;
    reason: string;
    awarded: (title: string, amount: string) => [string, string];
    notAwarded: (title: string) => [string, string];
    promoted: (event: string, when: string, people: number) => [string, string];
  }
> = {
  fi: {
    confirmed: 'Varaus vahvistettu',
    rejected: 'Varausta ei hyväksytty',
    cancelled: 'Varaus peruttu',
    reservation: (space, where, when) => `Yhdistyksenne varaus: ${space}${where}, ${when}.`,
    reason: 'Perustelu',
    awarded: (title, amount) => [
      `Avustus myönnetty: ${title}`,
      `Avustushakemukselle "${title}" on myönnetty ${amount} €.`,
    ],
    notAwarded: (title) => [
      `Avustushakemus käsitelty: ${title}`,
      `Avustushakemukselle "${title}" ei myönnetty avustusta.`,
    ],
    promoted: (event, when, people) => [
      `Paikka vapautui: ${event}`,
      `Yhdistyksenne ${people} henkilöä pääsivät jonosta mukaan tapahtumaan ${event} (${when}).`,
    ],
  },
  sv: {
    confirmed: 'Bokningen bekräftad',
    rejected: 'Bokningen godkändes inte',
    cancelled: 'Bokningen avbokad',
    reservation: (space, where, when) => `Er förenings bokning: ${space}${where}, ${when}.`,
    reason: 'Motivering',
    awarded: (title, amount) => [
      `Understöd beviljat: ${title}`,
      `Ansökan "${title}" har beviljats ${amount} €.`,
    ],
    notAwarded: (title) => [
      `Ansökan behandlad: ${title}`,
      `Ansökan "${title}" beviljades inget understöd.`,
    ],
    promoted: (event, when, people) => [
      `En plats blev ledig: ${event}`,
      `${people} personer från er förening kom med från kön till ${event} (${when}).`,
    ],
  },
  en: {
    confirmed: 'Reservation confirmed',
    rejected: 'Reservation not approved',
    cancelled: 'Reservation cancelled',
    reservation: (space, where, when) =>
      `Your association's reservation: ${space}${where}, ${when}.`,
    reason: 'Reason',
    awarded: (title, amount) => [
      `Grant awarded: ${title}`,
      `The application "${title}" has been awarded €${amount}.`,
    ],
    notAwarded: (title) => [
      `Grant application decided: ${title}`,
      `The application "${title}" was not awarded a grant.`,
    ],
    promoted: (event, when, people) => [
      `A place opened: ${event}`,
      `${people} people of your association moved from the waiting list to ${event} (${when}).`,
    ],
  },
};

/** A time in Helsinki, as people there read it, in the mail's language. */
function helsinkiTime(iso: string, language: Language, withTime = true): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : `${language}-FI`, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Helsinki',
  }).format(new Date(iso));
}

export function decisionMail(
  event: DomainEvent,
  language: string,
  unsubscribeUrl: string,
): { subject: string; text: string } {
  const l = lang(language);
  const w = WORDS[l];
  let subject: string;
  let text: string;
  if (event.type === 'reservation.decided' || event.type === 'reservation.cancelled') {
    const d = event.data as unknown as ReservationData;
    const space = inLanguage(d.space.name, l);
    const place = [inLanguage(d.facility.name, l), d.facility.address].filter(Boolean).join(', ');
    const ends = new Intl.DateTimeFormat(l === 'en' ? 'en-GB' : `${l}-FI`, {
      timeStyle: 'short',
      timeZone: 'Europe/Helsinki',
    }).format(new Date(d.endsAt));
    const when = `${helsinkiTime(d.startsAt, l)}–${ends}`;
    const heading =
      d.status === 'CONFIRMED' ? w.confirmed : d.status === 'REJECTED' ? w.rejected : w.cancelled;
    subject = `${heading}: ${space}, ${helsinkiTime(d.startsAt, l, false)}`;
    text = w.reservation(space, place ? ` (${place})` : '', when);
    if (d.note) text += `\n${w.reason}: ${d.note}`;
  } else if (event.type === 'grant-application.decided') {
    const d = event.data as unknown as GrantApplicationData;
    [subject, text] =
      d.status !== 'REJECTED' && d.awarded ? w.awarded(d.title, d.awarded) : w.notAwarded(d.title);
    if (d.note) text += `\n${w.reason}: ${d.note}`;
  } else if (event.type === 'event-support.decided') {
    [subject, text] = supportSummary(event.data as unknown as SupportDecidedData, l);
  } else {
    const d = event.data as unknown as EnrolmentData;
    [subject, text] = w.promoted(
      inLanguage(d.event.title, l),
      helsinkiTime(d.event.startsAt, l),
      d.participants,
    );
  }
  return { subject, text: `${text}${footer(language, unsubscribeUrl)}` };
}

/** A part's name as its owner gave it, unless it only repeats the kind ("Tapahtuma-avustus"). */
function named(p: SupportDecidedData['parts'][number], kind: string, l: Language): string {
  const name = inLanguage(p.name, l);
  return name.toLocaleLowerCase(l) === kind.toLocaleLowerCase(l) ? '' : name;
}

/** One line per part: what, when or how much, the decision, and the reason if any. */
function supportSummary(d: SupportDecidedData, l: Language): [string, string] {
  const w = SUPPORT_WORDS[l];
  const title = inLanguage(d.event.title, l);
  const lines = d.parts.map((p) => {
    const what = [
      w.kinds[p.kind],
      p.details.quantity ? w.pieces(p.details.quantity) : null,
      named(p, w.kinds[p.kind], l),
      p.details.startsAt && p.details.endsAt
        ? `${helsinkiTime(p.details.startsAt, l)}–${helsinkiTime(p.details.endsAt, l)}`
        : null,
      p.details.requestedAmount ? `${p.details.requestedAmount} €` : null,
    ]
      .filter(Boolean)
      .join(', ');
    const reason = p.reason ? ` (${p.reason})` : '';
    return `- ${what}: ${w.statuses[p.status] ?? p.status}${reason}`;
  });
  const when = d.event.startsAt ? helsinkiTime(d.event.startsAt, l) : '';
  return [w.subject(title), `${w.intro(title, when)}\n${lines.join('\n')}`];
}
