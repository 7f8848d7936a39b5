import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { queryGraph } from '../graph-query';
import {
  HSDS_TABLES,
  type HsdsTable,
  hsdsDataPackage,
  hsdsTableCsv,
  hsdsTables,
} from './hsds-tabular';
import type { OpenDataConfig } from '../exports/three-sixty-giving';
import {
  type DirectoryActivity,
  type DirectoryAssociation,
  type DirectoryFacility,
  hsdsPage,
  toFacilityLocation,
  toLocation,
  toOrganization,
  toService,
} from './hsds';

const DIRECTORY_QUERY = `
  query HsdsDirectory($after: String) {
    associations(first: 100, after: $after, filter: { statuses: [ACTIVE, DORMANT, DISSOLVED] }) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        id name { fi sv en } description { fi } kind status businessId foundedYear
        website email phone languages updatedAt
        address { street postalCode city }
        municipality { name { fi } }
        activities { id name { fi sv en } description { fi } languages isFree schedule url updatedAt }
        contacts { id name role title isPublic email phone }
      } }
    }
  }`;

const FACILITIES_QUERY = `
  query HsdsFacilities($after: String) {
    facilities(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id name { fi } description { fi } address { street postalCode city } updatedAt } }
    }
  }`;

/** A city's directory has thousands of associations, not hundreds of thousands. */
const MAX_WALK_PAGES = 500;

interface GraphPage<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

/** What one walk of the public graph read. */
export interface DirectoryWalk {
  associations: DirectoryAssociation[];
  facilities: DirectoryFacility[];
}

/** The whole directory, indexed: what every HSDS answer of one generation is cut from. */
export interface HsdsDirectory {
  associations: DirectoryAssociation[];
  association: Map<string, DirectoryAssociation>;
  services: Array<{ activity: DirectoryActivity; association: DirectoryAssociation }>;
  service: Map<string, { activity: DirectoryActivity; association: DirectoryAssociation }>;
  /** The city's facilities, then the associations' own addresses, each with when it changed. */
  locations: Array<{ location: Record<string, unknown>; updatedAt: string }>;
  location: Map<unknown, Record<string, unknown>>;
}

function indexDirectory({ associations, facilities }: DirectoryWalk): HsdsDirectory {
  const located = <T extends { updatedAt: string }>(
    items: T[],
    toLocationOf: (item: T) => Record<string, unknown> | null,
  ) =>
    items.flatMap((item) => {
      const location = toLocationOf(item);
      return location ? [{ location, updatedAt: item.updatedAt }] : [];
    });
  const services = associations.flatMap((association) =>
    association.activities.map((activity) => ({ activity, association })),
  );
  const locations = [
    ...located(facilities, toFacilityLocation),
    ...located(associations, toLocation),
  ];
  return {
    associations,
    association: new Map(associations.map((a) => [a.id, a])),
    services,
    service: new Map(services.map((s) => [s.activity.id, s])),
    locations,
    location: new Map(locations.map((l) => [l.location.id, l.location])),
  };
}

/**
 * The directory walked once through the public graph (as an anonymous client: only what is
 * public), kept until the gateway's cached answers are retired (a mutation or a domain
 * event advances the generation) or `maxAgeMs` passes, whichever is first. So a change
 * shows in the next HSDS answer, and paging through a list reads one consistent walk.
 */
export class HsdsSnapshots {
  private built: { key: string; at: number; directory: Promise<HsdsDirectory> } | null = null;

  constructor(
    private readonly walk: () => Promise<DirectoryWalk>,
    private readonly generation: () => Promise<string>,
    private readonly maxAgeMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async current(): Promise<HsdsDirectory> {
    const key = await this.generation();
    const at = this.now();
    if (!this.built || this.built.key !== key || at - this.built.at > this.maxAgeMs) {
      const built = { key, at, directory: this.walk().then(indexDirectory) };
      // A failed walk is not kept: the next request walks again.
      built.directory.catch(() => {
        if (this.built === built) this.built = null;
      });
      this.built = built;
    }
    return this.built.directory;
  }
}

class HsdsInputError extends Error {}

function wholeNumber(req: Request, name: string, fallback: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new HsdsInputError(`${name} must be a whole number from 1 to ${max}`);
  }
  return Number(raw);
}

function modifiedAfter(req: Request): number | null {
  const raw = req.query.modified_after;
  if (raw === undefined) return null;
  const at = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}(T|$)/.test(raw) || Number.isNaN(at)) {
    throw new HsdsInputError(
      'modified_after must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z',
    );
  }
  return at;
}

/** Paging of a list: `page` from 1, `per_page` up to 100 (50 by default). */
function paging(req: Request): { page: number; perPage: number } {
  return {
    page: wholeNumber(req, 'page', 1, 100_000),
    perPage: wholeNumber(req, 'per_page', 50, 100),
  };
}

/**
 * GET /hsds/v3/ and its organizations, services and locations (each list paged, each by
 * `/{id}`): the directory as Open Referral HSDS 3, for a regional directory, a service map
 * or a national register to sync from. `modified_after` gives what changed since a sync
 * (a change to an association's activities or contacts counts as a change to it).
 */
export function mountHsds<T extends BaseContext>(
  app: Express,
  apollo: ApolloServer<T>,
  anonymousContext: T,
  config: OpenDataConfig & { publicBaseUrl: string },
  generation: () => Promise<string>,
  log: (message: string, error: unknown) => void,
): void {
  /** Every node of a connection, a hundred at a time. */
  const all = async <N>(query: string, field: string): Promise<N[]> => {
    const nodes: N[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_WALK_PAGES; page++) {
      const data: Record<string, GraphPage<N>> = await queryGraph(apollo, anonymousContext, query, {
        after,
      });
      nodes.push(...data[field].edges.map((e) => e.node));
      if (!data[field].pageInfo.hasNextPage) return nodes;
      after = data[field].pageInfo.endCursor;
    }
    throw new Error(`More than ${MAX_WALK_PAGES * 100} ${field}: too many for one walk`);
  };
  const snapshots = new HsdsSnapshots(async () => {
    const [associations, facilities] = await Promise.all([
      all<DirectoryAssociation>(DIRECTORY_QUERY, 'associations'),
      all<DirectoryFacility>(FACILITIES_QUERY, 'facilities'),
    ]);
    return { associations, facilities };
  }, generation);

  const route =
    (answer: (req: Request, directory: HsdsDirectory) => unknown) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const body = answer(req, await snapshots.current());
        if (body === undefined) {
          res.status(404).json({ error: `There is nothing at ${req.path}.` });
          return;
        }
        res.setHeader('cache-control', 'public, max-age=60');
        res.json(body);
      } catch (error) {
        if (error instanceof HsdsInputError) {
          res.status(400).json({ error: error.message });
          return;
        }
        log('[gateway] HSDS answer failed', error);
        res
          .status(503)
          .json({ error: 'The directory could not be read right now; try again shortly.' });
      }
    };
  const changedSince = (req: Request) => {
    const since = modifiedAfter(req);
    return (iso: string) => since === null || Date.parse(iso) >= since;
  };

  // The tables of one walk are made once, not again for each of the ten files.
  const tablesByWalk = new WeakMap<HsdsDirectory, ReturnType<typeof hsdsTables>>();
  function tablesOf(directory: HsdsDirectory) {
    let made = tablesByWalk.get(directory);
    if (!made) {
      made = hsdsTables(directory);
      tablesByWalk.set(directory, made);
    }
    return made;
  }
  // The bulk download: the same records as the standard's tables, a CSV each.
  // The package lists the tables; it needs no walk of the directory.
  app.get('/hsds/v3/tabular/datapackage.json', (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=3600');
    res.json(hsdsDataPackage(config.funderName));
  });
  app.get('/hsds/v3/tabular/:file', async (req: Request, res: Response): Promise<void> => {
    const table = /^(\w+)\.csv$/.exec(String(req.params.file))?.[1];
    // Own keys only: "constructor.csv" names no table.
    if (!table || !Object.hasOwn(HSDS_TABLES, table)) {
      res.status(404).json({
        error: `There is no table ${String(req.params.file)}; datapackage.json lists them.`,
      });
      return;
    }
    try {
      const tables = tablesOf(await snapshots.current());
      res.setHeader('cache-control', 'public, max-age=60');
      res.setHeader('content-disposition', `attachment; filename="${table}.csv"`);
      res
        .type('text/csv; charset=utf-8')
        .send(hsdsTableCsv(table as HsdsTable, tables[table as HsdsTable]));
    } catch (error) {
      log('[gateway] HSDS table failed', error);
      res
        .status(503)
        .json({ error: 'The directory could not be read right now; try again shortly.' });
    }
  });
  app.get(['/hsds/v3', '/hsds/v3/'], (_req, res) => {
    res.json({
      version: '3.0',
      profile: 'https://docs.openreferral.org/en/latest/hsds/',
      openapi_url:
        'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json',
      description:
        "The city's association directory: associations as organizations, their activities as services, their addresses as locations.",
      publisher: {
        name: config.funderName,
        identifier: config.funderId,
        website: config.publicBaseUrl,
      },
    });
  });
  app.get(
    '/hsds/v3/organizations',
    route((req, d) => {
      const { page, perPage } = paging(req);
      const changed = changedSince(req);
      const list = d.associations.filter((a) => changed(a.updatedAt));
      return hsdsPage(
        list.map((a) => toOrganization(a, false)),
        page,
        perPage,
      );
    }),
  );
  app.get(
    '/hsds/v3/organizations/:id',
    route((req, d) => {
      const association = d.association.get(String(req.params.id).toLowerCase());
      return association ? toOrganization(association, true) : undefined;
    }),
  );
  app.get(
    '/hsds/v3/services',
    route((req, d) => {
      const { page, perPage } = paging(req);
      const changed = changedSince(req);
      const organization = req.query.organization_id;
      if (organization !== undefined && typeof organization !== 'string') {
        throw new HsdsInputError('organization_id must be one id');
      }
      const list = d.services.filter(
        (s) =>
          (!organization || s.association.id === organization.toLowerCase()) &&
          // A service changes with its organization too: a dissolved one's become defunct.
          (changed(s.activity.updatedAt) || changed(s.association.updatedAt)),
      );
      return hsdsPage(
        list.map((s) => toService(s.activity, s.association, false)),
        page,
        perPage,
      );
    }),
  );
  app.get(
    '/hsds/v3/services/:id',
    route((req, d) => {
      const found = d.service.get(String(req.params.id).toLowerCase());
      return found ? toService(found.activity, found.association, true) : undefined;
    }),
  );
  app.get(
    '/hsds/v3/locations',
    route((req, d) => {
      const { page, perPage } = paging(req);
      const changed = changedSince(req);
      const list = d.locations.filter((l) => changed(l.updatedAt)).map((l) => l.location);
      return hsdsPage(list, page, perPage);
    }),
  );
  app.get(
    '/hsds/v3/locations/:id',
    route((req, d) => {
      return d.location.get(String(req.params.id).toLowerCase());
    }),
  );
}
