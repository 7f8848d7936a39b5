import type { Connection } from '../data';
import { canonicalEmail } from '../email-address';
import { BadUserInputError, ForbiddenError } from '../errors';
import type { Identity } from '../identity';
import {
  PersonalDataAction,
  PersonalDataDisposition,
  type PersonalDataAnswer,
  type PersonalDataRequestInput,
} from './personal-data.types';

/** A person as the hub finds their data: by their token's subject and by their addresses. */
export interface DataSubject {
  subject: string;
  /** Canonical (lower-case) addresses; may be empty. */
  emails: string[];
}

/** One record as a subgraph's source finds it. */
export interface PersonalDataItem {
  kind: string;
  id: string;
  /** In the order they are shown; a null value is shown as empty. */
  fields: Array<[key: string, value: string | number | boolean | Date | null | undefined]>;
  disposition: PersonalDataDisposition;
  /** The law that keeps it, for KEEP. */
  keptBecause?: string;
}

/**
 * What each subgraph writes for the GDPR endpoint: where it keeps a person's data and what
 * erasure does to each kind. `erase` is given what `find` found, so a dry run and an
 * erasure always agree on what is erased.
 */
export interface PersonalDataSource {
  find(person: DataSubject): Promise<PersonalDataItem[]>;
  erase(person: DataSubject, items: PersonalDataItem[], now: Date): Promise<void>;
}

/** The scope of the city's data-protection role, honoured on staff and admin tokens only. */
export const DATA_PROTECTION_SCOPE = 'dataprotection';
/** The Helsinki profile GDPR API's scopes for a person's own export and erasure. */
export const GDPR_QUERY_SCOPE = 'gdprquery';
export const GDPR_DELETE_SCOPE = 'gdprdelete';

const MAX_EMAILS = 10;

/** The city's data-protection role: a staff or admin token with the `dataprotection` scope. */
export function actsForDataProtection(identity: Identity): boolean {
  return (
    (identity.role === 'staff' || identity.role === 'admin') &&
    (identity.scopes ?? []).includes(DATA_PROTECTION_SCOPE)
  );
}

/**
 * Checks a request and says whose data it is: the person themself, with the scope for what
 * they ask (gdprquery to see, gdprdelete to erase), or the data-protection role. Addresses
 * find records, so a person may name only the verified address in their own token: anyone
 * could type someone else's.
 */
export function dataSubjectOf(identity: Identity, input: PersonalDataRequestInput): DataSubject {
  const subject = typeof input.subject === 'string' ? input.subject.trim() : '';
  if (subject.length === 0 || subject.length > 255 || /[\p{Cc}\p{Cs}]/u.test(subject)) {
    throw BadUserInputError.single(
      'input.subject',
      'SUBJECT',
      'must be a token subject: 1 to 255 characters without control characters',
    );
  }
  const given = input.emails ?? [];
  if (given.length > MAX_EMAILS) {
    throw BadUserInputError.single('input.emails', 'MAX_ITEMS', `at most ${MAX_EMAILS} addresses`);
  }
  const emails: string[] = [];
  given.forEach((text, i) => {
    const email = typeof text === 'string' && text.length <= 320 ? canonicalEmail(text) : null;
    if (!email) {
      throw BadUserInputError.single(
        `input.emails[${i}]`,
        'EMAIL',
        'must be one email address like name@example.fi',
      );
    }
    if (!emails.includes(email)) emails.push(email);
  });
  if (actsForDataProtection(identity)) return { subject, emails };

  const scope = input.action === PersonalDataAction.EXPORT ? GDPR_QUERY_SCOPE : GDPR_DELETE_SCOPE;
  const what = input.action === PersonalDataAction.EXPORT ? 'reading' : 'erasing';
  const own = identity.subject !== null && identity.subject === subject;
  if (!own || !(identity.scopes ?? []).includes(scope)) {
    throw new ForbiddenError(
      identity.role === 'anonymous'
        ? `${what} personal data (sign in first: only the person, with the ${scope} scope, or the data-protection role)`
        : `${what} the personal data of ${subject} (only the person themself, with the ${scope} scope, or the data-protection role)`,
    );
  }
  const others = emails.filter((email) => email !== identity.email);
  if (others.length > 0) {
    throw new ForbiddenError(
      `finding personal data by ${others.join(', ')} (a person may name only the verified email of their own token; the data-protection role may name others)`,
    );
  }
  return { subject, emails };
}

/**
 * Every request for a person's data, written before it is answered: who asked, for whom,
 * what, and how many records there were. The log names the subject, not the addresses: it
 * is kept to show that requests were answered (GDPR article 5(2)), after the data is gone.
 */
export class PersonalDataLog {
  constructor(
    private readonly db: Connection,
    private readonly schema: string,
  ) {}

  async record(entry: {
    at: Date;
    action: PersonalDataAction;
    subject: string;
    emailCount: number;
    caller: Identity;
    records: number;
    erasable: number;
  }): Promise<string> {
    const rows = (await this.db.query(
      `INSERT INTO ${this.schema}.personal_data_request
         (at, action, subject, email_count, caller_subject, caller_role, data_protection, records, erasable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        entry.at,
        entry.action,
        entry.subject,
        entry.emailCount,
        entry.caller.subject,
        entry.caller.role,
        actsForDataProtection(entry.caller),
        entry.records,
        entry.erasable,
      ],
    )) as Array<{ id: string }>;
    return rows[0].id;
  }
}

function shown(value: PersonalDataItem['fields'][number][1]): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** One subgraph's side of a request: checked, logged, answered, and erased when asked. */
export class PersonalDataService {
  constructor(
    private readonly service: string,
    private readonly identity: Identity,
    private readonly source: PersonalDataSource,
    private readonly log: PersonalDataLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async handle(input: PersonalDataRequestInput): Promise<PersonalDataAnswer> {
    const person = dataSubjectOf(this.identity, input);
    const at = this.now();
    const items = await this.source.find(person);
    const changing = items.filter((item) => item.disposition !== PersonalDataDisposition.KEEP);
    // Logged before anything is shown or changed: a request that fails after this line is
    // still on record, one that fails before it has seen nothing.
    const requestId = await this.log.record({
      at,
      action: input.action,
      subject: person.subject,
      emailCount: person.emails.length,
      caller: this.identity,
      records: items.length,
      erasable: changing.length,
    });
    if (input.action === PersonalDataAction.ERASE && changing.length > 0) {
      await this.source.erase(person, changing, at);
    }
    return {
      service: this.service,
      action: input.action,
      requestId,
      records: items.map((item) => ({
        kind: item.kind,
        id: item.id,
        fields: item.fields.map(([key, value]) => ({ key, value: shown(value) })),
        disposition: item.disposition,
        keptBecause: item.keptBecause ?? null,
      })),
    };
  }
}
