import type { DataSource } from 'typeorm';
import type { Connection } from '../data';
import { transactionWithRetry } from '../database';
import type { Identity } from '../identity';
import {
  type DataSubject,
  type PersonalDataItem,
  PersonalDataLog,
  PersonalDataService,
  type PersonalDataSource,
} from './personal-data.service';
import { PersonalDataDisposition } from './personal-data.types';

/**
 * What stands where a person's subject was, once it is anonymised: `erased:<row id>`, no
 * one's, and still one per row, so counts of distinct people (respondents, enrollers) and
 * unique keys stay as they were.
 */
export const ERASED_SUBJECT_PREFIX = 'erased:';

/**
 * One kind of record that names a person, described once and read the same way by export
 * and erasure: the table, the columns that hold their token subject or address, what the
 * export shows, and what erasure does. Each subgraph lists its kinds (`<subgraph>/privacy`);
 * the SQL is written here once, from those lists, never from input.
 */
export interface SubjectRecords {
  kind: string;
  /** The table, e.g. `events.enrolment`; its key column is `id`. */
  table: string;
  /** The type of `id` when it is not a uuid. */
  idType?: 'bigint';
  /** The export's order, over `t`; `t.id` by default. */
  order?: string;
  /** Columns holding a token subject; anonymised to `erased` where they hold the person's. */
  subjectColumns?: readonly string[];
  /** What the subject columns hold before the subject, e.g. `staff:`. */
  subjectPrefix?: string;
  /** Columns holding an address, matched lower-cased against the person's. */
  emailColumns?: readonly string[];
  /**
   * The export's values: a SELECT list over the table as `t` (joins in `joins`), each
   * aliased to its key, e.g. `t.people AS "PEOPLE"`. `t.id` is added first.
   */
  select: string;
  joins?: string;
  /** Keeps the rows out of the person's data unless this holds (e.g. not anonymous). */
  where?: string;
  disposition: PersonalDataDisposition;
  /** For KEEP: the law that keeps it. */
  keptBecause?: string;
  /**
   * For ANONYMISE: more to clear beyond the subject columns, as SET items over the row
   * (e.g. `comment = NULL`); for rows found by address this is the whole anonymisation.
   */
  alsoClear?: string;
  /** A statement run after the anonymisation with the rows' ids as $1 (e.g. cancel what was pending). */
  alsoRun?: string;
  /** A per-row decision overriding `disposition` (e.g. a draft is anonymised, a filed one kept). */
  decide?: (row: Record<string, unknown>) => {
    disposition: PersonalDataDisposition;
    keptBecause?: string;
  };
}

type Row = Record<string, unknown> & { id: string };

/** The WHERE of one kind and its parameters: only those it uses (PostgreSQL types each). */
function matching(records: SubjectRecords, person: DataSubject): [string, unknown[]] {
  const parameters: unknown[] = [];
  const conditions: string[] = [];
  if (records.subjectColumns?.length) {
    parameters.push(`${records.subjectPrefix ?? ''}${person.subject}`);
    conditions.push(...records.subjectColumns.map((c) => `t.${c} = $${parameters.length}`));
  }
  if (records.emailColumns?.length) {
    parameters.push(person.emails);
    conditions.push(
      ...records.emailColumns.map((c) => `lower(t.${c}) = ANY($${parameters.length}::text[])`),
    );
  }
  const where = `(${conditions.join(' OR ')})${records.where ? ` AND (${records.where})` : ''}`;
  return [where, parameters];
}

/** Every record of the person in one kind. */
export async function findSubjectRecords(
  db: Connection,
  records: SubjectRecords,
  person: DataSubject,
): Promise<PersonalDataItem[]> {
  if (!records.subjectColumns?.length && person.emails.length === 0) return [];
  const [where, parameters] = matching(records, person);
  const rows = (await db.query(
    `SELECT t.id::text AS id, ${records.select}
       FROM ${records.table} t ${records.joins ?? ''}
      WHERE ${where}
      ORDER BY ${records.order ?? 't.id'}`,
    parameters,
  )) as Row[];
  return rows.map((row) => {
    const { id, ...values } = row;
    const decided = records.decide?.(row) ?? {
      disposition: records.disposition,
      keptBecause: records.keptBecause,
    };
    return {
      kind: records.kind,
      id,
      fields: Object.entries(values) as PersonalDataItem['fields'],
      disposition: decided.disposition,
      keptBecause: decided.keptBecause,
    };
  });
}

/** Erases or anonymises the given records of one kind (found by `findSubjectRecords`). */
export async function eraseSubjectRecords(
  db: Connection,
  records: SubjectRecords,
  person: DataSubject,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  const byId = `id = ANY($1::${records.idType ?? 'uuid'}[])`;
  if (records.disposition === PersonalDataDisposition.ERASE) {
    await db.query(`DELETE FROM ${records.table} WHERE ${byId}`, [ids]);
    return;
  }
  const sets = [
    // Only the columns that name this person: a reservation they made but someone else
    // cancelled keeps the canceller.
    ...(records.subjectColumns ?? []).map(
      (c) => `${c} = CASE WHEN ${c} = $2 THEN '${ERASED_SUBJECT_PREFIX}' || id::text ELSE ${c} END`,
    ),
    ...(records.alsoClear ? [records.alsoClear] : []),
  ];
  const named = (records.subjectColumns ?? []).length > 0;
  await db.query(
    `UPDATE ${records.table} SET ${sets.join(', ')} WHERE ${byId}`,
    named ? [ids, `${records.subjectPrefix ?? ''}${person.subject}`] : [ids],
  );
  if (records.alsoRun) await db.query(records.alsoRun, [ids]);
}

/**
 * A subgraph's personal data made of kinds of records only: found kind by kind, erased in
 * one transaction (`transaction` runs the work on one connection).
 */
export class SubjectRecordsSource implements PersonalDataSource {
  constructor(
    private readonly db: Connection,
    private readonly transaction: <T>(work: (db: Connection) => Promise<T>) => Promise<T>,
    private readonly kinds: readonly SubjectRecords[],
  ) {}

  async find(person: DataSubject): Promise<PersonalDataItem[]> {
    const found: PersonalDataItem[] = [];
    for (const kind of this.kinds) found.push(...(await findSubjectRecords(this.db, kind, person)));
    return found;
  }

  async erase(person: DataSubject, items: PersonalDataItem[]): Promise<void> {
    await this.transaction(async (db) => {
      for (const kind of this.kinds) {
        const ids = items
          .filter((i) => i.kind === kind.kind && i.disposition !== PersonalDataDisposition.KEEP)
          .map((i) => i.id);
        await eraseSubjectRecords(db, kind, person, ids);
      }
    });
  }
}

/** The personal-data service of a subgraph whose personal data is `kinds` only. */
export function subjectRecordsService(
  service: string,
  db: DataSource,
  identity: Identity,
  kinds: readonly SubjectRecords[],
): PersonalDataService {
  return new PersonalDataService(
    service,
    identity,
    new SubjectRecordsSource(db, (work) => transactionWithRetry(db, work), kinds),
    new PersonalDataLog(db, service),
  );
}
