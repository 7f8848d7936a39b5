import { markdownToHtml } from '../../subgraphs/core/markdown';
import { embeddableJson } from '../../subgraphs/core/embeddable-json';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { Express, Request, Response } from 'express';
import { GraphQueryError, queryGraph } from '../graph-query';
import { calendarItems, eventItem, eventJsonLd } from './feed.mapper';
import { writeAtom } from './atom';
import {
  ANNOUNCEMENTS_QUERY,
  CALENDAR_QUERY,
  EVENT_QUERY,
  EVENTS_QUERY,
  type FeedAnnouncement,
  type FeedCalendar,
  type FeedEvent,
} from './feed.queries';
import { writeCalendar } from './icalendar';

const DAY = 86_400_000;
/** A feed is for a calendar app, not for bulk export: 5,000 events is plenty. */
const MAX_PAGES = 50;

class FeedInputError extends Error {}

/**
 * A list parameter, given comma-separated (`kinds=A,B`), repeated (`kinds=A&kinds=B`) or
 * both: every value counts. (Repeats used to be dropped without a word.)
 */
function list(req: Request, name: string): string[] | undefined {
  const raw = req.query[name];
  const given = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (given.some((v) => typeof v !== 'string')) {
    throw new FeedInputError(
      `${name} must be plain values, e.g. ${name}=A,B or ${name}=A&${name}=B`,
    );
  }
  const values = (given as string[]).flatMap((v) => v.split(',')).map((v) => v.trim());
  return values.some(Boolean) ? values.filter(Boolean) : undefined;
}

/** A parameter that takes one value: given twice, it is refused rather than half-read. */
function single(req: Request, name: string): string | undefined {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new FeedInputError(`${name} may be given only once`);
  return raw;
}

function moment(req: Request, name: string, fallback: Date): string {
  const raw = single(req, name);
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
  return {
    from: moment(req, 'from', new Date(now.getTime() - 30 * DAY)),
    to: moment(req, 'to', new Date(now.getTime() + 365 * DAY)),
    kinds: list(req, 'kinds'),
    serviceAreaIds: list(req, 'serviceArea'),
    organizerIds: list(req, 'organizer'),
    keywords: list(req, 'keywords'),
    search: single(req, 'search'),
    freeOnly: single(req, 'free') === 'true' ? true : undefined,
  };
}

/**
 * Announcements as Atom 1.0 (`/feeds/announcements.atom`): the audience filters as query
 * parameters (topic, serviceArea, category, municipality, lang), the 50 newest published.
 */
async function announcementsFeed<T extends BaseContext>(
  req: Request,
  apollo: ApolloServer<T>,
  context: T,
  publicBaseUrl: string,
): Promise<{ type: string; body: string }> {
  const language = single(req, 'lang') ?? 'fi';
  if (!['fi', 'sv', 'en'].includes(language)) throw new FeedInputError('lang must be fi, sv or en');
  const filter = {
    topics: list(req, 'topic'),
    serviceAreaIds: list(req, 'serviceArea'),
    categoryIds: list(req, 'category'),
    municipalityCodes: list(req, 'municipality'),
  };
  const data = await queryGraph<{ announcements: { edges: Array<{ node: FeedAnnouncement }> } }, T>(
    apollo,
    context,
    ANNOUNCEMENTS_QUERY,
    { filter },
  );
  const items = data.announcements.edges.map((e) => e.node);
  const pick = (text: FeedAnnouncement['title']) =>
    text[language as 'fi' | 'sv' | 'en'] ?? text.fi ?? '';
  const self = `${publicBaseUrl}${req.originalUrl}`;
  return {
    type: 'application/atom+xml; charset=utf-8',
    body: writeAtom({
      id: `${publicBaseUrl}/feeds/announcements.atom`,
      title: 'Yhdistysyhteistyön tiedotteet',
      self,
      home: publicBaseUrl,
      author: 'Yhdistysyhteistyö',
      updated: new Date(Math.max(0, ...items.map((a) => Date.parse(a.updatedAt))) || Date.now()),
      entries: items.map((a) => ({
        id: `urn:uuid:${a.id}`,
        title: pick(a.title),
        // Staff write announcements in Markdown; a feed reader shows HTML.
        html: markdownToHtml(pick(a.body)),
        updated: new Date(a.updatedAt),
        published: a.publishedAt ? new Date(a.publishedAt) : null,
        link: a.url,
        categories: [a.topic],
        language: a.title[language as 'fi' | 'sv' | 'en'] ? language : 'fi',
      })),
    }),
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
  /** Where the hub is reached from outside: event URLs in feeds point there. */
  publicBaseUrl: string,
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
        body: writeCalendar(
          'Yhteistyön tapahtumat',
          events.map((e) => eventItem(e, publicBaseUrl)),
        ),
      };
    }),
  );

  app.get(
    '/feeds/calendar.ics',
    handle(async (req) => {
      const rawYear = single(req, 'year');
      const year = rawYear !== undefined && /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
      if (Number.isNaN(year))
        throw new FeedInputError('year is required, e.g. /feeds/calendar.ics?year=2027');
      const serviceAreaId = single(req, 'serviceArea') ?? null;
      const data = await queryGraph<{ calendar: FeedCalendar }, T>(
        apollo,
        anonymousContext,
        CALENDAR_QUERY,
        { year, serviceAreaId },
      );
      return {
        type: 'text/calendar; charset=utf-8',
        body: writeCalendar(`Vuosikello ${year}`, calendarItems(data.calendar, publicBaseUrl)),
      };
    }),
  );

  app.get(
    '/feeds/announcements.atom',
    handle((req) => announcementsFeed(req, apollo, anonymousContext, publicBaseUrl)),
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
        ? {
            type: 'application/ld+json',
            body: embeddableJson(eventJsonLd(data.event, publicBaseUrl)),
          }
        : null;
    }),
  );
}
