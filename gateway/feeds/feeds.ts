import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { GraphQueryError, queryGraph } from '../graph-query';
import { calendarItems, eventItem, eventJsonLd } from './feed.mapper';
import {
  CALENDAR_QUERY,
  EVENT_QUERY,
  EVENTS_QUERY,
  type FeedCalendar,
  type FeedEvent,
} from './feed.queries';
import { writeCalendar } from './icalendar';

const DAY = 86_400_000;
/** A feed is for a calendar app, not for bulk export: 5,000 events is plenty. */
const MAX_PAGES = 50;

class FeedInputError extends Error {}

const list = (value: unknown) =>
  typeof value === 'string' && value.trim()
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

function moment(req: Request, name: string, fallback: Date): string {
  const raw = req.query[name];
  if (raw === undefined) return fallback.toISOString();
  if (
    typeof raw !== 'string' ||
    Number.isNaN(Date.parse(raw)) ||
    !/[zZ]|[+-]\d{2}:\d{2}$/.test(raw)
  ) {
    throw new FeedInputError(
      `${name} must be a moment with an offset, e.g. 2027-01-01T00:00:00+02:00`,
    );
  }
  return new Date(raw).toISOString();
}

/** The events feed's filter from query parameters: the same filter the graph takes. */
function eventFilter(req: Request, now: Date): Record<string, unknown> {
  const q = req.query;
  return {
    from: moment(req, 'from', new Date(now.getTime() - 30 * DAY)),
    to: moment(req, 'to', new Date(now.getTime() + 365 * DAY)),
    kinds: list(q.kinds),
    serviceAreaIds: list(q.serviceArea),
    organizerIds: list(q.organizer),
    keywords: list(q.keywords),
    search: typeof q.search === 'string' ? q.search : undefined,
    freeOnly: q.free === 'true' ? true : undefined,
  };
}

/**
 * iCalendar feeds and JSON-LD, served by the gateway from its own graph:
 * `/feeds/events.ics` (the events filter as query parameters), `/feeds/calendar.ics?year=…&serviceArea=…`
 * (the whole cooperation year) and `/feeds/events/<id>.jsonld` (schema.org Event).
 */
export function mountFeeds<T extends BaseContext>(
  app: Express,
  apollo: ApolloServer<T>,
  anonymousContext: T,
  log: (message: string, error: unknown) => void,
): void {
  const handle =
    (make: (req: Request) => Promise<{ type: string; body: string } | null>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        const result = await make(req);
        if (!result) {
          res.status(404).json({ error: 'No such public event' });
          return;
        }
        res.setHeader('cache-control', 'public, max-age=300');
        res.type(result.type).send(result.body);
      } catch (error) {
        if (
          error instanceof FeedInputError ||
          (error instanceof GraphQueryError && error.code === 'BAD_USER_INPUT')
        ) {
          res.status(400).json({ error: error.message });
          return;
        }
        log('[gateway] feed failed', error);
        res.status(503).json({ error: 'The feed could not be made right now; try again shortly.' });
      }
    };

  app.get(
    '/feeds/events.ics',
    handle(async (req) => {
      const filter = eventFilter(req, new Date());
      const events: FeedEvent[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: {
          events: {
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: Array<{ node: FeedEvent }>;
          };
        } = await queryGraph(apollo, anonymousContext, EVENTS_QUERY, { filter, after });
        events.push(...data.events.edges.map((e) => e.node));
        if (!data.events.pageInfo.hasNextPage) break;
        after = data.events.pageInfo.endCursor;
      }
      return {
        type: 'text/calendar; charset=utf-8',
        body: writeCalendar('Yhteistyön tapahtumat', events.map(eventItem)),
      };
    }),
  );

  app.get(
    '/feeds/calendar.ics',
    handle(async (req) => {
      const year =
        typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year)
          ? Number(req.query.year)
          : NaN;
      if (Number.isNaN(year))
        throw new FeedInputError('year is required, e.g. /feeds/calendar.ics?year=2027');
      const serviceAreaId =
        typeof req.query.serviceArea === 'string' ? req.query.serviceArea : null;
      const data = await queryGraph<{ calendar: FeedCalendar }, T>(
        apollo,
        anonymousContext,
        CALENDAR_QUERY,
        { year, serviceAreaId },
      );
      return {
        type: 'text/calendar; charset=utf-8',
        body: writeCalendar(`Vuosikello ${year}`, calendarItems(data.calendar)),
      };
    }),
  );

  app.get(
    '/feeds/events/:id.jsonld',
    handle(async (req) => {
      const data = await queryGraph<{ event: FeedEvent | null }, T>(
        apollo,
        anonymousContext,
        EVENT_QUERY,
        { id: req.params.id },
      );
      return data.event
        ? { type: 'application/ld+json', body: JSON.stringify(eventJsonLd(data.event), null, 2) }
        : null;
    }),
  );
}
