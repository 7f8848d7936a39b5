import { canonicalEmail } from './email-address';
import { BadUserInputError, type FieldProblem } from './errors';
import { isUuid } from './ids';
import { isMunicipalityCode } from './municipalities';
import type { Address } from './types/address.type';
import { LANGUAGES, type LocalizedText } from './types/localized-text.type';

/**
 * The given keys of checked values: an update writes what the client sent and leaves what
 * it left out, so `undefined` (not given) is dropped while `null` (clear it) is kept.
 */
export function givenOnly<T extends object>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as never;
}

/**
 * Input checks every subgraph shares. A `Validator` collects every problem of one input
 * and normalises values as it goes (trimmed text, lower-case emails), so a client learns
 * all that is wrong in one round trip and a service writes only checked, clean values.
 */
export class Validator {
  readonly problems: FieldProblem[] = [];

  problem(field: string, rule: string, message: string): void {
    this.problems.push({ field, rule, message });
  }

  /** Throws BAD_USER_INPUT naming every broken rule; call before writing anything. */
  throwIfInvalid(): void {
    if (this.problems.length > 0) throw new BadUserInputError(this.problems);
  }

  /**
   * Trimmed text within a length; blank becomes null. `required` makes null a problem.
   * Returns undefined when the value was not given, so updates can leave fields alone.
   */
  text(
    field: string,
    value: string | null | undefined,
    options: { max: number; required?: boolean },
  ): string | null | undefined {
    if (value === undefined) {
      if (options.required) this.problem(field, 'REQUIRED', 'is required');
      return undefined;
    }
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') {
      if (options.required) this.problem(field, 'REQUIRED', 'must not be empty');
      return null;
    }
    if (trimmed.length > options.max) {
      this.problem(field, 'MAX_LENGTH', `must be at most ${options.max} characters`);
    }
    return trimmed;
  }

  /** A multilingual text: `fi` required (when the text is), every language trimmed and bounded. */
  localized(
    field: string,
    value: { fi?: string | null; sv?: string | null; en?: string | null } | null | undefined,
    options: { max: number; required?: boolean },
  ): LocalizedText | null | undefined {
    if (value === undefined) {
      if (options.required) this.problem(`${field}.fi`, 'REQUIRED', 'is required');
      return undefined;
    }
    if (value === null) {
      if (options.required) this.problem(`${field}.fi`, 'REQUIRED', 'is required');
      return null;
    }
    const result: LocalizedText = {};
    for (const language of LANGUAGES) {
      const text = this.text(`${field}.${language}`, value[language], {
        max: options.max,
        required: language === 'fi',
      });
      if (text) result[language] = text;
    }
    return result;
  }

  email(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, { max: 254 });
    if (!text) return text;
    // One canonical form for the forms that reach one mailbox (see canonicalEmail), so that
    // they are stored, merged and limited as one. Deliverability is not ours to judge.
    const canonical = canonicalEmail(text);
    if (!canonical) {
      this.problem(field, 'EMAIL', 'must be one email address like name@example.fi');
      return text.toLowerCase();
    }
    return canonical;
  }

  url(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, { max: 2048 });
    if (!text) return text;
    // new URL() silently drops tabs and line breaks, so the text would not be what was
    // checked, and a line break stored would start a new line in an iCalendar feed.
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) {
      this.problem(field, 'URL', 'must not contain spaces, line breaks or control characters');
      return text;
    }
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      this.problem(field, 'URL', 'must be a full web address such as https://example.fi');
      return text;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.problem(field, 'URL_SCHEME', 'must start with http:// or https://');
    }
    return text;
  }

  /** Finnish or international phone numbers: digits with spaces, dashes, brackets, optional +. */
  phone(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, { max: 30 });
    if (!text) return text;
    const digits = text.replace(/\D/g, '').length;
    if (!/^\+?[0-9][0-9 ()-]*$/.test(text) || digits < 5 || digits > 15) {
      this.problem(
        field,
        'PHONE',
        'must be a phone number of 5 to 15 digits, e.g. +358 3 814 11 or 044 123 4567',
      );
    }
    return text;
  }

  int(
    field: string,
    value: number | null | undefined,
    range: { min: number; max: number; maxMessage?: string },
  ): number | null | undefined {
    if (value === undefined || value === null) return value;
    if (value < range.min) this.problem(field, 'MIN', `must be at least ${range.min}`);
    if (value > range.max) {
      this.problem(field, 'MAX', range.maxMessage ?? `must be at most ${range.max}`);
    }
    return value;
  }

  /** A real Statistics Finland municipality code, e.g. "398" for Lahti. */
  municipalityCode(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, { max: 3 });
    if (!text) return text;
    if (!/^\d{3}$/.test(text)) {
      this.problem(field, 'FORMAT', 'must be a three-digit municipality code, e.g. "398"');
    } else if (!isMunicipalityCode(text)) {
      this.problem(field, 'MUNICIPALITY', `${text} is not a Finnish municipality code in use`);
    }
    return text;
  }

  /** A Finnish postal address; an address with every part blank becomes null. */
  address(
    field: string,
    value:
      | {
          street?: string | null;
          postalCode?: string | null;
          city?: string | null;
          municipalityCode?: string | null;
        }
      | null
      | undefined,
  ): Address | null | undefined {
    if (value === undefined || value === null) return value;
    const result: Address = {};
    const street = this.text(`${field}.street`, value.street, { max: 200 });
    const postalCode = this.text(`${field}.postalCode`, value.postalCode, { max: 5 });
    const city = this.text(`${field}.city`, value.city, { max: 100 });
    const municipalityCode = this.municipalityCode(
      `${field}.municipalityCode`,
      value.municipalityCode,
    );
    if (postalCode && !/^\d{5}$/.test(postalCode)) {
      this.problem(`${field}.postalCode`, 'FORMAT', 'must be five digits, e.g. "15110"');
    }
    if (street) result.street = street;
    if (postalCode) result.postalCode = postalCode;
    if (city) result.city = city;
    if (municipalityCode) result.municipalityCode = municipalityCode;
    return Object.keys(result).length > 0 ? result : null;
  }

  /** ISO 639-1 language codes, lower-cased and without duplicates. */
  languageCodes(field: string, values: string[] | null | undefined): string[] | undefined {
    if (values === undefined) return undefined;
    if (values === null) return [];
    if (values.length > 20) this.problem(field, 'MAX_ITEMS', 'must list at most 20 languages');
    const codes = values.map((v) => v.trim().toLowerCase());
    codes.forEach((code, i) => {
      if (!/^[a-z]{2}$/.test(code)) {
        this.problem(
          `${field}[${i}]`,
          'LANGUAGE',
          'must be a two-letter ISO 639-1 code, e.g. "sv"',
        );
      }
    });
    return [...new Set(codes)];
  }

  /**
   * A local wall-clock time "HH:MM" (Helsinki time, by convention of the caller).
   * `endOfDay` also allows "24:00", the midnight that ends a day.
   */
  clock(
    field: string,
    value: string | null | undefined,
    options: { endOfDay?: boolean } = {},
  ): string | null | undefined {
    if (value === undefined || value === null) return value;
    const text = value.trim();
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(text) && !(options.endOfDay && text === '24:00')) {
      this.problem(
        field,
        'TIME',
        `must be a local time "HH:MM", e.g. "17:30"${options.endOfDay ? ' (or "24:00")' : ''}`,
      );
    }
    return text;
  }

  /** A calendar date "YYYY-MM-DD" that exists. */
  date(field: string, value: string | null | undefined): string | null | undefined {
    if (value === undefined || value === null) return value;
    const text = value.trim();
    const parsed = new Date(`${text}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== text
    ) {
      this.problem(field, 'DATE', 'must be a date "YYYY-MM-DD" that exists, e.g. "2027-12-06"');
    }
    return text;
  }

  /** UUIDs, lower-cased and without duplicates. */
  ids(field: string, values: string[] | null | undefined): string[] | undefined {
    if (values === undefined) return undefined;
    if (values === null) return [];
    if (values.length > 50) this.problem(field, 'MAX_ITEMS', 'must list at most 50 ids');
    values.forEach((value, i) => {
      if (!isUuid(value))
        this.problem(`${field}[${i}]`, 'UUID', `must be an id (UUID), got "${value}"`);
    });
    return [...new Set(values.map((v) => v.toLowerCase()))];
  }
}

/** The earliest and latest moments a period may name: wide for history, no wider. */
const PERIOD_BOUNDS = { from: Date.UTC(1900, 0, 1), to: Date.UTC(2200, 0, 1) };

/**
 * A period's `from` and `to` (either may be open): `to` after `from`, both between 1900 and
 * 2200, and, with `maxDays`, at most that long. Work grows with a period (a statistic's
 * opening hours are counted day by day), so a public query names a bounded one: the year
 * 1000 to 9000 had held a connection for half a minute.
 */
export function checkPeriod(
  field: string,
  period: { from?: Date | null; to?: Date | null },
  maxDays?: number,
): void {
  const v = new Validator();
  for (const end of ['from', 'to'] as const) {
    const at = period[end]?.getTime();
    if (at !== undefined && (at < PERIOD_BOUNDS.from || at >= PERIOD_BOUNDS.to)) {
      v.problem(`${field}.${end}`, 'RANGE', 'must be between the years 1900 and 2199');
    }
  }
  const { from, to } = period;
  if (from && to && to <= from) {
    v.problem(`${field}.to`, 'AFTER_FROM', `must be later than ${field}.from`);
  } else if (from && to && maxDays && to.getTime() - from.getTime() > maxDays * 86_400_000) {
    v.problem(`${field}.to`, 'MAX_RANGE', `must be at most ${maxDays} days after ${field}.from`);
  }
  v.throwIfInvalid();
}
