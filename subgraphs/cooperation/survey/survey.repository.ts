import { versionedUpdate } from '../../core/versioning';
import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import {
  type ConnectionResult,
  type KeysetOrder,
  type PageArgs,
  paginate,
} from '../../core/connection';
import { columnValues, insertSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { Survey, SurveyQuestion } from './survey.entity';
import type { QuestionKind, SurveyAudience, SurveyStatus } from './survey.enums';

export const SURVEYS_NEWEST_FIRST: KeysetOrder<Survey> = {
  name: 'OPENS_AT_DESC',
  direction: 'DESC',
  keys: [
    { sql: 's.opens_at', type: 'timestamp', value: (s) => s.opensAt },
    { sql: 's.id', type: 'uuid', value: (s) => s.id },
  ],
};

/** The status a survey has now: an OPEN survey past its closing time is CLOSED. */
const EFFECTIVE_STATUS = `CASE WHEN s.status = 'OPEN' AND s.closes_at <= now() THEN 'CLOSED' ELSE s.status END`;

export interface SurveyListFilter {
  statuses?: SurveyStatus[];
  audiences?: SurveyAudience[];
  serviceAreaIds?: string[];
  from?: Date;
  to?: Date;
  includeDrafts: boolean;
}

export interface SurveyValues {
  title?: LocalizedText;
  description?: LocalizedText | null;
  audience?: SurveyAudience;
  opensAt?: Date;
  closesAt?: Date;
  anonymous?: boolean;
  serviceAreaIds?: string[];
  salt?: string;
}

export interface QuestionValues {
  text: LocalizedText;
  kind: QuestionKind;
  options: LocalizedText[];
  required: boolean;
}

const SURVEY_COLUMNS = {
  columns: {
    title: 'title',
    description: 'description',
    audience: 'audience',
    opensAt: 'opens_at',
    closesAt: 'closes_at',
    anonymous: 'anonymous',
    serviceAreaIds: 'service_area_ids',
    salt: 'salt',
  },
  json: new Set(['title', 'description']),
};

/** All SQL of keeping surveys and their questions. */
export class SurveyRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<Survey[]> {
    return this.db
      .getRepository(Survey)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .getMany();
  }

  /**
   * The survey with its salt (kept out of every other read), share-locked against a racing
   * close. Call it inside a transaction: the lock lasts until it ends.
   */
  forAnswering(id: string): Promise<Survey | null> {
    return this.db
      .getRepository(Survey)
      .createQueryBuilder('s')
      .addSelect('s.salt')
      .where('s.id = :id', { id })
      .setLock('pessimistic_read')
      .getOne();
  }

  page(filter: SurveyListFilter, args: PageArgs): Promise<ConnectionResult<Survey>> {
    const q = this.db.getRepository(Survey).createQueryBuilder('s').where('TRUE');
    if (!filter.includeDrafts) q.andWhere(`s.status <> 'DRAFT'`);
    if (filter.statuses?.length) {
      q.andWhere(`${EFFECTIVE_STATUS} = ANY(:statuses)`, { statuses: filter.statuses });
    }
    if (filter.audiences?.length) {
      q.andWhere('s.audience = ANY(:audiences)', { audiences: filter.audiences });
    }
    if (filter.serviceAreaIds?.length) {
      q.andWhere(`(s.service_area_ids = '{}' OR s.service_area_ids && :areas::uuid[])`, {
        areas: filter.serviceAreaIds,
      });
    }
    if (filter.from) q.andWhere('s.closes_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('s.opens_at < :to', { to: filter.to });
    return paginate(q, SURVEYS_NEWEST_FIRST, args);
  }

  /** Published surveys open at any time in [from, to), by closing time; city-wide ones always. */
  overlapping(from: Date, to: Date, serviceAreaId: string | null): Promise<Survey[]> {
    const q = this.db
      .getRepository(Survey)
      .createQueryBuilder('s')
      .where(`s.status <> 'DRAFT'`)
      .andWhere('s.closes_at > :from AND s.opens_at < :to', { from, to });
    if (serviceAreaId) {
      q.andWhere(`(s.service_area_ids = '{}' OR :area = ANY(s.service_area_ids))`, {
        area: serviceAreaId,
      });
    }
    return q.orderBy('s.closes_at', 'ASC').addOrderBy('s.id', 'ASC').getMany();
  }

  async insert(values: SurveyValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql('cooperation.survey', columnValues(values, SURVEY_COLUMNS)),
    );
    return rows[0].id;
  }

  /** Every update is a change (its questions may be in the other table): a new sequence. */
  async update(id: string, values: SurveyValues, expectedVersion: number | null): Promise<void> {
    await versionedUpdate(
      this.db,
      'cooperation.survey',
      'Survey',
      id,
      columnValues(values, SURVEY_COLUMNS),
      expectedVersion,
      { also: ['updated_at = now()', 'sequence = sequence + 1'], evenWithoutValues: true },
    );
  }

  /** The stored status, the row locked until the transaction ends; null when it is gone. */
  async lockedStatus(id: string): Promise<SurveyStatus | null> {
    const rows: Array<{ status: SurveyStatus }> = await this.db.query(
      `SELECT status FROM cooperation.survey WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Moves a survey from one stored status to another; false when it was not in `from`
   * any more (a racing open or close got there first).
   */
  async setStatus(id: string, from: SurveyStatus, to: SurveyStatus): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(
        `UPDATE cooperation.survey SET status = $3, updated_at = now(), sequence = sequence + 1
          WHERE id = $1 AND status = $2 RETURNING id`,
      ),
      [id, from, to],
    );
    return rows.length > 0;
  }

  questionsOf(surveyIds: readonly string[]): Promise<SurveyQuestion[]> {
    return this.db
      .getRepository(SurveyQuestion)
      .createQueryBuilder('q')
      .where('q.survey_id = ANY(:surveyIds)', { surveyIds })
      .orderBy('q.survey_id')
      .addOrderBy('q.position')
      .getMany();
  }

  questionsByIds(ids: readonly string[]): Promise<SurveyQuestion[]> {
    return this.db
      .getRepository(SurveyQuestion)
      .createQueryBuilder('q')
      .where('q.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Replaces a draft's questions: every question in one statement, numbered from 1. */
  async replaceQuestions(surveyId: string, questions: readonly QuestionValues[]): Promise<void> {
    await this.db.query(`DELETE FROM cooperation.survey_question WHERE survey_id = $1`, [surveyId]);
    await this.db.query(
      `INSERT INTO cooperation.survey_question (survey_id, position, text, kind, options, required)
       SELECT $1, q.position, q.text, q.kind, q.options, q.required
         FROM jsonb_to_recordset($2::jsonb)
           AS q(position int, text jsonb, kind text, options jsonb, required boolean)`,
      [surveyId, JSON.stringify(questions.map((q, i) => ({ ...q, position: i + 1 })))],
    );
  }
}
