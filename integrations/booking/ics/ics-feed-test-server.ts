import { type Answer, MisbehavingTestServer } from '../../shared/test-server';

/** A stand-in for calendar feeds: serves whatever iCalendar text a test puts at a path. */
export class IcsFeedTestServer extends MisbehavingTestServer {
  readonly feeds = new Map<string, string>();

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  protected answer(_method: string, url: URL): Answer {
    const feed = this.feeds.get(url.pathname);
    if (feed === undefined)
      return { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } };
    return { body: feed, headers: { 'content-type': 'text/calendar; charset=utf-8' } };
  }
}
