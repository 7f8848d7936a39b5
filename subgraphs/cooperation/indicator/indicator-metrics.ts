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

/**
 * One metric: a query to the public graph, its variables for a period, and how the value
 * is read from the answer. The query and variables are kept beside each value, so anyone
 * can run them in GraphiQL and get the figure again.
 */
interface Metric {
  /** Written as the value's source. */
  source: LocalizedText;
  query: string;
  variables(period: MetricYear, now: Date): Record<string, unknown>;
  /** The value as an exact decimal string: a count, or a share with four places. */
  read(data: never): string;
}

/** A value with the query and variables that computed it. */
export interface ComputedValue {
  value: string;
  query: string;
  variables: Record<string, unknown>;
}

export async function computeMetric(
  graph: PublicGraph,
  metric: IndicatorMetric,
  period: MetricYear,
  now: Date,
): Promise<ComputedValue> {
  const { query, variables, read } = METRICS[metric];
  const values = variables(period, now);
  const data = await graph.query<never>(query, values);
  return { value: read(data), query, variables: values };
}

const EVENINGS = `query EveningFigures($from: DateTime!, $to: DateTime!) {
  eventStatistics(groupBy: [], filter: { kinds: [ASSOCIATION_EVENING], statuses: [SCHEDULED], from: $from, to: $to }) {
    total { count participants associations came }
  }
}`;

type Evenings = {
  eventStatistics: {
    total: { count: number; participants: number; associations: number; came: number };
  };
};

const year = (period: MetricYear) => ({
  from: period.from.toISOString(),
  to: period.to.toISOString(),
});

/** A figure of the year's association evenings. */
function evenings(
  source: LocalizedText,
  figure: keyof Evenings['eventStatistics']['total'],
): Metric {
  return {
    source,
    query: EVENINGS,
    variables: year,
    read: (data: Evenings) => String(data.eventStatistics.total[figure]),
  };
}

const SUPPORTED = `query SupportedEvents($from: DateTime!, $to: DateTime!) {
  eventStatistics(groupBy: [], filter: { statuses: [SCHEDULED], from: $from, to: $to }) { total { withCitySupport } }
}`;

const DIRECTORY = `query DirectorySize { associations(first: 0, filter: { statuses: [ACTIVE] }) { totalCount } }`;

const REACHED = `query SubscribersReached { subscribersReached }`;

const GRANTS = `query GrantFigures($year: Int!) {
  grantStatistics(groupBy: [YEAR], filter: { year: $year }) { total { applicationCount awardedCount } }
}`;

type Grants = { grantStatistics: { total: { applicationCount: number; awardedCount: number } } };

function grants(source: LocalizedText, figure: keyof Grants['grantStatistics']['total']): Metric {
  return {
    source,
    query: GRANTS,
    variables: (period) => ({ year: period.year }),
    read: (data: Grants) => String(data.grantStatistics.total[figure]),
  };
}

const RESERVED = `query ReservedHours($from: DateTime!, $to: DateTime!) {
  reservationStatistics(groupBy: [], filter: { from: $from, to: $to }) { total { hours } }
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
  [IndicatorMetric.ASSOCIATION_EVENINGS]: evenings(
    { fi: 'Yhdistysillat tapahtumakalenterissa', en: 'Association evenings in the hub' },
    'count',
  ),
  [IndicatorMetric.ASSOCIATION_EVENING_PARTICIPANTS]: evenings(
    { fi: 'Yhdistysiltojen ilmoittautumiset', en: 'Enrolments to association evenings' },
    'participants',
  ),
  [IndicatorMetric.ASSOCIATION_EVENING_ATTENDEES]: evenings(
    {
      fi: 'Yhdistysiltoihin tulleet (kirjattu läsnäolo)',
      en: 'People who came to association evenings (recorded attendance)',
    },
    'came',
  ),
  [IndicatorMetric.ASSOCIATION_EVENING_ASSOCIATIONS]: evenings(
    {
      fi: 'Yhdistysiltoihin osallistuneet yhdistykset',
      en: 'Associations taking part in association evenings',
    },
    'associations',
  ),
  [IndicatorMetric.EVENTS_WITH_CITY_SUPPORT]: {
    source: {
      fi: 'Kaupungin tukemat tapahtumat (tukipyynnöt)',
      en: 'Events the city supported (support requests)',
    },
    query: SUPPORTED,
    variables: year,
    read: (data: { eventStatistics: { total: { withCitySupport: number } } }) =>
      String(data.eventStatistics.total.withCitySupport),
  },
  [IndicatorMetric.ASSOCIATIONS_IN_DIRECTORY]: {
    source: {
      fi: 'Yhdistysrekisterin aktiiviset yhdistykset',
      en: 'Active associations in the directory',
    },
    query: DIRECTORY,
    variables: () => ({}),
    read: (data: { associations: { totalCount: number } }) => String(data.associations.totalCount),
  },
  [IndicatorMetric.SUBSCRIBERS_REACHED]: {
    source: { fi: 'Tiedotteiden sähköpostitilaajat', en: 'E-mail subscribers of announcements' },
    query: REACHED,
    variables: () => ({}),
    read: (data: { subscribersReached: number }) => String(data.subscribersReached),
  },
  [IndicatorMetric.GRANT_APPLICATIONS]: grants(
    { fi: 'Avustushakemukset', en: 'Grant applications in the hub' },
    'applicationCount',
  ),
  [IndicatorMetric.GRANTS_AWARDED]: grants(
    { fi: 'Myönnetyt avustukset', en: 'Grants awarded in the hub' },
    'awardedCount',
  ),
  [IndicatorMetric.RESERVED_HOURS]: {
    source: {
      fi: 'Yhdistysten vahvistetut tilavaraukset',
      en: 'Confirmed reservations by associations',
    },
    query: RESERVED,
    variables: year,
    read: (data: { reservationStatistics: { total: { hours: string } } }) =>
      data.reservationStatistics.total.hours,
  },
  [IndicatorMetric.SERVICE_AREAS_WITH_LIAISON_SHARE]: {
    source: {
      fi: 'Palvelualueet, joilla on nimetty yhdyshenkilö',
      en: 'Service areas naming a liaison',
    },
    query: LIAISONS,
    variables: () => ({}),
    read: ({ serviceAreas }: { serviceAreas: Array<{ liaisons: unknown[] }> }) =>
      share(serviceAreas.filter((a) => a.liaisons.length > 0).length, serviceAreas.length),
  },
  [IndicatorMetric.ASSOCIATIONS_UPDATED_WITHIN_YEAR_SHARE]: {
    source: {
      fi: 'Yhdistykset, joiden tiedot tai yhteyshenkilöt on päivitetty vuoden sisällä',
      en: 'Associations whose details or contacts were updated within a year',
    },
    query: UPDATED,
    variables: (period, now) => ({
      since: new Date(Math.min(now.getTime(), period.to.getTime()) - YEAR_MS).toISOString(),
    }),
    read: (data: { all: { totalCount: number }; updated: { totalCount: number } }) =>
      share(data.updated.totalCount, data.all.totalCount),
  },
};
