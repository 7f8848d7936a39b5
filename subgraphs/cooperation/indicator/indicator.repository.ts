import type { Connection } from '../../core/data';
import { returningRows } from '../../core/database';
import { columnValues, insertSql } from '../../core/sql-writes';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { Indicator, IndicatorValue } from './indicator.entity';
import type { IndicatorKind, IndicatorMetric } from './indicator.enums';

export interface IndicatorValues {
  name: LocalizedText;
  description: LocalizedText | null;
  kind: IndicatorKind;
  theme: string | null;
  surveyQuestionId: string | null;
  countedOptions: number[] | null;
  metric: IndicatorMetric | null;
  position: number;
}

export interface PeriodValues {
  indicatorId: string;
  period: string;
  value: string | null;
  label: LocalizedText | null;
  source: LocalizedText | null;
  surveyId: string | null;
  /** For a computed value: the public graph query and variables that gave it. */
  computedBy?: { query: string; variables: Record<string, unknown> } | null;
}

/** All SQL of indicators and their values. */
export class IndicatorRepository {
  constructor(private readonly db: Connection) {}

  byIds(ids: readonly string[]): Promise<Indicator[]> {
    return this.db
      .getRepository(Indicator)
      .createQueryBuilder('i')
      .where('i.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** In table order (position), then by name. */
  list(kind: IndicatorKind | null): Promise<Indicator[]> {
    const q = this.db.getRepository(Indicator).createQueryBuilder('i');
    if (kind) q.where('i.kind = :kind', { kind });
    return q
      .orderBy('i.kind')
      .addOrderBy('i.position')
      .addOrderBy(`i.name->>'fi'`)
      .addOrderBy('i.id')
      .getMany();
  }

  /** The values of many indicators, oldest period first. */
  valuesOf(indicatorIds: readonly string[]): Promise<IndicatorValue[]> {
    return this.db
      .getRepository(IndicatorValue)
      .createQueryBuilder('v')
      .where('v.indicator_id = ANY(:indicatorIds)', { indicatorIds })
      .orderBy('v.indicator_id')
      .addOrderBy('v.period')
      .getMany();
  }

  async insert(values: IndicatorValues): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      ...insertSql(
        'cooperation.indicator',
        columnValues(values, {
          columns: {
            name: 'name',
            description: 'description',
            kind: 'kind',
            theme: 'theme',
            surveyQuestionId: 'survey_question_id',
            countedOptions: 'option_indexes',
            metric: 'metric',
            position: 'position',
          },
          json: new Set(['name', 'description']),
        }),
      ),
    );
    return rows[0].id;
  }

  /** Records a period's value; one recorded earlier for the period is replaced. */
  async recordValue(values: PeriodValues): Promise<void> {
    await this.db.query(
      `INSERT INTO cooperation.indicator_value
         (indicator_id, period, value, label, source, survey_id, computed_query, computed_variables)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT indicator_value_once DO UPDATE
         SET value = EXCLUDED.value, label = EXCLUDED.label, source = EXCLUDED.source,
             survey_id = EXCLUDED.survey_id, computed_query = EXCLUDED.computed_query,
             computed_variables = EXCLUDED.computed_variables, recorded_at = now()`,
      [
        values.indicatorId,
        values.period,
        values.value,
        values.label && JSON.stringify(values.label),
        values.source && JSON.stringify(values.source),
        values.surveyId,
        values.computedBy?.query ?? null,
        values.computedBy ? JSON.stringify(values.computedBy.variables) : null,
      ],
    );
  }

  async removeValue(indicatorId: string, period: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      returningRows(
        `DELETE FROM cooperation.indicator_value WHERE indicator_id = $1 AND period = $2 RETURNING id`,
      ),
      [indicatorId, period],
    );
    return rows.length > 0;
  }
}
