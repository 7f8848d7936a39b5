import type { BenchRequest } from './load';

/**
 * The operations `npm run bench` measures, as the hub's users send them (the example
 * operations' shapes, gateway/examples), and how each varies from request to request.
 */

const DIRECTORY = `query BenchDirectory($after: String, $municipalities: [String!]) {
  associations(first: 20, after: $after, filter: { municipalityCodes: $municipalities }) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id name { fi sv } municipalityCode categories { slug } } }
  }
}`;

const SEARCH = `query BenchSearch($search: String!) {
  associations(first: 10, filter: { search: $search }) {
    totalCount
    edges { node { id name { fi } municipalityCode categories { slug } } }
  }
}`;

const PAGE_FIELDS = `
    name { fi en }
    description { fi }
    website
    activities { name { fi } schedule isFree }
    contacts { name role email phone }
    events(first: 3) { edges { node { title { fi } startsAt } } }
    awardedGrants { title year amountAwarded { amount currency } }
    totalAwarded { amount }`;

/** Anonymous: associations, events and grants. */
const PAGE = `query BenchAssociationPage($id: ID!) {
  association(id: $id) {${PAGE_FIELDS}
  }
}`;

/** Signed in (city staff): the facilities subgraph's reservations too, four subgraphs. */
const PAGE_SIGNED_IN = `query BenchAssociationPageSignedIn($id: ID!) {
  association(id: $id) {${PAGE_FIELDS}
    reservations(first: 3) { edges { node { startsAt status space { name { fi } } } } }
  }
}`;

const CALENDAR = `query BenchCalendar($year: Int!, $serviceAreaId: ID) {
  calendar(year: $year, serviceAreaId: $serviceAreaId) {
    events { id title { fi } kind startsAt endsAt }
    milestones { title { fi } startsOn endsOn }
    applicationRounds { id closesAt program { name { fi } } }
    bookingSeasons { id name { fi } }
    surveys { id title { fi } closesAt }
  }
}`;

const GRANT_STATISTICS = `query BenchGrantStatistics($groupBy: [GrantGrouping!]!, $filter: AwardedGrantFilter) {
  grantStatistics(groupBy: $groupBy, filter: $filter) {
    groups { year serviceArea { name { fi } } applicationCount awardedCount requestedTotal { amount } awardedTotal { amount } medianAward { amount } }
    total { awardedTotal { amount } }
  }
}`;

const FREE_SPACES = `query BenchFreeSpaces($from: DateTime!, $to: DateTime!) {
  spaces(filter: { freeBetween: { from: $from, to: $to }, minCapacity: 10 }, first: 20) {
    totalCount
    edges { node { name { fi } type capacity pricing { isFree hourlyRate { amount } } facility { name { fi } municipalityCode } } }
  }
}`;

/** What varied requests are drawn from: read from the database being measured. */
export interface BenchReferences {
  associationIds: string[];
  /** Cursors of directory pages (the first page is null). */
  cursors: Array<string | null>;
  municipalityCodes: string[];
  serviceAreaIds: string[];
  years: number[];
  searchWords: string[];
  /** Evenings [from, to] when spaces may be free. */
  evenings: Array<[string, string]>;
  /** Bearer tokens of several staff members (different callers). */
  staffTokens: string[];
}

export const OPERATION_NAMES = [
  'directory',
  'search',
  'associationPage',
  'calendarYear',
  'grantStatistics',
  'freeSpaces',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export type Workload = 'identical' | 'varied';

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** Cycles through the items, so a run sees each about as often (and repeats are rare). */
function cycler<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length];
}

const GROUPINGS = [
  ['SERVICE_AREA', 'YEAR'],
  ['YEAR'],
  ['MUNICIPALITY'],
  ['ASSOCIATION_KIND', 'YEAR'],
];

/**
 * The request source of one operation: the same request every time ("identical", as the
 * public gateway benchmark sends), or a different one each time ("varied": other ids,
 * words, pages and callers, signed-in and anonymous mixed, so merging equal requests
 * cannot carry it).
 */
export function requestSource(
  operation: OperationName,
  workload: Workload,
  refs: BenchReferences,
): () => BenchRequest {
  const staff = (token: string) => `Bearer ${token}`;
  if (workload === 'identical') {
    const fixed: Record<OperationName, BenchRequest> = {
      directory: { body: body(DIRECTORY, { after: null, municipalities: null }) },
      search: { body: body(SEARCH, { search: refs.searchWords[0] }) },
      associationPage: {
        body: body(PAGE_SIGNED_IN, { id: refs.associationIds[0] }),
        authorization: staff(refs.staffTokens[0]),
      },
      calendarYear: { body: body(CALENDAR, { year: refs.years[refs.years.length - 1] }) },
      grantStatistics: { body: body(GRANT_STATISTICS, { groupBy: GROUPINGS[0] }) },
      freeSpaces: {
        body: body(FREE_SPACES, { from: refs.evenings[0][0], to: refs.evenings[0][1] }),
      },
    };
    const request = fixed[operation];
    return () => request;
  }
  const ids = cycler(refs.associationIds);
  const tokens = cycler(refs.staffTokens);
  const cursors = cycler(refs.cursors);
  const municipalities = cycler([null, ...refs.municipalityCodes.map((m) => [m])]);
  const words = cycler(refs.searchWords);
  const years = cycler(refs.years);
  const areas = cycler([null, ...refs.serviceAreaIds]);
  const groupings = cycler(GROUPINGS);
  const evenings = cycler(refs.evenings);
  let n = 0;
  const sources: Record<OperationName, () => BenchRequest> = {
    directory: () => {
      // A page of the whole directory, or the first page of one municipality's.
      const municipality = municipalities();
      return {
        body: body(
          DIRECTORY,
          municipality
            ? { after: null, municipalities: municipality }
            : { after: cursors(), municipalities: null },
        ),
      };
    },
    search: () => ({ body: body(SEARCH, { search: words() }) }),
    associationPage: () => {
      n += 1;
      return n % 2 === 0
        ? { body: body(PAGE_SIGNED_IN, { id: ids() }), authorization: staff(tokens()) }
        : { body: body(PAGE, { id: ids() }) };
    },
    calendarYear: () => ({ body: body(CALENDAR, { year: years(), serviceAreaId: areas() }) }),
    grantStatistics: () => {
      const year = years();
      return {
        body: body(GRANT_STATISTICS, { groupBy: groupings(), filter: n++ % 2 ? { year } : null }),
      };
    },
    freeSpaces: () => {
      const [from, to] = evenings();
      return { body: body(FREE_SPACES, { from, to }) };
    },
  };
  return sources[operation];
}

const WRITE = `mutation BenchWrite($input: UpdateAssociationInput!) {
  updateAssociation(input: $input) { id memberCount }
}`;

/**
 * Writes sent beside a workload (`--writes-per-minute`): staff changing an association's
 * member count, as a directory is kept up. Each is a mutation, so it retires every cached
 * answer (gateway/response-cache): the hit rate measured with writes is the one a cache
 * that forgets on change can have.
 */
export function writeSource(refs: BenchReferences): () => BenchRequest {
  const ids = cycler(refs.associationIds);
  const tokens = cycler(refs.staffTokens);
  let n = 0;
  return () => ({
    body: body(WRITE, { input: { id: ids(), memberCount: 10 + (n++ % 90), overwrite: true } }),
    authorization: `Bearer ${tokens()}`,
  });
}

/** The directory page as the associations subgraph itself answers it (no gateway). */
export function subgraphDirectoryRequest(): BenchRequest {
  return { body: body(DIRECTORY, { after: null, municipalities: null }) };
}

export const DIRECTORY_QUERY = DIRECTORY;
