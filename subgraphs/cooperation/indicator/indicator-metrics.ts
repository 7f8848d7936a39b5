import type { PublicGraph } from '../../core/public-graph';
import { fromHelsinkiLocal } from '../../core/time';
import type { LocalizedText } from '../../core/types/localized-text.type';
import { share } from '../survey/survey-results';
import { IndicatorMetric } from './indicator.enums';

/** A calendar year in Helsinki time, as the metrics count it. */
export interface MetricYear {
  year: number;
  from: Date;
  to: Date;
}

export function metricYear(year: number): MetricYear {
  return {
    year,
    from: fromHelsinkiLocal(`${year}-01-01T00:00`),
    to: fromHelsinkiLocal(`${year + 1}-01-01T00:00`),
  };
}

interface Metric {
  /** Written as the value's source. */
  source: LocalizedText;
  /** The value as an exact decimal string: a count, or a share with four places. */
  compute(graph: PublicGraph, period: MetricYear, now: Date): Promise<string>;
}

const EVENINGS = `query EveningFigures($from: DateTime!, $to: DateTime!) {
  eventStatistics(groupBy: [KIND], filter: { kinds: [ASSOCIATION_EVENING], statuses: [SCHEDULED], from: $from, to: $to }) {
    count participants associations
  }
}`;

async function evenings(graph: PublicGraph, period: MetricYear) {
  const data = await graph.query<{
    eventStatistics: Array<{ count: number; participants: number; associations: number }>;
  }>(EVENINGS, { from: period.from.toISOString(), to: period.to.toISOString() });
  return data.eventStatistics[0] ?? { count: 0, participants: 0, associations: 0 };
}

const GRANTS = `query GrantFigures($year: Int!) {
  grantStatistics(groupBy: [YEAR], filter: { year: $year }) { total { applicationCount awardedCount } }
}`;

async function grants(graph: PublicGraph, period: MetricYear) {
  const data = await graph.query<{
    grantStatistics: { total: { applicationCount: number; awardedCount: number } };
  }>(GRANTS, { year: period.year });
  return data.grantStatistics.total;
}

const RESERVED = `query ReservedHours($from: DateTime!, $to: DateTime!) {
  reservationStatistics(groupBy: [], filter: { from: $from, to: $to }) { hours }
}`;

const LIAISONS = `query LiaisonCoverage { serviceAreas { id liaisons { id } } }`;

const UPDATED = `query UpdatedAssociations($since: DateTime!) {
  all: associations(first: 0, filter: { statuses: [ACTIVE] }) { totalCount }
  updated: associations(first: 0, filter: { statuses: [ACTIVE], updatedSince: $since }) { totalCount }
}`;

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * How each metric is computed: one query to the public graph, answered by the subgraph
 * that owns the figures, so no subgraph reads another's tables.
 */
export const METRICS: Readonly<Record<IndicatorMetric, Metric>> = {
  [IndicatorMetric.ASSOCIATION_EVENINGS]: {
    source: { fi: 'Yhdistysillat tapahtumakalenterissa', en: 'Association evenings in the hub' },
    compute: async (graph, period) => String((await evenings(graph, period)).count),
  },
  [IndicatorMetric.ASSOCIATION_EVENING_PARTICIPANTS]: {
    source: { fi: 'Yhdistysiltojen ilmoittautumiset', en: 'Enrolments to association evenings' },
    compute: async (graph, period) => String((await evenings(graph, period)).participants),
  },
  [IndicatorMetric.ASSOCIATION_EVENING_ASSOCIATIONS]: {
    source: {
      fi: 'Yhdistysiltoihin osallistuneet yhdistykset',
      en: 'Associations taking part in association evenings',
    },
    compute: async (graph, period) => String((await evenings(graph, period)).associations),
  },
  [IndicatorMetric.GRANT_APPLICATIONS]: {
    source: { fi: 'Avustushakemukset', en: 'Grant applications in the hub' },
    compute: async (graph, period) => String((await grants(graph, period)).applicationCount),
  },
  [IndicatorMetric.GRANTS_AWARDED]: {
    source: { fi: 'Myönnetyt avustukset', en: 'Grants awarded in the hub' },
    compute: async (graph, period) => String((await grants(graph, period)).awardedCount),
  },
  [IndicatorMetric.RESERVED_HOURS]: {
    source: {
      fi: 'Yhdistysten vahvistetut tilavaraukset',
      en: 'Confirmed reservations by associations',
    },
    compute: async (graph, period) => {
      const data = await graph.query<{ reservationStatistics: Array<{ hours: string }> }>(
        RESERVED,
        {
          from: period.from.toISOString(),
          to: period.to.toISOString(),
        },
      );
      return data.reservationStatistics[0]?.hours ?? '0.00';
    },
  },
  [IndicatorMetric.SERVICE_AREAS_WITH_LIAISON_SHARE]: {
    source: {
      fi: 'Palvelualueet, joilla on nimetty yhdyshenkilö',
      en: 'Service areas naming a liaison',
    },
    compute: async (graph) => {
      const { serviceAreas } = await graph.query<{
        serviceAreas: Array<{ liaisons: unknown[] }>;
      }>(LIAISONS);
      return share(serviceAreas.filter((a) => a.liaisons.length > 0).length, serviceAreas.length);
    },
  },
  [IndicatorMetric.ASSOCIATIONS_UPDATED_WITHIN_YEAR_SHARE]: {
    source: {
      fi: 'Yhdistykset, joiden tiedot tai yhteyshenkilöt on päivitetty vuoden sisällä',
      en: 'Associations whose details or contacts were updated within a year',
    },
    compute: async (graph, period, now) => {
      const end = Math.min(now.getTime(), period.to.getTime());
      const data = await graph.query<{
        all: { totalCount: number };
        updated: { totalCount: number };
      }>(UPDATED, { since: new Date(end - YEAR_MS).toISOString() });
      return share(data.updated.totalCount, data.all.totalCount);
    },
  },
};
