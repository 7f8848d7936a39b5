import { escapeHtml, markdownToHtml, markdownToText } from '../../core/markdown';
import type { LocalizedText } from '../../core/types/localized-text.type';
import type { Announcement } from '../announcement/announcement.entity';

/** The texts of the hub's mails in the subscriber's language, Finnish when not translated. */
export type Language = 'fi' | 'sv' | 'en';

export function inLanguage(text: LocalizedText | null | undefined, language: string): string {
  return text?.[language as Language] ?? text?.fi ?? '';
}

const CONFIRM: Record<Language, { subject: string; intro: string; ignore: string }> = {
  fi: {
    subject: 'Vahvista yhdistysyhteistyön tiedotteiden tilaus',
    intro: 'Vahvista tilauksesi avaamalla linkki:',
    ignore: 'Jos et tilannut tiedotteita, voit jättää tämän viestin huomiotta: mitään ei lähetetä.',
  },
  sv: {
    subject: 'Bekräfta prenumerationen på meddelanden om föreningssamarbetet',
    intro: 'Bekräfta din prenumeration genom att öppna länken:',
    ignore: 'Om du inte prenumererade kan du ignorera detta meddelande: inget skickas.',
  },
  en: {
    subject: 'Confirm your subscription to association cooperation announcements',
    intro: 'Confirm your subscription by opening the link:',
    ignore: 'If you did not subscribe, ignore this message: nothing will be sent.',
  },
};

const FOOTER: Record<Language, string> = {
  fi: 'Tilauksen voi perua',
  sv: 'Prenumerationen kan avslutas',
  en: 'Unsubscribe',
};

export function lang(language: string): Language {
  return (['fi', 'sv', 'en'] as const).includes(language as Language)
    ? (language as Language)
    : 'fi';
}

export function footer(language: string, unsubscribeUrl: string): string {
  return `\n\n--\n${FOOTER[lang(language)]}: ${unsubscribeUrl}\n`;
}

export function confirmationMail(language: string, confirmUrl: string, unsubscribeUrl: string) {
  const t = CONFIRM[lang(language)];
  return {
    subject: t.subject,
    text: `${t.intro}\n${confirmUrl}\n\n${t.ignore}${footer(language, unsubscribeUrl)}`,
  };
}

/**
 * An announcement's mail. Staff write the body in Markdown: the text part shows it clean
 * (no `**`), the HTML part rendered; both end with the link and the unsubscribe footer.
 */
export function announcementMail(a: Announcement, language: string, unsubscribeUrl: string) {
  const body = inLanguage(a.body, language);
  const link = a.url ? `\n\n${a.url}` : '';
  const linkHtml = a.url ? `<p><a href="${escapeHtml(a.url)}">${escapeHtml(a.url)}</a></p>\n` : '';
  return {
    // The subject is the announcement's title, as the issue asks.
    subject: inLanguage(a.title, language),
    text: `${markdownToText(body)}${link}${footer(language, unsubscribeUrl)}`,
    html: `<!DOCTYPE html>
<html lang="${lang(language)}">
<head><meta charset="utf-8"><title>${escapeHtml(inLanguage(a.title, language))}</title></head>
<body>
${markdownToHtml(body)}${linkHtml}<hr>
<p><a href="${escapeHtml(unsubscribeUrl)}">${FOOTER[lang(language)]}</a></p>
</body>
</html>
`,
  };
}

/** A deadline as the reminder job reads it from the graph. */
export interface Deadline {
  /** "round", "season", "survey", "event", "series", or "event-start" (closesAt: when it starts). */
  kind: string;
  id: string;
  title: LocalizedText;
  closesAt: string;
  serviceAreaIds: string[];
}

const REMINDER: Record<Language, (title: string, when: string, days: number) => [string, string]> =
  {
    fi: (title, when, days) => [
      `Muistutus: ${title} päättyy ${when}`,
      `${title} päättyy ${days} päivän päästä, ${when}.`,
    ],
    sv: (title, when, days) => [
      `Påminnelse: ${title} stänger ${when}`,
      `${title} stänger om ${days} dagar, ${when}.`,
    ],
    en: (title, when, days) => [
      `Reminder: ${title} closes ${when}`,
      `${title} closes in ${days} days, ${when}.`,
    ],
  };

/** An event an association signed up for is about to start (not a deadline that closes). */
const STARTS: typeof REMINDER = {
  fi: (title, when) => [
    `Muistutus: ${title} alkaa ${when}`,
    `${title} alkaa ${when}. Yhdistyksenne on ilmoittautunut.`,
  ],
  sv: (title, when) => [
    `Påminnelse: ${title} börjar ${when}`,
    `${title} börjar ${when}. Er förening har anmält sig.`,
  ],
  en: (title, when) => [
    `Reminder: ${title} starts ${when}`,
    `${title} starts ${when}. Your association has signed up.`,
  ],
};

export function reminderMail(d: Deadline, days: number, language: string, unsubscribeUrl: string) {
  const when = new Intl.DateTimeFormat(lang(language) === 'en' ? 'en-GB' : `${lang(language)}-FI`, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Helsinki',
  }).format(new Date(d.closesAt));
  const phrases = d.kind === 'event-start' ? STARTS : REMINDER;
  const [subject, text] = phrases[lang(language)](inLanguage(d.title, language), when, days);
  return { subject, text: `${text}${footer(language, unsubscribeUrl)}` };
}
