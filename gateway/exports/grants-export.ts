import { RFC_4180, SPREADSHEET_FI } from '../../subgraphs/core/csv';
import { embeddableJson } from '../../subgraphs/core/embeddable-json';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { queryGraph } from '../graph-query';
import { type ExportedInKind, toInKindCsv, toInKindPackage } from './in-kind';
import {
  type ExportedAward,
  type OpenDataConfig,
  toCsv,
  toPackage,
  toThreeSixtyGiving,
} from './three-sixty-giving';

const QUERY = `
  query AwardsForExport($filter: AwardedGrantFilter, $after: String) {
    awardedGrants(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node {
        id title description year awardDate
        amountAwarded { amount currency } amountRequested { amount currency }
        recipient { id name { fi } businessId }
        program { id name { fi } kind }
      } }
    }
  }`;

/** A city gives thousands of grants a year, not millions: 200 pages is a generous ceiling. */
const MAX_PAGES = 200;

class ExportInputError extends Error {}

interface AwardPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: ExportedAward }>;
}

/**
 * Every award of a year (or all years), read through the graph itself as an anonymous
 * client: the export shows exactly what the public API shows, with recipients' names and
 * business IDs from the directory, and needs no access to any subgraph's tables.
 */
async function awardsFor<T extends BaseContext>(
  apollo: ApolloServer<T>,
  context: T,
  year: number | undefined,
): Promise<ExportedAward[]> {
  const awards: ExportedAward[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const connection: AwardPage = await awardPage(apollo, context, year, after);
    awards.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return awards;
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`More than ${MAX_PAGES * 100} awards: narrow the export by year`);
}

async function awardPage<T extends BaseContext>(
  apollo: ApolloServer<T>,
  context: T,
  year: number | undefined,
  after: string | null,
): Promise<AwardPage> {
  const data = await queryGraph<{ awardedGrants: AwardPage }, T>(apollo, context, QUERY, {
    filter: year ? { year } : null,
    after,
  });
  return data.awardedGrants;
}

const IN_KIND_QUERY = `
  query InKindForExport($year: Int!) {
    supportInKind(year: $year) {
      association { id name { fi } businessId }
      serviceArea { id }
      spaceSubsidy { amount } spaceHours spaceReservations seasonSlots
      equipmentLent { amount } equipmentLoans
    }
  }`;

function yearOf(req: Request): number | undefined {
  const raw = req.query.year;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || Number(raw) < 2000 || Number(raw) > 2100) {
    throw new ExportInputError('year must be a year from 2000 to 2100, e.g. ?year=2026');
  }
  return Number(raw);
}

/** The export's form: the JSON package, the standard's CSV, or CSV for a Finnish spreadsheet. */
type Format = 'json' | 'csv' | 'csv-fi';

/**
 * Sends one export: the 360Giving JSON package (404 when there is none: the standard needs
 * a grant in a package), or its records as the standard's CSV, or that CSV for a spreadsheet
 * in a Finnish locale (.fi.csv).
 */
function sendExport(
  res: Response,
  format: Format,
  name: string,
  pack: object | null,
  csv: (dialect: typeof RFC_4180) => string,
  nothing: string,
): void {
  res.setHeader('cache-control', 'public, max-age=300');
  if (format === 'json') {
    if (!pack) {
      res.status(404).json({
        error: `${nothing}: a 360Giving package holds at least one grant, so there is none to serve. The CSV export answers with its header row only.`,
      });
      return;
    }
    res.setHeader('content-disposition', `inline; filename="${name}.360giving.json"`);
    res.type('application/json').send(embeddableJson(pack));
    return;
  }
  const finnish = format === 'csv-fi';
  res.setHeader('content-disposition', `attachment; filename="${name}${finnish ? '.fi' : ''}.csv"`);
  res.type('text/csv; charset=utf-8').send(csv(finnish ? SPREADSHEET_FI : RFC_4180));
}

/**
 * GET /exports/grants.360giving.json, /exports/grants.csv and /exports/grants.fi.csv (?year=…):
 * open data on awards; the same three for the support in kind of a year (issue 33).
 */
export function mountGrantExports<T extends BaseContext>(
  app: Express,
  apollo: ApolloServer<T>,
  anonymousContext: T,
  config: OpenDataConfig,
  log: (message: string, error: unknown) => void,
): void {
  /** Runs an export: bad input is a 400 naming the rule, a graph that cannot answer a 503. */
  const exporting =
    (what: string, work: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await work(req, res);
      } catch (error) {
        if (error instanceof ExportInputError) {
          res.status(400).json({ error: error.message });
          return;
        }
        log(`[gateway] ${what} export failed`, error);
        res
          .status(503)
          .json({ error: 'The export could not be made right now; try again shortly.' });
      }
    };
  const handle = (format: Format) =>
    exporting('grant', async (req, res) => {
      const year = yearOf(req);
      const awards = await awardsFor(apollo, anonymousContext, year);
      const grants = awards.map((a) => toThreeSixtyGiving(a, config));
      sendExport(
        res,
        format,
        `grants${year ? `-${year}` : ''}`,
        toPackage(awards, config),
        (dialect) => toCsv(grants, awards, dialect),
        `No grants were awarded${year ? ` in ${year}` : ''}`,
      );
    });
  // The support in kind of a year, beside the grants: the same standard, its own files.
  const inKind = (format: Format) =>
    exporting('in-kind', async (req, res) => {
      const year = yearOf(req);
      if (year === undefined) throw new ExportInputError('year is required, e.g. ?year=2026');
      const data = await queryGraph<{ supportInKind: ExportedInKind[] }, T>(
        apollo,
        anonymousContext,
        IN_KIND_QUERY,
        { year },
      );
      const pack = toInKindPackage(data.supportInKind, year, config);
      sendExport(
        res,
        format,
        `support-in-kind-${year}`,
        pack,
        (dialect) => toInKindCsv(pack?.grants ?? [], dialect),
        `No support in kind was given in ${year}`,
      );
    });
  app.get('/exports/support-in-kind.360giving.json', inKind('json'));
  app.get('/exports/support-in-kind.csv', inKind('csv'));
  app.get('/exports/support-in-kind.fi.csv', inKind('csv-fi'));
  app.get('/exports/grants.360giving.json', handle('json'));
  app.get('/exports/grants.csv', handle('csv'));
  app.get('/exports/grants.fi.csv', handle('csv-fi'));
}
